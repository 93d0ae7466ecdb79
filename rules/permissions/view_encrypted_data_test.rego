package sfguard.rules.permissions.view_encrypted_data_test

import rego.v1

import data.sfguard.rules.permissions.view_encrypted_data as rule

grants(typ, custom) := {"type": typ, "fullName": "Integration", "content": {"custom": custom, "userPermissions": [
	{"enabled": true, "name": "ApiEnabled"},
	{"enabled": true, "name": "ViewEncryptedData"},
]}}

test_custom_profile_fires_at_the_permission if {
	some f in rule.deny with input as grants("Profile", true)
	f.element == ["userPermissions", 1, "name"]
	contains(f.msg, "Profile Integration")
}

test_permission_set_fires if {
	some f in rule.deny with input as grants("PermissionSet", null)
	contains(f.msg, "Permission set Integration")
}

# Salesforce defaults the org cannot change are skipped, consistently with
# the other permission rules (perms.salesforce_default).
test_salesforce_defaults_are_skipped if {
	count(rule.deny) == 0 with input as grants("Profile", false)
	g := json.patch(grants("Profile", true), [{"op": "add", "path": "/content/userLicense", "value": "Guest User License"}])
	count(rule.deny) == 0 with input as g
	s := json.patch(grants("PermissionSet", true), [{"op": "replace", "path": "/fullName", "value": "sfdcInternalInt__sfdc_scrt2"}])
	count(rule.deny) == 0 with input as s
}

test_disabled_or_absent_is_silent if {
	count(rule.deny) == 0 with input as {"type": "Profile", "fullName": "P", "content": {"userPermissions": [{"enabled": false, "name": "ViewEncryptedData"}]}}
	count(rule.deny) == 0 with input as {"type": "Profile", "fullName": "P", "content": {}}
}

test_muting_permission_sets_are_not_grants if {
	count(rule.deny) == 0 with input as grants("MutingPermissionSet", null)
}
