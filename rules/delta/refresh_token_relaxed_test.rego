package sfguard.rules.delta.refresh_token_relaxed_test

import rego.v1

import data.sfguard.rules.delta.refresh_token_relaxed as rule

ca(policy) := {"type": "ConnectedApp", "fullName": "Sync", "content": {
	"oauthConfig": {"scopes": ["Api"]},
	"oauthPolicy": {"ipRelaxation": "ENFORCE", "refreshTokenPolicy": policy},
}}

eca(type, n, unit) := {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "Sync_oauthPlcy", "content": {
	"externalClientApplication": "Sync",
	"refreshTokenPolicyType": type,
	"refreshTokenValidityPeriod": n,
	"refreshTokenValidityUnit": unit,
}}

relaxed(base, head) if count(rule.deny) == 1 with input as {"base": base, "head": head}

silent(base, head) if count(rule.deny) == 0 with input as {"base": base, "head": head}

test_to_infinite_is_high if {
	some f in rule.deny with input as {"base": ca("specific_inactivity:30:DAYS"), "head": ca("infinite")}
	f.severity == "high"
	f.element == ["oauthPolicy", "refreshTokenPolicy"]
	f.msg == "Connected app Sync relaxes its refresh token policy from specific_inactivity:30:DAYS to \"valid until revoked\" (infinite)"
}

test_relaxations_fire if {
	relaxed(ca("zero"), ca("specific_lifetime:1:HOURS"))
	relaxed(ca("specific_lifetime:1:DAYS"), ca("specific_lifetime:2:DAYS"))
	relaxed(ca("specific_inactivity:48:HOURS"), ca("specific_inactivity:1:MONTHS"))
	relaxed(ca("specific_lifetime:30:DAYS"), ca("specific_inactivity:30:DAYS"))
}

test_removing_the_policy_means_infinite if {
	head := {"type": "ConnectedApp", "fullName": "Sync", "content": {"oauthConfig": {"scopes": ["Api"]}}}
	some f in rule.deny with input as {"base": ca("zero"), "head": head}
	f.severity == "high"
}

test_tightening_and_no_change_are_silent if {
	silent(ca("infinite"), ca("specific_inactivity:30:DAYS"))
	silent(ca("specific_lifetime:2:DAYS"), ca("specific_lifetime:48:HOURS"))
	silent(ca("specific_inactivity:7:DAYS"), ca("specific_lifetime:7:DAYS"))
	silent(ca("infinite"), ca("infinite"))
	silent(ca("zero"), ca("zero"))
}

test_new_app_is_left_to_document_rules if {
	count(rule.deny) == 0 with input as {"base": null, "head": ca("infinite")}
}

test_unparseable_policy_is_silent if {
	silent(ca("zero"), ca("SPECIFIC_LIFETIME"))
}

test_eca_relaxed if {
	some f in rule.deny with input as {"base": eca("SpecificLifetime", 1, "Days"), "head": eca("SpecificLifetime", 365, "Days")}
	f.severity == "medium"
	f.element == ["refreshTokenPolicyType"]
	f.msg == "External client app Sync relaxes its refresh token policy from lifetime 1 days to lifetime 365 days"
}

test_eca_to_infinite if {
	head := {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "Sync_oauthPlcy", "content": {"refreshTokenPolicyType": "Infinite"}}
	some f in rule.deny with input as {"base": eca("Zero", 0, "Days"), "head": head}
	f.severity == "high"
}

test_eca_tightened_is_silent if {
	silent(eca("SpecificInactivity", 90, "Days"), eca("SpecificLifetime", 1, "Hours"))
}
