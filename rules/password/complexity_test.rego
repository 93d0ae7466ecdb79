package sfguard.rules.password.complexity_test

import rego.v1

import data.sfguard.rules.password.complexity as rule

test_weak_org_policy_fires if {
	some f in rule.deny with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {"complexity": "NoRestriction"}}}
	f.element == ["passwordPolicies", "complexity"]
	f.severity == "medium"
}

test_weak_profile_override_fires if {
	some f in rule.deny with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "passwordComplexity": 1}}
	f.element == ["passwordComplexity"]
	contains(f.msg, "mail connector integration")
}

test_baseline_values_are_silent if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {"complexity": "UpperLowerCaseNumericSpecialCharacters"}}}
	count(rule.deny) == 0 with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "passwordComplexity": 4}}
}

test_absent_or_unreadable_is_silent if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {}}}
	count(rule.deny) == 0 with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "passwordComplexity": "abc"}}
}
