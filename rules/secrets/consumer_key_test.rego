package sfguard.rules.secrets.consumer_key_test

import rego.v1

import data.sfguard.rules.secrets.consumer_key

base := {
	"detector": "salesforce-consumer-key", "path": "config/ci.yml", "line": 1, "source": "worktree",
	"key": "", "redacted": "3MVG9z…(85 chars)", "hash": "1111222233334444", "entropy": 5.3,
	"placeholder": false, "envReference": false, "pathHints": [], "formatMatch": true, "metadataType": "",
}

test_key_in_ci_reported if {
	some f in consumer_key.deny with input as base
	object.get(f, "severity", "rule default") == "rule default"
	contains(f.msg, "3MVG9z…(85 chars)")
}

test_key_in_connected_app_silent if {
	count(consumer_key.deny) == 0 with input as object.union(base, {"metadataType": "ConnectedApp"})
}

test_key_in_eca_global_oauth_silent if {
	count(consumer_key.deny) == 0 with input as object.union(base, {"metadataType": "ExtlClntAppGlobalOauthSettings"})
}

test_key_in_docs_silent if count(consumer_key.deny) == 0 with input as object.union(base, {"pathHints": ["docs"]})
