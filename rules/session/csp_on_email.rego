# METADATA
# title: Content Security Policy on email templates turned off
# description: |
#   HTML email templates are written by many hands (marketing, packages,
#   imported templates). The Content Security Policy on email templates stops
#   script in them from running when a user opens or previews the template in
#   Salesforce, where it would run with that user's session. Health Check lists
#   it as a medium-risk Baseline Standard setting.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-010
#   severity: medium
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.cspOnEmail]
#   remediation: |
#     Setup → Session Settings: check "Enable Content Security Policy protection
#     for email templates". In metadata: `<enableCSPOnEmail>true</enableCSPOnEmail>`
#     under `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableCSPOnEmail>false</enableCSPOnEmail>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableCSPOnEmail>true</enableCSPOnEmail>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.csp_on_email

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "enableCSPOnEmail"], "want": true, "what": "Content Security Policy protection for email templates"},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "script in an HTML email template runs when a user previews it in Salesforce")
}
