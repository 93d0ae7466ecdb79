package sfguard.rules.apps.refresh_token_infinite_test

import rego.v1

import data.sfguard.rules.apps.refresh_token_infinite as rule

ca(policy) := {"type": "ConnectedApp", "fullName": "Sync", "content": {
	"oauthConfig": {"scopes": ["Api"]},
	"oauthPolicy": {"ipRelaxation": "ENFORCE", "refreshTokenPolicy": policy},
}}

test_infinite_fires if {
	some f in rule.deny with input as ca("infinite")
	f.element == ["oauthPolicy", "refreshTokenPolicy"]
	contains(f.msg, "valid until revoked")
}

test_absent_policy_fires_because_default_is_infinite if {
	count(rule.deny) == 1 with input as {"type": "ConnectedApp", "fullName": "Old", "content": {"oauthConfig": {"scopes": ["Api"]}}}
}

test_absent_oauth_policy_element_fires if {
	some f in rule.deny with input as {"type": "ConnectedApp", "fullName": "Old", "content": {"oauthConfig": {}, "oauthPolicy": {"ipRelaxation": "ENFORCE"}}}
	contains(f.msg, "no refresh token policy")
}

test_expiring_policies_are_silent if {
	every p in ["zero", "specific_inactivity:30:DAYS", "specific_lifetime:3:HOURS"] {
		count(rule.deny) == 0 with input as ca(p)
	}
}

test_saml_only_app_is_silent if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "Saml", "content": {"samlConfig": {"acsUrl": "https://x"}}}
}

test_eca_infinite_fires if {
	some f in rule.deny with input as {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "X_oauthPlcy", "content": {
		"externalClientApplication": "X",
		"refreshTokenPolicyType": "Infinite",
	}}
	f.element == ["refreshTokenPolicyType"]
	contains(f.msg, "External client app X")
}

test_eca_specific_lifetime_is_silent if {
	count(rule.deny) == 0 with input as {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "X_oauthPlcy", "content": {
		"refreshTokenPolicyType": "SpecificLifetime",
		"refreshTokenValidityPeriod": 30,
		"refreshTokenValidityUnit": "Days",
	}}
}
