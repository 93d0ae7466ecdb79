# METADATA
# title: Trusted URL with an unrecognised context
# description: |
#   A trusted URL's context decides where its host enters the Content
#   Security Policy: All, Communities (Experience Builder sites),
#   FieldServiceMobileExtension, LEX (Lightning Experience), LightningOut or
#   VisualForce. A value outside that list (a typo, a value from a newer
#   release, a hand-edited file) cannot be judged: sfguard reads it as All,
#   the widest, reports it here, and the wildcard and plain-http rules
#   grade the entry as if it applied everywhere. Values are case-sensitive:
#   Salesforce spells VisualForce with a capital F.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_csptrustedsite.htm
#     description: CspTrustedSite metadata type (context, CspTrustedSiteContext)
# custom:
#   id: SFG-CSP-003
#   severity: medium
#   types: [CspTrustedSite]
#   reads: [context, endpointUrl]
#   tags: [security, csp, web, unrecognised-value]
#   remediation: |
#     Set the context to where the host is needed: Setup → Trusted URLs → the
#     entry → Edit → CSP Context. In metadata: `<context>` with one of All,
#     Communities, FieldServiceMobileExtension, LEX, LightningOut,
#     VisualForce.
#   examples:
#     fail: |
#       <CspTrustedSite xmlns="http://soap.sforce.com/2006/04/metadata">
#           <context>Lightning</context>
#           <endpointUrl>https://tile.openstreetmap.org</endpointUrl>
#           <isActive>true</isActive>
#       </CspTrustedSite>
#     pass: |
#       <CspTrustedSite xmlns="http://soap.sforce.com/2006/04/metadata">
#           <context>LEX</context>
#           <endpointUrl>https://tile.openstreetmap.org</endpointUrl>
#           <isActive>true</isActive>
#       </CspTrustedSite>
package sfguard.rules.web.csp_unknown_context

import rego.v1

import data.sfguard.lib.enums

deny contains f if {
	input.type == "CspTrustedSite"
	c := input.content.context
	enums.unrecognised(input.type, "context", c)
	f := {
		"msg": sprintf("Trusted URL %s (%v) has an %s, every page type: Salesforce knows %s", [input.fullName, object.get(input.content, "endpointUrl", "no endpoint"), enums.note(input.type, "context", c, "All"), concat(", ", sort(enums.spec(input.type, "context").values))]),
		"element": ["context"],
		"value": c,
	}
}
