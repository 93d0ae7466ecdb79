# METADATA
# title: Profile login IP range allows (almost) any address
# description: |
#   A profile's Login IP Ranges are the one control that stops a login from
#   an unexpected network: outside them Salesforce refuses the login even with
#   the right password and security token. A range such as
#   0.0.0.0–255.255.255.255, often added "temporarily" to get an integration
#   working, switches that control off while the profile still looks
#   restricted in a review. Ranges of a /16 or more are reported too: they
#   cover whole providers rather than your own egress addresses. Private and
#   carrier-grade NAT ranges are not: Salesforce sees public addresses, so
#   they let no one in.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.login_ip_ranges.htm
#     description: Restrict login IP ranges in profiles
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (loginIpRanges)
# custom:
#   id: SFG-NET-002
#   severity: high
#   types: [Profile]
#   reads: [loginIpRanges]
#   params:
#     broad_range_addresses: 65536
#   tags: [security, network, profile, login-ip-ranges]
#   remediation: |
#     Setup → Profiles → the profile → Login IP Ranges: replace the range with
#     the addresses your users and integrations really come from. In metadata:
#     narrow `<startAddress>`/`<endAddress>` of the `<loginIpRanges>` entry.
#   examples:
#     fail: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <loginIpRanges>
#               <description>Admin access</description>
#               <endAddress>255.255.255.255</endAddress>
#               <startAddress>0.0.0.0</startAddress>
#           </loginIpRanges>
#       </Profile>
#     pass: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <loginIpRanges>
#               <description>HQ</description>
#               <endAddress>203.0.113.14</endAddress>
#               <startAddress>203.0.113.10</startAddress>
#           </loginIpRanges>
#       </Profile>
package sfguard.rules.network.login_ip_range_everything

import rego.v1

import data.sfguard.lib.net

# The default applies when no engine data is loaded (Rego unit tests).
default threshold := 65536

threshold := data.sfguard.params.broad_range_addresses

deny contains f if {
	input.type == "Profile"
	some i, r in object.get(input.content, "loginIpRanges", [])

	# A private or CGNAT login range never matches the public address
	# Salesforce sees, so it lets no one in rather than everyone.
	n := net.broad_public(r.startAddress, r.endAddress, threshold)
	f := {
		"msg": sprintf("Profile %s allows logins from %s: %s", [input.fullName, net.describe(r.startAddress, r.endAddress), effect(n)]),
		"severity": severity(n),
		"element": ["loginIpRanges", i],
		"value": sprintf("%s-%s", [r.startAddress, r.endAddress]),
	}
}

effect(n) := "the login IP restriction is switched off in all but name" if n >= 2147483648

else := "the range covers far more than one organisation's egress addresses"

severity(n) := "high" if n >= 16777216

else := "medium"
