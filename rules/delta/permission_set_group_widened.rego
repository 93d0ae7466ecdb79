# METADATA
# title: Permission set group widened
# description: |
#   In PR mode (`--diff-base`), reports permission sets newly added to a
#   permission set group, and muting permission sets newly removed from it.
#   Either way everyone assigned the group gains the permissions of that
#   permission set, without any change to their assignments — a grant that
#   is easy to miss because the group's own file only lists names.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.perm_set_groups.htm
#     description: Permission set groups
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionsetgroup.htm
#     description: PermissionSetGroup metadata type
# custom:
#   id: SFG-DELTA-009
#   severity: medium
#   scope: delta
#   types: [PermissionSetGroup]
#   reads: [permissionSets, mutingPermissionSets]
#   tags: [security, delta, permissions, least-privilege]
#   remediation: |
#     Check what the added permission set grants (and what the removed muting
#     permission set was holding back) before everyone in the group gets it.
#     If the change is intended, record the decision with a suppression that
#     has a reason and an expiry date.
package sfguard.rules.delta.permission_set_group_widened

import rego.v1

import data.sfguard.lib.delta

deny contains f if {
	input.head.type == "PermissionSetGroup"
	input.base != null
	before := {p | some p in object.get(delta.base_content, "permissionSets", [])}
	some i, p in object.get(input.head.content, "permissionSets", [])
	not p in before
	f := {
		"msg": sprintf("Permission set group %s newly includes permission set %s: everyone assigned the group gains its permissions", [input.head.fullName, p]),
		"element": ["permissionSets", i],
		"value": p,
	}
}

deny contains f if {
	input.head.type == "PermissionSetGroup"
	input.base != null
	after := {m | some m in object.get(input.head.content, "mutingPermissionSets", [])}
	some m in object.get(input.base.content, "mutingPermissionSets", [])
	not m in after
	f := {
		"msg": sprintf("Permission set group %s no longer applies muting permission set %s: the permissions it muted are granted again", [input.head.fullName, m]),
		"element": ["mutingPermissionSets"],
		"value": m,
	}
}
