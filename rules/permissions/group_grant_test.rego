package sfguard.rules.permissions.group_grant_test

import rego.v1

import data.sfguard.rules.permissions.group_grant as rule

up(names) := [{"enabled": true, "name": n} | some n in names]

group := {"type": "PermissionSetGroup", "fullName": "Integration_Bundle", "path": "permissionsetgroups/Integration_Bundle.permissionsetgroup", "content": {
	"label": "Integration Bundle",
	"permissionSets": ["Data_Steward", "ERP_Integration_API", "Not_In_Scan"],
	"mutingPermissionSets": ["Integration_Bundle_Muting"],
}}

steward := {"type": "PermissionSet", "fullName": "Data_Steward", "path": "permissionsets/Data_Steward.permissionset", "content": {"userPermissions": up(["ExportReport", "ViewAllData", "ViewEncryptedData"])}}

erp := {"type": "PermissionSet", "fullName": "ERP_Integration_API", "path": "permissionsets/ERP_Integration_API.permissionset", "content": {"userPermissions": up(["ApiEnabled"])}}

muting(names) := {"type": "MutingPermissionSet", "fullName": "Integration_Bundle_Muting", "path": "mutingpermissionsets/Integration_Bundle_Muting.mutingpermissionset", "content": {"userPermissions": up(names)}}

org(m) := {"types": {"PermissionSetGroup": [group], "PermissionSet": [steward, erp], "MutingPermissionSet": [m]}}

test_one_finding_per_group_with_member_grants_related if {
	fs := rule.deny with input as org(muting(["ExportReport"]))
	count(fs) == 1
	some g in fs
	g.document == group.path
	g.element == ["permissionSets", 0]
	g.value == ["ViewAllData", "ViewEncryptedData"]
	g.severity == "high"
	g.related == [
		{"document": steward.path, "element": ["userPermissions", 1, "name"]},
		{"document": steward.path, "element": ["userPermissions", 2, "name"]},
	]
	contains(g.msg, "Integration Bundle gives all its members View All Data (through Data_Steward: read every record regardless of sharing); View Encrypted Data (through Data_Steward")
}

test_muted_permissions_are_not_reported if {
	fs := rule.deny with input as org(muting(["ViewAllData", "ViewEncryptedData"]))
	count(fs) == 0
}

test_disabled_muting_entry_does_not_mute if {
	m := {"type": "MutingPermissionSet", "fullName": "Integration_Bundle_Muting", "path": "m", "content": {"userPermissions": [{"enabled": false, "name": "ViewAllData"}]}}
	fs := rule.deny with input as org(m)
	some f in fs
	"ViewAllData" in f.value
}

test_no_groups_no_findings if {
	count(rule.deny) == 0 with input as {"types": {"PermissionSet": [steward]}}
}
