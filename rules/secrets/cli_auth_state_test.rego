package sfguard.rules.secrets.cli_auth_state_test

import rego.v1

import data.sfguard.rules.secrets.cli_auth_state

base := {
	"detector": "salesforce-cli-auth-state", "path": "home/.sfdx/ci@acme.com.json", "line": 2, "source": "worktree",
	"key": "accessToken", "field": "accessToken", "redacted": "8a7f3c…(65 chars)", "hash": "1111222233334444",
	"entropy": 3.9, "placeholder": false, "envReference": false, "pathHints": [], "encryptedValue": true,
}

test_encrypted_token_high if {
	some f in cli_auth_state.deny with input as base
	f.severity == "high"
	contains(f.msg, "accessToken of an authorized org")
}

test_key_json_critical if {
	some f in cli_auth_state.deny with input as object.union(base, {"field": "key", "path": ".sfdx/key.json"})
	f.severity == "critical"
}

test_plain_token_critical if {
	some f in cli_auth_state.deny with input as object.union(base, {"encryptedValue": false})
	f.severity == "critical"
}

test_fixture_lowered_not_dropped if {
	some f in cli_auth_state.deny with input as object.union(base, {"pathHints": ["fixture"]})
	f.severity in {"high", "medium"}
	contains(f.msg, "fixture path")
}
