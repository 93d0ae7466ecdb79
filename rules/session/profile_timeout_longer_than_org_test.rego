package sfguard.rules.session.profile_timeout_longer_than_org_test

import rego.v1

import data.sfguard.rules.session.profile_timeout_longer_than_org as rule

pss(v) := {"type": "ProfileSessionSetting", "fullName": "Support_profileSessionSetting1", "path": "profileSessionSettings/Support.profileSessionSetting", "content": {"forceLogout": false, "profile": "support agent", "sessionTimeout": v}}

security(v) := {"type": "SecuritySettings", "fullName": "Security", "path": "settings/Security.settings", "content": {"sessionSettings": {"sessionTimeout": v}}}

org(p, s) := {"types": {"ProfileSessionSetting": [p], "SecuritySettings": [s]}}

test_longer_than_org_fires if {
	some f in rule.deny with input as org(pss(720), security("TwoHours"))
	f.document == "profileSessionSettings/Support.profileSessionSetting"
	f.element == ["sessionTimeout"]
	contains(f.msg, "12 hours")
	contains(f.msg, "org-wide session timeout of 2 hours (TwoHours)")
	f.related == [{"document": "settings/Security.settings", "element": ["sessionSettings", "sessionTimeout"]}]
}

test_unrecognised_value_reads_as_a_day if {
	some f in rule.deny with input as org(pss(45), security("EightHours"))
	contains(f.msg, "unrecognised value 45 for sessionTimeout; treated as 1440")
	some g in rule.deny with input as org(pss("a day"), security("EightHours"))
	g.value == "a day"
}

test_shorter_equal_or_no_override_is_silent if {
	count(rule.deny) == 0 with input as org(pss(60), security("TwoHours"))
	count(rule.deny) == 0 with input as org(pss(120), security("TwoHours"))
	count(rule.deny) == 0 with input as org(pss(0), security("FifteenMinutes"))
}

test_without_security_settings_is_silent if {
	count(rule.deny) == 0 with input as {"types": {"ProfileSessionSetting": [pss(1440)]}}
}
