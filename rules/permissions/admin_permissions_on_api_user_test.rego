package sfguard.rules.permissions.admin_permissions_on_api_user_test

import rego.v1

import data.sfguard.rules.permissions.admin_permissions_on_api_user as rule

doc(typ, names) := {"type": typ, "fullName": "ERP_Integration_API", "content": {"userPermissions": [{"enabled": true, "name": n} | some n in names]}}

test_modify_metadata_with_api_fires if {
	some f in rule.deny with input as doc("PermissionSet", ["ApiEnabled", "ModifyMetadata"])
	f.element == ["userPermissions", 1, "name"]
	contains(f.msg, "Permission set ERP_Integration_API grants Modify Metadata Through Metadata API Functions")
}

test_both_permissions_are_reported_separately if {
	count(rule.deny) == 2 with input as doc("Profile", ["ApiUserOnly", "AuthorApex", "ModifyMetadata"])
}

test_without_api_access_is_silent if {
	count(rule.deny) == 0 with input as doc("PermissionSet", ["AuthorApex", "ModifyMetadata"])
}

test_standard_profile_is_silent if {
	count(rule.deny) == 0 with input as {"type": "Profile", "fullName": "Admin", "content": {"custom": false, "userPermissions": [{"enabled": true, "name": "ApiEnabled"}, {"enabled": true, "name": "AuthorApex"}]}}
}
