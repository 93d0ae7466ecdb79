package sfguard.rules.session.identity_confirmation_test

import rego.v1

import data.sfguard.rules.session.identity_confirmation as rule

doc(c) := {"type": "SecuritySettings", "fullName": "Security", "content": c}

test_identityconfirmationonemailchange_false_fires if {
	fs := rule.deny with input as doc({"sessionSettings": {"identityConfirmationOnEmailChange": false, "identityConfirmationOnTwoFactorRegistrationEnabled": true}})
	count(fs) == 1
	some f in fs
	f.element == ["sessionSettings", "identityConfirmationOnEmailChange"]
	f.value == false
}

test_identityconfirmationontwofactorregistrationenabled_false_fires if {
	fs := rule.deny with input as doc({"sessionSettings": {"identityConfirmationOnEmailChange": true, "identityConfirmationOnTwoFactorRegistrationEnabled": false}})
	count(fs) == 1
	some f in fs
	f.element == ["sessionSettings", "identityConfirmationOnTwoFactorRegistrationEnabled"]
	f.value == false
}

test_expected_values_are_silent if {
	count(rule.deny) == 0 with input as doc({"sessionSettings": {"identityConfirmationOnEmailChange": true, "identityConfirmationOnTwoFactorRegistrationEnabled": true}})
}

test_absent_switch_is_unknown_not_weak if {
	count(rule.deny) == 0 with input as doc({"sessionSettings": {}})
	count(rule.deny) == 0 with input as doc({})
}

test_other_types_are_ignored if {
	count(rule.deny) == 0 with input as {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": {"sessionSettings": {"identityConfirmationOnEmailChange": false, "identityConfirmationOnTwoFactorRegistrationEnabled": false}}}
}
