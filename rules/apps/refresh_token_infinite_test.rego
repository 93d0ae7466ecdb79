package sfguard.rules.apps.refresh_token_infinite_test

import rego.v1

import data.sfguard.rules.apps.refresh_token_infinite as rule

app(content) := {"type": "ConnectedApp", "fullName": "Sync", "path": "connectedApps/Sync.connectedApp", "content": content}

ca(policy) := app({
	"oauthConfig": {"scopes": ["Api", "RefreshToken"]},
	"oauthPolicy": {"ipRelaxation": "ENFORCE", "refreshTokenPolicy": policy},
})

org(apps) := {"types": {"ConnectedApp": apps}, "externalClientApps": {}}

test_infinite_fires_and_names_the_scope if {
	some f in rule.deny with input as org([ca("infinite")])
	f.element == ["oauthPolicy", "refreshTokenPolicy"]
	f.document == "connectedApps/Sync.connectedApp"
	f.msg == "Connected app Sync keeps refresh tokens valid until revoked (refreshTokenPolicy infinite), and its RefreshToken scope lets it obtain refresh tokens: one leaked refresh token gives lasting API access"
}

test_absent_policy_fires_because_default_is_infinite if {
	some f in rule.deny with input as org([app({"oauthConfig": {"scopes": ["Api", "OfflineAccess"]}})])
	contains(f.msg, "no refresh token policy")
	contains(f.msg, "its OfflineAccess scope")
}

test_unrecognised_policy_is_read_as_infinite if {
	some f in rule.deny with input as org([ca("forever")])
	contains(f.msg, "unrecognised value \"forever\" for refreshTokenPolicy; treated as valid until revoked")
}

test_no_refresh_scope_no_refresh_token if {
	count(rule.deny) == 0 with input as org([app({"oauthConfig": {"scopes": ["Api", "Full"]}, "oauthPolicy": {"refreshTokenPolicy": "infinite"}})])
	count(rule.deny) == 0 with input as org([app({"oauthConfig": {"scopes": ["Api"]}})])
}

test_expiring_policies_are_silent if {
	every p in ["zero", "specific_inactivity:30:DAYS", "specific_lifetime:3:HOURS"] {
		count(rule.deny) == 0 with input as org([ca(p)])
	}
}

test_saml_only_app_is_silent if {
	count(rule.deny) == 0 with input as org([app({"samlConfig": {"acsUrl": "https://x"}})])
}

eca(policy, settings) := {"X": {
	"header": null, "globalOauth": null, "policies": null,
	"oauthSettings": settings,
	"oauthPolicies": {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "X_oauthPlcy", "path": "extlClntAppOauthPolicies/X_oauthPlcy.ecaOauthPlcy", "content": object.union({"externalClientApplication": "X"}, policy)},
}}

scopes(s) := {"type": "ExtlClntAppOauthSettings", "fullName": "X_oauth", "path": "extlClntAppOauthSettings/X_oauth.ecaOauth", "content": {"commaSeparatedOauthScopes": s}}

test_eca_infinite_fires if {
	some f in rule.deny with input as {"types": {}, "externalClientApps": eca({"refreshTokenPolicyType": "Infinite"}, scopes("Api, RefreshToken"))}
	f.element == ["refreshTokenPolicyType"]
	f.document == "extlClntAppOauthPolicies/X_oauthPlcy.ecaOauthPlcy"
	contains(f.msg, "External client app X")
	contains(f.msg, "its RefreshToken scope")
}

test_eca_without_settings_in_scan_assumes_refresh_tokens if {
	some f in rule.deny with input as {"types": {}, "externalClientApps": eca({"refreshTokenPolicyType": "Unlimited"}, null)}
	contains(f.msg, "unrecognised value \"Unlimited\" for refreshTokenPolicyType; treated as Infinite")
	contains(f.msg, "assumed possible")
}

test_eca_without_refresh_scope_or_expiring_is_silent if {
	count(rule.deny) == 0 with input as {"types": {}, "externalClientApps": eca({"refreshTokenPolicyType": "Infinite"}, scopes("Api"))}
	count(rule.deny) == 0 with input as {"types": {}, "externalClientApps": eca({"refreshTokenPolicyType": "SpecificLifetime", "refreshTokenValidityPeriod": 30, "refreshTokenValidityUnit": "Days"}, scopes("Api, RefreshToken"))}
}
