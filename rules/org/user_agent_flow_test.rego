package sfguard.rules.org.user_agent_flow_test

import rego.v1

import data.sfguard.rules.org.user_agent_flow as rule

doc(c) := {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": c}

test_weak_value_fires if {
	some f in rule.deny with input as doc({"blockOAuthUsrAgtFlow": false})
	f.element == ["blockOAuthUsrAgtFlow"]
	f.value == false
}

test_safe_value_is_silent if {
	count(rule.deny) == 0 with input as doc({"blockOAuthUsrAgtFlow": true})
}

test_absent_falls_back_to_the_weak_default if {
	some f in rule.deny with input as doc({})
	contains(f.msg, "absent, default false")
}

test_other_types_are_ignored if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"blockOAuthUsrAgtFlow": false}}
}
