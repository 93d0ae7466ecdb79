package sfguard.rules.apps.callback_wildcard_test

import rego.v1

import data.sfguard.rules.apps.callback_wildcard as rule

test_wildcard_url_in_a_list_is_reported if {
	fs := rule.deny with input as {"type": "ConnectedApp", "fullName": "Field", "content": {"oauthConfig": {"callbackUrl": "https://a.example.com/cb\nhttps://*.example.com/cb"}}}
	count(fs) == 1
	some f in fs
	f.value == "https://*.example.com/cb"
}

test_exact_urls_are_silent if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "Field", "content": {"oauthConfig": {"callbackUrl": "https://a.example.com/cb"}}}
}

test_eca_global_settings if {
	some f in rule.deny with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "X_glbloauth", "content": {"externalClientApplication": "X", "callbackUrl": "https://*.example.com/cb"}}
	f.element == ["callbackUrl"]
}
