package sfguard.rules.session.require_http_only_test

import rego.v1

import data.sfguard.rules.session.require_http_only as rule

doc(c) := {"type": "SecuritySettings", "fullName": "Security", "content": c}

test_requirehttponly_false_fires if {
	fs := rule.deny with input as doc({"sessionSettings": {"requireHttpOnly": false}})
	count(fs) == 1
	some f in fs
	f.element == ["sessionSettings", "requireHttpOnly"]
	f.value == false
}

test_expected_values_are_silent if {
	count(rule.deny) == 0 with input as doc({"sessionSettings": {"requireHttpOnly": true}})
}

test_absent_switch_is_unknown_not_weak if {
	count(rule.deny) == 0 with input as doc({"sessionSettings": {}})
	count(rule.deny) == 0 with input as doc({})
}

test_other_types_are_ignored if {
	count(rule.deny) == 0 with input as {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": {"sessionSettings": {"requireHttpOnly": false}}}
}
