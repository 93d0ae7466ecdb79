package sfguard.rules.apps.client_credentials_flow_test

import rego.v1

import data.sfguard.rules.apps.client_credentials_flow as rule

test_connected_app_names_the_run_as_user if {
	some f in rule.deny with input as {"type": "ConnectedApp", "fullName": "ERP", "content": {"oauthConfig": {"isClientCredentialEnabled": true, "oauthClientCredentialUser": "erp.integration@example.com"}}}
	f.element == ["oauthConfig", "isClientCredentialEnabled"]
	contains(f.msg, "as erp.integration@example.com")
}

test_eca_policy_and_global_settings if {
	some f in rule.deny with input as {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "X_oauthPlcy", "content": {"externalClientApplication": "X", "isClientCredentialsFlowEnabled": true, "clientCredentialsFlowUser": "svc@example.com"}}
	contains(f.msg, "External client app X")
	some g in rule.deny with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "X_glbloauth", "content": {"isClientCredentialsFlowEnabled": true}}
	contains(g.msg, "does not name")
}

test_off_or_absent_is_silent if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "A", "content": {"oauthConfig": {"isClientCredentialEnabled": false}}}
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "A", "content": {"oauthConfig": {}}}
	count(rule.deny) == 0 with input as {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "X", "content": {"isClientCredentialsFlowEnabled": false}}
}
