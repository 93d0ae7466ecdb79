# METADATA
# title: No new login required after Login-As
# description: |
#   "Force relogin after Login-As-User" makes an administrator who used Login-As
#   log in again when they log out of the other user's session. Without it the
#   admin session silently resumes, so an unattended browser or a stolen
#   Login-As session leads straight back into a fully privileged administrator
#   session. Health Check lists it as a medium-risk Baseline Standard setting.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-014
#   severity: medium
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.forceRelogin]
#   remediation: |
#     Setup → Session Settings: check "Force relogin after Login-As-User". In
#     metadata: `<forceRelogin>true</forceRelogin>` under `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <forceRelogin>false</forceRelogin>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <forceRelogin>true</forceRelogin>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.force_relogin

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "forceRelogin"], "want": true, "what": "\"Force relogin after Login-As-User\""},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "after an administrator logs in as another user and logs out, they return to their own admin session without authenticating again")
}
