# METADATA
# title: Secret answer shown in clear text
# description: |
#   The answer to the security question lets a user reset their password. With
#   "Obscure secret answer for password resets" off, the answer is shown in
#   clear text while it is typed, so shoulder-surfing or a screen share leaks
#   the way to reset the password. Health Check lists it as a low-risk
#   Baseline Standard setting.
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
#   id: SFG-PWD-008
#   severity: low
#   types: [SecuritySettings, ProfilePasswordPolicy]
#   reads: [passwordPolicies, obscure, profile]
#   tags: [security, password, health-check:PasswordPolicies.obscureSecretAnswer]
#   remediation: |
#     Setup → Password Policies: check "Obscure secret answer for password
#     resets". In metadata: `<obscureSecretAnswer>true</obscureSecretAnswer>`
#     under `<passwordPolicies>`, or `<obscure>true</obscure>` in a
#     ProfilePasswordPolicy.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <obscureSecretAnswer>false</obscureSecretAnswer>
#           </passwordPolicies>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <obscureSecretAnswer>true</obscureSecretAnswer>
#           </passwordPolicies>
#       </SecuritySettings>
package sfguard.rules.password.obscure_secret_answer

import rego.v1

import data.sfguard.lib.password
import data.sfguard.lib.settings

band(false) := "critical"

deny contains f if {
	x := password.fact(input, "obscure")
	b := band(x.n)
	f := {
		"msg": sprintf("%s shows the answer to the password-reset question as the user types it (%s): anyone looking at the screen learns what resets the password", [x.who, x.shown]),
		"severity": settings.hc_severity("low", b),
		"element": x.element,
		"value": x.raw,
	}
}
