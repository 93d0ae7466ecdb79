package sfguard.rules.delta.ip_range_widened_test

import rego.v1

import data.sfguard.rules.delta.ip_range_widened as rule

profile(ranges) := {"type": "Profile", "fullName": "Integration", "content": {"loginIpRanges": [
{"description": "r", "startAddress": s, "endAddress": e} | some [s, e] in ranges]}}

security(ranges) := {"type": "SecuritySettings", "fullName": "Security", "content": {"networkAccess": {"ipRanges": [
{"start": s, "end": e} | some [s, e] in ranges]}}}

test_widened_range_fires if {
	fs := rule.deny with input as {
		"base": profile([["203.0.113.10", "203.0.113.14"]]),
		"head": profile([["203.0.113.0", "203.0.113.255"]]),
	}
	count(fs) == 1
	some f in fs
	f.element == ["loginIpRanges", 0]
	f.severity == "medium"
	f.value == "203.0.113.0-203.0.113.255"
	f.msg == "Profile Integration: login IP range 203.0.113.0–203.0.113.255 (256 addresses, about a /24) covers addresses the base revision did not allow"
}

test_everything_range_is_high if {
	some f in rule.deny with input as {
		"base": profile([["203.0.113.10", "203.0.113.14"]]),
		"head": profile([["203.0.113.10", "203.0.113.14"], ["0.0.0.0", "255.255.255.255"]]),
	}
	f.severity == "high"
	f.element == ["loginIpRanges", 1]
}

test_small_new_range_is_low if {
	some f in rule.deny with input as {
		"base": profile([["203.0.113.10", "203.0.113.14"]]),
		"head": profile([["203.0.113.10", "203.0.113.14"], ["198.51.100.7", "198.51.100.7"]]),
	}
	f.severity == "low"
}

test_split_merge_reorder_are_silent if {
	base := profile([["10.0.0.0", "10.0.0.255"], ["10.0.1.0", "10.0.1.255"], ["192.0.2.1", "192.0.2.9"]])

	# merged two abutting ranges, narrowed one, reordered
	head := profile([["192.0.2.2", "192.0.2.3"], ["10.0.0.0", "10.0.1.255"]])
	count(rule.deny) == 0 with input as {"base": base, "head": head}
}

test_range_spanning_a_gap_fires if {
	base := profile([["10.0.0.0", "10.0.0.255"], ["10.0.2.0", "10.0.2.255"]])
	head := profile([["10.0.0.0", "10.0.2.255"]])
	count(rule.deny) == 1 with input as {"base": base, "head": head}
}

test_overlapping_base_ranges_cover if {
	base := profile([["10.0.0.0", "10.0.0.200"], ["10.0.0.100", "10.0.1.0"]])
	head := profile([["10.0.0.50", "10.0.0.250"]])
	count(rule.deny) == 0 with input as {"base": base, "head": head}
}

test_all_ranges_removed_is_high if {
	fs := rule.deny with input as {
		"base": profile([["203.0.113.10", "203.0.113.14"], ["198.51.100.1", "198.51.100.2"]]),
		"head": {"type": "Profile", "fullName": "Integration", "content": {"userLicense": "Salesforce"}},
	}
	count(fs) == 1
	some f in fs
	f.severity == "high"
	f.msg == "Profile Integration no longer has login IP ranges (it had 2): users with this profile can log in from any address"
}

test_first_range_on_unrestricted_profile_is_silent if {
	count(rule.deny) == 0 with input as {"base": profile([]), "head": profile([["203.0.113.10", "203.0.113.14"]])}
}

test_new_profile_is_silent if {
	count(rule.deny) == 0 with input as {"base": null, "head": profile([["0.0.0.0", "255.255.255.255"]])}
}

test_trusted_range_added_fires_even_from_none if {
	some f in rule.deny with input as {"base": security([]), "head": security([["104.196.211.229", "104.196.211.229"]])}
	f.element == ["networkAccess", "ipRanges", 0]
	f.severity == "low"
	startswith(f.msg, "The org's network access settings: trusted IP range 104.196.211.229")
}

test_trusted_ranges_removed_is_silent if {
	count(rule.deny) == 0 with input as {"base": security([["1.2.3.4", "1.2.3.4"]]), "head": security([])}
}

test_ipv6_is_ignored if {
	count(rule.deny) == 0 with input as {"base": profile([["1.2.3.4", "1.2.3.4"]]), "head": profile([["1.2.3.4", "1.2.3.4"], ["2001:db8::", "2001:db8::ffff"]])}
}
