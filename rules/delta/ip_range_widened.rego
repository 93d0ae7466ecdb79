# METADATA
# title: Login or trusted IP range widened or removed
# description: |
#   In PR mode (`--diff-base`), reports network restrictions loosened by the
#   change. For a profile: all login IP ranges removed (users with the
#   profile can then log in from anywhere), or a login IP range that covers
#   addresses none of the base revision's ranges covered. For the org's
#   trusted IP ranges (SecuritySettings `networkAccess`, where logins skip
#   device activation): a range that covers addresses the base revision did
#   not trust. Coverage is compared address by address over the union of
#   ranges, so splitting, merging, reordering or re-describing ranges is
#   silent. Removing every login range, or adding 65,536 addresses or more
#   (a /16), is high; 256 or more is medium; smaller additions are low. IPv6
#   ranges are not compared.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.login_ip_ranges.htm
#     description: Restrict login IP ranges in profiles
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_networkaccess.htm
#     description: Set trusted IP ranges for your organization
# custom:
#   id: SFG-DELTA-007
#   severity: high
#   scope: delta
#   types: [Profile, SecuritySettings]
#   reads: [loginIpRanges, networkAccess]
#   tags: [security, delta, network, login-ip-ranges, trusted-ip-ranges]
#   remediation: |
#     Add only the egress addresses the users or the integration really use,
#     and keep at least one login IP range on profiles that had them. If the
#     wider range is intended, record the decision with a suppression that has
#     a reason and an expiry date.
package sfguard.rules.delta.ip_range_widened

import rego.v1

import data.sfguard.lib.delta
import data.sfguard.lib.net

# How each type stores its ranges. restrictive: the ranges limit where users
# may log in from, so having none at all is the widest setting; otherwise
# (trusted ranges) having none is the narrowest.
specs := {
	"Profile": {"path": ["loginIpRanges"], "start": "startAddress", "end": "endAddress", "restrictive": true, "what": "login IP range"},
	"SecuritySettings": {"path": ["networkAccess", "ipRanges"], "start": "start", "end": "end", "restrictive": false, "what": "trusted IP range"},
}

severity(n) := "high" if n >= 65536

else := "medium" if n >= 256

else := "low"

subject := sprintf("Profile %s", [input.head.fullName]) if input.head.type == "Profile"

else := "The org's network access settings"

deny contains f if {
	spec := specs[input.head.type]
	input.base != null
	before := delta.ranges(input.base.content, spec.path, spec.start, spec.end)

	# A profile without ranges is unrestricted: its first range narrows it.
	some _ in restricting(spec, input.base.content)
	some i, r in object.get(input.head.content, spec.path, [])
	s := net.ipv4_to_int(r[spec.start])
	e := net.ipv4_to_int(r[spec.end])
	e >= s
	not delta.covered(s, e, before)
	f := {
		"msg": sprintf("%s: %s %s covers addresses the base revision did not allow", [subject, spec.what, net.describe(r[spec.start], r[spec.end])]),
		"severity": severity((e - s) + 1),
		"element": array.concat(spec.path, [i]),
		"value": sprintf("%s-%s", [r[spec.start], r[spec.end]]),
	}
}

# restricting yields one element when a comparison makes sense: always for
# trusted ranges, and for profiles only when the base had login ranges.
restricting(spec, _) := [true] if not spec.restrictive

restricting(spec, base) := [true] if {
	spec.restrictive
	count(object.get(base, spec.path, [])) > 0
}

deny contains f if {
	input.head.type == "Profile"
	input.base != null
	n := count(object.get(input.base.content, "loginIpRanges", []))
	n > 0
	count(object.get(input.head.content, "loginIpRanges", [])) == 0
	f := {
		"msg": sprintf("Profile %s no longer has login IP ranges (it had %d): users with this profile can log in from any address", [input.head.fullName, n]),
		"severity": "high",
		"element": ["loginIpRanges"],
		"value": "removed",
	}
}
