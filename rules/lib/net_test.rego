package sfguard.lib.net_test

import rego.v1

import data.sfguard.lib.net

test_range_size_and_prefix if {
	net.range_size("0.0.0.0", "127.255.255.255") == 2147483648
	net.prefix_len(65536) == 16
	net.prefix_len(131071) == 15
	net.prefix_len(65535) == 16
	net.prefix_len(1) == 32
	net.prefix_len(4294967296) == 0
	net.describe("10.0.0.0", "10.1.255.254") == "10.0.0.0–10.1.255.254 (131071 addresses, about a /15)"
	not net.range_size("10.0.0.9", "10.0.0.1")
}

test_range_problems if {
	net.range_problem("10.0.0.9", "10.0.0.1") == "it starts after it ends"
	net.range_problem("10.0.0", "10.0.0.9") == "\"10.0.0\" is not an IP address"
	net.range_problem("10.0.0.1", "2001:db8::1") == "it mixes an IPv4 and an IPv6 address"
	not net.range_problem("203.0.113.1", "203.0.113.9")
	not net.range_problem("2001:db8::", "2001:db8::ffff")
}

test_ranges_of_every_type if {
	net.ranges({"type": "Profile", "content": {"loginIpRanges": [{"startAddress": "1.1.1.1", "endAddress": "1.1.1.2"}]}}) == [{"element": ["loginIpRanges", 0], "start": "1.1.1.1", "end": "1.1.1.2", "description": "", "kind": "Login IP range"}]
	count(net.ranges({"type": "SecuritySettings", "content": {"networkAccess": {"ipRanges": [{"start": "a", "end": "b"}, {"start": "c", "end": "d"}]}}})) == 2
	net.ranges({"type": "OauthOidcSettings", "content": {}}) == []
}

test_private_or_cgnat if {
	net.private_or_cgnat("10.0.0.0", "10.255.255.255")
	net.private_or_cgnat("100.64.0.0", "100.127.255.255")
	not net.private_or_cgnat("9.255.255.255", "10.0.0.1")
}

test_broad_public if {
	net.broad_public("0.0.0.0", "127.255.255.255", 65536) == 2147483648
	not net.broad_public("10.0.0.0", "10.255.255.255", 65536)
	not net.broad_public("203.0.113.0", "203.0.113.255", 65536)
}

test_login_restriction if {
	net.login_restriction({}, 65536) == "none"
	net.login_restriction({"loginIpRanges": [{"startAddress": "0.0.0.0", "endAddress": "255.255.255.255"}]}, 65536) == "broad"
	net.login_restriction({"loginIpRanges": [
		{"startAddress": "198.51.0.0", "endAddress": "198.51.127.255"},
		{"startAddress": "198.52.0.0", "endAddress": "198.52.127.255"},
	]}, 65536) == "broad"
	net.login_restriction({"loginIpRanges": [{"startAddress": "203.0.113.10", "endAddress": "203.0.113.20"}]}, 65536) == "restricted"
	net.login_restriction({"loginIpRanges": [{"startAddress": "10.0.0.0", "endAddress": "10.255.255.255"}]}, 65536) == "restricted"
	net.login_unrestricted({"loginIpRanges": [{"startAddress": "0.0.0.0", "endAddress": "255.255.255.255"}]}, 65536)
}
