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
