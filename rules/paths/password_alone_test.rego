package sfguard.rules.paths.password_alone_test

import rego.v1

import data.sfguard.rules.paths.password_alone as rule

profile(name, ranges, names) := {"type": "Profile", "fullName": name, "path": sprintf("profiles/%s.profile", [name]), "content": {
	"custom": true,
	"loginIpRanges": ranges,
	"userPermissions": [{"enabled": true, "name": n} | some n in names],
}}

security(ranges) := {"type": "SecuritySettings", "fullName": "Security", "path": "settings/Security.settings", "content": {"networkAccess": {"ipRanges": ranges}}}

office := {"description": "Head office", "start": "203.0.113.10", "end": "203.0.113.14"}

vendor := {"description": "Mail connector", "start": "0.0.0.0", "end": "127.255.255.255"}

etl := {"description": "Cloud ETL", "start": "198.51.0.0", "end": "198.51.255.255"}

org(profiles, ranges) := {"types": {"Profile": profiles, "SecuritySettings": [security(ranges)]}}

test_chain_is_spelled_out_on_the_profile if {
	fs := rule.deny with input as org([profile("Mail Connector Integration", [], ["ApiEnabled", "ModifyAllData", "ViewAllData", "ManageUsers"])], [office, vendor, etl])
	count(fs) == 1
	some f in fs
	f.document == "profiles/Mail Connector Integration.profile"
	f.element == ["userPermissions", 0, "name"]
	f.severity == "critical"
	contains(f.msg, "from half the internet")
	contains(f.msg, "0.0.0.0–127.255.255.255")
	contains(f.msg, "administrator permissions (Manage Users, Modify All Data, View All Data)")
	f.related == [
		{"document": "settings/Security.settings", "element": ["networkAccess", "ipRanges", 1]},
		{"document": "settings/Security.settings", "element": ["networkAccess", "ipRanges", 2]},
	]
}

test_a_slash16_is_high if {
	some f in rule.deny with input as org([profile("Sync", [], ["ApiEnabled"])], [etl])
	f.severity == "high"
	contains(f.msg, "65536 addresses")
	not contains(f.msg, "administrator")
}

test_login_ip_ranges_break_the_chain if {
	count(rule.deny) == 0 with input as org([profile("Sync", [{"startAddress": "192.0.2.32", "endAddress": "192.0.2.40"}], ["ApiEnabled"])], [vendor])
}

test_small_or_private_trusted_ranges_break_the_chain if {
	count(rule.deny) == 0 with input as org([profile("Sync", [], ["ApiEnabled"])], [office, {"start": "10.0.0.0", "end": "10.255.255.255"}])
}

test_no_api_no_finding if {
	count(rule.deny) == 0 with input as org([profile("Sales", [], ["ActivitiesAccess"])], [vendor])
}

test_no_security_settings_in_scan if {
	count(rule.deny) == 0 with input as {"types": {"Profile": [profile("Sync", [], ["ApiEnabled"])]}}
}

test_allow_all_login_range_does_not_break_the_chain if {
	p := profile("Admin Clone", [{"startAddress": "0.0.0.0", "endAddress": "255.255.255.255"}], ["ApiEnabled"])
	some f in rule.deny with input as org([p], [etl])
	contains(f.msg, "login IP ranges covering 4294967296 addresses, which restrict nothing on the profile")
}
