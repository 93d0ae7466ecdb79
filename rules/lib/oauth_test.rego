package sfguard.lib.oauth_test

import rego.v1

import data.sfguard.lib.oauth

test_refresh_token_grammar if {
	oauth.refresh_token("infinite") == {"kind": "infinite"}
	oauth.refresh_token("specific_inactivity:90:DAYS").hours == 2160
	oauth.refresh_token("specific_lifetime:12:MONTHS").hours == 8640
	not oauth.refresh_token("SPECIFIC_LIFETIME")
}

test_eca_refresh_token if {
	oauth.eca_refresh_token({"refreshTokenPolicyType": "SpecificLifetime", "refreshTokenValidityPeriod": 365, "refreshTokenValidityUnit": "Days"}).hours == 8760
	oauth.eca_refresh_token({"refreshTokenPolicyType": "Infinite"}).kind == "infinite"
}

test_app_name if {
	oauth.app_name({"type": "ConnectedApp", "fullName": "A", "content": {}}) == "Connected app A"
	oauth.app_name({"type": "ExtlClntAppGlobalOauthSettings", "fullName": "B_glbloauth", "content": {"externalClientApplication": "B"}}) == "External client app B"
}

test_shown_says_when_a_default_applies if {
	oauth.shown({"oauthConfig": {}}, ["oauthConfig", "isPkceRequired"], false) == "absent, default false"
	oauth.shown({"oauthConfig": {"isPkceRequired": true}}, ["oauthConfig", "isPkceRequired"], false) == "true"
}

test_callback_urls_one_per_line if {
	oauth.callback_urls("http://a.example/cb\n  https://*.example/cb \n\nfieldsales://done") == ["http://a.example/cb", "https://*.example/cb", "fieldsales://done"]
}

test_local_callbacks if {
	oauth.local_callback("http://localhost:1717/OauthRedirect")
	oauth.local_callback("http://127.0.0.1/")
	not oauth.local_callback("http://localhost.example.com/cb")
}

test_oauth_enabled if {
	oauth.oauth_enabled({"type": "ConnectedApp", "content": {"oauthConfig": {}}})
	not oauth.oauth_enabled({"type": "ConnectedApp", "content": {"samlConfig": {}}})
	oauth.oauth_enabled({"type": "ExtlClntAppGlobalOauthSettings", "content": {}})
}

test_refresh_tokens_need_the_scope_and_a_policy_other_than_zero if {
	oauth.ca_refresh_tokens({"oauthConfig": {"scopes": ["Api", "RefreshToken"]}}) == "RefreshToken"
	oauth.ca_refresh_tokens({"oauthConfig": {"scopes": ["OfflineAccess"]}, "oauthPolicy": {"refreshTokenPolicy": "infinite"}}) == "OfflineAccess"
	not oauth.ca_refresh_tokens({"oauthConfig": {"scopes": ["Api", "Full"]}})
	not oauth.ca_refresh_tokens({"oauthConfig": {"scopes": ["RefreshToken"]}, "oauthPolicy": {"refreshTokenPolicy": "zero"}})

	# An unrecognised policy is not zero: it reads as infinite.
	oauth.ca_refresh_tokens({"oauthConfig": {"scopes": ["RefreshToken"]}, "oauthPolicy": {"refreshTokenPolicy": "Zero"}}) == "RefreshToken"
}

settings(s) := {"content": {"commaSeparatedOauthScopes": s}}

test_eca_refresh_tokens if {
	oauth.eca_refresh_tokens({"oauthSettings": settings("Api, RefreshToken"), "oauthPolicies": null}) == "RefreshToken"
	not oauth.eca_refresh_tokens({"oauthSettings": settings("Api"), "oauthPolicies": null})
	not oauth.eca_refresh_tokens({"oauthSettings": settings("RefreshToken"), "oauthPolicies": {"content": {"refreshTokenPolicyType": "Zero"}}})
	oauth.eca_refresh_tokens({"oauthSettings": null, "oauthPolicies": null}) == "an unknown"
	contains(oauth.refresh_clause("an unknown"), "assumed possible")
	oauth.refresh_clause("RefreshToken") == "its RefreshToken scope lets it obtain refresh tokens"
}
