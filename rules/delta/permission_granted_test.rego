package sfguard.rules.delta.permission_granted_test

import rego.v1

import data.sfguard.rules.delta.permission_granted as rule

doc(type, perms, objs) := {"type": type, "fullName": "Integration", "path": "p", "format": "source", "content": {
	"userPermissions": [{"enabled": true, "name": p} | some p in perms],
	"objectPermissions": objs,
}}

test_new_org_wide_permission_is_high if {
	fs := rule.deny with input as {
		"base": doc("Profile", ["ApiEnabled", "ViewSetup"], []),
		"head": doc("Profile", ["ApiEnabled", "ModifyAllData", "ViewSetup"], []),
	}
	count(fs) == 1
	some f in fs
	f.element == ["userPermissions", 1, "name"]
	f.severity == "high"
	f.value == "ModifyAllData"
	contains(f.msg, "Profile Integration newly grants ModifyAllData: read, edit and delete every record")
}

test_severity_tiers if {
	fs := rule.deny with input as {
		"base": doc("PermissionSet", [], []),
		"head": doc("PermissionSet", ["AuthorApex", "ManageRemoteAccess", "EditTask"], []),
	}
	{[f.value, f.severity] | some f in fs} == {["AuthorApex", "high"], ["ManageRemoteAccess", "medium"], ["EditTask", "low"]}
}

test_unchanged_and_reordered_permissions_are_silent if {
	count(rule.deny) == 0 with input as {
		"base": doc("Profile", ["ApiEnabled", "ModifyAllData"], []),
		"head": doc("Profile", ["ModifyAllData", "ApiEnabled"], []),
	}
}

test_removed_permission_is_silent if {
	count(rule.deny) == 0 with input as {
		"base": doc("Profile", ["ApiEnabled", "ModifyAllData"], []),
		"head": doc("Profile", ["ApiEnabled"], []),
	}
}

test_disabled_to_enabled_fires if {
	base := {"type": "Profile", "fullName": "X", "content": {"userPermissions": [{"enabled": false, "name": "ViewAllData"}]}}
	head := {"type": "Profile", "fullName": "X", "content": {"userPermissions": [{"enabled": true, "name": "ViewAllData"}]}}
	some f in rule.deny with input as {"base": base, "head": head}
	f.value == "ViewAllData"
}

test_explicitly_disabled_at_head_is_silent if {
	head := {"type": "Profile", "fullName": "X", "content": {"userPermissions": [{"enabled": false, "name": "ViewAllData"}]}}
	count(rule.deny) == 0 with input as {"base": doc("Profile", [], []), "head": head}
}

test_new_component_reports_only_sensitive_permissions if {
	fs := rule.deny with input as {"base": null, "head": doc("PermissionSet", ["EditTask", "RunReports", "ApiEnabled", "ResetPasswords"], [])}
	{f.value | some f in fs} == {"ApiEnabled", "ResetPasswords"}
	some f in fs
	contains(f.msg, "(new in this change) grants")
}

test_view_all_on_object_newly_granted if {
	base_objs := [{"object": "Account", "allowRead": true, "viewAllRecords": false, "modifyAllRecords": false}]
	head_objs := [
		{"object": "Contact", "allowRead": true, "viewAllRecords": false, "modifyAllRecords": true},
		{"object": "Account", "allowRead": true, "viewAllRecords": true, "modifyAllRecords": false},
	]
	fs := rule.deny with input as {"base": doc("PermissionSet", [], base_objs), "head": doc("PermissionSet", [], head_objs)}
	{[f.value, f.element] | some f in fs} == {
		["Contact.modifyAllRecords", ["objectPermissions", 0, "modifyAllRecords"]],
		["Account.viewAllRecords", ["objectPermissions", 1, "viewAllRecords"]],
	}
}

test_object_view_all_already_granted_is_silent if {
	objs := [{"object": "Account", "viewAllRecords": true}]
	count(rule.deny) == 0 with input as {"base": doc("Profile", [], objs), "head": doc("Profile", [], objs)}
}

test_other_types_are_silent if {
	count(rule.deny) == 0 with input as {"base": null, "head": doc("MutingPermissionSet", ["ModifyAllData"], [])}
}
