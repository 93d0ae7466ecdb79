package sfguard.rules.session.session_timeout_test

import rego.v1

import data.sfguard.rules.session.session_timeout as rule

org(v) := {"type": "SecuritySettings", "fullName": "Security", "content": {"sessionSettings": {"sessionTimeout": v}}}

prof(m) := {"type": "ProfileSessionSetting", "fullName": "X_profileSessionSetting1", "content": {"profile": "mail connector integration", "sessionTimeout": m}}

test_twenty_four_hours_is_the_critical_band if {
	some f in rule.deny with input as org("TwentyFourHours")
	f.severity == "low"
	f.element == ["sessionSettings", "sessionTimeout"]
	contains(f.msg, "24 hours")
}

test_four_to_twelve_hours_warn if {
	every v in ["FourHours", "EightHours", "TwelveHours"] {
		some f in rule.deny with input as org(v)
		f.severity == "info"
	}
}

test_two_hours_or_less_is_silent if {
	every v in ["FifteenMinutes", "ThirtyMinutes", "SixtyMinutes", "NinetyMinutes", "TwoHours"] {
		count(rule.deny) == 0 with input as org(v)
	}
}

test_thresholds_are_parameters if {
	some f in rule.deny with input as org("TwoHours") with data.sfguard.params as {"session_timeout_minutes": 60, "session_timeout_warning_minutes": 720}
	f.severity == "info"
}

test_profile_override_is_graded_the_same if {
	some f in rule.deny with input as prof(1440)
	f.severity == "low"
	f.element == ["sessionTimeout"]
	contains(f.msg, "mail connector integration")
	some g in rule.deny with input as prof(480)
	g.severity == "info"
}

test_profile_without_override_is_silent if {
	count(rule.deny) == 0 with input as prof(0)
	count(rule.deny) == 0 with input as prof(30)
}

test_unrecognised_org_timeout_reads_as_24_hours if {
	some f in rule.deny with input as {"type": "SecuritySettings", "fullName": "Security", "content": {"sessionSettings": {"sessionTimeout": "OneDay"}}}
	f.severity == "low"
	f.msg == "The org-wide session timeout is 24 hours (unrecognised value \"OneDay\" for sessionTimeout; treated as TwentyFourHours): an idle or stolen session stays usable that long; the baseline is 2 hours or less"
}
