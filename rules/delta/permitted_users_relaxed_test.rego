package sfguard.rules.delta.permitted_users_relaxed_test

import rego.v1

import data.sfguard.rules.delta.permitted_users_relaxed as rule

ca(oauth) := {"type": "ConnectedApp", "fullName": "Portal", "content": {"oauthConfig": oauth, "profileName": ["Integration"]}}

eca(v) := {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "Portal_oauthPlcy", "content": {
	"externalClientApplication": "Portal",
	"permittedUsersPolicyType": v,
}}

test_admin_approved_to_self_authorize if {
	some f in rule.deny with input as {"base": ca({"isAdminApproved": true}), "head": ca({"isAdminApproved": false})}
	f.element == ["oauthConfig", "isAdminApproved"]
	contains(f.msg, "Connected app Portal changes Permitted Users")
}

test_removed_flag_means_self_authorize if {
	count(rule.deny) == 1 with input as {"base": ca({"isAdminApproved": true}), "head": ca({"scopes": ["Api"]})}
}

test_connected_app_silent_cases if {
	count(rule.deny) == 0 with input as {"base": ca({"isAdminApproved": false}), "head": ca({"isAdminApproved": false})}
	count(rule.deny) == 0 with input as {"base": ca({"isAdminApproved": false}), "head": ca({"isAdminApproved": true})}
	count(rule.deny) == 0 with input as {"base": null, "head": ca({"isAdminApproved": false})}
}

test_eca_opened if {
	some f in rule.deny with input as {"base": eca("AdminApprovedPreAuthorized"), "head": eca("AllSelfAuthorized")}
	f.element == ["permittedUsersPolicyType"]
	startswith(f.msg, "External client app Portal changes Permitted Users")
}

test_eca_silent_cases if {
	count(rule.deny) == 0 with input as {"base": eca("AllSelfAuthorized"), "head": eca("AllSelfAuthorized")}
	count(rule.deny) == 0 with input as {"base": eca("AllSelfAuthorized"), "head": eca("AdminApprovedPreAuthorized")}
}
