# METADATA
# title: Secret answer may contain the password
# description: |
#   The password question restriction stops users from putting their password
#   into the answer of their security question, where it is shown and stored
#   with less care. Health Check's Baseline Standard expects "Cannot contain
#   password" and warns at "None"; as a low-risk warning it is reported at info
#   severity.
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
#   id: SFG-PWD-007
#   severity: low
#   types: [SecuritySettings, ProfilePasswordPolicy]
#   reads: [passwordPolicies, passwordQuestion, profile]
#   tags: [security, password, health-check:PasswordPolicies.questionRestriction]
#   remediation: |
#     Setup → Password Policies → Password question requirement: "Cannot contain
#     password". In metadata: `<questionRestriction>DoesNotContainPassword</questionRestriction>`
#     under `<passwordPolicies>`, or `<passwordQuestion>1</passwordQuestion>` in a
#     ProfilePasswordPolicy.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <questionRestriction>None</questionRestriction>
#           </passwordPolicies>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <questionRestriction>DoesNotContainPassword</questionRestriction>
#           </passwordPolicies>
#       </SecuritySettings>
package sfguard.rules.password.question_restriction

import rego.v1

import data.sfguard.lib.password
import data.sfguard.lib.settings

band(0) := "warning"

deny contains f if {
	x := password.fact(input, "questionRestriction")
	b := band(x.n)
	f := {
		"msg": sprintf("%s lets the password-reset answer contain the password (%s): a user can make the answer give the password away", [x.who, x.shown]),
		"severity": settings.hc_severity("low", b),
		"element": x.element,
		"value": x.raw,
	}
}
