# METADATA
# title: CORS allowlist origin over plain http
# description: |
#   Salesforce documents that an allowlisted origin must use https (plain
#   http only for localhost during development). A page served over http can
#   be rewritten by anyone on the network path (public Wi-Fi, a proxy):
#   injected script then runs with the origin's CORS access and calls the
#   org's APIs with whatever token that page holds. An http origin on
#   localhost (a developer's local server) is reported at low severity: in a
#   production org it lets any local web server or tool on a user's machine
#   call the org. An origin with a scheme Salesforce does not document
#   (anything but https, http, chrome-extension and moz-extension) is
#   reported as unrecognised.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.extend_code_cors.htm
#     description: Configure Salesforce CORS allowlist
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_corswhitelistorigin.htm
#     description: CorsWhitelistOrigin metadata type (urlPattern)
# custom:
#   id: SFG-CORS-002
#   severity: medium
#   types: [CorsWhitelistOrigin]
#   reads: [urlPattern]
#   tags: [security, cors, web, tls]
#   remediation: |
#     Serve the calling application over https and allowlist the https
#     origin: Setup → CORS → Edit. In metadata: `<urlPattern>` starting with
#     `https://`. Remove localhost entries from production orgs.
#   examples:
#     fail: |
#       <CorsWhitelistOrigin xmlns="http://soap.sforce.com/2006/04/metadata">
#           <urlPattern>http://intranet.example.com</urlPattern>
#       </CorsWhitelistOrigin>
#     pass: |
#       <CorsWhitelistOrigin xmlns="http://soap.sforce.com/2006/04/metadata">
#           <urlPattern>https://intranet.example.com</urlPattern>
#       </CorsWhitelistOrigin>
package sfguard.rules.web.cors_plain_http

import rego.v1

import data.sfguard.lib.web

element := ["urlPattern"]

pattern := object.get(input.content, "urlPattern", "")

documented_schemes := {"https", "http", "chrome-extension", "moz-extension"}

deny contains f if {
	input.type == "CorsWhitelistOrigin"
	u := web.parse(pattern)
	u.scheme == "http"
	not web.loopback(u.host)
	f := {
		"msg": sprintf("The CORS allowlist admits %s over plain http (urlPattern): anyone on the network path can inject script into that page and call the org's APIs with its token", [pattern]),
		"element": element,
		"value": pattern,
	}
}

deny contains f if {
	input.type == "CorsWhitelistOrigin"
	u := web.parse(pattern)
	u.scheme == "http"
	web.loopback(u.host)
	f := {
		"msg": sprintf("The CORS allowlist admits %s (urlPattern), a developer's local server: in a production org any web server or tool on a user's machine may call the org's APIs", [pattern]),
		"severity": "low",
		"element": element,
		"value": pattern,
	}
}

deny contains f if {
	input.type == "CorsWhitelistOrigin"
	u := web.parse(pattern)
	not u.scheme in documented_schemes
	f := {
		"msg": sprintf("The CORS allowlist origin %s has %s (urlPattern); treated as not https: Salesforce documents https origins (http for localhost, browser-extension schemes)", [pattern, scheme_text(u.scheme)]),
		"element": element,
		"value": pattern,
	}
}

scheme_text("") := "no scheme"

scheme_text(s) := sprintf("the unrecognised scheme %s", [s]) if s != ""
