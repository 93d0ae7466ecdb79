package sfguard.rules.web.remote_site_plain_http_test

import rego.v1

import data.sfguard.rules.web.remote_site_plain_http as rule

doc(url, active) := {"type": "RemoteSiteSetting", "fullName": "TinyURL", "path": "remoteSiteSettings/TinyURL.remoteSite", "content": {"disableProtocolSecurity": false, "isActive": active, "url": url}}

test_http_fires if {
	some f in rule.deny with input as doc("http://tinyurl.com", true)
	f.element == ["url"]
	not f.severity
	some g in rule.deny with input as doc("HTTP://66.231.91.251:8080/api", true)
	not g.severity
}

test_inactive_is_info if {
	some f in rule.deny with input as doc("http://tinyurl.com", false)
	f.severity == "info"
}

test_unknown_scheme_fails_closed if {
	some f in rule.deny with input as doc("ftp://files.example.com", true)
	contains(f.msg, "scheme ftp")
	not f.severity
	some g in rule.deny with input as doc("erp.example.com", true)
	contains(g.msg, "no scheme")
}

test_unreadable_fails_closed if {
	some f in rule.deny with input as doc("not a url", true)
	f.severity == "medium"
	some g in rule.deny with input as doc("${SF_INSTANCE_URL}", true)
	g.severity == "info"
	contains(g.msg, "placeholder")
}

test_https_is_silent if {
	count(rule.deny) == 0 with input as doc("https://tinyurl.com", true)
	count(rule.deny) == 0 with input as doc("https://2cloudnine49807.jitterbit.cc", true)
}
