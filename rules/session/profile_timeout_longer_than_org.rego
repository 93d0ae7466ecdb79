# METADATA
# title: Profile session timeout longer than the org's
# description: |
#   A profile's session settings (ProfileSessionSetting sessionTimeout,
#   minutes) override the org-wide session timeout for every user of the
#   profile. An override longer than the org's undoes, for that profile, the
#   decision the org made in Session Settings: typically an integration or
#   support profile given "a day, so it never logs out". Compared with the
#   org-wide timeout in Security settings when the scan has them (the first
#   by path if it has several); without them SFG-SESS-001 grades the
#   override against the baseline alone. A sessionTimeout of 0 means the
#   profile has no override. A value Salesforce does not offer (0, 15, 30,
#   60, 90, 120, 240, 480, 720 or 1440 minutes) is reported as unrecognised
#   and read as 24 hours.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions_profile.htm
#     description: Set session security levels and timeout in profiles
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profilesessionsetting.htm
#     description: ProfileSessionSetting metadata type
# custom:
#   id: SFG-SESS-018
#   severity: low
#   scope: org
#   types: [SecuritySettings, ProfileSessionSetting]
#   reads: [sessionSettings, sessionTimeout, profile]
#   tags: [security, session, profile]
#   remediation: |
#     Setup → Profiles → the profile → Session Settings → Session Times Out
#     After: choose a value no longer than the org's, or none to inherit it.
#     In metadata: `<sessionTimeout>` in the profile's ProfileSessionSetting
#     file, at most the org's `sessionSettings/sessionTimeout`, or `0`.
#   examples:
#     fail: |
#       <ProfileSessionSetting xmlns="http://soap.sforce.com/2006/04/metadata">
#           <forceLogout>false</forceLogout>
#           <profile>support agent</profile>
#           <sessionTimeout>720</sessionTimeout>
#       </ProfileSessionSetting>
#       <!-- settings/Security.settings: <sessionTimeout>TwoHours</sessionTimeout> -->
#     pass: |
#       <ProfileSessionSetting xmlns="http://soap.sforce.com/2006/04/metadata">
#           <forceLogout>false</forceLogout>
#           <profile>support agent</profile>
#           <sessionTimeout>60</sessionTimeout>
#       </ProfileSessionSetting>
package sfguard.rules.session.profile_timeout_longer_than_org

import rego.v1

import data.sfguard.lib.settings

org_docs := [d | some d in object.get(input.types, "SecuritySettings", []); settings.org_timeout(d.content)]

org := {"doc": org_docs[0], "minutes": settings.org_timeout(org_docs[0].content)}

offered := {15, 30, 60, 90, 120, 240, 480, 720, 1440}

# profile_minutes(v) is the override in minutes, 1440 for a value
# Salesforce does not offer; undefined for 0 (no override).
profile_minutes(v) := v if v in offered

else := 1440 if v != 0

shown(v) := sprintf("sessionTimeout %v", [v]) if v in offered

else := sprintf("unrecognised value %v for sessionTimeout; treated as 1440", [v])

deny contains f if {
	some d in object.get(input.types, "ProfileSessionSetting", [])
	v := d.content.sessionTimeout
	m := profile_minutes(v)
	m > org.minutes
	f := {
		"msg": sprintf("The session settings of profile %q keep sessions alive for %s (%s), longer than the org-wide session timeout of %s (%s): the profile's idle or stolen sessions outlive everyone else's", [object.get(d.content, "profile", d.fullName), settings.human_minutes(m), shown(v), settings.human_minutes(org.minutes), org.doc.content.sessionSettings.sessionTimeout]),
		"document": d.path,
		"element": ["sessionTimeout"],
		"value": v,
		"related": [{"document": org.doc.path, "element": ["sessionSettings", "sessionTimeout"]}],
	}
}
