# METADATA
# title: Passwords can be set through the API
# description: |
#   The legacy `enableSetPasswordInApi` password policy lets integrations set a
#   user's password directly through the API. A password that an integration
#   knows is a password stored somewhere outside Salesforce, and an API session
#   with the right permissions (for example a leaked integration token) can
#   give itself a login as another user. Salesforce removed the switch in API
#   52, so it only appears in older settings files, where it still documents an
#   org that relied on it.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_securitysettings.htm
#     description: SecuritySettings metadata type (PasswordPolicies)
# custom:
#   id: SFG-SESS-017
#   severity: low
#   types: [SecuritySettings]
#   reads: [passwordPolicies]
#   tags: [security, session, password, api]
#   remediation: |
#     Stop setting passwords from integrations: use password resets, SSO or OAuth
#     instead, then remove `<enableSetPasswordInApi>true</enableSetPasswordInApi>`
#     from `<passwordPolicies>` in settings/Security.settings (or set it `false`
#     on orgs that still accept it).
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <enableSetPasswordInApi>true</enableSetPasswordInApi>
#           </passwordPolicies>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <passwordPolicies>
#               <enableSetPasswordInApi>false</enableSetPasswordInApi>
#           </passwordPolicies>
#       </SecuritySettings>
package sfguard.rules.session.set_password_in_api

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["passwordPolicies", "enableSetPasswordInApi"], "want": false, "what": "Setting passwords through the API"},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "an API session with password-reset rights can set a known password for another user instead of sending a reset")
}
