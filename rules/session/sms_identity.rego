# METADATA
# title: SMS identity verification turned off
# description: |
#   When Salesforce challenges a login from an unknown browser or network, it
#   verifies the user with a second channel. With SMS identity confirmation
#   off, users who have not registered an authenticator fall back to an email
#   code, so anyone who controls the mailbox (often the same password) passes
#   the challenge. Health Check lists it as a high-risk Baseline Standard
#   setting.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-012
#   severity: high
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.enableSmsIdentity]
#   remediation: |
#     Setup → Session Settings → Identity Verification: check "Enable the SMS
#     method of identity confirmation", and move users to an authenticator app or
#     security key. In metadata: `<enableSMSIdentity>true</enableSMSIdentity>`
#     under `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableSMSIdentity>false</enableSMSIdentity>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableSMSIdentity>true</enableSMSIdentity>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.sms_identity

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "enableSMSIdentity"], "want": true, "what": "\"Enable the SMS method of identity confirmation\""},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "users without an authenticator app can only verify their identity by email, which falls with the mailbox")
}
