package sfguard.rules.delta.app_access_granted_test

import rego.v1

import data.sfguard.rules.delta.app_access_granted as rule

ca(approved, profiles, sets) := {"type": "ConnectedApp", "fullName": "Sync", "content": {
	"oauthConfig": {"isAdminApproved": approved, "scopes": ["Api"]},
	"profileName": profiles,
	"permissionSetName": sets,
}}

eca(profiles, sets) := {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "Sync_oauthPlcy", "content": {
	"externalClientApplication": "Sync",
	"permittedUsersPolicyType": "AdminApprovedPreAuthorized",
	"commaSeparatedProfile": profiles,
	"commaSeparatedPermissionSet": sets,
}}

test_profile_added if {
	fs := rule.deny with input as {
		"base": ca(true, ["Integration"], []),
		"head": ca(true, ["Integration", "Standard User"], ["Sync Users"]),
	}
	{[f.element, f.value] | some f in fs} == {[["profileName", 1], "Standard User"], [["permissionSetName", 0], "Sync Users"]}
	some f in fs
	f.value == "Standard User"
	f.msg == "Connected app Sync is newly pre-authorized for profile \"Standard User\": its users can use the app without approval"
}

test_reordered_is_silent if {
	count(rule.deny) == 0 with input as {
		"base": ca(true, ["A", "B"], ["S"]),
		"head": ca(true, ["B", "A"], ["S"]),
	}
}

test_self_authorized_app_is_left_to_delta_006 if {
	count(rule.deny) == 0 with input as {"base": ca(false, [], []), "head": ca(false, ["A"], [])}
}

test_new_app_is_silent if {
	count(rule.deny) == 0 with input as {"base": null, "head": ca(true, ["A"], [])}
}

test_eca_names_added if {
	fs := rule.deny with input as {"base": eca("Integration", ""), "head": eca("Integration, System Administrator", "Sync_Users")}
	{f.value | some f in fs} == {"System Administrator", "Sync_Users"}
}

test_eca_reformatted_is_silent if {
	count(rule.deny) == 0 with input as {"base": eca("A,B", "S"), "head": eca(" B , A", "S")}
}
