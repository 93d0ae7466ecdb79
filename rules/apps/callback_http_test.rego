package sfguard.rules.apps.callback_http_test

import rego.v1

import data.sfguard.rules.apps.callback_http as rule

ca(cb) := {"type": "ConnectedApp", "fullName": "Field", "content": {"oauthConfig": {"callbackUrl": cb}}}

test_each_http_url_is_reported if {
	fs := rule.deny with input as ca("http://a.example.com/cb\nhttps://b.example.com/cb\nHTTP://c.example.com/cb")
	{f.value | some f in fs} == {"http://a.example.com/cb", "HTTP://c.example.com/cb"}
	every f in fs {
		f.element == ["oauthConfig", "callbackUrl"]
	}
}

test_loopback_https_and_custom_schemes_are_silent if {
	count(rule.deny) == 0 with input as ca("http://localhost:1717/OauthRedirect\nhttp://127.0.0.1/\nhttps://x.example.com\nfieldsales://oauth/done")
}

test_eca_global_settings if {
	some f in rule.deny with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "X_glbloauth", "content": {"externalClientApplication": "X", "callbackUrl": "http://idp.example.com/cb"}}
	f.element == ["callbackUrl"]
}
