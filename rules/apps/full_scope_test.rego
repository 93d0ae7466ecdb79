package sfguard.rules.apps.full_scope_test

import rego.v1

import data.sfguard.rules.apps.full_scope as rule

test_connected_app_full_scope_fires_at_the_scope if {
	some f in rule.deny with input as {"type": "ConnectedApp", "fullName": "Mail", "content": {"oauthConfig": {"scopes": ["Api", "Full", "RefreshToken"]}}}
	f.element == ["oauthConfig", "scopes", 1]
}

test_eca_comma_separated_scopes_are_parsed if {
	some f in rule.deny with input as {"type": "ExtlClntAppOauthSettings", "fullName": "IGA_oauth", "content": {"externalClientApplication": "IGA", "commaSeparatedOauthScopes": "Api, RefreshToken,Full"}}
	f.element == ["commaSeparatedOauthScopes"]
	contains(f.msg, "External client app IGA")
}

test_without_full_is_silent if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "A", "content": {"oauthConfig": {"scopes": ["Api", "RefreshToken"]}}}
	count(rule.deny) == 0 with input as {"type": "ExtlClntAppOauthSettings", "fullName": "B", "content": {"commaSeparatedOauthScopes": "Api, FullName"}}
}
