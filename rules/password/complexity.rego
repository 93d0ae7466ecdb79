# METADATA
# title: Weak password complexity requirement
# description: |
#   The complexity requirement decides which characters a password must mix.
#   "No restriction" allows dictionary words; "Must mix alpha and numeric" (the
#   Salesforce default) still allows `password1`. Health Check's Baseline
#   Standard expects at least special characters or upper case, lower case and
#   numbers, warns at alphanumeric and fails no restriction. ProfilePasswordPolicy
#   writes the same choice as a number (0 any, 1 alphanumeric, 2 with special
#   characters, 3 mixed case and numbers, 4 all of them) and is graded alike.
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
#   id: SFG-PWD-003
#   severity: medium
#   types: [SecuritySettings, ProfilePasswordPolicy]
#   reads: [passwordPolicies, passwordComplexity, profile]
#   tags: [security, password, health-check:PasswordPolicies.complexity]
#   remediation: |
#     Setup → Password Policies → Password complexity requirement: "Must include
#     numbers, uppercase and lowercase letters, and special characters". In
#     metadata: `<complexity>UpperLowerCaseNumericSpecialCharacters</complexity>`
#     under `<passwordPolicies>`, or `<passwordComplexity>4</passwordComplexity>`
#     in a ProfilePasswordPolicy.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <complexity>NoRestriction</complexity>
#           </passwordPolicies>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <complexity>UpperLowerCaseNumericSpecialCharacters</complexity>
#           </passwordPolicies>
#       </SecuritySettings>
package sfguard.rules.password.complexity

import rego.v1

import data.sfguard.lib.password
import data.sfguard.lib.settings

band(0) := "critical"

band(1) := "warning"

requirement(0) := "any characters"

requirement(1) := "only letters and numbers"

deny contains f if {
	x := password.fact(input, "complexity")
	b := band(x.n)
	f := {
		"msg": sprintf("%s requires %s (%s): such passwords are far easier to guess; the baseline requires a special character or mixed case", [x.who, requirement(x.n), x.shown]),
		"severity": settings.hc_severity("medium", b),
		"element": x.element,
		"value": x.raw,
	}
}
