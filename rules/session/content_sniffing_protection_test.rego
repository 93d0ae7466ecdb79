package sfguard.rules.session.content_sniffing_protection_test

import rego.v1

import data.sfguard.rules.session.content_sniffing_protection as rule

doc(c) := {"type": "SecuritySettings", "fullName": "Security", "content": c}

test_enablecontentsniffingprotection_false_fires if {
	fs := rule.deny with input as doc({"sessionSettings": {"enableContentSniffingProtection": false}})
	count(fs) == 1
	some f in fs
	f.element == ["sessionSettings", "enableContentSniffingProtection"]
	f.value == false
}

test_expected_values_are_silent if {
	count(rule.deny) == 0 with input as doc({"sessionSettings": {"enableContentSniffingProtection": true}})
}

test_absent_switch_is_unknown_not_weak if {
	count(rule.deny) == 0 with input as doc({"sessionSettings": {}})
	count(rule.deny) == 0 with input as doc({})
}

test_other_types_are_ignored if {
	count(rule.deny) == 0 with input as {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": {"sessionSettings": {"enableContentSniffingProtection": false}}}
}
