# METADATA
# title: IP range that Salesforce cannot use
# description: |
#   An IP range whose start comes after its end, whose ends are not IP
#   addresses, or that mixes an IPv4 and an IPv6 address does not do what
#   its author meant: the deploy fails, or the range matches nothing. For a
#   profile's Login IP Ranges that can lock users out or, after someone
#   "fixes" it in a hurry, end with a range far wider than intended; for a
#   trusted range it leaves the network untrusted. Typos like 203.0.113.14 to
#   203.0.113.10 are common when ranges are edited by hand in XML. Checked
#   for trusted IP ranges, profile login IP ranges, connected app IP ranges
#   and external client app trusted IP ranges.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.login_ip_ranges.htm
#     description: Restrict login IP ranges in profiles
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_networkaccess.htm
#     description: Set trusted IP ranges for your organization
# custom:
#   id: SFG-NET-004
#   severity: medium
#   types: [SecuritySettings, Profile, ConnectedApp, ExtlClntAppOauthSettings]
#   reads: [networkAccess, loginIpRanges, ipRanges, trustedIpRanges, externalClientApplication]
#   tags: [security, network, login-ip-ranges, trusted-ip]
#   remediation: |
#     Correct the range so that both ends are addresses of the same family and
#     the start is not after the end: `<startAddress>`/`<endAddress>` in a
#     profile's `<loginIpRanges>`, `<start>`/`<end>` in trusted or connected
#     app IP ranges, `<startIpAddress>`/`<endIpAddress>` in an external client
#     app's `<trustedIpRanges>`.
#   examples:
#     fail: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <loginIpRanges>
#               <endAddress>203.0.113.10</endAddress>
#               <startAddress>203.0.113.14</startAddress>
#           </loginIpRanges>
#       </Profile>
#     pass: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <loginIpRanges>
#               <endAddress>203.0.113.14</endAddress>
#               <startAddress>203.0.113.10</startAddress>
#           </loginIpRanges>
#       </Profile>
package sfguard.rules.network.invalid_ip_range

import rego.v1

import data.sfguard.lib.names
import data.sfguard.lib.net

deny contains f if {
	some r in net.ranges(input)
	problem := net.range_problem(r.start, r.end)
	f := {
		"msg": sprintf("%s %s–%s of %s cannot be used: %s, so it is rejected on deploy or matches nobody", [r.kind, r.start, r.end, owner, problem]),
		"element": r.element,
		"value": sprintf("%s-%s", [r.start, r.end]),
	}
}

owner := sprintf("profile %s", [input.fullName]) if input.type == "Profile"

owner := "the org's Network Access" if input.type == "SecuritySettings"

owner := sprintf("connected app %s", [input.fullName]) if input.type == "ConnectedApp"

owner := sprintf("external client app %s", [names.of(input.content, "externalClientApplication", input.fullName)]) if input.type == "ExtlClntAppOauthSettings"
