# METADATA
# title: Sessions not locked to the IP address they started from
# description: |
#   With "Lock sessions to the IP address from which they originated" on,
#   Salesforce rejects a session ID presented from an address other than the
#   one it was issued to, which turns a stolen session cookie or access token
#   into something that only works from the victim's network. It can disturb
#   users whose address changes mid-session (mobile networks, some proxies),
#   which is why Health Check lists it as informational; it is reported at
#   info severity for the same reason.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_securitysettings.htm
#     description: SecuritySettings metadata type (SessionSettings)
# custom:
#   id: SFG-SESS-003
#   severity: info
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.lockSessionsToIp]
#   remediation: |
#     Setup → Session Settings: check "Lock sessions to the IP address from which
#     they originated" once you have confirmed your users' egress addresses are
#     stable. In metadata: `<lockSessionsToIp>true</lockSessionsToIp>` under
#     `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <lockSessionsToIp>false</lockSessionsToIp>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <lockSessionsToIp>true</lockSessionsToIp>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.lock_sessions_to_ip

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "lockSessionsToIp"], "want": true, "what": "\"Lock sessions to the IP address from which they originated\""},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "a stolen session ID keeps working from the attacker's network")
}
