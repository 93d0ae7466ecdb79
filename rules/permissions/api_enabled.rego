# METADATA
# title: API Enabled without effective login IP ranges
# description: |
#   "API Enabled" lets a user log in to the SOAP and REST APIs with a username
#   and password. From outside the org's trusted IP ranges the password must
#   have the user's security token appended; inside them the password alone
#   works. The only control that blocks an API login from an arbitrary address
#   is the profile's Login IP Ranges: outside them the login fails, token or
#   not. So a profile that grants API Enabled and has no login IP ranges can be
#   used from anywhere on the internet by whoever has the password and token,
#   the pair that integration guides ask admins to paste into third-party
#   tools, build files and CI variables. Login ranges that together cover at
#   least `broad_range_addresses` public addresses (0.0.0.0–255.255.255.255,
#   say) restrict nothing and count as none. So that an admin sees every
#   API-capable principal in one list, every profile, permission set and
#   permission set group (resolved through its member sets, minus muted
#   permissions) that grants API Enabled or API Only User is reported once:
#   high for a profile without effective login ranges, info for a profile
#   whose login ranges do restrict it, low for permission sets and groups
#   (their holders' profiles decide where they can log in from), and info for
#   Salesforce's own defaults (standard and guest profiles, Salesforce-owned
#   permission sets), which the org cannot change.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.user_security_token.htm
#     description: Reset your security token
#   - ref: https://help.salesforce.com/s/articleView?id=sf.login_ip_ranges.htm
#     description: Restrict login IP ranges in profiles
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (userPermissions, loginIpRanges)
# custom:
#   id: SFG-PERM-001
#   severity: high
#   scope: org
#   types: [Profile, PermissionSet, PermissionSetGroup, MutingPermissionSet]
#   reads: [userPermissions, loginIpRanges, label, custom, userLicense, permissionSets, mutingPermissionSets]
#   params: {broad_range_addresses: 65536}
#   tags: [security, permissions, api, network, security-token, sbs:SBS-ACS-002]
#   remediation: |
#     Prefer an OAuth flow (JWT bearer or client credentials with a run-as
#     user) over stored passwords. Add Login IP Ranges to the profile
#     (Setup → Profiles → the profile → Login IP Ranges) that cover only the
#     integration's egress addresses, or remove "API Enabled" from profiles
#     whose users do not need the API. In metadata: `<loginIpRanges>` with
#     `<startAddress>`/`<endAddress>` on the Profile.
#   examples:
#     fail: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <custom>true</custom>
#           <userLicense>Salesforce</userLicense>
#           <userPermissions>
#               <enabled>true</enabled>
#               <name>ApiEnabled</name>
#           </userPermissions>
#       </Profile>
#     pass: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <custom>true</custom>
#           <loginIpRanges>
#               <endAddress>203.0.113.20</endAddress>
#               <startAddress>203.0.113.10</startAddress>
#           </loginIpRanges>
#           <userLicense>Salesforce</userLicense>
#           <userPermissions>
#               <enabled>true</enabled>
#               <name>ApiEnabled</name>
#           </userPermissions>
#       </Profile>
package sfguard.rules.permissions.api_enabled

import rego.v1

import data.sfguard.lib.net
import data.sfguard.lib.perms

default threshold := 65536

threshold := data.sfguard.params.broad_range_addresses

api_perms := ["ApiEnabled", "ApiUserOnly"]

# what(names) names the API permissions granted, e.g. "API Enabled and API
# Only User".
what(names) := concat(" and ", [label[n] | some n in api_perms; n in names])

label := {"ApiEnabled": "API Enabled", "ApiUserOnly": "API Only User"}

granted(content) := {n | some n in api_perms; perms.has(content, n)}

at(content, names) := min({i | some n in names; some i in perms.at(content, n)})

deny contains f if {
	some d in object.get(input.types, "Profile", [])
	names := granted(d.content)
	count(names) > 0
	r := net.login_restriction(d.content, threshold)
	g := profile_grade(d, r)
	f := {
		"msg": sprintf("Profile %s grants %s%s", [d.fullName, what(names), g.tail]),
		"severity": g.severity,
		"document": d.path,
		"element": ["userPermissions", at(d.content, names), "name"],
		"value": sort(names),
	}
}

exposure := " its users can log in to the API from any address with password + security token (and with the password alone from the org's trusted IP ranges)"

# A standard profile's API Enabled is Salesforce's default, and so is having
# no login ranges; a broad range, though, is the org's own choice (the
# System Administrator profile with 0.0.0.0–255.255.255.255) and is graded.
profile_grade(d, _) := {"severity": "info", "tail": sprintf(", a Salesforce default on a standard or guest profile that the org cannot remove; %s", [ranges_tail(d)])} if {
	perms.salesforce_default(d)
	net.login_restriction(d.content, threshold) != "broad"
} else := {"severity": "high", "tail": sprintf(" and has no login IP ranges:%s", [exposure])} if {
	r := net.login_restriction(d.content, threshold)
	r == "none"
} else := {"severity": "high", "tail": sprintf(" and its login IP ranges cover %d addresses, which restricts nothing:%s", [net.login_coverage(d.content), exposure])} if {
	r := net.login_restriction(d.content, threshold)
	r == "broad"
} else := {"severity": "info", "tail": sprintf("; its login IP ranges (%d addresses) limit where its users can log in from, so this is listed for the inventory of API-capable principals", [net.login_coverage(d.content)])}

ranges_tail(d) := "its login IP ranges limit where its users can log in from" if {
	net.login_restriction(d.content, threshold) == "restricted"
} else := "add login IP ranges to the profile to limit where its users can log in from"

deny contains f if {
	some d in object.get(input.types, "PermissionSet", [])
	names := granted(d.content)
	count(names) > 0
	f := {
		"msg": sprintf("Permission set %s grants %s%s", [d.fullName, what(names), set_tail(d)]),
		"severity": set_severity(d),
		"document": d.path,
		"element": ["userPermissions", at(d.content, names), "name"],
		"value": sort(names),
	}
}

set_severity(d) := "info" if perms.salesforce_default(d)

else := "low"

set_tail(d) := ", a Salesforce-owned permission set the org cannot change" if perms.salesforce_default(d)

else := ": whether its holders can use the API from anywhere depends on their profiles' login IP ranges"

# A group grants what its member sets grant, minus its muting permission set.
deny contains f if {
	some g in object.get(input.types, "PermissionSetGroup", [])
	srcs := [[i, m, n] |
		some i, name in object.get(g.content, "permissionSets", [])
		some m in object.get(input.types, "PermissionSet", [])
		m.fullName == name
		some n in granted(m.content)
		not muted(g, n)
	]
	count(srcs) > 0
	names := {x[2] | some x in srcs}
	f := {
		"msg": sprintf("Permission set group %s grants %s to all its members through %s: whether they can use the API from anywhere depends on their profiles' login IP ranges", [g.fullName, what(names), concat(", ", sort({x[1].fullName | some x in srcs}))]),
		"severity": group_severity(g),
		"document": g.path,
		"element": ["permissionSets", srcs[0][0]],
		"value": sort(names),
		"related": [{"document": x[1].path, "element": ["userPermissions", min(perms.at(x[1].content, x[2])), "name"]} | some x in srcs],
	}
}

group_severity(g) := "info" if perms.salesforce_default(g)

else := "low"

muted(g, n) if {
	some mname in object.get(g.content, "mutingPermissionSets", [])
	some m in object.get(input.types, "MutingPermissionSet", [])
	m.fullName == mname
	perms.has(m.content, n)
}
