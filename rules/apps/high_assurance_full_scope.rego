# METADATA
# title: Full-access app without a high-assurance session requirement
# description: |
#   An app with the Full scope can do everything its users can, including
#   Setup through the API. Its session policy can require a high-assurance
#   session (one established with multi-factor authentication) before the
#   app is used, and block or step up lower-assurance sessions. Without that
#   requirement, a session obtained with a password alone is enough to
#   authorize the app. Reported at info severity: a review point for
#   powerful apps, not a misconfiguration by itself.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_session_policies.htm
#     description: Manage session policies for a connected app (High assurance session required)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppSessionPolicy)
# custom:
#   id: SFG-APP-018
#   severity: info
#   scope: org
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies, ExtlClntAppOauthSettings]
#   reads: [oauthConfig, sessionPolicy, requiredSessionLevel, commaSeparatedOauthScopes, externalClientApplication]
#   tags: [security, session, mfa, scopes, connected-app, external-client-app]
#   remediation: |
#     Setup → App Manager → the app → Manage → Edit Policies → Session Policies:
#     check "High assurance session required" and choose "Raise session level"
#     or "Block". In metadata: `<sessionLevel>HIGH_ASSURANCE</sessionLevel>` with
#     `<policyAction>RaiseSessionLevel</policyAction>` under `<sessionPolicy>`,
#     or `requiredSessionLevel` HIGH_ASSURANCE for an external client app.
#     Better still, replace the Full scope with Api.
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Admin Console</label>
#           <oauthConfig><scopes>Full</scopes></oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Admin Console</label>
#           <oauthConfig><scopes>Full</scopes></oauthConfig>
#           <sessionPolicy>
#               <policyAction>RaiseSessionLevel</policyAction>
#               <sessionLevel>HIGH_ASSURANCE</sessionLevel>
#           </sessionPolicy>
#       </ConnectedApp>
package sfguard.rules.apps.high_assurance_full_scope

import rego.v1

import data.sfguard.lib.oauth

candidates contains c if {
	some d in object.get(input.types, "ConnectedApp", [])
	"Full" in oauth.ca_scopes(d.content)
	c := {"doc": d, "name": oauth.app_name(d), "element": ["sessionPolicy", "sessionLevel"], "level": object.get(d.content, ["sessionPolicy", "sessionLevel"], "")}
}

candidates contains c if {
	some name, e in input.externalClientApps
	e.oauthSettings != null
	e.oauthPolicies != null
	"Full" in oauth.eca_scopes(object.get(e.oauthSettings.content, "commaSeparatedOauthScopes", ""))
	c := {"doc": e.oauthPolicies, "name": sprintf("External client app %s", [name]), "element": ["requiredSessionLevel"], "level": object.get(e.oauthPolicies.content, "requiredSessionLevel", "")}
}

shown(level) := "absent" if level == ""

else := level

deny contains f if {
	some c in candidates
	c.level != "HIGH_ASSURANCE"
	f := {
		"msg": sprintf("%s has the Full scope but does not require a high-assurance session (%s %s): a session established with a password alone can authorize full access", [c.name, concat("/", c.element), shown(c.level)]),
		"document": c.doc.path,
		"element": c.element,
		"value": c.level,
	}
}
