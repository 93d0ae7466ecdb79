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

# Lower, never drop: every test-like path lowers by exactly one step and says why.
test_test_paths_lower_one_step if {
	every hints in [["apex-test"], ["docs"], ["example"], ["fixture"], ["test"], ["docs", "example"]] {
		some f in password.deny with input as object.union(base, {"pathHints": hints, "tokenSuffixLikely": true})
		f.severity == "high"
		contains(f.msg, "Severity lowered from critical to high")
	}
}

test_alone_in_docs_medium if {
	some f in password.deny with input as object.union(base, {"pathHints": ["docs"]})
	f.severity == "medium"
}

# The Ant Migration Tool's own sample/build.properties is configuration.
test_ant_sample_build_properties_not_lowered if {
	every p in ["sample/build.properties", "tools/ant/sample/build.properties", "build/build.properties"] {
		some f in password.deny with input as object.union(base, {"path": p, "pathHints": ["example"], "tokenSuffixLikely": true})
		f.severity == "critical"
		not contains(f.msg, "lowered")
	}
}

test_config_paths_configurable if {
	some f in password.deny with input as object.union(base, {"path": "sample/build.properties", "pathHints": ["example"], "tokenSuffixLikely": true})
		with data.sfguard.params.secret_config_paths as []
	f.severity == "high"
}

test_encrypted_in_test_path_info if {
	some f in password.deny with input as object.union(base, {"encrypted": true, "pathHints": ["test"]})
	f.severity == "info"
}

test_env_silent if count(password.deny) == 0 with input as object.union(base, {"envReference": true})

# Lower, never drop: a low-variety password may be a real, weak one.
test_weak_lowered if {
	some f in password.deny with input as object.union(base, {"entropy": 1.9})
	f.severity == "low"
	contains(f.msg, "too little variety")
}
