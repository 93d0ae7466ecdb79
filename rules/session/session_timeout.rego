# METADATA
# title: Session timeout longer than the baseline
# description: |
#   The session timeout decides how long an idle Salesforce session, and the
#   session ID behind it, stays usable. A browser left open on a shared
#   machine, or a session cookie copied by malware, is worth as much as this
#   value: with 24 hours, a stolen session works for a day after the user
#   walked away. Health Check's Baseline Standard accepts up to 2 hours,
#   warns at 4 to 12 hours and fails 24 hours; findings are graded the same
#   way. A ProfileSessionSetting overrides the org value for one profile,
#   typically an integration profile set up with "no timeout" advice, and is
#   graded with the same thresholds (a sessionTimeout of 0 there means the
#   profile has no override).
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings (Timeout Value)
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profilesessionsetting.htm
#     description: ProfileSessionSetting metadata type
# custom:
#   id: SFG-SESS-001
#   severity: low
#   types: [SecuritySettings, ProfileSessionSetting]
#   reads: [sessionSettings, sessionTimeout, profile]
#   params:
#     session_timeout_minutes: 120
#     session_timeout_warning_minutes: 720
#   tags: [security, session, health-check:SessionSettings.timeout]
#   remediation: |
#     Setup → Session Settings → Timeout Value: choose 2 hours or less (15 to
#     30 minutes for privileged users). In metadata:
#     `<sessionTimeout>ThirtyMinutes</sessionTimeout>` under `<sessionSettings>`
#     in settings/Security.settings. For a profile override, Setup → Profiles →
#     the profile → Session Settings, or `<sessionTimeout>30</sessionTimeout>`
#     in its ProfileSessionSetting file.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <sessionTimeout>TwentyFourHours</sessionTimeout>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <sessionTimeout>ThirtyMinutes</sessionTimeout>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.session_timeout

import rego.v1

import data.sfguard.lib.enums
import data.sfguard.lib.names
import data.sfguard.lib.settings

# Health Check's Baseline Standard: compliant up to 2 hours, warning up to
# 12 hours, critical beyond. The defaults apply when no engine data is loaded.
default compliant := 120

compliant := data.sfguard.params.session_timeout_minutes

default warning := 720

warning := data.sfguard.params.session_timeout_warning_minutes

band(m) := "critical" if m > warning

band(m) := "warning" if {
	m > compliant
	m <= warning
}

deny contains f if {
	input.type == "SecuritySettings"
	value := input.content.sessionSettings.sessionTimeout
	path := "sessionSettings/sessionTimeout"
	m := settings.timeout_minutes[enums.effective(input.type, path, value)]
	b := band(m)
	f := {
		"msg": sprintf("The org-wide session timeout is %s (%s): an idle or stolen session stays usable that long; the baseline is %s or less", [settings.human_minutes(m), shown(path, value), settings.human_minutes(compliant)]),
		"severity": settings.hc_severity("low", b),
		"element": ["sessionSettings", "sessionTimeout"],
		"value": value,
	}
}

# An undocumented value reads as the longest timeout, TwentyFourHours.
shown(path, value) := enums.note("SecuritySettings", path, value, "TwentyFourHours") if {
	enums.unrecognised("SecuritySettings", path, value)
} else := sprintf("%s %s", [path, value])

deny contains f if {
	input.type == "ProfileSessionSetting"
	m := input.content.sessionTimeout
	is_number(m)
	m > 0
	b := band(m)
	f := {
		"msg": sprintf("The session settings of profile %q override the session timeout to %s (sessionTimeout %d): idle or stolen sessions of its users stay usable that long; the baseline is %s or less", [names.of(input.content, "profile", input.fullName), settings.human_minutes(m), m, settings.human_minutes(compliant)]),
		"severity": settings.hc_severity("low", b),
		"element": ["sessionTimeout"],
		"value": m,
	}
}
