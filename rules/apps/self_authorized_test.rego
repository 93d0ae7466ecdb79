package sfguard.rules.apps.self_authorized_test

import rego.v1

import data.sfguard.rules.apps.self_authorized as rule

ca(cfg) := {"type": "ConnectedApp", "fullName": "Field_Sales_Mobile", "path": "connectedApps/Field_Sales_Mobile.connectedApp", "content": {"oauthConfig": cfg}}

org(apps) := {"types": {"ConnectedApp": apps}, "externalClientApps": {}}

test_api_and_refresh_token_is_high if {
	some f in rule.deny with input as org([ca({"isAdminApproved": false, "scopes": ["Api", "RefreshToken", "Web"]})])
	f.severity == "high"
	f.document == "connectedApps/Field_Sales_Mobile.connectedApp"
	f.element == ["oauthConfig", "isAdminApproved"]
	contains(f.msg, "Api, RefreshToken, Web")
}

test_absent_is_the_default_false if {
	some f in rule.deny with input as org([ca({"scopes": ["Full"]})])
	f.severity == "medium"
	contains(f.msg, "absent, default false")
}

test_openid_only_is_low if {
	some f in rule.deny with input as org([ca({"isAdminApproved": false, "scopes": ["OpenID", "Basic"]})])
	f.severity == "low"
}

test_admin_approved_is_silent if {
	count(rule.deny) == 0 with input as org([ca({"isAdminApproved": true, "scopes": ["Api", "RefreshToken"]})])
	count(rule.deny) == 0 with input as org([{"type": "ConnectedApp", "fullName": "Saml", "path": "s", "content": {"samlConfig": {}}}])
}

eca(users, scopes) := {"IGA": {
	"header": null, "globalOauth": null, "policies": null,
	"oauthSettings": {"type": "ExtlClntAppOauthSettings", "path": "o", "content": {"commaSeparatedOauthScopes": scopes}},
	"oauthPolicies": {"type": "ExtlClntAppOauthConfigurablePolicies", "path": "extlClntAppOauthPolicies/IGA_oauthPlcy.ecaOauthPlcy", "content": {"permittedUsersPolicyType": users}},
}}

test_eca_scopes_come_from_the_settings_file if {
	some f in rule.deny with input as {"types": {}, "externalClientApps": eca("AllSelfAuthorized", "Api, RefreshToken, Full")}
	f.severity == "high"
	f.element == ["permittedUsersPolicyType"]
	f.document == "extlClntAppOauthPolicies/IGA_oauthPlcy.ecaOauthPlcy"
	count(rule.deny) == 0 with input as {"types": {}, "externalClientApps": eca("AdminApprovedPreAuthorized", "Api, RefreshToken")}
}

test_eca_unrecognised_permitted_users_reads_as_self_authorized if {
	some f in rule.deny with input as {"types": {}, "externalClientApps": eca("AdminApproved", "Api")}
	contains(f.msg, "unrecognised value \"AdminApproved\" for permittedUsersPolicyType; treated as AllSelfAuthorized")
}
