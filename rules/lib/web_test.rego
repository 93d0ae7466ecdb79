package sfguard.lib.web_test

import rego.v1

import data.sfguard.lib.web

test_parse_shapes if {
	web.parse("https://*.force.com") == {"scheme": "https", "host": "*.force.com", "port": ""}
	web.parse("HTTP://LocalHost:8080/") == {"scheme": "http", "host": "localhost", "port": "8080"}
	web.parse("*.adobe.io") == {"scheme": "", "host": "*.adobe.io", "port": ""}
	web.parse("wss://ap-bsp.example.ai") == {"scheme": "wss", "host": "ap-bsp.example.ai", "port": ""}
	web.parse("http://66.231.91.251") == {"scheme": "http", "host": "66.231.91.251", "port": ""}
	web.parse("chrome-extension://abcdefghijklmnopabcdefghijklmnop") == {"scheme": "chrome-extension", "host": "abcdefghijklmnopabcdefghijklmnop", "port": ""}
	web.parse("*") == {"scheme": "", "host": "*", "port": ""}
}

test_parse_rejects_non_urls if {
	not web.parse("")
	not web.parse("${SF_INSTANCE_URL}")
	not web.parse("https://{subdomain}.example.com")
	not web.parse("malformed^url.example.com")
	not web.parse("https:// example.com")
}

test_placeholder if {
	web.placeholder("${SF_INSTANCE_URL}")
	web.placeholder("https://{!$Site.Domain}")
	not web.placeholder("https://example.com")
}

test_loopback if {
	web.loopback("localhost")
	web.loopback("127.0.0.1")
	web.loopback("[::1]")
	not web.loopback("localhost.example.com")
}

test_broad_wildcard if {
	web.broad_wildcard("*") == "matches every host"
	contains(web.broad_wildcard("*.com"), "top-level domain .com")
	contains(web.broad_wildcard("*.force.com"), "under force.com")
	contains(web.broad_wildcard("*.my.site.com"), "under site.com")
	contains(web.broad_wildcard("*.vf.force.com"), "under force.com")
	not web.broad_wildcard("*.example.com")
	not web.broad_wildcard("www.force.com")
	not web.broad_wildcard("*.notforce.com")
}

test_csp_directives if {
	web.csp_directives({"isApplicableToConnectSrc": true, "isApplicableToImgSrc": false}) == {"connect-src"}
	web.csp_directives({"isApplicableToImgSrc": "maybe"}) == {"img-src"}
	count(web.csp_directives({"endpointUrl": "https://x.example.com"})) == 6
	web.csp_directives({"isApplicableToConnectSrc": false, "isApplicableToImgSrc": false}) == {"img-src"}
	web.csp_directives_text({"isApplicableToFrameSrc": true, "isApplicableToConnectSrc": true}) == "connect-src, frame-src"
}

test_csp_context_text if {
	web.csp_context_text({"context": "LEX"}) == "in context LEX"
	contains(web.csp_context_text({"context": "Everywhere"}), "unrecognised value \"Everywhere\" for context; treated as All")
	web.csp_context_text({}) == "(no context given)"
}
