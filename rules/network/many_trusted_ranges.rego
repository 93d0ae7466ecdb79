# METADATA
# title: Very many trusted IP ranges
# description: |
#   Each trusted IP range is a network from which identity verification is
#   skipped and API logins need no security token. A list that has grown to
#   dozens of entries (every vendor, every home office, every cloud region)
#   is no longer reviewed entry by entry, and nobody can say which are still
#   in use. The threshold is a parameter (default 20 ranges).
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_networkaccess.htm
#     description: Set trusted IP ranges for your organization
# custom:
#   id: SFG-NET-005
#   severity: low
#   types: [SecuritySettings]
#   reads: [networkAccess]
#   params:
#     max_trusted_ranges: 20
#   tags: [security, network, trusted-ip, health-check:NetworkSecurity.trustedIpRangesConfigured]
#   remediation: |
#     Review Setup → Network Access, delete ranges that no longer belong to
#     your offices, VPN or integrations, and prefer profile Login IP Ranges
#     plus OAuth for integrations over trusting their networks.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <networkAccess>
#               <ipRanges><description>Vendor 1</description><end>198.51.100.1</end><start>198.51.100.1</start></ipRanges>
#               <!-- … 24 more entries … -->
#           </networkAccess>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <networkAccess>
#               <ipRanges><description>Head office</description><end>203.0.113.14</end><start>203.0.113.10</start></ipRanges>
#           </networkAccess>
#       </SecuritySettings>
package sfguard.rules.network.many_trusted_ranges

import rego.v1

default max_ranges := 20

max_ranges := data.sfguard.params.max_trusted_ranges

deny contains f if {
	input.type == "SecuritySettings"
	n := count(object.get(input.content, ["networkAccess", "ipRanges"], []))
	n > max_ranges
	f := {
		"msg": sprintf("Network Access lists %d trusted IP ranges (more than %d): each skips identity verification and the API security token, and a list this long is no longer reviewed entry by entry", [n, max_ranges]),
		"element": ["networkAccess"],
		"value": n,
	}
}
