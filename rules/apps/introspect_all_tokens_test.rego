package sfguard.rules.apps.introspect_all_tokens_test

import rego.v1

import data.sfguard.rules.apps.introspect_all_tokens as rule

test_bad_value_fires_0 if {
	some f in rule.deny with input as {"type": "ConnectedApp", "fullName": "Field_App", "content": {"oauthConfig": {"isIntrospectAllTokens": true}}}
	f.element == ["oauthConfig", "isIntrospectAllTokens"]
	f.value == true
	contains(f.msg, "Field_App")
}

test_safe_value_is_silent_0 if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "Field_App", "content": {"oauthConfig": {"isIntrospectAllTokens": false}}}
}

test_absent_takes_the_safe_default_0 if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "Field_App", "content": {"oauthConfig": {"scopes": ["Api"]}}}
}

test_bad_value_fires_1 if {
	some f in rule.deny with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "Field_App", "content": {"externalClientApplication": "Field_App", "isIntrospectAllTokens": true}}
	f.element == ["isIntrospectAllTokens"]
	f.value == true
	contains(f.msg, "Field_App")
}

test_safe_value_is_silent_1 if {
	count(rule.deny) == 0 with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "Field_App", "content": {"externalClientApplication": "Field_App", "isIntrospectAllTokens": false}}
}

test_absent_takes_the_safe_default_1 if {
	count(rule.deny) == 0 with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "Field_App", "content": {"externalClientApplication": "Field_App"}}
}

test_app_without_oauth_is_silent if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "Saml", "content": {"samlConfig": {"acsUrl": "https://sp.example.com/acs"}}}
}
