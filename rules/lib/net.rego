# METADATA
# title: IP range helpers
# description: |
#   Helpers for the IP address ranges Salesforce stores as start/end pairs
#   (trusted IP ranges, profile login IP ranges, connected app IP ranges).
#   Salesforce writes ranges as two addresses, never as CIDR, so rules reason
#   about the number of addresses a range covers.
package sfguard.lib.net

import rego.v1

# ipv4_to_int("10.0.0.1") == 167772161; undefined for anything that is not a
# dotted quad of numbers 0..255.
ipv4_to_int(ip) := n if {
	parts := split(trim_space(ip), ".")
	count(parts) == 4
	octets := [o |
		some p in parts
		regex.match(`^[0-9]{1,3}$`, p)
		o := to_number(p)
		o <= 255
	]
	count(octets) == 4
	n := (((octets[0] * 16777216) + (octets[1] * 65536)) + (octets[2] * 256)) + octets[3]
}

is_ipv4(ip) if ipv4_to_int(ip)

is_ipv6(ip) if {
	contains(ip, ":")
	net.cidr_is_valid(concat("", [trim_space(ip), "/128"]))
}

# range_size(start, end) is the number of IPv4 addresses in [start, end];
# undefined when either end is not IPv4 or the range is reversed.
range_size(start, end) := n if {
	s := ipv4_to_int(start)
	e := ipv4_to_int(end)
	e >= s
	n := (e - s) + 1
}

# prefix_len(size) is the CIDR prefix length of the smallest block at least as
# large as size addresses: 65536 -> 16, 65537 and 131071 -> 15, 1 -> 32. (A
# range ending in .254 is one address short of its block and still needs it.)
prefix_len(size) := p if {
	p := max([q |
		some q in numbers.range(0, 32)
		bits.lsh(1, 32 - q) >= size
	])
}

# Private (RFC 1918) and carrier-grade NAT (RFC 6598) space: Salesforce sees a
# public address, so trusted or login ranges here never match anyone.
private_or_cgnat(start, end) if {
	some cidr in ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8"]
	net.cidr_contains(cidr, trim_space(start))
	net.cidr_contains(cidr, trim_space(end))
}

# Human-readable range, e.g. "0.0.0.0–255.255.255.255 (4294967296 addresses, about a /0)".
describe(start, end) := s if {
	n := range_size(start, end)
	s := sprintf("%s–%s (%d addresses, about a /%d)", [start, end, n, prefix_len(n)])
} else := sprintf("%s–%s", [start, end])

# range_problem(start, end) explains why Salesforce cannot use a range as
# written; undefined for a usable range. IPv6 ranges are accepted when both
# ends are IPv6 (their order is not checked).
range_problem(start, end) := sprintf("%q is not an IP address", [start]) if {
	not is_ipv4(start)
	not is_ipv6(start)
} else := sprintf("%q is not an IP address", [end]) if {
	not is_ipv4(end)
	not is_ipv6(end)
} else := "it mixes an IPv4 and an IPv6 address" if {
	is_ipv4(start) != is_ipv4(end)
} else := "it starts after it ends" if {
	ipv4_to_int(start) > ipv4_to_int(end)
}

is_ipv4(ip) := false if not ipv4_to_int(ip)

# ranges(doc) lists every IP range a document carries, whatever the type
# calls its ends: {element, start, end, description, kind}.
ranges(doc) := [r |
	some spec in range_specs[doc.type]
	some i, x in object.get(doc.content, spec.path, [])
	r := {
		"element": array.concat(spec.path, [i]),
		"start": object.get(x, spec.start, ""),
		"end": object.get(x, spec.end, ""),
		"description": object.get(x, "description", ""),
		"kind": spec.kind,
	}
]

range_specs := {
	"SecuritySettings": [{"path": ["networkAccess", "ipRanges"], "start": "start", "end": "end", "kind": "Trusted IP range"}],
	"Profile": [{"path": ["loginIpRanges"], "start": "startAddress", "end": "endAddress", "kind": "Login IP range"}],
	"ConnectedApp": [{"path": ["ipRanges"], "start": "start", "end": "end", "kind": "Connected app IP range"}],
	"ExtlClntAppOauthSettings": [{"path": ["trustedIpRanges"], "start": "startIpAddress", "end": "endIpAddress", "kind": "External client app trusted IP range"}],
}

# broad_public(start, end, threshold) is the number of addresses of a public
# IPv4 range that covers at least threshold addresses; undefined for smaller
# ranges and for private or CGNAT ranges, which never match the public
# address Salesforce sees and so allow no one.
broad_public(start, end, threshold) := n if {
	n := range_size(start, end)
	n >= threshold
	not private_or_cgnat(start, end)
}

# login_coverage(content) is the number of public IPv4 addresses a profile's
# login IP ranges together let in. Private and CGNAT ranges let no one in;
# malformed ranges count for nothing (SFG-NET-004 reports them); IPv6 ranges
# are not sized.
login_coverage(content) := sum([n |
	some r in object.get(content, "loginIpRanges", [])
	s := object.get(r, "startAddress", "")
	e := object.get(r, "endAddress", "")
	n := range_size(s, e)
	not private_or_cgnat(s, e)
])

# login_restriction(content, threshold) says what a profile's login IP ranges
# do: "none" (no ranges), "broad" (together at least threshold public
# addresses: an allow-all range such as 0.0.0.0–255.255.255.255 is no
# restriction) or "restricted". Every rule that reasons about login ranges
# uses it, so a broad range is never mistaken for a restriction.
login_restriction(content, _) := "none" if count(object.get(content, "loginIpRanges", [])) == 0

login_restriction(content, threshold) := "broad" if {
	count(object.get(content, "loginIpRanges", [])) > 0
	login_coverage(content) >= threshold
}

login_restriction(content, threshold) := "restricted" if {
	count(object.get(content, "loginIpRanges", [])) > 0
	login_coverage(content) < threshold
}

# login_unrestricted(content, threshold) holds when login IP ranges do not
# restrict where the profile's users log in from.
login_unrestricted(content, threshold) if login_restriction(content, threshold) in {"none", "broad"}
