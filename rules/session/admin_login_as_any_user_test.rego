package sfguard.rules.session.admin_login_as_any_user_test

import rego.v1

import data.sfguard.rules.session.admin_login_as_any_user as rule

doc(c) := {"type": "SecuritySettings", "fullName": "Security", "content": c}

test_enableadminloginasanyuser_true_fires if {
	fs := rule.deny with input as doc({"enableAdminLoginAsAnyUser": true})
	count(fs) == 1
	some f in fs
	f.element == ["enableAdminLoginAsAnyUser"]
	f.value == true
}

test_expected_values_are_silent if {
	count(rule.deny) == 0 with input as doc({"enableAdminLoginAsAnyUser": false})
}

test_absent_switch_is_unknown_not_weak if {
	count(rule.deny) == 0 with input as doc({"sessionSettings": {}})
	count(rule.deny) == 0 with input as doc({})
}

test_other_types_are_ignored if {
	count(rule.deny) == 0 with input as {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": {"enableAdminLoginAsAnyUser": true}}
}
