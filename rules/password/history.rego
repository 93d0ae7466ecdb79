# METADATA
# title: Password history too short
# description: |
#   Password history stops users from reusing recent passwords, so that a
#   forced change after a leak really replaces the exposed password. With no
#   history a user can set the old password again straight away. Health Check's
#   Baseline Standard expects at least 3 remembered passwords and fails 0;
#   profile overrides are graded alike.
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
#   id: SFG-PWD-004
#   severity: medium
#   types: [SecuritySettings, ProfilePasswordPolicy]
#   reads: [passwordPolicies, passwordHistory, profile]
#   params:
#     password_history: 3
#     password_history_warning: 1
#   tags: [security, password, health-check:PasswordPolicies.history]
#   remediation: |
#     Setup → Password Policies → Enforce password history: 3 or more passwords
#     remembered. In metadata: `<historyRestriction>5</historyRestriction>` under
#     `<passwordPolicies>`, or `<passwordHistory>5</passwordHistory>` in a
#     ProfilePasswordPolicy (a profile with history 0 must also have expiration 0,
#     so fix both).
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <historyRestriction>0</historyRestriction>
#           </passwordPolicies>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <historyRestriction>5</historyRestriction>
#           </passwordPolicies>
#       </SecuritySettings>
package sfguard.rules.password.history

import rego.v1

import data.sfguard.lib.password
import data.sfguard.lib.settings

default compliant := 3

compliant := data.sfguard.params.password_history

default warning := 1

warning := data.sfguard.params.password_history_warning

band(n) := "critical" if n < warning

band(n) := "warning" if {
	n >= warning
	n < compliant
}

deny contains f if {
	x := password.fact(input, "history")
	b := band(x.n)
	f := {
		"msg": sprintf("%s remembers %d previous passwords (%s): users can cycle back to a password that was already exposed; the baseline is at least %d", [x.who, x.n, x.shown, compliant]),
		"severity": settings.hc_severity("medium", b),
		"element": x.element,
		"value": x.raw,
	}
}
