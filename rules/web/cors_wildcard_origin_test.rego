package sfguard.rules.web.cors_wildcard_origin_test

import rego.v1

import data.sfguard.rules.web.cors_wildcard_origin as rule

doc(u) := {"type": "CorsWhitelistOrigin", "fullName": "o", "path": "corsWhitelistOrigins/o.corsWhitelistOrigin", "content": {"urlPattern": u}}

test_platform_wildcard_is_high if {
	some f in rule.deny with input as doc("https://*.force.com")
	f.element == ["urlPattern"]
	not f.severity
	contains(f.msg, "under force.com")
}

test_deeper_platform_wildcard if {
	some f in rule.deny with input as doc("https://*.my.site.com")
	not f.severity
}

test_any_host if {
	some f in rule.deny with input as doc("*")
	contains(f.msg, "every host")
	some g in rule.deny with input as doc("https://*.com")
	contains(g.msg, "top-level domain")
}

test_own_domain_wildcard_is_low if {
	some f in rule.deny with input as doc("https://*.example.com")
	f.severity == "low"
	contains(f.msg, "every subdomain of example.com")
}

test_exact_origin_is_silent if {
	count(rule.deny) == 0 with input as doc("https://portal.example.com")
	count(rule.deny) == 0 with input as doc("https://www.force.com")
	count(rule.deny) == 0 with input as doc("http://localhost:8080")
}

test_unreadable_fails_closed if {
	some f in rule.deny with input as doc("${PORTAL_ORIGIN}")
	f.severity == "medium"
	contains(f.msg, "cannot read")
	some g in rule.deny with input as {"type": "CorsWhitelistOrigin", "fullName": "o", "path": "p", "content": {}}
	g.severity == "medium"
}
