# METADATA
# title: CSRF protection turned off
# description: |
#   Cross-site request forgery protection adds a token to Salesforce pages so
#   that a request only counts when it came from Salesforce itself. With it
#   off, a page on any other site can make a logged-in user's browser send a
#   request that changes data or settings with the user's session. Health Check
#   treats both switches as high-risk Baseline Standard settings.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-007
#   severity: high
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.csrfGet, health-check:SessionSettings.csrfPost]
#   remediation: |
#     Setup → Session Settings: check "Enable CSRF protection on GET requests on
#     non-setup pages" and "Enable CSRF protection on POST requests on non-setup
#     pages". In metadata: `<enableCSRFOnGet>true</enableCSRFOnGet>` and
#     `<enableCSRFOnPost>true</enableCSRFOnPost>` under `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableCSRFOnGet>false</enableCSRFOnGet>
#               <enableCSRFOnPost>false</enableCSRFOnPost>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableCSRFOnGet>true</enableCSRFOnGet>
#               <enableCSRFOnPost>true</enableCSRFOnPost>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.csrf_protection

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "enableCSRFOnGet"], "want": true, "what": "CSRF protection on GET requests to non-Setup pages"},
	{"element": ["sessionSettings", "enableCSRFOnPost"], "want": true, "what": "CSRF protection on POST requests to non-Setup pages"},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "another website can make a logged-in user's browser submit requests to Salesforce that act with that user's session")
}
