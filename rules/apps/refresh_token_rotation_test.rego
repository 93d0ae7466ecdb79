package sfguard.rules.apps.refresh_token_rotation_test

import rego.v1

import data.sfguard.rules.apps.refresh_token_rotation as rule

ca(cfg, policy) := {"types": {"ConnectedApp": [{"type": "ConnectedApp", "fullName": "Sync", "path": "connectedApps/Sync.connectedApp", "content": {"oauthConfig": cfg, "oauthPolicy": policy}}]}, "externalClientApps": {}}

test_rotation_off_with_refresh_tokens_fires if {
	some f in rule.deny with input as ca({"isRefreshTokenRotationEnabled": false, "scopes": ["Api", "RefreshToken"]}, {"refreshTokenPolicy": "infinite"})
	f.element == ["oauthConfig", "isRefreshTokenRotationEnabled"]
	f.document == "connectedApps/Sync.connectedApp"
	contains(f.msg, "its RefreshToken scope lets it obtain refresh tokens")
}

test_absent_on_an_old_file_fires if {
	some f in rule.deny with input as ca({"scopes": ["RefreshToken"]}, {})
	contains(f.msg, "absent, default false")
}

test_no_refresh_tokens_no_finding if {
	count(rule.deny) == 0 with input as ca({"isRefreshTokenRotationEnabled": false, "scopes": ["Api"]}, {})
	count(rule.deny) == 0 with input as ca({"isRefreshTokenRotationEnabled": false, "scopes": ["RefreshToken"]}, {"refreshTokenPolicy": "zero"})
}

test_rotation_on_is_silent if {
	count(rule.deny) == 0 with input as ca({"isRefreshTokenRotationEnabled": true, "scopes": ["RefreshToken"]}, {})
}

eca(rotation, scopes) := {"types": {}, "externalClientApps": {"X": {
	"header": null, "policies": null, "oauthPolicies": null,
	"globalOauth": {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "X_glbloauth", "path": "extlClntAppGlobalOauthSets/X_glbloauth.ecaGlblOauth", "content": {"externalClientApplication": "X", "isRefreshTokenRotationEnabled": rotation}},
	"oauthSettings": scopes,
}}}

test_eca_global_settings if {
	some f in rule.deny with input as eca(false, null)
	f.element == ["isRefreshTokenRotationEnabled"]
	contains(f.msg, "assumed possible")
	count(rule.deny) == 0 with input as eca(true, null)
	count(rule.deny) == 0 with input as eca(false, {"type": "ExtlClntAppOauthSettings", "fullName": "X_oauth", "path": "p", "content": {"commaSeparatedOauthScopes": "Api"}})
}
