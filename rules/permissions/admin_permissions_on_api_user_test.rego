package sfguard.rules.permissions.admin_permissions_on_api_user_test

import rego.v1

import data.sfguard.rules.permissions.admin_permissions_on_api_user as rule

up(names) := [{"enabled": true, "name": n} | some n in names]

ps(name, extra, names) := object.union({"type": "PermissionSet", "fullName": name, "path": sprintf("permissionsets/%s.permissionset", [name])}, {"content": object.union(extra, {"userPermissions": up(names)})})

org(t) := {"types": t}

test_every_admin_permission_in_one_finding if {
	fs := rule.deny with input as org({"PermissionSet": [ps("ERP_Integration_API", {"license": "SalesforceAPIIntegrationPsl"}, ["ModifyAllData", "ViewAllData", "ManageUsers", "ResetPasswords", "ChatterInternalUser"])]})
	count(fs) == 1
	some f in fs
	f.msg == "Permission set ERP_Integration_API is an integration principal (the SalesforceAPIIntegrationPsl licence) and grants administrator permissions: Manage Users, Modify All Data, Reset User Passwords and Unlock Users, View All Data. Whoever holds its integration user's password or tokens is an administrator through the API"
	f.element == ["userPermissions", 2, "name"]
	count(f.related) == 3
	f.value == ["ManageUsers", "ModifyAllData", "ResetPasswords", "ViewAllData"]
}

test_api_enabled_permission_set_is_worded_as_such if {
	some f in rule.deny with input as org({"PermissionSet": [ps("Deployers", {}, ["ApiEnabled", "ModifyMetadata", "AuthorApex"])]})
	startswith(f.msg, "Permission set Deployers grants API Enabled together with administrator permissions: Author Apex, Modify Metadata Through Metadata API Functions")
}

test_api_only_profile if {
	p := {"type": "Profile", "fullName": "ERP Integration", "path": "profiles/ERP Integration.profile", "content": {"custom": true, "userPermissions": up(["ApiEnabled", "ApiUserOnly", "CustomizeApplication"])}}
	some f in rule.deny with input as org({"Profile": [p]})
	contains(f.msg, "integration principal (API Only User)")
}

test_no_api_or_no_admin_is_silent if {
	count(rule.deny) == 0 with input as org({"PermissionSet": [ps("Admins", {}, ["ModifyAllData"]), ps("Api", {}, ["ApiEnabled", "RunReports"])]})
}

test_salesforce_defaults_are_silent if {
	std := {"type": "Profile", "fullName": "Admin", "path": "profiles/Admin.profile", "content": {"custom": false, "userPermissions": up(["ApiEnabled", "ModifyAllData"])}}
	owned := ps("sfdcInternalInt__sfdc_einsteinri", {"license": "Cloud Integration User"}, ["ApiEnabled", "ApiUserOnly", "ViewAllData"])
	count(rule.deny) == 0 with input as org({"Profile": [std], "PermissionSet": [owned]})
}

test_admin_clone_profiles_are_left_to_perm_002 if {
	p := {"type": "Profile", "fullName": "Ops", "path": "profiles/Ops.profile", "content": {"custom": true, "userPermissions": up(["ApiEnabled", "ModifyAllData", "ViewAllData", "ManageUsers"])}}
	count(rule.deny) == 0 with input as org({"Profile": [p]})
}

group := {"type": "PermissionSetGroup", "fullName": "Integration_Bundle", "path": "permissionsetgroups/Integration_Bundle.permissionsetgroup", "content": {"permissionSets": ["Api_Access", "Data_Admin"]}}

test_group_resolves_api_and_admin_from_different_members if {
	fs := rule.deny with input as org({"PermissionSetGroup": [group], "PermissionSet": [ps("Api_Access", {}, ["ApiEnabled", "ApiUserOnly"]), ps("Data_Admin", {}, ["ModifyAllData", "ViewAllData"])]})
	count(fs) == 1
	some f in fs
	startswith(f.msg, "Permission set group Integration_Bundle is an integration principal (API Only User)")
	f.document == "permissionsets/Data_Admin.permissionset"
}

test_group_adds_nothing_when_a_member_is_reported if {
	fs := rule.deny with input as org({"PermissionSetGroup": [group], "PermissionSet": [ps("Api_Access", {}, ["ApiEnabled", "ModifyAllData"]), ps("Data_Admin", {}, ["RunReports"])]})
	count(fs) == 1
	some f in fs
	startswith(f.msg, "Permission set Api_Access")
}

test_muted_admin_power_is_not_granted if {
	g := json.patch(group, [{"op": "add", "path": "/content/mutingPermissionSets", "value": ["Mute_Admin"]}])
	mute := {"type": "MutingPermissionSet", "fullName": "Mute_Admin", "path": "m", "content": {"userPermissions": up(["ModifyAllData", "ViewAllData"])}}
	count(rule.deny) == 0 with input as org({"PermissionSetGroup": [g], "MutingPermissionSet": [mute], "PermissionSet": [ps("Api_Access", {}, ["ApiEnabled"]), ps("Data_Admin", {}, ["ModifyAllData", "ViewAllData"])]})
}
