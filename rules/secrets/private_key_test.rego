package sfguard.rules.secrets.private_key_test

import rego.v1

import data.sfguard.rules.secrets.private_key

base := {
	"detector": "private-key", "path": "certs/server.key", "line": 1, "source": "worktree",
	"key": "", "redacted": "-----B…(731 chars)", "hash": "1111222233334444", "entropy": 5.9,
	"placeholder": false, "envReference": false, "pathHints": [], "formatMatch": true,
	"keyType": "RSA", "encrypted": false, "jwtKeyFile": true,
}

test_jwt_key_critical if {
	some f in private_key.deny with input as base
	f.severity == "critical"
	contains(f.msg, "RSA private key")
}

test_other_key_high if {
	some f in private_key.deny with input as object.union(base, {"jwtKeyFile": false, "path": "deploy/id_rsa"})
	f.severity == "high"
}

test_encrypted_medium if {
	some f in private_key.deny with input as object.union(base, {"encrypted": true, "keyType": "ENCRYPTED"})
	f.severity == "medium"
}

test_binary_key_file if {
	some f in private_key.deny with input as object.union(base, {"detector": "salesforce-jwt-key-file", "binary": true})
	f.severity == "high"
	contains(f.msg, "certs/server.key")
}

test_placeholder_silent if count(private_key.deny) == 0 with input as object.union(base, {"placeholder": true})
