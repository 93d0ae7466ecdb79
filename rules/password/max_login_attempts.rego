# METADATA
# title: Too many failed logins allowed before lockout
# description: |
#   Lockout after a few failed logins is what makes online password guessing
#   slow. With "No limit" an attacker can try passwords against an account for
#   as long as they like, API logins included. Health Check treats this as a
#   high-risk Baseline Standard setting: 3 attempts comply, 5 or 10 warn, no
#   limit fails. Profile overrides (integer 0 = no limit) are graded alike.
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
#   id: SFG-PWD-005
#   severity: high
#   types: [SecuritySettings, ProfilePasswordPolicy]
#   reads: [passwordPolicies, maxLoginAttempts, profile]
#   params:
#     password_max_login_attempts: 3
#   tags: [security, password, health-check:PasswordPolicies.maxLoginAttempts]
#   remediation: |
#     Setup → Password Policies → Maximum invalid login attempts: 3. In metadata:
#     `<maxLoginAttempts>ThreeAttempts</maxLoginAttempts>` under
#     `<passwordPolicies>`, or `<maxLoginAttempts>3</maxLoginAttempts>` in a
#     ProfilePasswordPolicy.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <maxLoginAttempts>NoLimit</maxLoginAttempts>
#           </passwordPolicies>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <maxLoginAttempts>ThreeAttempts</maxLoginAttempts>
#           </passwordPolicies>
#       </SecuritySettings>
package sfguard.rules.password.max_login_attempts

import rego.v1

import data.sfguard.lib.password
import data.sfguard.lib.settings

default compliant := 3

compliant := data.sfguard.params.password_max_login_attempts

band(0) := "critical"

band(n) := "warning" if n > compliant

attempts(0) := "unlimited failed logins"

attempts(n) := sprintf("%d failed logins", [n]) if n > 0

deny contains f if {
	x := password.fact(input, "maxLoginAttempts")
	b := band(x.n)
	f := {
		"msg": sprintf("%s allows %s before locking the account (%s): password guessing against it goes on for longer; the baseline is %d", [x.who, attempts(x.n), x.shown, compliant]),
		"severity": settings.hc_severity("high", b),
		"element": x.element,
		"value": x.raw,
	}
}
