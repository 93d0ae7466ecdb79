# METADATA
# title: Session not ended in the browser on timeout
# description: |
#   When a session times out, Salesforce normally shows a dialog and leaves the
#   last page, with whatever records it displayed, on screen. "Force logout on
#   session timeout" clears the session data in the browser and returns to the
#   login page instead, which matters on shared or unattended machines. Health
#   Check lists it as a low-risk Baseline Standard setting.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-004
#   severity: low
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.forceLogoutOnTimeout]
#   remediation: |
#     Setup → Session Settings: check "Force logout on session timeout". In
#     metadata: `<forceLogoutOnSessionTimeout>true</forceLogoutOnSessionTimeout>`
#     under `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <forceLogoutOnSessionTimeout>false</forceLogoutOnSessionTimeout>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <forceLogoutOnSessionTimeout>true</forceLogoutOnSessionTimeout>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.force_logout_on_timeout

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "forceLogoutOnSessionTimeout"], "want": true, "what": "\"Force logout on session timeout\""},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "an expired session leaves the browser showing the page and its data until someone clicks")
}
