package sfguard.rules.delta.oauth_scope_added_test

import rego.v1

import data.sfguard.rules.delta.oauth_scope_added as rule

ca(scopes) := {"type": "ConnectedApp", "fullName": "Sync", "content": {"oauthConfig": {"callbackUrl": "https://x", "scopes": scopes}}}

eca(s) := {"type": "ExtlClntAppOauthSettings", "fullName": "Sync_oauth", "content": {
	"externalClientApplication": "Sync",
	"commaSeparatedOauthScopes": s,
}}

test_full_scope_added_to_connected_app if {
	fs := rule.deny with input as {"base": ca(["Api", "RefreshToken"]), "head": ca(["Api", "Full", "RefreshToken"])}
	count(fs) == 1
	some f in fs
	f.element == ["oauthConfig", "scopes", 1]
	f.severity == "high"
	f.value == "Full"
	startswith(f.msg, "Connected app Sync newly requests OAuth scope Full (full access")
}

test_scope_severities if {
	fs := rule.deny with input as {"base": ca([]), "head": ca(["Api", "OpenID", "Chatter"])}
	{[f.value, f.severity] | some f in fs} == {["Api", "medium"], ["OpenID", "info"], ["Chatter", "low"]}
}

test_same_scopes_in_other_order_are_silent if {
	count(rule.deny) == 0 with input as {"base": ca(["Api", "RefreshToken"]), "head": ca(["RefreshToken", "Api"])}
}

test_removed_scope_is_silent if {
	count(rule.deny) == 0 with input as {"base": ca(["Api", "Full"]), "head": ca(["Api"])}
}

test_new_app_reports_all_scopes if {
	fs := rule.deny with input as {"base": null, "head": ca(["Api", "RefreshToken"])}
	count(fs) == 2
	every f in fs {
		contains(f.msg, "(new in this change) requests")
	}
}

test_oauth_newly_enabled_on_saml_app if {
	base := {"type": "ConnectedApp", "fullName": "Sync", "content": {"samlConfig": {"acsUrl": "https://x"}}}
	fs := rule.deny with input as {"base": base, "head": ca(["Api"])}
	{f.value | some f in fs} == {"Api"}
}

test_eca_scope_added_with_spaces if {
	fs := rule.deny with input as {"base": eca("Api,Basic"), "head": eca("Basic, Api , RefreshToken")}
	count(fs) == 1
	some f in fs
	f.value == "RefreshToken"
	f.element == ["commaSeparatedOauthScopes"]
	f.severity == "high"
	startswith(f.msg, "External client app Sync newly requests OAuth scope RefreshToken")
}

test_eca_reformatted_scopes_are_silent if {
	count(rule.deny) == 0 with input as {"base": eca("Api, Web"), "head": eca("Web,Api")}
}
