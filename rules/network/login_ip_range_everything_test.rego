package sfguard.rules.network.login_ip_range_everything_test

import rego.v1

import data.sfguard.rules.network.login_ip_range_everything as rule

profile(ranges) := {"type": "Profile", "fullName": "Admin", "content": {"loginIpRanges": ranges}}

test_everything_fires_high if {
	some f in rule.deny with input as profile([{"startAddress": "0.0.0.0", "endAddress": "255.255.255.255"}])
	f.severity == "high"
	f.element == ["loginIpRanges", 0]
	contains(f.msg, "switched off")
}

test_slash16_is_medium if {
	some f in rule.deny with input as profile([{"startAddress": "35.0.0.0", "endAddress": "35.0.255.255"}])
	f.severity == "medium"
}

test_real_single_addresses_are_silent if {
	count(rule.deny) == 0 with input as profile([
		{"startAddress": "35.155.249.183", "endAddress": "35.155.249.183"},
		{"startAddress": "35.160.107.125", "endAddress": "35.160.107.125"},
	])
}

test_ipv6_or_malformed_is_not_this_rules_business if {
	count(rule.deny) == 0 with input as profile([{"startAddress": "2001:db8::", "endAddress": "2001:db8::ffff"}])
	count(rule.deny) == 0 with input as profile([{"startAddress": "10.0.0", "endAddress": "10.0.0.9"}])
}

test_private_login_range_lets_no_one_in if {
	count(rule.deny) == 0 with input as profile([{"startAddress": "10.0.0.0", "endAddress": "10.255.255.255"}])
}
