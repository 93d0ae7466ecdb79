# METADATA
# title: Session cookies readable by scripts (HttpOnly off)
# description: |
#   The HttpOnly attribute stops JavaScript from reading the session cookie. Any
#   cross-site scripting bug in a Visualforce page, a Lightning component or a
#   managed package then cannot steal the session outright. With "Require
#   HttpOnly attribute" off, one such bug is enough to lift a full session ID.
#   Health Check treats it as a high-risk Baseline Standard setting.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-SESS-008
#   severity: high
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.requireHttpOnly]
#   remediation: |
#     Setup → Session Settings: check "Require HttpOnly attribute". Custom code
#     that read the session ID from the cookie should use the API session from
#     Apex instead. In metadata: `<requireHttpOnly>true</requireHttpOnly>` under
#     `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <requireHttpOnly>false</requireHttpOnly>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <requireHttpOnly>true</requireHttpOnly>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.require_http_only

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "requireHttpOnly"], "want": true, "what": "\"Require HttpOnly attribute\""},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "JavaScript on a page, including injected script, can read the session ID cookie and send it elsewhere")
}
