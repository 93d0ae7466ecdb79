package sfguard.rules.web.cors_plain_http_test

import rego.v1

import data.sfguard.rules.web.cors_plain_http as rule

doc(u) := {"type": "CorsWhitelistOrigin", "fullName": "o", "path": "corsWhitelistOrigins/o.corsWhitelistOrigin", "content": {"urlPattern": u}}

test_http_fires if {
	some f in rule.deny with input as doc("http://intranet.example.com")
	not f.severity
	contains(f.msg, "plain http")
}

test_localhost_is_low if {
	some f in rule.deny with input as doc("http://localhost:8080")
	f.severity == "low"
}

test_unknown_scheme_fails_closed if {
	some f in rule.deny with input as doc("ftp://files.example.com")
	contains(f.msg, "unrecognised scheme ftp")
	some g in rule.deny with input as doc("portal.example.com")
	contains(g.msg, "no scheme")
}

test_https_and_extensions_are_silent if {
	count(rule.deny) == 0 with input as doc("https://portal.example.com")
	count(rule.deny) == 0 with input as doc("HTTPS://Portal.Example.com:8443")
	count(rule.deny) == 0 with input as doc("chrome-extension://abcdefghijklmnopabcdefghijklmnop")
	count(rule.deny) == 0 with input as doc("moz-extension://0a1b2c3d-aaaa-bbbb-cccc-0123456789ab")
}
