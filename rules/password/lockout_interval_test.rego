package sfguard.rules.password.lockout_interval_test

import rego.v1

import data.sfguard.rules.password.lockout_interval as rule

test_weak_org_policy_fires if {
	some f in rule.deny with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {"lockoutInterval": "FifteenMinutes"}}}
	f.element == ["passwordPolicies", "lockoutInterval"]
	f.severity == "info"
}

test_weak_profile_override_fires if {
	some f in rule.deny with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "lockoutInterval": 15}}
	f.element == ["lockoutInterval"]
	contains(f.msg, "mail connector integration")
}

test_baseline_values_are_silent if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {"lockoutInterval": "ThirtyMinutes"}}}
	count(rule.deny) == 0 with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "lockoutInterval": 0}}
}

test_absent_or_unreadable_is_silent if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {}}}
	count(rule.deny) == 0 with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "lockoutInterval": "abc"}}
}
