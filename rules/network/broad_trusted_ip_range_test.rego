package sfguard.rules.network.broad_trusted_ip_range_test

import rego.v1

import data.sfguard.rules.network.broad_trusted_ip_range as rule

settings(ranges) := {"type": "SecuritySettings", "fullName": "Security", "content": {"networkAccess": {"ipRanges": ranges}}}

test_everything_is_critical if {
	some f in rule.deny with input as settings([{"start": "0.0.0.0", "end": "255.255.255.255", "description": "all"}])
	f.severity == "critical"
	f.element == ["networkAccess", "ipRanges", 0]
	contains(f.msg, "anywhere on the internet")
}

test_half_the_internet_is_critical if {
	some f in rule.deny with input as settings([{"start": "0.0.0.0", "end": "127.255.255.255"}])
	f.severity == "critical"
}

test_slash16_is_high if {
	some f in rule.deny with input as settings([
		{"start": "203.0.113.1", "end": "203.0.113.1"},
		{"start": "198.51.0.0", "end": "198.51.255.255"},
	])
	f.severity == "high"
	f.element == ["networkAccess", "ipRanges", 1]
	contains(f.msg, "65536 addresses")
}

test_small_ranges_are_silent if {
	count(rule.deny) == 0 with input as settings([
		{"start": "104.196.211.229", "end": "104.196.211.229"},
		{"start": "198.51.100.0", "end": "198.51.100.255"},
	])
}

test_threshold_is_a_parameter if {
	count(rule.deny) == 1 with input as settings([{"start": "198.51.100.0", "end": "198.51.100.255"}])
		with data.sfguard.params as {"broad_range_addresses": 256}
}

test_empty_network_access_is_silent if {
	count(rule.deny) == 0 with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"networkAccess": {}}}
}

test_private_ranges_are_left_to_the_ineffective_range_rule if {
	count(rule.deny) == 0 with input as settings([{"start": "10.0.0.0", "end": "10.255.255.255"}])
}

test_slash20_is_medium if {
	some f in rule.deny with input as settings([{"start": "198.51.96.0", "end": "198.51.111.255", "description": "Partner NAT pool"}])
	f.severity == "medium"
	f.element == ["networkAccess", "ipRanges", 0]
	contains(f.msg, "4096 addresses, about a /20")
	contains(f.msg, `"Partner NAT pool"`)
}

test_just_below_a_slash16_is_medium_and_reported_once if {
	# 65,535 addresses (ending in .254) still needs a /16 block.
	fs := rule.deny with input as settings([{"start": "198.51.0.0", "end": "198.51.255.254"}])
	count(fs) == 1
	some f in fs
	f.severity == "medium"
	contains(f.msg, "65535 addresses, about a /16")
}

test_slash16_is_reported_once_at_high if {
	fs := rule.deny with input as settings([{"start": "198.51.0.0", "end": "198.51.255.255"}])
	[f.severity | some f in fs] == ["high"]
}

test_just_below_a_slash20_is_silent if {
	count(rule.deny) == 0 with input as settings([{"start": "198.51.96.0", "end": "198.51.111.254"}])
}

test_wide_threshold_is_a_parameter if {
	count(rule.deny) == 0 with input as settings([{"start": "198.51.96.0", "end": "198.51.111.255"}])
		with data.sfguard.params as {"broad_range_addresses": 65536, "wide_range_addresses": 8192}
	some f in rule.deny with input as settings([{"start": "198.51.100.0", "end": "198.51.101.255"}])
		with data.sfguard.params as {"broad_range_addresses": 65536, "wide_range_addresses": 512}
	f.severity == "medium"
}

test_private_wide_ranges_are_left_to_the_ineffective_range_rule if {
	count(rule.deny) == 0 with input as settings([
		{"start": "172.16.0.0", "end": "172.16.15.255"},
		{"start": "100.64.0.0", "end": "100.64.31.255"},
		{"start": "192.168.0.0", "end": "192.168.255.255"},
	])
}
