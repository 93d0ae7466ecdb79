package sfguard.rules.delta.permission_set_group_widened_test

import rego.v1

import data.sfguard.rules.delta.permission_set_group_widened as rule

psg(sets, muting) := {"type": "PermissionSetGroup", "fullName": "Integration_Bundle", "content": {
	"label": "Integration Bundle",
	"permissionSets": sets,
	"mutingPermissionSets": muting,
	"status": "Updated",
}}

test_permission_set_added if {
	fs := rule.deny with input as {"base": psg(["A"], []), "head": psg(["A", "Admin_Tools"], [])}
	count(fs) == 1
	some f in fs
	f.element == ["permissionSets", 1]
	f.value == "Admin_Tools"
	startswith(f.msg, "Permission set group Integration_Bundle newly includes permission set Admin_Tools")
}

test_muting_removed if {
	fs := rule.deny with input as {"base": psg(["A"], ["Mute_Admin"]), "head": psg(["A"], [])}
	count(fs) == 1
	some f in fs
	f.value == "Mute_Admin"
	f.element == ["mutingPermissionSets"]
}

test_narrowing_and_reordering_are_silent if {
	count(rule.deny) == 0 with input as {"base": psg(["A", "B"], []), "head": psg(["B"], ["Mute"])}
	count(rule.deny) == 0 with input as {"base": psg(["A", "B"], ["M"]), "head": psg(["B", "A"], ["M"])}
}

test_new_group_is_silent if {
	count(rule.deny) == 0 with input as {"base": null, "head": psg(["A"], [])}
}
