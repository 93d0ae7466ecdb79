# METADATA
# title: Password alone logs in to the API from a broad trusted range
# description: |
#   Three settings in three places combine into one weakness. A profile grants
#   "API Enabled"; the same profile has no Login IP Ranges, so Salesforce
#   accepts its logins from any address; and Setup → Network Access trusts a
#   broad IP range. From a trusted range Salesforce does not ask API logins
#   for the security token, so for every user of the profile the password
#   alone (phished, reused, or pasted into a vendor's setup form) is a
#   working API login from anywhere in that range. A vendor who asks for
#   "0.0.0.0 to 127.255.255.255 during setup" has made it half the internet.
#   The finding is placed on the profile's API Enabled permission and links
#   to every broad trusted range involved; it is critical when the range is
#   a /8 or larger.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.user_security_token.htm
#     description: Reset your security token (when the token is required)
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_networkaccess.htm
#     description: Set trusted IP ranges for your organization
#   - ref: https://help.salesforce.com/s/articleView?id=sf.login_ip_ranges.htm
#     description: Restrict login IP ranges in profiles
# custom:
#   id: SFG-PATH-001
#   severity: critical
#   scope: org
#   types: [Profile, SecuritySettings]
#   reads: [userPermissions, loginIpRanges, custom, networkAccess]
#   params:
#     broad_range_addresses: 65536
#   tags: [security, access-path, api, network, trusted-ip, security-token, sbs:SBS-ACS-002]
#   remediation: |
#     Break any link of the chain, best all three: narrow or delete the broad
#     trusted range (Setup → Network Access; `<ipRanges>` under
#     `<networkAccess>` in settings/Security.settings), add Login IP Ranges to
#     the profile that cover only its users' real egress addresses (Setup →
#     Profiles → the profile → Login IP Ranges; `<loginIpRanges>`), and move
#     integrations from passwords to OAuth (JWT bearer or client
#     credentials).
#   examples:
#     fail: |
#       <!-- profiles/Mail Connector Integration.profile -->
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <custom>true</custom>
#           <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
#       </Profile>
#       <!-- settings/Security.settings -->
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <networkAccess>
#               <ipRanges><end>127.255.255.255</end><start>0.0.0.0</start></ipRanges>
#           </networkAccess>
#       </SecuritySettings>
#     pass: |
#       <!-- profiles/Mail Connector Integration.profile -->
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <custom>true</custom>
#           <loginIpRanges><endAddress>192.0.2.40</endAddress><startAddress>192.0.2.32</startAddress></loginIpRanges>
#           <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
#       </Profile>
package sfguard.rules.paths.password_alone

import rego.v1

import data.sfguard.lib.net
import data.sfguard.lib.perms

# The default applies when no engine data is loaded (Rego unit tests).
default threshold := 65536

threshold := data.sfguard.params.broad_range_addresses

# Broad, public trusted ranges of every SecuritySettings document in the
# scan. Private and CGNAT ranges never match the address Salesforce sees.
broad contains r if {
	some d in object.get(input.types, "SecuritySettings", [])
	some i, rg in object.get(d.content, ["networkAccess", "ipRanges"], [])
	n := net.broad_public(rg.start, rg.end, threshold)
	r := {"path": d.path, "i": i, "n": n, "start": rg.start, "end": rg.end, "description": object.get(rg, "description", "")}
}

# The widest range names the finding; ties go to the first in file order.
widest := w if {
	first := sort([[0 - r.n, r.path, r.i] | some r in broad])[0]
	some w in broad
	w.path == first[1]
	w.i == first[2]
}

reach(n) := "the whole internet" if n >= 4294967296

else := "half the internet" if n >= 2147483648

else := sprintf("%d addresses", [n])

severity(n) := "critical" if n >= 16777216

else := "high"

label(r) := sprintf(" (%q)", [r.description]) if r.description != ""

else := ""

# An allow-all or very broad login range is no restriction either.
login_link(p) := "no login IP ranges" if net.login_restriction(p.content, threshold) == "none"

else := sprintf("login IP ranges covering %d addresses, which restrict nothing", [net.login_coverage(p.content)])

also_admin(p) := sprintf(", and the profile carries administrator permissions (%s)", [concat(", ", [perms.label(x) | some x in sort(perms.granted(p.content) & perms.admin_permissions)])]) if {
	perms.admin_like(p.content)
} else := ""

deny contains f if {
	some p in object.get(input.types, "Profile", [])
	net.login_unrestricted(p.content, threshold)
	some k in perms.at(p.content, "ApiEnabled")
	w := widest
	f := {
		"msg": sprintf("Profile %s: the password alone logs in to the API from %s. Chain: API Enabled on the profile → %s on the profile → trusted IP range %s%s in Security settings, where Salesforce asks for no security token%s", [p.fullName, reach(w.n), login_link(p), net.describe(w.start, w.end), label(w), also_admin(p)]),
		"document": p.path,
		"element": ["userPermissions", k, "name"],
		"severity": severity(w.n),
		"value": sprintf("%s-%s", [w.start, w.end]),
		"related": [{"document": pi[0], "element": ["networkAccess", "ipRanges", pi[1]]} |
			some pi in sort([[x.path, x.i] | some x in broad])
		],
	}
}
