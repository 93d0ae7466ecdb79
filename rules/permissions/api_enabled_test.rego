package sfguard.rules.permissions.api_enabled_test

import rego.v1

import data.sfguard.rules.permissions.api_enabled as rule

up(names) := [{"enabled": true, "name": n} | some n in names]

profile(name, extra, names) := {"type": "Profile", "fullName": name, "path": sprintf("profiles/%s.profile", [name]), "content": object.union({"custom": true, "userPermissions": up(names)}, extra)}

org(t) := {"types": t}

test_profile_without_ranges_is_high if {
	some f in rule.deny with input as org({"Profile": [profile("Integration", {}, ["ActivitiesAccess", "ApiEnabled"])]})
	f.severity == "high"
	f.element == ["userPermissions", 1, "name"]
	contains(f.msg, "from any address")
}

test_allow_all_range_is_no_restriction if {
	p := profile("Admin Clone", {"loginIpRanges": [{"startAddress": "0.0.0.0", "endAddress": "255.255.255.255"}]}, ["ApiEnabled"])
	some f in rule.deny with input as org({"Profile": [p]})
	f.severity == "high"
	contains(f.msg, "its login IP ranges cover 4294967296 addresses, which restricts nothing")
}

test_restricted_profile_is_info_not_silent if {
	p := profile("Integration", {"loginIpRanges": [{"startAddress": "203.0.113.1", "endAddress": "203.0.113.9"}]}, ["ApiEnabled", "ApiUserOnly"])
	some f in rule.deny with input as org({"Profile": [p]})
	f.severity == "info"
	startswith(f.msg, "Profile Integration grants API Enabled and API Only User; its login IP ranges (9 addresses) limit")
}

test_standard_profile_default_is_info if {
	some f in rule.deny with input as org({"Profile": [profile("Standard", {"custom": false}, ["ApiEnabled"])]})
	f.severity == "info"
	contains(f.msg, "Salesforce default")
}

test_permission_set_is_low_salesforce_owned_info if {
	fs := rule.deny with input as org({"PermissionSet": [
		{"type": "PermissionSet", "fullName": "API_Access", "path": "a", "content": {"userPermissions": up(["ApiEnabled"])}},
		{"type": "PermissionSet", "fullName": "sfdcInternalInt__sfdc_einsteinri", "path": "b", "content": {"userPermissions": up(["ApiEnabled", "ApiUserOnly"])}},
	]})
	{f.severity | some f in fs} == {"low", "info"}
}

test_group_resolved_through_members if {
	g := {"type": "PermissionSetGroup", "fullName": "Sync", "path": "g", "content": {"permissionSets": ["Reports", "API_Access"]}}
	sets := [
		{"type": "PermissionSet", "fullName": "API_Access", "path": "a", "content": {"userPermissions": up(["ApiEnabled"])}},
		{"type": "PermissionSet", "fullName": "Reports", "path": "r", "content": {"userPermissions": up(["RunReports"])}},
	]
	fs := rule.deny with input as org({"PermissionSetGroup": [g], "PermissionSet": sets})
	some f in fs
	f.document == "g"
	f.element == ["permissionSets", 1]
	f.related == [{"document": "a", "element": ["userPermissions", 0, "name"]}]
}

test_disabled_or_absent_is_silent if {
	count(rule.deny) == 0 with input as org({"Profile": [{"type": "Profile", "fullName": "P", "path": "p", "content": {"userPermissions": [{"enabled": false, "name": "ApiEnabled"}]}}]})
	count(rule.deny) == 0 with input as org({"Profile": [profile("P", {}, ["ViewSetup"])]})
}

test_standard_profile_with_an_allow_all_range_is_graded if {
	p := profile("Admin", {"custom": false, "loginIpRanges": [{"startAddress": "0.0.0.0", "endAddress": "255.255.255.255"}]}, ["ApiEnabled", "ModifyAllData"])
	some f in rule.deny with input as org({"Profile": [p]})
	f.severity == "high"
	contains(f.msg, "restricts nothing")
}
