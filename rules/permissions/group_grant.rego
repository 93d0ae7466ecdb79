# METADATA
# title: Powerful permission reaches users through a permission set group
# description: |
#   A permission set group gives its members the union of its permission sets'
#   permissions, minus whatever its muting permission set mutes. Reviews
#   often look at the group ("Integration Bundle") and never open the sets
#   inside it, so a View All Data or an MFA waiver carried by one member set
#   goes unnoticed, or is believed muted when it is not. This rule resolves
#   every group in the scan: for each powerful permission that a member set
#   grants and the group's muting set does not mute, it reports at the group
#   (the permissionSets entry) and at the set that carries the grant, each
#   pointing at the other.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.perm_set_groups.htm
#     description: Permission set groups
#   - ref: https://help.salesforce.com/s/articleView?id=sf.perm_set_groups_muting.htm
#     description: Muting permission sets in a permission set group
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionsetgroup.htm
#     description: PermissionSetGroup metadata type
# custom:
#   id: SFG-PERM-010
#   severity: high
#   scope: org
#   types: [PermissionSetGroup, PermissionSet, MutingPermissionSet]
#   reads: [permissionSets, mutingPermissionSets, label, userPermissions]
#   tags: [security, permissions, permission-set-group, least-privilege]
#   remediation: |
#     Remove the permission from the member permission set if the group's
#     members should not have it (Setup → Permission Sets → the set → System
#     Permissions), or mute it for this group: add it to the group's muting
#     permission set (Setup → Permission Set Groups → the group → Muting
#     Permission Set). In metadata: the `<userPermissions>` entry in the
#     permission set, or a matching entry in the MutingPermissionSet named in
#     the group's `<mutingPermissionSets>`.
#   examples:
#     fail: |
#       <PermissionSetGroup xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Integration Bundle</label>
#           <mutingPermissionSets>Integration_Bundle_Muting</mutingPermissionSets>
#           <permissionSets>Data_Steward</permissionSets>
#       </PermissionSetGroup>
#       <!-- permissionsets/Data_Steward grants ViewAllData; the muting set mutes only ExportReport -->
#     pass: |
#       <PermissionSetGroup xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Integration Bundle</label>
#           <mutingPermissionSets>Integration_Bundle_Muting</mutingPermissionSets>
#           <permissionSets>Data_Steward</permissionSets>
#       </PermissionSetGroup>
#       <!-- the muting set Integration_Bundle_Muting mutes ViewAllData -->
package sfguard.rules.permissions.group_grant

import rego.v1

import data.sfguard.lib.names
import data.sfguard.lib.perms

sets := {d.fullName: d | some d in object.get(input.types, "PermissionSet", [])}

muting_sets := {d.fullName: d | some d in object.get(input.types, "MutingPermissionSet", [])}

# muted(g, name): one of the group's muting permission sets mutes name.
muted(g, name) if {
	some m in object.get(g.content, "mutingPermissionSets", [])
	perms.has(muting_sets[m].content, name)
}

# grants are the unmuted powerful permissions that reach a group's members,
# with where they come from.
grants contains x if {
	some g in object.get(input.types, "PermissionSetGroup", [])
	some i, set_name in object.get(g.content, "permissionSets", [])
	s := sets[set_name]
	some name, info in perms.powerful
	some j in perms.at(s.content, name)
	not muted(g, name)
	x := {"group": g, "i": i, "set": s, "j": j, "name": name, "info": info}
}

group_label(g) := names.of(g.content, "label", g.fullName)

severity_rank := {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}

# One fact, one finding: each group is reported once, at its first member
# that grants a powerful permission, naming every such permission with the
# member set it comes from; each grant is a related location.
deny contains f if {
	some g in object.get(input.types, "PermissionSetGroup", [])
	not perms.salesforce_default(g)
	xs := [x | some x in grants; x.group.path == g.path]
	count(xs) > 0
	ordered := sort([[x.i, x.name, x.j, x.set.path] | some x in xs])
	worst := max([severity_rank[x.info.severity] | some x in xs])
	f := {
		"msg": sprintf("Permission set group %s gives all its members %s, and no muting permission set mutes them", [group_label(g), concat("; ", sort({sprintf("%s (through %s: %s)", [x.info.label, x.set.fullName, x.info.why]) | some x in xs}))]),
		"document": g.path,
		"element": ["permissionSets", ordered[0][0]],
		"severity": [s | some s, r in severity_rank; r == worst][0],
		"value": sort({x.name | some x in xs}),
		"related": [{"document": o[3], "element": ["userPermissions", o[2], "name"]} | some o in ordered],
	}
}
