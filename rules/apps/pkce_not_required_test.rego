package sfguard.rules.apps.pkce_not_required_test

import rego.v1

import data.sfguard.rules.apps.pkce_not_required as rule

test_connected_app_false_fires if {
	some f in rule.deny with input as {"type": "ConnectedApp", "fullName": "A", "content": {"oauthConfig": {"isPkceRequired": false}}}
	f.element == ["oauthConfig", "isPkceRequired"]
	contains(f.msg, "isPkceRequired false")
}

test_connected_app_absent_fires_default_false if {
	some f in rule.deny with input as {"type": "ConnectedApp", "fullName": "A", "content": {"oauthConfig": {"scopes": ["Api"]}}}
	contains(f.msg, "default is false")
}

test_connected_app_true_is_silent if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "A", "content": {"oauthConfig": {"isPkceRequired": true}}}
}

test_connected_app_without_oauth_is_silent if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "A", "content": {"label": "SAML only"}}
}

test_eca_false_fires if {
	some f in rule.deny with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "X_glbloauth", "content": {"externalClientApplication": "X", "isPkceRequired": false}}
	f.element == ["isPkceRequired"]
	contains(f.msg, "External client app X")
}

test_eca_absent_is_silent_default_true if {
	count(rule.deny) == 0 with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "X_glbloauth", "content": {"externalClientApplication": "X"}}
}
