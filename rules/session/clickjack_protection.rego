# METADATA
# title: Clickjack protection turned off
# description: |
#   Clickjack protection makes Salesforce send headers that stop other sites
#   from loading its pages in a frame. Without it, a malicious page can frame a
#   Salesforce page invisibly and line up its own buttons over Salesforce's, so
#   a logged-in user's click approves, deletes or shares something they never
#   saw. Health Check has one high-risk Baseline Standard setting for each of
#   the four page families; each one that is off is reported at its element.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings (clickjack protection)
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-006
#   severity: high
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.clickjackSetup, health-check:SessionSettings.clickjackNonSetup, health-check:SessionSettings.clickjackVisualForceHeaders, health-check:SessionSettings.clickjackVisualForceNoHeaders]
#   remediation: |
#     Setup → Session Settings → Clickjack Protection: check all four "Enable
#     clickjack protection" options, adding trusted domains for legitimate
#     framing instead of turning protection off. In metadata, under
#     `<sessionSettings>`: `enableClickjackSetup`, `enableClickjackNonsetupSFDC`,
#     `enableClickjackNonsetupUser` and `enableClickjackNonsetupUserHeaderless`
#     all `true`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableClickjackNonsetupSFDC>false</enableClickjackNonsetupSFDC>
#               <enableClickjackNonsetupUser>false</enableClickjackNonsetupUser>
#               <enableClickjackNonsetupUserHeaderless>false</enableClickjackNonsetupUserHeaderless>
#               <enableClickjackSetup>false</enableClickjackSetup>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enableClickjackNonsetupSFDC>true</enableClickjackNonsetupSFDC>
#               <enableClickjackNonsetupUser>true</enableClickjackNonsetupUser>
#               <enableClickjackNonsetupUserHeaderless>true</enableClickjackNonsetupUserHeaderless>
#               <enableClickjackSetup>true</enableClickjackSetup>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.clickjack_protection

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "enableClickjackSetup"], "want": true, "what": "Clickjack protection for Setup pages"},
	{"element": ["sessionSettings", "enableClickjackNonsetupSFDC"], "want": true, "what": "Clickjack protection for non-Setup Salesforce pages"},
	{"element": ["sessionSettings", "enableClickjackNonsetupUser"], "want": true, "what": "Clickjack protection for customer Visualforce pages with standard headers"},
	{"element": ["sessionSettings", "enableClickjackNonsetupUserHeaderless"], "want": true, "what": "Clickjack protection for customer Visualforce pages with headers disabled"},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "these pages can be framed by any website, which can trick a logged-in user into clicking buttons on them")
}
