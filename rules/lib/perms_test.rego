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
