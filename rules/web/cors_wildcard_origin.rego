# METADATA
# title: CORS allowlist origin with a wildcard
# description: |
#   An origin on the CORS allowlist (Setup → CORS) lets JavaScript served
#   from that origin call the org's REST, Apex REST, Bulk, Connect, User
#   Interface and Lightning Out APIs from a browser: Salesforce answers with
#   the origin in Access-Control-Allow-Origin. Salesforce accepts a wildcard
#   in front of a domain (https://*.example.com adds every subdomain). Over a
#   domain of the org's own that is a convenience with a cost (a forgotten or
#   taken-over subdomain is then allowed); over a platform domain where every
#   customer gets a subdomain (*.force.com, *.my.site.com, *.herokuapp.com,
#   *.cloudfront.net) or over a whole top-level domain, it admits pages that
#   anyone can publish, and their scripts can use any token a user's browser
#   holds for the org. An origin that cannot be read as a URL is reported as
#   unrecognised rather than assumed harmless.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.extend_code_cors.htm
#     description: Configure Salesforce CORS allowlist
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_corswhitelistorigin.htm
#     description: CorsWhitelistOrigin metadata type (urlPattern)
# custom:
#   id: SFG-CORS-001
#   severity: high
#   types: [CorsWhitelistOrigin]
#   reads: [urlPattern]
#   params:
#     shared_domains: [force.com, salesforce.com, site.com, visualforce.com, salesforce-sites.com, herokuapp.com, amazonaws.com, cloudfront.net, azurewebsites.net, appspot.com, web.app, firebaseapp.com, github.io, netlify.app, vercel.app, pages.dev, workers.dev, ngrok.io, ngrok-free.app]
#   tags: [security, cors, web]
#   remediation: |
#     Replace the wildcard with the exact origins that need API access
#     (https://portal.example.com), one allowlist entry each: Setup → CORS →
#     Edit. In metadata: one corsWhitelistOrigins/<name>.corsWhitelistOrigin
#     file per origin, `<urlPattern>` without `*`.
#   examples:
#     fail: |
#       <CorsWhitelistOrigin xmlns="http://soap.sforce.com/2006/04/metadata">
#           <urlPattern>https://*.force.com</urlPattern>
#       </CorsWhitelistOrigin>
#     pass: |
#       <CorsWhitelistOrigin xmlns="http://soap.sforce.com/2006/04/metadata">
#           <urlPattern>https://portal.example.com</urlPattern>
#       </CorsWhitelistOrigin>
package sfguard.rules.web.cors_wildcard_origin

import rego.v1

import data.sfguard.lib.web

element := ["urlPattern"]

pattern := object.get(input.content, "urlPattern", "")

deny contains f if {
	input.type == "CorsWhitelistOrigin"
	u := web.parse(pattern)
	why := web.broad_wildcard(u.host)
	f := {
		"msg": sprintf("The CORS allowlist admits %s (urlPattern): the wildcard %s, so scripts on pages other people publish can call the org's APIs from a user's browser", [pattern, why]),
		"element": element,
		"value": pattern,
	}
}

deny contains f if {
	input.type == "CorsWhitelistOrigin"
	u := web.parse(pattern)
	web.wildcard(u.host)
	not web.broad_wildcard(u.host)
	f := {
		"msg": sprintf("The CORS allowlist admits every subdomain of %s (urlPattern %s): any forgotten or taken-over subdomain can call the org's APIs from a user's browser; list the origins that need access instead", [web.wildcard_base(u.host), pattern]),
		"severity": "low",
		"element": element,
		"value": pattern,
	}
}

# A pattern that is not a URL (empty, a placeholder, text with spaces) may
# allow anything once deployed: report it rather than pass it.
readable if web.parse(pattern)

deny contains f if {
	input.type == "CorsWhitelistOrigin"
	not readable
	f := {
		"msg": sprintf("The CORS allowlist entry %s has an origin sfguard cannot read (urlPattern %v); treated as a wildcard: check what it allows", [input.fullName, pattern]),
		"severity": "medium",
		"element": element,
		"value": pattern,
	}
}
