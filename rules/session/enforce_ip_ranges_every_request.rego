# METADATA
# title: Login IP ranges checked only at login
# description: |
#   Profile login IP ranges are enforced when a user logs in. Unless "Enforce
#   login IP ranges on every request" is on, a session that began inside the
#   ranges can be used from anywhere afterwards: a session cookie or access
#   token copied off a laptop works from the attacker's network. With the
#   setting on, every request is checked against the user's profile ranges,
#   and connected apps with relaxed IP restrictions lose access to some
#   resources. Health Check lists it as a medium-risk Baseline Standard setting.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://help.salesforce.com/s/articleView?id=sf.login_ip_ranges.htm
#     description: Restrict login IP ranges in profiles
# custom:
#   id: SFG-SESS-005
#   severity: medium
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.enforceLoginIp]
#   remediation: |
#     Setup → Session Settings: check "Enforce login IP ranges on every request".
#     In metadata: `<enforceIpRangesEveryRequest>true</enforceIpRangesEveryRequest>`
#     under `<sessionSettings>`.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enforceIpRangesEveryRequest>false</enforceIpRangesEveryRequest>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <enforceIpRangesEveryRequest>true</enforceIpRangesEveryRequest>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.enforce_ip_ranges_every_request

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "enforceIpRangesEveryRequest"], "want": true, "what": "\"Enforce login IP ranges on every request\""},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "profile login IP ranges are checked when a session starts, and a session or OAuth token used later from any other address keeps working")
}
