package sfguard.rules.org.code_credential_flow_test

import rego.v1

import data.sfguard.rules.org.code_credential_flow as rule

doc(c) := {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": c}

test_weak_value_fires if {
	some f in rule.deny with input as doc({"oAuthCdCrdtFlowEnable": true})
	f.element == ["oAuthCdCrdtFlowEnable"]
	f.value == true
}

test_safe_value_is_silent if {
	count(rule.deny) == 0 with input as doc({"oAuthCdCrdtFlowEnable": false})
}

test_absent_is_the_safe_default if {
	count(rule.deny) == 0 with input as doc({})
}

test_other_types_are_ignored if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"oAuthCdCrdtFlowEnable": true}}
}
