# METADATA
# title: Passwords expire late or never
# description: |
#   Password expiration limits how long a password that leaked (phished, reused
#   from another site, pasted into a vendor's setup form) stays useful. Health
#   Check's Baseline Standard accepts 90 days or less, warns at six months and
#   fails one year or "Never expires". Integration guides often ask for "never"
#   on an integration profile through a ProfilePasswordPolicy; that profile's
#   password is then exactly the kind that ends up in build files and third-party
#   tools. Both the org policy and profile overrides are graded the same way.
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
#   id: SFG-PWD-001
#   severity: medium
#   types: [SecuritySettings, ProfilePasswordPolicy]
#   reads: [passwordPolicies, passwordExpiration, profile]
#   params:
#     password_expiration_days: 90
#     password_expiration_warning_days: 180
#   tags: [security, password, health-check:PasswordPolicies.expiration]
#   remediation: |
#     Setup → Password Policies → User passwords expire in: 90 days or less
#     (`<expiration>NinetyDays</expiration>` under `<passwordPolicies>`). For a
#     profile override, Setup → Profiles → the profile → Password Policies, or
#     `<passwordExpiration>90</passwordExpiration>` in its ProfilePasswordPolicy.
#     Integration users should authenticate with OAuth (JWT bearer or client
#     credentials) rather than a password that never expires.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <expiration>Never</expiration>
#           </passwordPolicies>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <expiration>NinetyDays</expiration>
#           </passwordPolicies>
#       </SecuritySettings>
package sfguard.rules.password.expiration

import rego.v1

import data.sfguard.lib.password
import data.sfguard.lib.settings

default compliant := 90

compliant := data.sfguard.params.password_expiration_days

default warning := 180

warning := data.sfguard.params.password_expiration_warning_days

band(0) := "critical"

band(n) := "critical" if n > warning

band(n) := "warning" if {
	n > compliant
	n <= warning
}

lifetime(0) := "never expire"

lifetime(n) := sprintf("stay valid for %d days", [n]) if n > 0

deny contains f if {
	x := password.fact(input, "expiration")
	b := band(x.n)
	f := {
		"msg": sprintf("%s lets passwords %s (%s): a leaked or reused password keeps working until someone notices; the baseline is %d days or less", [x.who, lifetime(x.n), x.shown, compliant]),
		"severity": settings.hc_severity("medium", b),
		"element": x.element,
		"value": x.raw,
	}
}
