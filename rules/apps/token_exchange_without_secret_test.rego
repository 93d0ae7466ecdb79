package sfguard.rules.apps.token_exchange_without_secret_test

import rego.v1

import data.sfguard.rules.apps.token_exchange_without_secret as rule

test_connected_app_fires_at_the_secret_switch if {
	some f in rule.deny with input as {"type": "ConnectedApp", "fullName": "Portal", "content": {"oauthConfig": {"isTokenExchangeEnabled": true, "isSecretRequiredForTokenExchange": false}}}
	f.element == ["oauthConfig", "isSecretRequiredForTokenExchange"]
}

test_absent_secret_switch_fires if {
	some f in rule.deny with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "P_glbloauth", "content": {"externalClientApplication": "P", "isTokenExchangeEnabled": true}}
	f.element == ["isSecretRequiredForTokenExchange"]
	contains(f.msg, "absent")
}

test_secret_required_or_flow_off_is_silent if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "P", "content": {"oauthConfig": {"isTokenExchangeEnabled": true, "isSecretRequiredForTokenExchange": true}}}
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "P", "content": {"oauthConfig": {"isTokenExchangeEnabled": false, "isSecretRequiredForTokenExchange": false}}}
}
