package sfguard.rules.network.invalid_ip_range_test

import rego.v1

import data.sfguard.rules.network.invalid_ip_range as rule

test_reversed_login_range if {
	some f in rule.deny with input as {"type": "Profile", "fullName": "Sales", "content": {"loginIpRanges": [{"startAddress": "203.0.113.14", "endAddress": "203.0.113.10"}]}}
	f.element == ["loginIpRanges", 0]
	contains(f.msg, "starts after it ends")
	contains(f.msg, "profile Sales")
}

test_malformed_and_mixed_trusted_ranges if {
	fs := rule.deny with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"networkAccess": {"ipRanges": [
		{"start": "203.0.113.1", "end": "203.0.113.9"},
		{"start": "10.0.0.256", "end": "10.0.1.1"},
		{"start": "198.51.100.1", "end": "2001:db8::1"},
	]}}}
	{f.element | some f in fs} == {["networkAccess", "ipRanges", 1], ["networkAccess", "ipRanges", 2]}
}

test_app_ranges if {
	some f in rule.deny with input as {"type": "ExtlClntAppOauthSettings", "fullName": "X_oauth", "content": {"externalClientApplication": "X", "trustedIpRanges": [{"startIpAddress": "1.2.3", "endIpAddress": "1.2.3.4"}]}}
	f.element == ["trustedIpRanges", 0]
	some g in rule.deny with input as {"type": "ConnectedApp", "fullName": "Y", "content": {"ipRanges": [{"start": "9.9.9.9", "end": "9.9.9.1"}]}}
	g.element == ["ipRanges", 0]
}

test_valid_ranges_are_silent if {
	count(rule.deny) == 0 with input as {"type": "Profile", "fullName": "P", "content": {"loginIpRanges": [
		{"startAddress": "203.0.113.10", "endAddress": "203.0.113.10"},
		{"startAddress": "2001:db8::", "endAddress": "2001:db8::ffff"},
	]}}
}
