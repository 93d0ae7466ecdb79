# METADATA
# title: Remote site with protocol security disabled
# description: |
#   Apex callouts, Visualforce pages and XmlHttpRequest code can only reach
#   a host registered in Remote Site Settings. "Disable Protocol Security"
#   (disableProtocolSecurity) lets code reach the site whatever the protocol
#   of the user's connection, so data from an https session may be sent to
#   an http endpoint and back: credentials, session IDs and records a
#   callout carries can then cross the network in clear, and responses can
#   be altered on the way. Salesforce: "Only set to true if you understand
#   the security implications." A value other than true, false, 1 or 0 is an
#   input problem and read as true. An inactive remote site is reported at info: it takes effect as
#   soon as someone activates it.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.configuring_remoteproxy.htm
#     description: Configure remote site settings
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_remotesitesetting.htm
#     description: RemoteSiteSetting metadata type (disableProtocolSecurity)
# custom:
#   id: SFG-RSS-001
#   severity: high
#   types: [RemoteSiteSetting]
#   reads: [disableProtocolSecurity, isActive, url]
#   tags: [security, remote-site, callout, tls]
#   remediation: |
#     Setup → Remote Site Settings → the site → Edit: clear "Disable Protocol
#     Security" and register the https URL of the endpoint. In metadata:
#     `<disableProtocolSecurity>false</disableProtocolSecurity>`.
#   examples:
#     fail: |
#       <RemoteSiteSetting xmlns="http://soap.sforce.com/2006/04/metadata">
#           <disableProtocolSecurity>true</disableProtocolSecurity>
#           <isActive>true</isActive>
#           <url>https://erp.example.com</url>
#       </RemoteSiteSetting>
#     pass: |
#       <RemoteSiteSetting xmlns="http://soap.sforce.com/2006/04/metadata">
#           <disableProtocolSecurity>false</disableProtocolSecurity>
#           <isActive>true</isActive>
#           <url>https://erp.example.com</url>
#       </RemoteSiteSetting>
package sfguard.rules.web.remote_site_protocol_security

import rego.v1

import data.sfguard.lib.web

value := input.content.disableProtocolSecurity

# An absent element is the documented default (protection on); the parser
# reads a malformed value as true and reports it as an input problem.
disabled if value == true

deny contains f if {
	input.type == "RemoteSiteSetting"
	disabled
	f := object.union(
		{
			"msg": sprintf("Remote site %s (%v) has protocol security disabled (disableProtocolSecurity %v): callouts may carry data from https sessions to http and back, readable and alterable on the network%s", [input.fullName, object.get(input.content, "url", "no url"), value, web.inactive_note(input.content)]),
			"element": ["disableProtocolSecurity"],
			"value": value,
		},
		web.inactive_severity(input.content),
	)
}
