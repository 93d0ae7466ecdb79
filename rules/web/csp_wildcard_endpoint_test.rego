package sfguard.rules.web.csp_wildcard_endpoint_test

import rego.v1

import data.sfguard.rules.web.csp_wildcard_endpoint as rule

flags(connect, frame, img) := {
	"isApplicableToConnectSrc": connect, "isApplicableToFontSrc": false, "isApplicableToFrameSrc": frame,
	"isApplicableToImgSrc": img, "isApplicableToMediaSrc": false, "isApplicableToStyleSrc": false,
}

doc(url, extra) := {"type": "CspTrustedSite", "fullName": "Site", "path": "cspTrustedSites/Site.cspTrustedSite", "content": object.union({"context": "All", "endpointUrl": url, "isActive": true}, extra)}

test_platform_wildcard_with_connect_is_high if {
	some f in rule.deny with input as doc("https://*.herokuapp.com", flags(true, false, false))
	f.severity == "high"
	f.element == ["endpointUrl"]
	contains(f.msg, "connect-src in context All")
	contains(f.msg, "under herokuapp.com")
}

test_scheme_less_wildcard if {
	some f in rule.deny with input as doc("*.adobe.io", flags(true, false, false))
	f.severity == "medium"
	contains(f.msg, "every subdomain of adobe.io")
}

test_passive_only_is_low if {
	some f in rule.deny with input as doc("https://*.googleapis.com", flags(false, false, true))
	f.severity == "low"
	contains(f.msg, "passive content only")
}

test_no_flags_means_every_directive if {
	some f in rule.deny with input as doc("https://*.cloudfront.net", {})
	f.severity == "high"
	contains(f.msg, "connect-src, font-src, frame-src, img-src, media-src, style-src")
}

test_inactive_is_info if {
	some f in rule.deny with input as doc("https://*.herokuapp.com", object.union(flags(true, true, true), {"isActive": false}))
	f.severity == "info"
}

test_unknown_context_read_as_all if {
	some f in rule.deny with input as doc("https://*.herokuapp.com", object.union(flags(false, true, false), {"context": "Everywhere"}))
	contains(f.msg, "unrecognised value \"Everywhere\" for context; treated as All")
}

test_exact_host_is_silent if {
	count(rule.deny) == 0 with input as doc("https://orders-api.herokuapp.com", flags(true, true, true))
	count(rule.deny) == 0 with input as doc("wss://ap-bsp-ssce-stest.smartspeak.ai", flags(true, false, false))
}
