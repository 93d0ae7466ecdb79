package sfguard.rules.password.obscure_secret_answer_test

import rego.v1

import data.sfguard.rules.password.obscure_secret_answer as rule

test_weak_org_policy_fires if {
	some f in rule.deny with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {"obscureSecretAnswer": false}}}
	f.element == ["passwordPolicies", "obscureSecretAnswer"]
	f.severity == "low"
}

test_weak_profile_override_fires if {
	some f in rule.deny with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "obscure": false}}
	f.element == ["obscure"]
	contains(f.msg, "mail connector integration")
}

test_baseline_values_are_silent if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {"obscureSecretAnswer": true}}}
	count(rule.deny) == 0 with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "obscure": true}}
}

test_absent_or_unreadable_is_silent if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": {}}}
	count(rule.deny) == 0 with input as {"type": "ProfilePasswordPolicy", "fullName": "Mail_Connector_Integration_profilePasswordPolicy1", "content": {"profile": "mail connector integration", "obscure": "abc"}}
}
