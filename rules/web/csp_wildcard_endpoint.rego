# METADATA
# title: Trusted URL with a wildcard host
# description: |
#   A trusted URL (Setup → Trusted URLs, CspTrustedSite; "CSP Trusted Sites"
#   before API 59) adds its host to the Content Security Policy of Lightning
#   pages, Experience Cloud sites or Visualforce pages, for the directives it
#   enables. With connect-src, component code may send data to the host
#   (fetch, XMLHttpRequest, WebSocket); with frame-src, pages may embed it.
#   A wildcard host (https://*.example.com, *.adobe.io) opens those
#   directives to every matching host. Over a platform where anyone can
#   publish (*.herokuapp.com, *.cloudfront.net, *.force.com) or a whole
#   top-level domain, a script injected into the org, or a compromised
#   managed package, can send records to a host an attacker controls while
#   the CSP still looks locked down. Graded by what the wildcard covers and
#   what it opens: high for such a platform with connect-src or frame-src,
#   medium for the org's own domain with them, low when only images,
#   styles, fonts or media are allowed. A file without any isApplicableTo*
#   element opens every directive (Salesforce's reading for API 49 and
#   earlier); an unrecognised context is read as All; an inactive entry is
#   reported at info.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.csp_trusted_sites.htm
#     description: Manage trusted URLs
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_csptrustedsite.htm
#     description: CspTrustedSite metadata type
# custom:
#   id: SFG-CSP-001
#   severity: high
#   types: [CspTrustedSite]
#   reads: [context, endpointUrl, isActive, isApplicableToConnectSrc, isApplicableToFontSrc, isApplicableToFrameSrc, isApplicableToImgSrc, isApplicableToMediaSrc, isApplicableToStyleSrc]
#   params:
#     shared_domains: [force.com, salesforce.com, site.com, visualforce.com, salesforce-sites.com, herokuapp.com, amazonaws.com, cloudfront.net, azurewebsites.net, appspot.com, web.app, firebaseapp.com, github.io, netlify.app, vercel.app, pages.dev, workers.dev, ngrok.io, ngrok-free.app]
#   tags: [security, csp, web]
#   remediation: |
#     Replace the wildcard with the exact hosts the components call, one
#     trusted URL each, and enable only the directives they need: Setup →
#     Trusted URLs → the entry → Edit. In metadata: an exact host in
#     `<endpointUrl>` and `false` for the `isApplicableTo*` directives that
#     are not needed.
#   examples:
#     fail: |
#       <CspTrustedSite xmlns="http://soap.sforce.com/2006/04/metadata">
#           <context>All</context>
#           <endpointUrl>https://*.herokuapp.com</endpointUrl>
#           <isActive>true</isActive>
#           <isApplicableToConnectSrc>true</isApplicableToConnectSrc>
#           <isApplicableToFontSrc>false</isApplicableToFontSrc>
#           <isApplicableToFrameSrc>false</isApplicableToFrameSrc>
#           <isApplicableToImgSrc>false</isApplicableToImgSrc>
#           <isApplicableToMediaSrc>false</isApplicableToMediaSrc>
#           <isApplicableToStyleSrc>false</isApplicableToStyleSrc>
#       </CspTrustedSite>
#     pass: |
#       <CspTrustedSite xmlns="http://soap.sforce.com/2006/04/metadata">
#           <context>All</context>
#           <endpointUrl>https://orders-api.herokuapp.com</endpointUrl>
#           <isActive>true</isActive>
#           <isApplicableToConnectSrc>true</isApplicableToConnectSrc>
#           <isApplicableToFontSrc>false</isApplicableToFontSrc>
#           <isApplicableToFrameSrc>false</isApplicableToFrameSrc>
#           <isApplicableToImgSrc>false</isApplicableToImgSrc>
#           <isApplicableToMediaSrc>false</isApplicableToMediaSrc>
#           <isApplicableToStyleSrc>false</isApplicableToStyleSrc>
#       </CspTrustedSite>
package sfguard.rules.web.csp_wildcard_endpoint

import rego.v1

import data.sfguard.lib.web

endpoint := object.get(input.content, "endpointUrl", "")

opens := web.csp_directives(input.content)

active := opens & web.active_directives

severity := "info" if input.content.isActive == false

else := "high" if {
	count(active) > 0
	web.broad_wildcard(web.parse(endpoint).host)
}

else := "medium" if count(active) > 0

else := "low"

reach := sprintf("the wildcard %s", [web.broad_wildcard(web.parse(endpoint).host)]) if {
	web.broad_wildcard(web.parse(endpoint).host)
} else := sprintf("every subdomain of %s is trusted", [web.wildcard_base(web.parse(endpoint).host)])

deny contains f if {
	input.type == "CspTrustedSite"
	u := web.parse(endpoint)
	web.wildcard(u.host)
	count(opens) > 0
	f := {
		"msg": sprintf("Trusted URL %s allows %s for %s %s (endpointUrl): %s%s", [input.fullName, endpoint, web.csp_directives_text(input.content), web.csp_context_text(input.content), reach, consequence]),
		"severity": severity,
		"element": ["endpointUrl"],
		"value": endpoint,
	}
}

consequence := "; the entry is inactive, so this applies once it is activated" if {
	input.content.isActive == false
} else := ", so component code may send data to, or frame, hosts the org does not control" if {
	count(active) > 0
	web.broad_wildcard(web.parse(endpoint).host)
} else := ", so component code may send data to, or frame, any forgotten or taken-over subdomain" if {
	count(active) > 0
} else := ", for passive content only"
