# METADATA
# title: Modify All Data granted outside the admin permission sets
# description: |
#   Modify All Data lets a user edit and delete every record, whatever the
#   sharing rules say. At Acme only the permission sets listed in the
#   acme_admin_permission_sets parameter may grant it; any other permission
#   set that does is a privilege escalation path.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#     description: PermissionSet metadata type (userPermissions)
# custom:
#   id: ACME-PERM-001
#   severity: high
#   types: [PermissionSet]
#   reads: [userPermissions]
#   params: {acme_admin_permission_sets: [Acme_Admin]}
#   tags: [acme, permissions]
#   remediation: |
#     Remove ModifyAllData from the permission set (Setup → Permission Sets →
#     System Permissions), or, when it is an admin set, add its API name to
#     acme_admin_permission_sets in .sfguard.yaml.
package acme.modify_all_data

import rego.v1

default admin_sets := ["Acme_Admin"]

admin_sets := data.sfguard.params.acme_admin_permission_sets

deny contains f if {
	not input.fullName in admin_sets
	some i, p in object.get(input.content, "userPermissions", [])
	p.name == "ModifyAllData"
	p.enabled == true
	f := {
		"msg": sprintf("Permission set %s grants Modify All Data but is not an admin permission set (acme_admin_permission_sets)", [input.fullName]),
		"element": ["userPermissions", i],
		"value": p.name,
	}
}
