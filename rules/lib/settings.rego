# METADATA
# title: Org settings and Health Check grading helpers
# description: |
#   Helpers for org settings (SecuritySettings, OauthOidcSettings,
#   ExternalClientAppSettings) and for grading them the way Salesforce Health
#   Check grades its Baseline Standard.
package sfguard.lib.settings

import rego.v1

# hc_severity(risk, band) maps a Health Check risk category (high, medium,
# low, info) and the band a value falls in (critical: the baseline's
# non-compliant/critical band; warning: its warning band) to a finding
# severity. A critical miss carries the category's own weight; a warning is
# one step lighter, as Health Check scores it.
hc_severity(risk, "critical") := risk

hc_severity("high", "warning") := "medium"

hc_severity("medium", "warning") := "low"

hc_severity("low", "warning") := "info"

hc_severity("info", "warning") := "info"

# weak(content, path, want) is the boolean Salesforce wrote at path when it is
# not want. An absent switch is unknown rather than weak (a retrieve writes
# every SecuritySettings switch, and a partial settings file deploys only what
# it lists), and a value that is not a boolean is left to the parser's
# diagnostics.
weak(content, path, want) := v if {
	v := object.get(content, path, null)
	is_boolean(v)
	v != want
}

# switch_finding builds the finding for a switch s = {element, want, what}
# that is set to v, with the consequence in Salesforce terms.
switch_finding(s, v, consequence) := {
	"msg": sprintf("%s is %s (%s %v): %s", [s.what, state(s, v), concat("/", s.element), v, consequence]),
	"element": s.element,
	"value": v,
}

state(s, v) := "off" if {
	s.want == true
	v == false
} else := "on"

# Session timeout values of SessionSettings.sessionTimeout in minutes.
timeout_minutes := {
	"FifteenMinutes": 15,
	"ThirtyMinutes": 30,
	"SixtyMinutes": 60,
	"NinetyMinutes": 90,
	"TwoHours": 120,
	"FourHours": 240,
	"EightHours": 480,
	"TwelveHours": 720,
	"TwentyFourHours": 1440,
}

# org_timeout(content) is the org-wide session timeout of a SecuritySettings
# document in minutes; undefined when absent or not a known value.
org_timeout(content) := timeout_minutes[content.sessionSettings.sessionTimeout]

# human_minutes(1440) == "24 hours", human_minutes(30) == "30 minutes".
human_minutes(m) := sprintf("%d hours", [m / 60]) if {
	m >= 120
	m % 60 == 0
} else := sprintf("%d minutes", [m])
