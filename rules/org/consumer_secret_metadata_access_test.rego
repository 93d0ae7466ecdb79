package sfguard.rules.org.consumer_secret_metadata_access_test

import rego.v1

import data.sfguard.rules.org.consumer_secret_metadata_access as rule

doc(c) := {"type": "ExternalClientAppSettings", "fullName": "ExternalClientApp", "content": c}

test_weak_value_fires if {
	some f in rule.deny with input as doc({"enableConsumerSecretApiAccess": true})
	f.element == ["enableConsumerSecretApiAccess"]
	f.value == true
}

test_safe_value_is_silent if {
	count(rule.deny) == 0 with input as doc({"enableConsumerSecretApiAccess": false})
}

test_absent_is_the_safe_default if {
	count(rule.deny) == 0 with input as doc({})
}

test_other_types_are_ignored if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"enableConsumerSecretApiAccess": true}}
}
