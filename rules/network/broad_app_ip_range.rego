# METADATA
# title: Broad IP range on a connected app or external client app
# description: |
#   A connected app's IP ranges (and an external client app's trusted IP
#   ranges) list networks from which users of the app are treated as on a
#   trusted network: with "Relax IP restrictions for activated devices" they
#   skip the second-factor challenge there. A range of a /16 or more covers
#   whole providers rather than the app's own servers, so the relaxation
#   applies to anyone who shares that provider. Uses the same
#   broad_range_addresses threshold as the trusted and login range rules.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_continuous_ip.htm
#     description: Connected app IP relaxation and IP ranges
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ipRanges)
# custom:
#   id: SFG-NET-006
#   severity: medium
#   types: [ConnectedApp, ExtlClntAppOauthSettings]
#   reads: [ipRanges, trustedIpRanges, externalClientApplication]
#   params:
#     broad_range_addresses: 65536
#   tags: [security, network, connected-app, external-client-app]
#   remediation: |
#     Narrow the range to the app's own egress addresses: Setup → App Manager →
#     the app → Manage → IP Ranges. In metadata: `<ipRanges>` `<start>`/`<end>`
#     (ConnectedApp) or `<trustedIpRanges>` `<startIpAddress>`/`<endIpAddress>`
#     (ExtlClntAppOauthSettings).
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <ipRanges>
#               <description>Cloud provider</description>
#               <end>35.255.255.255</end>
#               <start>35.0.0.0</start>
#           </ipRanges>
#           <label>Field Sales Mobile</label>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <ipRanges>
#               <description>App servers</description>
#               <end>203.0.113.41</end>
#               <start>203.0.113.40</start>
#           </ipRanges>
#           <label>Field Sales Mobile</label>
#       </ConnectedApp>
package sfguard.rules.network.broad_app_ip_range

import rego.v1

import data.sfguard.lib.net
import data.sfguard.lib.oauth

# The default applies when no engine data is loaded (Rego unit tests).
default threshold := 65536

threshold := data.sfguard.params.broad_range_addresses

deny contains f if {
	input.type in {"ConnectedApp", "ExtlClntAppOauthSettings"}
	some r in net.ranges(input)
	n := net.broad_public(r.start, r.end, threshold)
	f := {
		"msg": sprintf("%s treats %s as a trusted network for its users: the range covers whole providers, not the app's own servers, so relaxed IP checks apply to anyone there", [oauth.app_name(input), net.describe(r.start, r.end)]),
		"element": r.element,
		"value": sprintf("%s-%s", [r.start, r.end]),
	}
}
