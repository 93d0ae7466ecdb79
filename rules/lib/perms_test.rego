package sfguard.lib.perms_test

import rego.v1

import data.sfguard.lib.perms

content := {"userPermissions": [
	{"enabled": true, "name": "ApiEnabled"},
	{"enabled": false, "name": "ModifyAllData"},
	{"enabled": true, "name": "ViewAllData"},
	{"enabled": true, "name": "ManageUsers"},
	{"enabled": true, "name": "CustomizeApplication"},
]}

test_at_and_has_ignore_disabled_entries if {
	perms.at(content, "ViewAllData") == {2}
	perms.at(content, "ModifyAllData") == set()
	perms.has(content, "ApiEnabled")
	not perms.has(content, "ModifyAllData")
	perms.api_enabled(content)
}

test_granted if {
	perms.granted(content) == {"ApiEnabled", "ViewAllData", "ManageUsers", "CustomizeApplication"}
	perms.granted({}) == set()
}

test_admin_like_needs_three_admin_permissions if {
	perms.admin_like(content)
	not perms.admin_like({"userPermissions": [{"enabled": true, "name": "ViewAllData"}, {"enabled": true, "name": "ApiEnabled"}]})
}

test_labels if {
	perms.label("ManageRemoteAccess") == "Manage Connected Apps"
	perms.label("ExportReport") == "ExportReport"
	perms.kind({"type": "PermissionSetGroup"}) == "Permission set group"
}

test_standard_profile_named_by_display_or_file_name if {
	[d, e] := perms.standard_profile_named(" system administrator ")
	d == "System Administrator"
	e.file == "Admin"
	"ModifyAllData" in e.permissions
	[d2, _] := perms.standard_profile_named("Admin")
	d2 == "System Administrator"
	not perms.standard_profile_named("Mail Connector Integration")
	not perms.standard_profile_named("Standard User")
}

test_standard_profile_permissions_are_standard_profiles if {
	every _, e in perms.standard_profile_permissions {
		e.file in perms.standard_profile_names
	}
}
