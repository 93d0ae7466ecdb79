package sfguard.rules.apps.refresh_token_too_long_test

import rego.v1

import data.sfguard.rules.apps.refresh_token_too_long as rule

app(scopes, policy) := {"type": "ConnectedApp", "fullName": "Field_Sales_Mobile", "path": "connectedApps/Field_Sales_Mobile.connectedApp", "content": {"oauthConfig": {"scopes": scopes}, "oauthPolicy": {"refreshTokenPolicy": policy}}}

ca(policy) := {"types": {"ConnectedApp": [app(["Api", "RefreshToken"], policy)]}, "externalClientApps": {}}

eca(kind, n, unit, scopes) := {"types": {}, "externalClientApps": {"Taegis": {
	"header": null, "globalOauth": null, "policies": null,
	"oauthSettings": {"type": "ExtlClntAppOauthSettings", "fullName": "Taegis_oauth", "path": "extlClntAppOauthSettings/Taegis_oauth.ecaOauth", "content": {"commaSeparatedOauthScopes": scopes}},
	"oauthPolicies": {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "Taegis_oauthPlcy", "path": "extlClntAppOauthPolicies/Taegis_oauthPlcy.ecaOauthPlcy", "content": {
		"externalClientApplication": "Taegis",
		"refreshTokenPolicyType": kind,
		"refreshTokenValidityPeriod": n,
		"refreshTokenValidityUnit": unit,
	}},
}}}

test_twelve_months_fires if {
	some f in rule.deny with input as ca("specific_lifetime:12:MONTHS")
	f.element == ["oauthPolicy", "refreshTokenPolicy"]
	f.document == "connectedApps/Field_Sales_Mobile.connectedApp"
	contains(f.msg, "expire after 12 months")
	contains(f.msg, "its RefreshToken scope lets it obtain refresh tokens")
}

test_long_inactivity_fires if {
	count(rule.deny) == 1 with input as ca("specific_inactivity:180:DAYS")
}

test_no_refresh_scope_is_silent if {
	count(rule.deny) == 0 with input as {"types": {"ConnectedApp": [app(["Api"], "specific_lifetime:12:MONTHS")]}, "externalClientApps": {}}
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
	some f in rule.deny with input as eca("SpecificLifetime", 365, "Days", "Api, RefreshToken")
	f.element == ["refreshTokenValidityPeriod"]
	contains(f.msg, "External client app Taegis")
}

test_eca_unrecognised_unit_reads_as_months if {
	some f in rule.deny with input as eca("SpecificLifetime", 6, "Weeks", "Api, RefreshToken")
	contains(f.msg, "unrecognised value \"Weeks\" for refreshTokenValidityUnit; treated as Months")
}

test_eca_short_zero_or_without_refresh_scope_is_silent if {
	count(rule.deny) == 0 with input as eca("SpecificInactivity", 30, "Days", "Api, RefreshToken")
	count(rule.deny) == 0 with input as eca("Zero", 0, "Days", "Api, RefreshToken")
	count(rule.deny) == 0 with input as eca("SpecificLifetime", 365, "Days", "Api")
}
