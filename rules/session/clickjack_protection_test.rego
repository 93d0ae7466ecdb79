package sfguard.rules.session.clickjack_protection_test

import rego.v1

import data.sfguard.rules.session.clickjack_protection as rule

doc(c) := {"type": "SecuritySettings", "fullName": "Security", "content": c}

test_enableclickjacksetup_false_fires if {
	fs := rule.deny with input as doc({"sessionSettings": {"enableClickjackSetup": false, "enableClickjackNonsetupSFDC": true, "enableClickjackNonsetupUser": true, "enableClickjackNonsetupUserHeaderless": true}})
	count(fs) == 1
	some f in fs
	f.element == ["sessionSettings", "enableClickjackSetup"]
	f.value == false
}

test_enableclickjacknonsetupsfdc_false_fires if {
	fs := rule.deny with input as doc({"sessionSettings": {"enableClickjackSetup": true, "enableClickjackNonsetupSFDC": false, "enableClickjackNonsetupUser": true, "enableClickjackNonsetupUserHeaderless": true}})
	count(fs) == 1
	some f in fs
	f.element == ["sessionSettings", "enableClickjackNonsetupSFDC"]
	f.value == false
}

test_enableclickjacknonsetupuser_false_fires if {
	fs := rule.deny with input as doc({"sessionSettings": {"enableClickjackSetup": true, "enableClickjackNonsetupSFDC": true, "enableClickjackNonsetupUser": false, "enableClickjackNonsetupUserHeaderless": true}})
	count(fs) == 1
	some f in fs
	f.element == ["sessionSettings", "enableClickjackNonsetupUser"]
	f.value == false
}

test_enableclickjacknonsetupuserheaderless_false_fires if {
	fs := rule.deny with input as doc({"sessionSettings": {"enableClickjackSetup": true, "enableClickjackNonsetupSFDC": true, "enableClickjackNonsetupUser": true, "enableClickjackNonsetupUserHeaderless": false}})
	count(fs) == 1
	some f in fs
	f.element == ["sessionSettings", "enableClickjackNonsetupUserHeaderless"]
	f.value == false
}

test_expected_values_are_silent if {
	count(rule.deny) == 0 with input as doc({"sessionSettings": {"enableClickjackSetup": true, "enableClickjackNonsetupSFDC": true, "enableClickjackNonsetupUser": true, "enableClickjackNonsetupUserHeaderless": true}})
}

test_absent_switch_is_unknown_not_weak if {
	count(rule.deny) == 0 with input as doc({"sessionSettings": {}})
	count(rule.deny) == 0 with input as doc({})
}

test_other_types_are_ignored if {
	count(rule.deny) == 0 with input as {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": {"sessionSettings": {"enableClickjackSetup": false, "enableClickjackNonsetupSFDC": false, "enableClickjackNonsetupUser": false, "enableClickjackNonsetupUserHeaderless": false}}}
}
