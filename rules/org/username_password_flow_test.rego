package sfguard.rules.org.username_password_flow_test

import rego.v1

import data.sfguard.rules.org.username_password_flow as rule

doc(c) := {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": c}

test_weak_value_fires if {
	some f in rule.deny with input as doc({"blockOAuthUnPwFlow": false})
	f.element == ["blockOAuthUnPwFlow"]
	f.value == false
}

test_safe_value_is_silent if {
	count(rule.deny) == 0 with input as doc({"blockOAuthUnPwFlow": true})
}

test_absent_falls_back_to_the_weak_default if {
	some f in rule.deny with input as doc({})
	contains(f.msg, "absent, default false")
}

test_other_types_are_ignored if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"blockOAuthUnPwFlow": false}}
}
