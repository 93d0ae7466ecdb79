package acme.modify_all_data_test

import rego.v1

import data.acme.modify_all_data

ps(name, perms) := {"type": "PermissionSet", "fullName": name, "path": "permissionsets/x.permissionset", "format": "mdapi", "content": {"label": name, "userPermissions": perms}}

test_grant_outside_admin_sets if {
	count(modify_all_data.deny) == 1 with input as ps("Sales_Ops", [{"enabled": true, "name": "ModifyAllData"}])
}

test_admin_set_may_grant if {
	count(modify_all_data.deny) == 0 with input as ps("Acme_Admin", [{"enabled": true, "name": "ModifyAllData"}])
}

test_disabled_permission if {
	count(modify_all_data.deny) == 0 with input as ps("Sales_Ops", [{"enabled": false, "name": "ModifyAllData"}])
}

test_admin_sets_from_params if {
	count(modify_all_data.deny) == 0 with input as ps("Sales_Ops", [{"enabled": true, "name": "ModifyAllData"}])
		with data.sfguard.params.acme_admin_permission_sets as ["Sales_Ops"]
}
