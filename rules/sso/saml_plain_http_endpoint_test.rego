package sfguard.rules.sso.saml_plain_http_endpoint_test

import rego.v1

import data.sfguard.rules.sso.saml_plain_http_endpoint as rule

doc(c) := {"type": "SamlSsoConfig", "fullName": "ADFS", "path": "samlssoconfigs/ADFS.samlssoconfig", "content": object.union({"issuer": "http://adfs.example.com/adfs/services/trust", "name": "Corporate ADFS", "samlEntityId": "https://example.my.salesforce.com"}, c)}

test_http_login_url_is_medium if {
	some f in rule.deny with input as doc({"loginUrl": "http://adfs.example.com/adfs/ls/"})
	f.severity == "medium"
	f.element == ["loginUrl"]
	contains(f.msg, "type their password")
}

test_http_landing_pages_are_low if {
	fs := rule.deny with input as doc({"logoutUrl": "HTTP://intranet.example.com/bye", "errorUrl": "http://intranet.example.com/sso-error"})
	count(fs) == 2
	every f in fs {
		f.severity == "low"
	}
}

test_https_relative_and_identifiers_are_silent if {
	count(rule.deny) == 0 with input as doc({"loginUrl": "https://adfs.example.com/adfs/ls/", "errorUrl": "/apex/SsoError", "singleLogoutUrl": "https://adfs.example.com/adfs/ls/"})
}
