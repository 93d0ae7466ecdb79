package sfguard.rules.web.csp_plain_http_endpoint_test

import rego.v1

import data.sfguard.rules.web.csp_plain_http_endpoint as rule

flags(connect, img) := {
	"isApplicableToConnectSrc": connect, "isApplicableToFontSrc": false, "isApplicableToFrameSrc": false,
	"isApplicableToImgSrc": img, "isApplicableToMediaSrc": false, "isApplicableToStyleSrc": false,
}

doc(url, extra) := {"type": "CspTrustedSite", "fullName": "Site", "path": "cspTrustedSites/Site.cspTrustedSite", "content": object.union({"context": "LEX", "endpointUrl": url, "isActive": true}, extra)}

test_http_connect_is_medium if {
	some f in rule.deny with input as doc("http://reports.example.com", flags(true, false))
	f.severity == "medium"
	contains(f.msg, "without TLS")
}

test_ws_is_plain if {
	some f in rule.deny with input as doc("ws://stream.example.com", flags(true, false))
	f.severity == "medium"
}

test_http_images_is_low if {
	some f in rule.deny with input as doc("http://tiles.example.com", flags(false, true))
	f.severity == "low"
}

test_inactive_is_info if {
	some f in rule.deny with input as doc("http://reports.example.com", object.union(flags(true, false), {"isActive": false}))
	f.severity == "info"
}

test_unknown_scheme_and_unreadable_fail_closed if {
	some f in rule.deny with input as doc("ftp://files.example.com", flags(true, false))
	contains(f.msg, "unrecognised scheme ftp")
	some g in rule.deny with input as doc("malformed^url.example.com", flags(true, false))
	g.severity == "medium"
	some h in rule.deny with input as doc("${SF_INSTANCE_URL}", flags(true, false))
	h.severity == "info"
}

test_https_wss_and_scheme_less_are_silent if {
	count(rule.deny) == 0 with input as doc("https://tile.openstreetmap.org", flags(false, true))
	count(rule.deny) == 0 with input as doc("wss://ap-bsp-ssce-stest.smartspeak.ai", flags(true, false))
	count(rule.deny) == 0 with input as doc("*.adobe.io", flags(true, false))
}
