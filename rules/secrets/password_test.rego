package sfguard.rules.secrets.password_test

import rego.v1

import data.sfguard.rules.secrets.password

base := {
	"detector": "salesforce-password", "path": "build.properties", "line": 2, "source": "worktree",
	"key": "sf.password", "redacted": "Kp4vTq…(38 chars)", "hash": "1111222233334444", "entropy": 4.6,
	"placeholder": false, "envReference": false, "pathHints": [], "formatMatch": false, "salesforceKey": true,
	"pairedWith": [], "tokenSuffixLikely": false,
}

test_password_with_token_appended if {
	some f in password.deny with input as object.union(base, {"tokenSuffixLikely": true})
	f.severity == "critical"
	contains(f.msg, "security token appended")
}

test_password_with_username if {
	some f in password.deny with input as object.union(base, {"pairedWith": ["instanceUrl", "username"]})
	f.severity == "critical"
}

test_password_alone_high if {
	some f in password.deny with input as base
	f.severity == "high"
}

test_data_loader_note if {
	some f in password.deny with input as object.union(base, {"key": "sfdc.password", "dataLoader": true})
	contains(f.msg, "(Data Loader)")
}

test_encrypted_low if {
	d := password.deny with input as object.union(base, {"key": "sfdc.password", "encrypted": true, "encryptionKeyFile": true})
	count(d) == 1
	some f in d
	f.severity == "low"
}

test_security_token_with_password if {
	some f in password.deny with input as object.union(base, {"detector": "salesforce-security-token", "key": "SF_SECURITY_TOKEN", "pairedWith": ["password", "username"]})
	f.severity == "critical"
	contains(f.msg, "security token")
}

test_security_token_alone_high if {
	some f in password.deny with input as object.union(base, {"detector": "salesforce-security-token", "key": "security_token"})
	f.severity == "high"
}

test_apex_test_silent if count(password.deny) == 0 with input as object.union(base, {"pathHints": ["apex-test"]})

test_env_silent if count(password.deny) == 0 with input as object.union(base, {"envReference": true})

test_weak_silent if count(password.deny) == 0 with input as object.union(base, {"entropy": 1.9})
