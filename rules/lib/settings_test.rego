package sfguard.lib.settings_test

import rego.v1

import data.sfguard.lib.settings

test_hc_severity_bands if {
	settings.hc_severity("high", "critical") == "high"
	settings.hc_severity("high", "warning") == "medium"
	settings.hc_severity("medium", "warning") == "low"
	settings.hc_severity("low", "warning") == "info"
	settings.hc_severity("info", "critical") == "info"
}

test_weak_only_for_the_opposite_boolean if {
	c := {"sessionSettings": {"a": false, "b": true, "c": "yes"}}
	settings.weak(c, ["sessionSettings", "a"], true) == false
	not settings.weak(c, ["sessionSettings", "b"], true)
	not settings.weak(c, ["sessionSettings", "c"], true)
	not settings.weak(c, ["sessionSettings", "missing"], true)
}

test_switch_finding_message if {
	f := settings.switch_finding({"element": ["sessionSettings", "requireHttpOnly"], "want": true, "what": "HttpOnly"}, false, "scripts can read it")
	f.msg == "HttpOnly is off (sessionSettings/requireHttpOnly false): scripts can read it"
	f.element == ["sessionSettings", "requireHttpOnly"]
}

test_timeouts if {
	settings.org_timeout({"sessionSettings": {"sessionTimeout": "TwelveHours"}}) == 720
	not settings.org_timeout({"sessionSettings": {"sessionTimeout": "Forever"}})
	settings.human_minutes(1440) == "24 hours"
	settings.human_minutes(90) == "90 minutes"
}
