# METADATA
# title: No minimum one-day password lifetime
# description: |
#   Without a minimum lifetime, a user who must change a password can change it
#   several times in a row until the history forgets the old one, and then set
#   the old password again, defeating both expiration and history. "Require a
#   minimum 1 day password lifetime" stops that. Health Check lists it as a
#   medium-risk Baseline Standard setting.
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
#   id: SFG-PWD-009
#   severity: medium
#   types: [SecuritySettings, ProfilePasswordPolicy]
#   reads: [passwordPolicies, minimumPasswordLifetime, profile]
#   tags: [security, password, health-check:PasswordPolicies.minOneDayPasswordLifetime]
#   remediation: |
#     Setup → Password Policies: check "Require a minimum 1 day password
#     lifetime". In metadata: `<minimumPasswordLifetime>true</minimumPasswordLifetime>`
#     under `<passwordPolicies>` or in a ProfilePasswordPolicy.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <minimumPasswordLifetime>false</minimumPasswordLifetime>
#           </passwordPolicies>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <minimumPasswordLifetime>true</minimumPasswordLifetime>
#           </passwordPolicies>
#       </SecuritySettings>
package sfguard.rules.password.minimum_lifetime

import rego.v1

import data.sfguard.lib.password
import data.sfguard.lib.settings

band(false) := "critical"

deny contains f if {
	x := password.fact(input, "minLifetime")
	b := band(x.n)
	f := {
		"msg": sprintf("%s lets users change their password again at once (%s): cycling through changes empties the password history and brings back an old password", [x.who, x.shown]),
		"severity": settings.hc_severity("medium", b),
		"element": x.element,
		"value": x.raw,
	}
}
