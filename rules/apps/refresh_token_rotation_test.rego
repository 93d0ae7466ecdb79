package sfguard.rules.apps.refresh_token_rotation_test

import rego.v1

import data.sfguard.rules.apps.refresh_token_rotation as rule

ca(cfg, policy) := {"type": "ConnectedApp", "fullName": "Sync", "content": {"oauthConfig": cfg, "oauthPolicy": policy}}

test_rotation_off_with_refresh_tokens_fires if {
	some f in rule.deny with input as ca({"isRefreshTokenRotationEnabled": false, "scopes": ["Api", "RefreshToken"]}, {"refreshTokenPolicy": "infinite"})
	f.element == ["oauthConfig", "isRefreshTokenRotationEnabled"]
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

test_eca_global_settings if {
	some f in rule.deny with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "X_glbloauth", "content": {"externalClientApplication": "X", "isRefreshTokenRotationEnabled": false}}
	f.element == ["isRefreshTokenRotationEnabled"]
	count(rule.deny) == 0 with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "X_glbloauth", "content": {"isRefreshTokenRotationEnabled": true}}
}
