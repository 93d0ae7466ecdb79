package sfguard.rules.apps.secret_optional_refresh_test

import rego.v1

import data.sfguard.rules.apps.secret_optional_refresh as rule

ca(cfg) := {"types": {"ConnectedApp": [{"type": "ConnectedApp", "fullName": "Field_App", "path": "connectedApps/Field_App.connectedApp", "content": cfg}]}, "externalClientApps": {}}

test_secret_not_required_with_refresh_tokens_fires if {
	some f in rule.deny with input as ca({"oauthConfig": {"isSecretRequiredForRefreshToken": false, "scopes": ["Api", "RefreshToken"]}})
	f.element == ["oauthConfig", "isSecretRequiredForRefreshToken"]
	f.document == "connectedApps/Field_App.connectedApp"
	f.value == false
	contains(f.msg, "Field_App")
	contains(f.msg, "its RefreshToken scope lets it obtain refresh tokens")
}

test_without_refresh_tokens_is_silent if {
	count(rule.deny) == 0 with input as ca({"oauthConfig": {"isSecretRequiredForRefreshToken": false, "scopes": ["Api"]}})
	count(rule.deny) == 0 with input as ca({"oauthConfig": {"isSecretRequiredForRefreshToken": false, "scopes": ["RefreshToken"]}, "oauthPolicy": {"refreshTokenPolicy": "zero"}})
}

test_safe_value_or_default_is_silent if {
	count(rule.deny) == 0 with input as ca({"oauthConfig": {"isSecretRequiredForRefreshToken": true, "scopes": ["RefreshToken"]}})
	count(rule.deny) == 0 with input as ca({"oauthConfig": {"scopes": ["RefreshToken"]}})
}

test_app_without_oauth_is_silent if {
	count(rule.deny) == 0 with input as ca({"samlConfig": {"acsUrl": "https://sp.example.com/acs"}})
}

eca(global, scopes) := {"types": {}, "externalClientApps": {"Field_App": {
	"header": null, "policies": null, "oauthPolicies": null,
	"globalOauth": {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "Field_App_glbloauth", "path": "extlClntAppGlobalOauthSets/Field_App_glbloauth.ecaGlblOauth", "content": global},
	"oauthSettings": scopes,
}}}

settings(s) := {"type": "ExtlClntAppOauthSettings", "fullName": "Field_App_oauth", "path": "extlClntAppOauthSettings/Field_App_oauth.ecaOauth", "content": {"commaSeparatedOauthScopes": s}}

test_eca_fires_with_refresh_scope_or_unknown_scopes if {
	some f in rule.deny with input as eca({"isSecretRequiredForRefreshToken": false}, settings("Api, RefreshToken"))
	f.element == ["isSecretRequiredForRefreshToken"]
	f.document == "extlClntAppGlobalOauthSets/Field_App_glbloauth.ecaGlblOauth"
	some g in rule.deny with input as eca({"isSecretRequiredForRefreshToken": false}, null)
	contains(g.msg, "assumed possible")
}

test_eca_silent_without_refresh_scope_or_when_required if {
	count(rule.deny) == 0 with input as eca({"isSecretRequiredForRefreshToken": false}, settings("Api"))
	count(rule.deny) == 0 with input as eca({"isSecretRequiredForRefreshToken": true}, settings("RefreshToken"))
	count(rule.deny) == 0 with input as eca({}, settings("RefreshToken"))
}
