# METADATA
# title: Content sniffing protection turned off
# description: |
#   Content sniffing protection sends `X-Content-Type-Options: nosniff`, so a
#   browser treats a file as the type Salesforce declared. Without it, a file or
#   attachment crafted to look like HTML or JavaScript can be executed in the
#   org's origin when a user opens it. Salesforce enforces it from API 58, but
#   older settings files still carry the switch; Health Check lists it as a
#   medium-risk Baseline Standard setting.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-009
#   severity: medium
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.contentSniffingProtection]
#   remediation: |
#     Setup → Session Settings: check "Enable Content Sniffing protection". In
#     metadata: `<enableContentSniffingProtection>true</enableContentSniffingProtection>`
#     under `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableContentSniffingProtection>false</enableContentSniffingProtection>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableContentSniffingProtection>true</enableContentSniffingProtection>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.content_sniffing_protection

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "enableContentSniffingProtection"], "want": true, "what": "Content sniffing protection"},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "browsers may run an uploaded file as script or HTML even though it was served as another type")
}
