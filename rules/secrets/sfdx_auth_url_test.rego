package sfguard.rules.secrets.sfdx_auth_url_test

import rego.v1

import data.sfguard.rules.secrets.sfdx_auth_url

base := {
	"detector": "salesforce-sfdx-auth-url", "path": ".env", "line": 1, "source": "worktree",
	"key": "", "redacted": "force:…(131 chars)", "hash": "1111222233334444", "entropy": 5.6,
	"placeholder": false, "envReference": false, "pathHints": [], "formatMatch": true, "pairedWith": [],
	"platformCLI": true, "hasClientSecret": false, "host": "acme.my.salesforce.com",
}

test_platform_cli_url if {
	some f in sfdx_auth_url.deny with input as base
	f.severity == "critical"
	contains(f.msg, "needs no secret")
	contains(f.msg, "acme.my.salesforce.com")
}

test_app_url_with_secret if {
	some f in sfdx_auth_url.deny with input as object.union(base, {"platformCLI": false, "hasClientSecret": true})
	contains(f.msg, "consumer secret and a refresh token")
}

test_staged_source_reads_like_the_work_tree if {
	some f in sfdx_auth_url.deny with input as object.union(base, {"source": "staged"})
	some g in sfdx_auth_url.deny with input as base
	f.msg == g.msg
}

test_placeholder_silent if count(sfdx_auth_url.deny) == 0 with input as object.union(base, {"placeholder": true})

test_allow_path_silent if {
	count(sfdx_auth_url.deny) == 0 with input as base with data.sfguard.params.secret_allow_paths as [".env"]
}

# A live auth URL in a runbook or AGENTS.md is as critical as in a script.
test_docs_path_keeps_critical if {
	every hints in [["docs"], ["example"], ["test"], ["fixture"]] {
		some f in sfdx_auth_url.deny with input as object.union(base, {"path": "AGENTS.md", "pathHints": hints})
		f.severity == "critical"
	}
}
