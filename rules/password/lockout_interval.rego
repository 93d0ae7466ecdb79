# METADATA
# title: Short lockout after failed logins
# description: |
#   The lockout effective period decides how soon a locked-out account accepts
#   passwords again. A short period turns lockout into a pause between bursts
#   of guesses. Health Check's Baseline Standard accepts 30 minutes, 60 minutes
#   or "Forever" (until an administrator unlocks) and warns at 15 minutes; as a
#   low-risk warning it is reported at info severity.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_password.htm
#     description: Set password policies
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_securitysettings.htm
#     description: SecuritySettings metadata type (PasswordPolicies)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profilepasswordpolicy.htm
#     description: ProfilePasswordPolicy metadata type
# custom:
#   id: SFG-PWD-006
#   severity: low
#   types: [SecuritySettings, ProfilePasswordPolicy]
#   reads: [passwordPolicies, lockoutInterval, profile]
#   params:
#     password_lockout_minutes: 30
#   tags: [security, password, health-check:PasswordPolicies.lockoutInterval]
#   remediation: |
#     Setup → Password Policies → Lockout effective period: 30 minutes or longer.
#     In metadata: `<lockoutInterval>ThirtyMinutes</lockoutInterval>` under
#     `<passwordPolicies>`, or `<lockoutInterval>30</lockoutInterval>` in a
#     ProfilePasswordPolicy.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <lockoutInterval>FifteenMinutes</lockoutInterval>
#           </passwordPolicies>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <lockoutInterval>ThirtyMinutes</lockoutInterval>
#           </passwordPolicies>
#       </SecuritySettings>
package sfguard.rules.password.lockout_interval

import rego.v1

import data.sfguard.lib.password
import data.sfguard.lib.settings

default compliant := 30

compliant := data.sfguard.params.password_lockout_minutes

# 0 is Forever: the account stays locked until an administrator unlocks it.
band(n) := "warning" if {
	n > 0
	n < compliant
}

deny contains f if {
	x := password.fact(input, "lockoutInterval")
	b := band(x.n)
	f := {
		"msg": sprintf("%s unlocks a locked-out account after %d minutes (%s): guessing resumes that soon; the baseline is %d minutes or until an admin unlocks", [x.who, x.n, x.shown, compliant]),
		"severity": settings.hc_severity("low", b),
		"element": x.element,
		"value": x.raw,
	}
}
