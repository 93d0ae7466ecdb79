package sfguard.rules.secrets.access_token_test

import rego.v1

import data.sfguard.rules.secrets.access_token

base := {
	"detector": "salesforce-access-token", "path": "scripts/query.sh", "line": 2, "source": "worktree",
	"key": "", "redacted": "00D5g0…(112 chars)", "hash": "1111222233334444", "entropy": 5.4,
	"placeholder": false, "envReference": false, "pathHints": [], "formatMatch": true, "pairedWith": ["instanceUrl"],
}

test_token_is_critical if {
	d := access_token.deny with input as base
	count(d) == 1
	some f in d
	f.severity == "critical"
	contains(f.msg, "00D5g0…(112 chars)")
}

test_jwt_token if {
	some f in access_token.deny with input as object.union(base, {"detector": "salesforce-jwt-access-token", "redacted": "eyJhbG…(240 chars)"})
	contains(f.msg, "JWT access token")
}

test_placeholder_silent if count(access_token.deny) == 0 with input as object.union(base, {"placeholder": true})

test_env_silent if count(access_token.deny) == 0 with input as object.union(base, {"envReference": true})

# A token of the documented shape keeps its severity in docs and tests.
test_shape_keeps_severity_in_any_path if {
	every hints in [["test"], ["docs"], ["example"], ["fixture"], ["apex-test"]] {
		some f in access_token.deny with input as object.union(base, {"pathHints": hints})
		f.severity == "critical"
		contains(f.msg, "live credential wherever it is committed")
	}
}

test_keyed_value_lowered_in_docs if {
	some f in access_token.deny with input as object.union(base, {"formatMatch": false, "encrypted": false, "key": "SF_ACCESS_TOKEN", "pathHints": ["docs"]})
	f.severity == "medium"
	contains(f.msg, "lowered from high to medium")
}

test_keyed_encrypted_low if {
	some f in access_token.deny with input as object.union(base, {"formatMatch": false, "encrypted": true, "key": "sfdc.oauth.accesstoken"})
	f.severity == "low"
}

test_keyed_plain_high if {
	some f in access_token.deny with input as object.union(base, {"formatMatch": false, "encrypted": false, "key": "SF_ACCESS_TOKEN"})
	f.severity == "high"
}

test_keyed_weak_silent if {
	count(access_token.deny) == 0 with input as object.union(base, {"formatMatch": false, "encrypted": false, "entropy": 1.5})
}
