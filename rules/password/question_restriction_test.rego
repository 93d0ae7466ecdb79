package sfguard.rules.password.question_restriction_test

import rego.v1

import data.sfguard.rules.password.question_restriction as rule

test_weak_org_policy_fires if {
	some f in rule.deny with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {"questionRestriction": "None"}}}
	f.element == ["passwordPolicies", "questionRestriction"]
	f.severity == "info"
}

test_weak_profile_override_fires if {
	some f in rule.deny with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "passwordQuestion": 0}}
	f.element == ["passwordQuestion"]
	contains(f.msg, "mail connector integration")
}

test_baseline_values_are_silent if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {"questionRestriction": "DoesNotContainPassword"}}}
	count(rule.deny) == 0 with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "passwordQuestion": 1}}
}

test_absent_or_unreadable_is_silent if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {}}}
	count(rule.deny) == 0 with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "passwordQuestion": "abc"}}
}
