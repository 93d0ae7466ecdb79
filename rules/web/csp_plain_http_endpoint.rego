# METADATA
# title: Trusted URL over plain http or ws
# description: |
#   Salesforce requires https:// for a trusted URL of a third-party API and
#   wss:// for a WebSocket. A trusted URL over http:// or ws:// lets
#   Lightning components, Experience Cloud sites or Visualforce pages (the
#   entry's context) exchange data with the host without TLS: with
#   connect-src the data components send and the responses they act on can
#   be read and changed on the network path, with frame-src the framed page
#   can be replaced. Graded medium with connect-src or frame-src, low when
#   only images, styles, fonts or media load from it. A scheme-less host
#   (*.adobe.io) follows the page's https and is not reported. A scheme
#   other than https, wss, http or ws, or an endpoint sfguard cannot read, is
#   reported as unrecognised; an inactive entry or a deploy-time placeholder
#   is reported at info.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.csp_trusted_sites.htm
#     description: Manage trusted URLs
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_csptrustedsite.htm
#     description: CspTrustedSite metadata type (endpointUrl)
# custom:
#   id: SFG-CSP-002
#   severity: medium
#   types: [CspTrustedSite]
#   reads: [context, endpointUrl, isActive, isApplicableToConnectSrc, isApplicableToFontSrc, isApplicableToFrameSrc, isApplicableToImgSrc, isApplicableToMediaSrc, isApplicableToStyleSrc]
#   tags: [security, csp, web, tls]
#   remediation: |
#     Serve the resource over https (wss for WebSockets) and update the
#     entry: Setup → Trusted URLs → the entry → Edit → URL. In metadata:
#     `<endpointUrl>https://…</endpointUrl>`.
#   examples:
#     fail: |
#       <CspTrustedSite xmlns="http://soap.sforce.com/2006/04/metadata">
#           <context>LEX</context>
#           <endpointUrl>http://reports.example.com</endpointUrl>
#           <isActive>true</isActive>
#           <isApplicableToConnectSrc>true</isApplicableToConnectSrc>
#           <isApplicableToFontSrc>false</isApplicableToFontSrc>
#           <isApplicableToFrameSrc>true</isApplicableToFrameSrc>
#           <isApplicableToImgSrc>false</isApplicableToImgSrc>
#           <isApplicableToMediaSrc>false</isApplicableToMediaSrc>
#           <isApplicableToStyleSrc>false</isApplicableToStyleSrc>
#       </CspTrustedSite>
#     pass: |
#       <CspTrustedSite xmlns="http://soap.sforce.com/2006/04/metadata">
#           <context>LEX</context>
#           <endpointUrl>https://reports.example.com</endpointUrl>
#           <isActive>true</isActive>
#           <isApplicableToConnectSrc>true</isApplicableToConnectSrc>
#           <isApplicableToFontSrc>false</isApplicableToFontSrc>
#           <isApplicableToFrameSrc>true</isApplicableToFrameSrc>
#           <isApplicableToImgSrc>false</isApplicableToImgSrc>
#           <isApplicableToMediaSrc>false</isApplicableToMediaSrc>
#           <isApplicableToStyleSrc>false</isApplicableToStyleSrc>
#       </CspTrustedSite>
package sfguard.rules.web.csp_plain_http_endpoint

import rego.v1

import data.sfguard.lib.web

endpoint := object.get(input.content, "endpointUrl", "")

opens := web.csp_directives(input.content)

active := opens & web.active_directives

severity := "info" if input.content.isActive == false

else := "medium" if count(active) > 0

else := "low"

deny contains f if {
	input.type == "CspTrustedSite"
	u := web.parse(endpoint)
	u.scheme in {"http", "ws"}
	count(opens) > 0
	f := {
		"msg": sprintf("Trusted URL %s allows %s for %s %s without TLS (endpointUrl): what pages exchange with it can be read and changed on the network%s", [input.fullName, endpoint, web.csp_directives_text(input.content), web.csp_context_text(input.content), web.inactive_note(input.content)]),
		"severity": severity,
		"element": ["endpointUrl"],
		"value": endpoint,
	}
}

deny contains f if {
	input.type == "CspTrustedSite"
	u := web.parse(endpoint)
	not u.scheme in {"https", "wss", "http", "ws", ""}
	f := {
		"msg": sprintf("Trusted URL %s has the endpoint %s with the unrecognised scheme %s (endpointUrl); treated as plain http%s", [input.fullName, endpoint, u.scheme, web.inactive_note(input.content)]),
		"severity": severity,
		"element": ["endpointUrl"],
		"value": endpoint,
	}
}

deny contains f if {
	input.type == "CspTrustedSite"
	not web.parse(endpoint)
	f := {
		"msg": sprintf("Trusted URL %s has an endpoint sfguard cannot read (endpointUrl %v)%s; treated as plain http: check the value that is deployed", [input.fullName, endpoint, placeholder_note]),
		"severity": unreadable_severity,
		"element": ["endpointUrl"],
		"value": endpoint,
	}
}

placeholder_note := ", a placeholder substituted at deploy time" if {
	is_string(endpoint)
	web.placeholder(endpoint)
} else := ""

unreadable_severity := "info" if placeholder_note != ""

else := "info" if input.content.isActive == false

else := "medium"
