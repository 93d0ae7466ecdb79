# METADATA
# title: Trusted IP range in private or carrier-grade NAT space
# description: |
#   Salesforce sees the public address a connection arrives from. A trusted
#   IP range in private space (10/8, 172.16/12, 192.168/16), carrier-grade
#   NAT (100.64/10) or loopback can therefore never match anyone: users on
#   that VPN or branch network are still challenged, and the entry usually
#   means the office's real egress address was never added, or was added
#   somewhere broader to "fix" the challenges. It is reported low: the range
#   itself opens nothing, but it documents a network setup that does not do
#   what its description says.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_networkaccess.htm
#     description: Set trusted IP ranges for your organization
# custom:
#   id: SFG-NET-003
#   severity: low
#   types: [SecuritySettings]
#   reads: [networkAccess]
#   tags: [security, network, trusted-ip]
#   remediation: |
#     Replace the range with the public egress address of the network it
#     describes (the VPN concentrator's or NAT gateway's address), or delete it.
#     Setup → Network Access; `<ipRanges>` under `<networkAccess>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <networkAccess>
#               <ipRanges>
#                   <description>Branch VPN</description>
#                   <end>10.255.255.255</end>
#                   <start>10.0.0.0</start>
#               </ipRanges>
#           </networkAccess>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <networkAccess>
#               <ipRanges>
#                   <description>Branch VPN egress</description>
#                   <end>203.0.113.20</end>
#                   <start>203.0.113.20</start>
#               </ipRanges>
#           </networkAccess>
#       </SecuritySettings>
package sfguard.rules.network.private_trusted_range

import rego.v1

import data.sfguard.lib.net

deny contains f if {
	input.type == "SecuritySettings"
	some r in net.ranges(input)
	net.private_or_cgnat(r.start, r.end)
	f := {
		"msg": sprintf("Trusted IP range %s%s is private or carrier-grade NAT address space: Salesforce only sees public addresses, so this entry never matches and the network it describes is not trusted", [net.describe(r.start, r.end), label(r)]),
		"element": r.element,
		"value": sprintf("%s-%s", [r.start, r.end]),
	}
}

label(r) := sprintf(" (%q)", [r.description]) if r.description != ""

else := ""
