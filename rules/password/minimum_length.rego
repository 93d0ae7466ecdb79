# METADATA
# title: Minimum password length below the baseline
# description: |
#   Short passwords are the ones that guessing and credential-stuffing attacks
#   find first. Health Check's Baseline Standard expects at least 8 characters
#   and fails fewer than 6 (Salesforce accepts 5 to 50). A profile override can
#   lower the length for one profile, usually an integration or community
#   profile, and is graded the same way.
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
#   id: SFG-PWD-002
#   severity: medium
#   types: [SecuritySettings, ProfilePasswordPolicy]
#   reads: [passwordPolicies, minimumPasswordLength, profile]
#   params:
#     password_min_length: 8
#     password_min_length_warning: 6
#   tags: [security, password, health-check:PasswordPolicies.minPasswordLength]
#   remediation: |
#     Setup → Password Policies → Minimum password length: 8 or more (12+ is
#     better). In metadata: `<minimumPasswordLength>12</minimumPasswordLength>`
#     under `<passwordPolicies>`, or in the profile's ProfilePasswordPolicy.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <minimumPasswordLength>6</minimumPasswordLength>
#           </passwordPolicies>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <minimumPasswordLength>12</minimumPasswordLength>
#           </passwordPolicies>
#       </SecuritySettings>
package sfguard.rules.password.minimum_length

import rego.v1

import data.sfguard.lib.password
import data.sfguard.lib.settings

default compliant := 8

compliant := data.sfguard.params.password_min_length

default warning := 6

warning := data.sfguard.params.password_min_length_warning

band(n) := "critical" if n < warning

band(n) := "warning" if {
	n >= warning
	n < compliant
}

deny contains f if {
	x := password.fact(input, "minLength")
	b := band(x.n)
	f := {
		"msg": sprintf("%s accepts passwords of %d characters (%s): short passwords fall quickly to guessing and credential stuffing; the baseline is at least %d", [x.who, x.n, x.shown, compliant]),
		"severity": settings.hc_severity("medium", b),
		"element": x.element,
		"value": x.raw,
	}
}
