# METADATA
# title: Sessions not locked to the domain they started in
# description: |
#   Salesforce serves one org from several domains: the My Domain login and
#   Lightning domains, Visualforce, content and Experience Cloud domains. With
#   "Lock sessions to the domain in which they were first used" off, a session
#   ID obtained on one of them is accepted on the others, so a session stolen
#   through a weaker domain (a Visualforce page with an XSS bug, a community
#   page) is a full session everywhere. Health Check treats it as a high-risk
#   setting of the Baseline Standard.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_sessions.htm
#     description: Modify session security settings
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_securitysettings.htm
#     description: SecuritySettings metadata type (SessionSettings)
# custom:
#   id: SFG-SESS-002
#   severity: high
#   types: [SecuritySettings]
#   reads: [sessionSettings]
#   tags: [security, session, health-check:SessionSettings.lockSessionsToDomain]
#   remediation: |
#     Setup → Session Settings → Session Settings: check "Lock sessions to the
#     domain in which they were first used". In metadata:
#     `<lockSessionsToDomain>true</lockSessionsToDomain>` under `<sessionSettings>`
#     in settings/Security.settings.
#   examples:
#     fail: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <lockSessionsToDomain>false</lockSessionsToDomain>
#           </sessionSettings>
#       </SecuritySettings>
#     pass: |
#       <SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <sessionSettings>
#               <lockSessionsToDomain>true</lockSessionsToDomain>
#           </sessionSettings>
#       </SecuritySettings>
package sfguard.rules.session.lock_sessions_to_domain

import rego.v1

import data.sfguard.lib.settings

# The switches this rule checks, each with the value Health Check expects.
switches := [
	{"element": ["sessionSettings", "lockSessionsToDomain"], "want": true, "what": "\"Lock sessions to the domain in which they were first used\""},
]

deny contains f if {
	input.type == "SecuritySettings"
	some s in switches
	v := settings.weak(input.content, s.element, s.want)
	f := settings.switch_finding(s, v, "a session ID taken from one Salesforce domain (for example a Visualforce or Experience Cloud domain) can be replayed against the others")
}
