package sfguard.rules.network.private_trusted_range_test

import rego.v1

import data.sfguard.rules.network.private_trusted_range as rule

settings(ranges) := {"type": "SecuritySettings", "fullName": "Security", "content": {"networkAccess": {"ipRanges": ranges}}}

test_private_and_cgnat_ranges_fire if {
	fs := rule.deny with input as settings([
		{"start": "203.0.113.10", "end": "203.0.113.14"},
		{"description": "Branch VPN", "start": "10.0.0.0", "end": "10.255.255.255"},
		{"start": "100.64.1.0", "end": "100.64.1.255"},
	])
	{f.element | some f in fs} == {["networkAccess", "ipRanges", 1], ["networkAccess", "ipRanges", 2]}
}

test_public_ranges_are_silent if {
	count(rule.deny) == 0 with input as settings([{"start": "203.0.113.10", "end": "203.0.113.14"}])
}

test_profile_login_ranges_are_not_trusted_ranges if {
	count(rule.deny) == 0 with input as {"type": "Profile", "fullName": "P", "content": {"loginIpRanges": [{"startAddress": "10.0.0.0", "endAddress": "10.0.0.9"}]}}
}
