package sfguard.rules.org.oauth_pkce_not_required_test

import rego.v1

import data.sfguard.rules.org.oauth_pkce_not_required as rule

test_false_fires if {
	some f in rule.deny with input as {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": {"isPkceRequired": false}}
	f.element == ["isPkceRequired"]
}

test_absent_fires if {
	some f in rule.deny with input as {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": {"blockOAuthUnPwFlow": true}}
	contains(f.msg, "default false")
}

test_true_is_silent if {
	count(rule.deny) == 0 with input as {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": {"isPkceRequired": true}}
}
