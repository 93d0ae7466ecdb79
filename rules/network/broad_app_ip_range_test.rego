package sfguard.rules.network.broad_app_ip_range_test

import rego.v1

import data.sfguard.rules.network.broad_app_ip_range as rule

test_connected_app_broad_range_fires if {
	some f in rule.deny with input as {"type": "ConnectedApp", "fullName": "Field", "content": {"ipRanges": [
		{"start": "203.0.113.40", "end": "203.0.113.41"},
		{"start": "35.0.0.0", "end": "35.255.255.255"},
	]}}
	f.element == ["ipRanges", 1]
	contains(f.msg, "Connected app Field")
}

test_eca_trusted_ranges if {
	some f in rule.deny with input as {"type": "ExtlClntAppOauthSettings", "fullName": "X_oauth", "content": {"externalClientApplication": "X", "trustedIpRanges": [{"startIpAddress": "0.0.0.0", "endIpAddress": "255.255.255.255"}]}}
	f.element == ["trustedIpRanges", 0]
}

test_narrow_ranges_are_silent if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "Field", "content": {"ipRanges": [{"start": "203.0.113.40", "end": "203.0.113.41"}]}}
}
