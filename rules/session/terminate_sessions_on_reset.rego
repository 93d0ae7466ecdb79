# METADATA
# title: Sessions survive an administrator password reset
# description: |
#   Resetting a user's password is the first thing an administrator does when an
#   account is compromised. Unless this setting is on, the reset does not end
#   the sessions already open, so the attacker keeps working in the session
#   they have while everyone believes the account is safe again. Health Check
#   lists it as a medium-risk Baseline Standard setting.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-015
#   severity: medium
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.terminateSessionsOnPasswordReset]
#   remediation: |
#     Setup → Session Settings: check "Terminate all of a user's sessions when an
#     admin resets that user's password". In metadata:
#     `<terminateUserSessionsWhenAdminResetsPassword>true</terminateUserSessionsWhenAdminResetsPassword>`
#     under `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <terminateUserSessionsWhenAdminResetsPassword>false</terminateUserSessionsWhenAdminResetsPassword>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <terminateUserSessionsWhenAdminResetsPassword>true</terminateUserSessionsWhenAdminResetsPassword>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.terminate_sessions_on_reset

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "terminateUserSessionsWhenAdminResetsPassword"], "want": true, "what": "\"Terminate all of a user's sessions when an admin resets that user's password\""},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "resetting a compromised user's password leaves the attacker's existing sessions running")
}
