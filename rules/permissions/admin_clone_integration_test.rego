package sfguard.rules.permissions.admin_clone_integration_test

import rego.v1

import data.sfguard.rules.permissions.admin_clone_integration as rule

profile(custom, names) := {"type": "Profile", "fullName": "Mail Connector Integration", "content": {
	"custom": custom,
	"userPermissions": [{"enabled": true, "name": n} | some n in names],
}}

test_admin_clone_with_api_fires_at_first_admin_permission if {
	some f in rule.deny with input as profile(true, ["ActivitiesAccess", "ApiEnabled", "CustomizeApplication", "ManageUsers", "ModifyAllData", "ViewAllData"])
	f.element == ["userPermissions", 2, "name"]
	contains(f.msg, "Modify All Data, View All Data")
}

test_three_of_four_is_enough if {
	count(rule.deny) == 1 with input as profile(true, ["ApiEnabled", "ModifyAllData", "ViewAllData", "ManageUsers"])
}

test_two_admin_permissions_are_not_a_clone if {
	count(rule.deny) == 0 with input as profile(true, ["ApiEnabled", "ModifyAllData", "ViewAllData"])
}

test_without_api_or_standard_profile_is_silent if {
	count(rule.deny) == 0 with input as profile(true, ["ModifyAllData", "ViewAllData", "ManageUsers", "CustomizeApplication"])
	count(rule.deny) == 0 with input as profile(false, ["ApiEnabled", "ModifyAllData", "ViewAllData", "ManageUsers", "CustomizeApplication"])
}

test_wording_is_about_its_users if {
	some f in rule.deny with input as profile(true, ["ApiEnabled", "ModifyAllData", "ViewAllData", "ManageUsers"])
	contains(f.msg, "the password or tokens of any of its users")
	not contains(f.msg, "integration user")
}

test_integration_profiles_are_left_to_perm_008 if {
	count(rule.deny) == 0 with input as profile(true, ["ApiEnabled", "ApiUserOnly", "ModifyAllData", "ViewAllData", "ManageUsers"])
	p := json.patch(profile(true, ["ApiEnabled", "ModifyAllData", "ViewAllData", "ManageUsers"]), [{"op": "add", "path": "/content/userLicense", "value": "Salesforce Integration"}])
	count(rule.deny) == 0 with input as p
}

test_standard_profile_by_name_is_silent if {
	p := json.patch(profile(true, ["ApiEnabled", "ModifyAllData", "ViewAllData", "ManageUsers"]), [{"op": "replace", "path": "/fullName", "value": "Admin"}])
	count(rule.deny) == 0 with input as p
}
