package sfguard.rules.delta.ip_relaxation_relaxed_test

import rego.v1

import data.sfguard.rules.delta.ip_relaxation_relaxed as rule

ca(v) := {"type": "ConnectedApp", "fullName": "Sync", "content": {
	"oauthConfig": {"scopes": ["Api"]},
	"oauthPolicy": {"ipRelaxation": v, "refreshTokenPolicy": "zero"},
}}

eca(v) := {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "Sync_oauthPlcy", "content": {
	"externalClientApplication": "Sync",
	"ipRelaxationPolicyType": v,
}}

test_enforce_to_bypass_is_high if {
	some f in rule.deny with input as {"base": ca("ENFORCE"), "head": ca("BYPASS")}
	f.severity == "high"
	f.element == ["oauthPolicy", "ipRelaxation"]
	f.msg == "Connected app Sync relaxes IP restrictions from \"Enforce IP restrictions\" (ENFORCE) to \"Relax IP restrictions\" (BYPASS)"
}

test_partial_relaxation_is_medium if {
	some f in rule.deny with input as {"base": ca("ENFORCE"), "head": ca("BYPASS_2FACTOR")}
	f.severity == "medium"
	some g in rule.deny with input as {"base": ca("ENFORCE_RELAXREFRESH"), "head": ca("BYPASS_2FACTOR")}
	g.value == "BYPASS_2FACTOR"
}

test_absent_base_means_enforce if {
	base := {"type": "ConnectedApp", "fullName": "Sync", "content": {"oauthConfig": {"scopes": ["Api"]}}}
	count(rule.deny) == 1 with input as {"base": base, "head": ca("BYPASS")}
}

test_tightening_unchanged_and_new_are_silent if {
	count(rule.deny) == 0 with input as {"base": ca("BYPASS"), "head": ca("ENFORCE")}
	count(rule.deny) == 0 with input as {"base": ca("BYPASS"), "head": ca("BYPASS")}
	count(rule.deny) == 0 with input as {"base": null, "head": ca("BYPASS")}
}

test_unknown_value_is_silent if {
	count(rule.deny) == 0 with input as {"base": ca("ENFORCE"), "head": ca("enforceIpRanges")}
}

test_eca_relaxed if {
	some f in rule.deny with input as {"base": eca("Enforce"), "head": eca("Bypass")}
	f.severity == "high"
	f.element == ["ipRelaxationPolicyType"]
	startswith(f.msg, "External client app Sync relaxes IP restrictions")
}

test_eca_tightened_is_silent if {
	count(rule.deny) == 0 with input as {"base": eca("Bypass"), "head": eca("Enforce_RelaxRefresh")}
}
