package sfguard.rules.apps.refresh_token_too_long_test

import rego.v1

import data.sfguard.rules.apps.refresh_token_too_long as rule

ca(policy) := {"type": "ConnectedApp", "fullName": "Field_Sales_Mobile", "content": {"oauthConfig": {"scopes": ["Api"]}, "oauthPolicy": {"refreshTokenPolicy": policy}}}

eca(kind, n, unit) := {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "Taegis_oauthPlcy", "content": {
	"externalClientApplication": "Taegis",
	"refreshTokenPolicyType": kind,
	"refreshTokenValidityPeriod": n,
	"refreshTokenValidityUnit": unit,
}}

test_twelve_months_fires if {
	some f in rule.deny with input as ca("specific_lifetime:12:MONTHS")
	f.element == ["oauthPolicy", "refreshTokenPolicy"]
	contains(f.msg, "expire after 12 months")
}

test_long_inactivity_fires if {
	count(rule.deny) == 1 with input as ca("specific_inactivity:180:DAYS")
}

test_within_the_maximum_is_silent if {
	every p in ["specific_inactivity:90:DAYS", "specific_lifetime:3:HOURS", "specific_lifetime:3:MONTHS", "zero", "infinite"] {
		count(rule.deny) == 0 with input as ca(p)
	}
}

test_maximum_is_a_parameter if {
	count(rule.deny) == 1 with input as ca("specific_inactivity:30:DAYS") with data.sfguard.params as {"refresh_token_max_days": 7}
}

test_eca_365_days_fires_at_the_period if {
	some f in rule.deny with input as eca("SpecificLifetime", 365, "Days")
	f.element == ["refreshTokenValidityPeriod"]
	contains(f.msg, "External client app Taegis")
}

test_eca_short_or_zero_is_silent if {
	count(rule.deny) == 0 with input as eca("SpecificInactivity", 30, "Days")
	count(rule.deny) == 0 with input as eca("Zero", 0, "Days")
}
