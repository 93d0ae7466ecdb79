# METADATA
# title: App session timeout longer than the org's
# description: |
#   A connected app's session policy timeout (`sessionPolicy/sessionTimeout`,
#   minutes) or an external client app's `sessionTimeoutInMinutes` overrides
#   the profile and org session timeout for sessions the app creates. A vendor
#   that asks for a long timeout "so the connector never logs out" makes every
#   token-created session of that app live longer than the org allows
#   anyone else's. The app's value is compared with the org-wide session
#   timeout in Security settings when the scan has them, otherwise with the
#   session_timeout_minutes baseline. An app without its own timeout
#   inherits the org's and is not reported.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_session_policies.htm
#     description: Manage session policies for a connected app
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppSessionPolicy)
# custom:
#   id: SFG-APP-017
#   severity: low
#   scope: org
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies, SecuritySettings]
#   reads: [sessionPolicy, sessionTimeoutInMinutes, externalClientApplication, sessionSettings]
#   params:
#     session_timeout_minutes: 120
#   tags: [security, session, connected-app, external-client-app]
#   remediation: |
#     Setup → App Manager → the app → Manage → Edit Policies → Session Policies
#     → Timeout Value: choose a value no longer than the org's session
#     timeout, or "--None--" to inherit it. In metadata: lower
#     `<sessionTimeout>` under `<sessionPolicy>` (ConnectedApp) or
#     `<sessionTimeoutInMinutes>` (external client app OAuth policies).
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Mail Marketing Connector</label>
#           <sessionPolicy>
#               <sessionTimeout>1440</sessionTimeout>
#           </sessionPolicy>
#       </ConnectedApp>
#       <!-- settings/Security.settings: <sessionTimeout>TwoHours</sessionTimeout> -->
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Mail Marketing Connector</label>
#           <sessionPolicy>
#               <sessionTimeout>30</sessionTimeout>
#           </sessionPolicy>
#       </ConnectedApp>
package sfguard.rules.apps.session_timeout_longer_than_org

import rego.v1

import data.sfguard.lib.oauth
import data.sfguard.lib.settings

default baseline := 120

baseline := data.sfguard.params.session_timeout_minutes

# The org-wide timeout from Security settings in the scan (the shortest, if
# several are scanned together), else the baseline.
org_timeouts := {m | some d in object.get(input.types, "SecuritySettings", []); m := settings.org_timeout(d.content)}

limit := {"minutes": min(org_timeouts), "what": "the org-wide session timeout"} if count(org_timeouts) > 0

else := {"minutes": baseline, "what": "the baseline (no Security settings in the scan)"}

app_timeouts contains a if {
	some d in object.get(input.types, "ConnectedApp", [])
	m := d.content.sessionPolicy.sessionTimeout
	is_number(m)
	a := {"doc": d, "element": ["sessionPolicy", "sessionTimeout"], "m": m}
}

app_timeouts contains a if {
	some d in object.get(input.types, "ExtlClntAppOauthConfigurablePolicies", [])
	m := d.content.sessionTimeoutInMinutes
	is_number(m)
	a := {"doc": d, "element": ["sessionTimeoutInMinutes"], "m": m}
}

deny contains f if {
	some a in app_timeouts
	a.m > limit.minutes
	f := {
		"msg": sprintf("%s keeps its sessions alive for %s (%s %d), longer than %s of %s: sessions created through the app outlive everyone else's", [oauth.app_name(a.doc), settings.human_minutes(a.m), concat("/", a.element), a.m, limit.what, settings.human_minutes(limit.minutes)]),
		"document": a.doc.path,
		"element": a.element,
		"value": a.m,
	}
}
