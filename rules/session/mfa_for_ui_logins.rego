# METADATA
# title: MFA not required for direct UI logins
# description: |
#   Salesforce requires multi-factor authentication for UI logins by contract,
#   and the org-wide switch makes it technical: every user who logs in with a
#   username and password directly (not through SSO) must complete a second
#   factor. With the switch off, MFA depends on per-user permissions, and a
#   phished password is a working login for everyone who lacks them. Health
#   Check's MFA check corresponds to this setting.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.mfa_overview.htm
#     description: Multi-factor authentication (MFA) for direct UI logins
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-016
#   severity: high
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:Identity.mfaEnabled]
#   remediation: |
#     Setup → Identity Verification: check "Require multi-factor authentication
#     (MFA) for all direct UI logins to your Salesforce org", after users have
#     registered a verification method. In metadata:
#     `<enableMFADirectUILoginOptIn>true</enableMFADirectUILoginOptIn>` under
#     `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableMFADirectUILoginOptIn>false</enableMFADirectUILoginOptIn>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableMFADirectUILoginOptIn>true</enableMFADirectUILoginOptIn>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.mfa_for_ui_logins

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "enableMFADirectUILoginOptIn"], "want": true, "what": "\"Require multi-factor authentication (MFA) for all direct UI logins\""},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "a phished or reused password alone logs a user in to the Salesforce UI")
}
