# METADATA
# title: Broad trusted IP range
# description: |
#   Trusted IP ranges (Setup → Network Access, `networkAccess/ipRanges` in
#   Security.settings) tell Salesforce which networks need no identity
#   verification. For API logins they mean more: from inside a trusted range a
#   username and password log in without the security token. A trusted range
#   of a /16 (65,536 addresses) or more almost never describes one office; at
#   the extreme, 0.0.0.0–255.255.255.255 or half of it (0.0.0.0/1) removes the
#   security-token requirement for the whole internet, so a password alone,
#   phished or reused, is enough for API access. Severity grows with the size
#   of the range: critical from a /8 (16,777,216 addresses), high from
#   `broad_range_addresses`, and medium for a wide range from
#   `wide_range_addresses` (a /20, 4,096 addresses) up to that: still far
#   more than an office or VPN egress needs, so it is reported rather than
#   ignored. Private and carrier-grade NAT ranges of any size are left to
#   SFG-NET-003: they never match the public address Salesforce sees.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_networkaccess.htm
#     description: Set trusted IP ranges for your organization
#   - ref: https://help.salesforce.com/s/articleView?id=sf.user_security_token.htm
#     description: Reset your security token
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_securitysettings.htm
#     description: SecuritySettings metadata type (networkAccess)
# custom:
#   id: SFG-NET-001
#   severity: high
#   types: [SecuritySettings]
#   reads: [networkAccess]
#   params:
#     broad_range_addresses: 65536
#     wide_range_addresses: 4096
#   tags: [security, network, trusted-ip, security-token, health-check:NetworkSecurity.trustedIpRangesConfigured]
#   remediation: |
#     Setup → Network Access: replace the range with the exact egress
#     addresses of your offices, VPN and integration hosts (single addresses
#     or small blocks). In metadata: narrow the `<start>`/`<end>` of the
#     `<ipRanges>` entry under `<networkAccess>` in settings/Security.settings.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <networkAccess>
#               <ipRanges>
#                   <description>Everyone (vendor setup)</description>
#                   <end>127.255.255.255</end>
#                   <start>0.0.0.0</start>
#               </ipRanges>
#           </networkAccess>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <networkAccess>
#               <ipRanges>
#                   <description>HQ egress</description>
#                   <end>203.0.113.14</end>
#                   <start>203.0.113.10</start>
#               </ipRanges>
#           </networkAccess>
#       </SecuritySettings>
package sfguard.rules.network.broad_trusted_ip_range

import rego.v1

import data.sfguard.lib.net

# The default applies when no engine data is loaded (Rego unit tests).
default threshold := 65536

threshold := data.sfguard.params.broad_range_addresses

default wide_threshold := 4096

wide_threshold := data.sfguard.params.wide_range_addresses

deny contains f if {
	input.type == "SecuritySettings"
	some i, r in object.get(input.content, ["networkAccess", "ipRanges"], [])

	# Private and CGNAT space never matches the public address Salesforce
	# sees; such ranges are ineffective rather than broad (SFG-NET-003).
	n := net.broad_public(r.start, r.end, threshold)
	f := {
		"msg": sprintf("Trusted IP range %s%s lets a username and password log in to the API without the security token from %s", [net.describe(r.start, r.end), label(r), reach(n)]),
		"severity": severity(n),
		"element": ["networkAccess", "ipRanges", i],
		"value": sprintf("%s-%s", [r.start, r.end]),
	}
}

label(r) := sprintf(" (%q)", [r.description]) if r.description != ""

else := ""

# A wide range below the broad threshold: reported at medium, never dropped.
# Wide ranges stop where broad ones begin, so no range is reported twice.
deny contains f if {
	input.type == "SecuritySettings"
	some i, r in object.get(input.content, ["networkAccess", "ipRanges"], [])
	n := net.broad_public(r.start, r.end, wide_threshold)
	n < threshold
	f := {
		"msg": sprintf("Trusted IP range %s%s is wider than an office or VPN egress needs: from any address in it a username and password log in to the API without the security token", [net.describe(r.start, r.end), label(r)]),
		"severity": "medium",
		"element": ["networkAccess", "ipRanges", i],
		"value": sprintf("%s-%s", [r.start, r.end]),
	}
}

reach(n) := "anywhere on the internet" if n >= 2147483648

else := sprintf("%d addresses", [n])

severity(n) := "critical" if n >= 16777216

else := "high"
