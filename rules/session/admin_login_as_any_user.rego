# METADATA
# title: Administrators can log in as any user
# description: |
#   Normally an administrator can log in as another user only after the user
#   grants login access for a limited time. "Administrators Can Log in as Any
#   User" removes that consent step: any user with Modify All Data and Manage
#   Users can become anyone, and the actions show up as that user's. Health
#   Check expects it off.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.granting_login_access.htm
#     description: Grant login access
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-013
#   severity: medium
#   types: [SecuritySettings]
#   reads: [enableAdminLoginAsAnyUser]
#   tags: [security, session, health-check:LoginAccessPolicies.adminLoginAsAnyUser]
#   remediation: |
#     Setup → Login Access Policies: uncheck "Administrators Can Log in as Any
#     User"; users grant access when support needs it. In metadata:
#     `<enableAdminLoginAsAnyUser>false</enableAdminLoginAsAnyUser>` at the top of
#     settings/Security.settings.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <enableAdminLoginAsAnyUser>true</enableAdminLoginAsAnyUser>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <enableAdminLoginAsAnyUser>false</enableAdminLoginAsAnyUser>
#       </SecuritySettings>
package sfguard.rules.session.admin_login_as_any_user

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["enableAdminLoginAsAnyUser"], "want": false, "what": "\"Administrators Can Log in as Any User\""},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "every administrator, and whoever takes over an administrator session, can act as any user without that user's consent")
}
