package sfguard.rules.apps.ip_relaxation_test

import rego.v1

import data.sfguard.rules.apps.ip_relaxation as rule

ca(relax, rt) := {"type": "ConnectedApp", "fullName": "Sync", "content": {
	"oauthConfig": {"scopes": ["Api"]},
	"oauthPolicy": {"ipRelaxation": relax, "refreshTokenPolicy": rt},
}}

test_bypass_with_infinite_is_critical if {
	some f in rule.deny with input as ca("BYPASS", "infinite")
	f.severity == "critical"
	f.element == ["oauthPolicy", "ipRelaxation"]
	contains(f.msg, "permanent access from anywhere")
}

test_bypass_with_expiry_is_high if {
	some f in rule.deny with input as ca("BYPASS", "specific_inactivity:30:DAYS")
	f.severity == "high"
	not contains(f.msg, "permanent")
}

test_graded_levels if {
	some f1 in rule.deny with input as ca("BYPASS_2FACTOR", "infinite")
	f1.severity == "medium"
	some f2 in rule.deny with input as ca("ENFORCE_RELAXREFRESH", "zero")
	f2.severity == "medium"
	some f3 in rule.deny with input as ca("ENFORCE_RELAXREFRESH", "infinite")
	f3.severity == "high"
}

test_enforce_is_silent if {
	count(rule.deny) == 0 with input as ca("ENFORCE", "infinite")
}

test_eca_bypass_fires if {
	some f in rule.deny with input as {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "T_oauthPlcy", "content": {
		"externalClientApplication": "T",
		"ipRelaxationPolicyType": "Bypass",
		"refreshTokenPolicyType": "SpecificLifetime",
	}}
	f.severity == "high"
	f.element == ["ipRelaxationPolicyType"]
}

test_eca_enforce_is_silent if {
	count(rule.deny) == 0 with input as {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "T_oauthPlcy", "content": {"ipRelaxationPolicyType": "Enforce"}}
}

test_unrecognised_value_is_read_as_relaxed if {
	some f in rule.deny with input as ca("RELAXED", "specific_inactivity:30:DAYS")
	f.severity == "high"
	f.msg == "Connected app Sync ignores profile login IP ranges for its tokens (unrecognised value \"RELAXED\" for ipRelaxation; treated as relaxed)"
	some g in rule.deny with input as {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "T_oauthPlcy", "content": {"ipRelaxationPolicyType": "enforce", "refreshTokenPolicyType": "Zero"}}
	contains(g.msg, "unrecognised value \"enforce\" for ipRelaxationPolicyType; treated as relaxed")
}

test_unrecognised_refresh_policy_counts_as_infinite if {
	some f in rule.deny with input as ca("BYPASS", "forever")
	f.severity == "critical"
}
