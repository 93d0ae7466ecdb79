# METADATA
# title: Identity confirmation skipped for email change or MFA registration
# description: |
#   Changing a user's email address and registering a multi-factor
#   authenticator are the two steps an attacker with a borrowed or stolen
#   session takes to keep the account: password resets then go to their
#   mailbox, and MFA prompts to their phone. Salesforce can ask for identity
#   verification before either change. Health Check lists both as low-risk
#   Baseline Standard settings; each one that is off is reported.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-011
#   severity: low
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.icOnEmailChange, health-check:SessionSettings.icOn2faRegistration]
#   remediation: |
#     Setup → Session Settings → Identity Verification: check "Require identity
#     verification for email address changes" and "Require identity verification
#     during multi-factor authentication (MFA) registration". In metadata:
#     `identityConfirmationOnEmailChange` and
#     `identityConfirmationOnTwoFactorRegistrationEnabled` `true` under
#     `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <identityConfirmationOnEmailChange>false</identityConfirmationOnEmailChange>
#               <identityConfirmationOnTwoFactorRegistrationEnabled>false</identityConfirmationOnTwoFactorRegistrationEnabled>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <identityConfirmationOnEmailChange>true</identityConfirmationOnEmailChange>
#               <identityConfirmationOnTwoFactorRegistrationEnabled>true</identityConfirmationOnTwoFactorRegistrationEnabled>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.identity_confirmation

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "identityConfirmationOnEmailChange"], "want": true, "what": "Identity verification for email address changes"},
	{"element": ["sessionSettings", "identityConfirmationOnTwoFactorRegistrationEnabled"], "want": true, "what": "Identity verification when registering an MFA method"},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "whoever holds a session can redirect the account's email or register their own authenticator without proving they are the user")
}
