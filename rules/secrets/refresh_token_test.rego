package sfguard.rules.secrets.refresh_token_test

import rego.v1

import data.sfguard.rules.secrets.refresh_token

base := {
	"detector": "salesforce-refresh-token", "path": "notes/handover.txt", "line": 2, "source": "worktree",
	"key": "", "redacted": "5Aep86…(87 chars)", "hash": "1111222233334444", "entropy": 5.6,
	"placeholder": false, "envReference": false, "pathHints": [], "formatMatch": true, "pairedWith": [],
}

app := {"type": "ExternalClientApplication", "fullName": "SF_Taegis_Integration", "scopes": ["Api", "RefreshToken"], "refreshTokenPolicy": "SpecificLifetime:365:Days", "ipRelaxation": "Bypass", "permittedUsers": "AllSelfAuthorized"}

test_refresh_token_alone_is_critical if {
	some f in refresh_token.deny with input as base
	f.severity == "critical"
}

test_history_names_commit if {
	some f in refresh_token.deny with input as object.union(base, {"source": "history", "commit": "abcdef0123456789abcdef"})
	contains(f.msg, "added in commit abcdef012345")
}

test_app_named if {
	some f in refresh_token.deny with input as object.union(base, {"app": app})
	contains(f.msg, "external client app SF_Taegis_Integration")
	contains(f.msg, "IP relaxation: Bypass")
}

test_placeholder_silent if count(refresh_token.deny) == 0 with input as object.union(base, {"placeholder": true})

test_allowlisted_hash_silent if {
	count(refresh_token.deny) == 0 with input as base with data.sfguard.params.secret_allow_hashes as ["1111222233334444"]
}

test_docs_path_keeps_critical if {
	some f in refresh_token.deny with input as object.union(base, {"path": "docs/runbook.md", "pathHints": ["docs"]})
	f.severity == "critical"
}
