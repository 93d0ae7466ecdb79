package sfguard.rules.permissions.integration_not_api_only_test

import rego.v1

import data.sfguard.rules.permissions.integration_not_api_only as rule

profile(name, license, names) := {"type": "Profile", "fullName": name, "content": {
	"custom": true,
	"userLicense": license,
	"userPermissions": [{"enabled": true, "name": n} | some n in names],
}}

test_integration_profile_without_api_only_fires if {
	some f in rule.deny with input as profile("Mail Connector Integration", "Salesforce", ["ActivitiesAccess", "ApiEnabled"])
	f.element == ["userPermissions", 1, "name"]
}

test_names_that_count if {
	every n in ["ERP API Only", "Netsuite Sync", "HR Connector", "Service Account"] {
		count(rule.deny) == 1 with input as profile(n, "Salesforce", ["ApiEnabled"])
	}
}

test_api_only_user_or_integration_license_is_silent if {
	count(rule.deny) == 0 with input as profile("Order Sync Integration", "Salesforce", ["ApiEnabled", "ApiUserOnly"])
	count(rule.deny) == 0 with input as profile("ERP Integration API Only", "Salesforce Integration", ["ApiEnabled"])
}

test_ordinary_profiles_are_silent if {
	count(rule.deny) == 0 with input as profile("Sales User", "Salesforce", ["ApiEnabled"])
	count(rule.deny) == 0 with input as profile("Async Batch Team", "Salesforce", ["ApiEnabled"])
}

test_pattern_is_a_parameter if {
	count(rule.deny) == 1 with input as profile("Svc Mulesoft", "Salesforce", ["ApiEnabled"])
		with data.sfguard.params as {"integration_profile_pattern": "^Svc "}
}
