package sfguard.rules.session.enforce_ip_ranges_every_request_test

import rego.v1

import data.sfguard.rules.session.enforce_ip_ranges_every_request as rule

doc(c) := {"type": "SecuritySettings", "fullName": "Security", "content": c}

test_enforceiprangeseveryrequest_false_fires if {
	fs := rule.deny with input as doc({"sessionSettings": {"enforceIpRangesEveryRequest": false}})
	count(fs) == 1
	some f in fs
	f.element == ["sessionSettings", "enforceIpRangesEveryRequest"]
	f.value == false
}

test_expected_values_are_silent if {
	count(rule.deny) == 0 with input as doc({"sessionSettings": {"enforceIpRangesEveryRequest": true}})
}

test_absent_switch_is_unknown_not_weak if {
	count(rule.deny) == 0 with input as doc({"sessionSettings": {}})
	count(rule.deny) == 0 with input as doc({})
}

test_other_types_are_ignored if {
	count(rule.deny) == 0 with input as {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": {"sessionSettings": {"enforceIpRangesEveryRequest": false}}}
}
