package sfguard.rules.secrets.consumer_secret_test

import rego.v1

import data.sfguard.rules.secrets.consumer_secret

base := {
	"detector": "salesforce-consumer-secret", "path": "integration/app.properties", "line": 2, "source": "worktree",
	"key": "salesforce.consumer_secret", "redacted": "8E1F0C…(64 chars)", "hash": "1111222233334444", "entropy": 3.9,
	"placeholder": false, "envReference": false, "pathHints": [], "formatMatch": true, "salesforceKey": true,
	"pairedWith": [], "metadataType": "",
}

test_secret_high if {
	some f in consumer_secret.deny with input as base
	f.severity == "high"
}

test_with_key_critical if {
	some f in consumer_secret.deny with input as object.union(base, {"pairedWith": ["consumerKey"]})
	f.severity == "critical"
}

test_authprovider_metadata if {
	some f in consumer_secret.deny with input as object.union(base, {"key": "consumerSecret", "metadataType": "AuthProvider"})
	contains(f.msg, "in AuthProvider metadata")
}

test_generic_key_odd_shape_silent if {
	count(consumer_secret.deny) == 0 with input as object.union(base, {"key": "client_secret", "formatMatch": false, "salesforceKey": false})
}

test_test_path_lowered_one_step if {
	some plain in consumer_secret.deny with input as base
	some f in consumer_secret.deny with input as object.union(base, {"pathHints": ["fixture"]})
	data.sfguard.lib.secrets.one_lower[plain.severity] == f.severity
	contains(f.msg, "fixture path")
}

test_weak_silent if count(consumer_secret.deny) == 0 with input as object.union(base, {"entropy": 1.2})
