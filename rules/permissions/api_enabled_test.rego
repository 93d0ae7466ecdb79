package sfguard.rules.permissions.api_enabled_test

import rego.v1

import data.sfguard.rules.permissions.api_enabled as rule

perms := [
	{"enabled": true, "name": "ActivitiesAccess"},
	{"enabled": true, "name": "ApiEnabled"},
]

test_profile_without_ranges_is_high if {
	some f in rule.deny with input as {"type": "Profile", "fullName": "Integration", "content": {"userPermissions": perms}}
	not f.severity
	f.element == ["userPermissions", 1, "name"]
	contains(f.msg, "from any address")
}

test_profile_with_ranges_is_silent if {
	count(rule.deny) == 0 with input as {"type": "Profile", "fullName": "Integration", "content": {
		"userPermissions": perms,
		"loginIpRanges": [{"startAddress": "203.0.113.1", "endAddress": "203.0.113.9"}],
	}}
}

test_permission_set_is_low if {
	some f in rule.deny with input as {"type": "PermissionSet", "fullName": "API_Access", "content": {"userPermissions": perms}}
	f.severity == "low"
}

test_disabled_or_absent_is_silent if {
	count(rule.deny) == 0 with input as {"type": "Profile", "fullName": "P", "content": {"userPermissions": [{"enabled": false, "name": "ApiEnabled"}]}}
	count(rule.deny) == 0 with input as {"type": "Profile", "fullName": "P", "content": {"userPermissions": [{"enabled": true, "name": "ViewSetup"}]}}
	count(rule.deny) == 0 with input as {"type": "Profile", "fullName": "P", "content": {}}
}
