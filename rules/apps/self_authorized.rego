# METADATA
# title: Any user may authorize the app themselves
# description: |
#   "Permitted Users: All users may self-authorize" (ConnectedApp
#   `isAdminApproved` false, which is also the default; ECA
#   `permittedUsersPolicyType` AllSelfAuthorized) lets every user in the org
#   approve the app on the OAuth consent screen. Whoever controls the app, or
#   tricks users into approving a look-alike, then collects tokens for as
#   many users as click "Allow". How much that matters depends on the scopes:
#   with RefreshToken plus Api or Full each approval is lasting API access to
#   that user's data (high); Api or Full alone gives short-lived API access
#   (medium); other scopes, such as OpenID for single sign-on, are low. For
#   an external client app the scopes come from its OAuth settings file.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_oauth.htm
#     description: Manage OAuth access policies for a connected app (Permitted Users)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (isAdminApproved)
# custom:
#   id: SFG-APP-010
#   severity: high
#   scope: org
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies, ExtlClntAppOauthSettings]
#   reads: [oauthConfig, permittedUsersPolicyType, commaSeparatedOauthScopes, externalClientApplication]
#   tags: [security, oauth, permitted-users, scopes, connected-app, external-client-app, sbs:SBS-OAUTH-001]
#   remediation: |
#     Setup → App Manager → the app → Manage → Edit Policies → Permitted Users:
#     "Admin approved users are pre-authorized", then grant the app to the
#     profiles or permission sets that need it. In metadata:
#     `<isAdminApproved>true</isAdminApproved>` plus `<profileName>` or
#     `<permissionSetName>` entries (ConnectedApp), or
#     `permittedUsersPolicyType` AdminApprovedPreAuthorized with
#     `commaSeparatedProfile`/`commaSeparatedPermissionSet` (external client
#     app OAuth policies).
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field Sales Mobile</label>
#           <oauthConfig>
#               <isAdminApproved>false</isAdminApproved>
#               <scopes>Api</scopes>
#               <scopes>RefreshToken</scopes>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field Sales Mobile</label>
#           <oauthConfig>
#               <isAdminApproved>true</isAdminApproved>
#               <scopes>Api</scopes>
#               <scopes>RefreshToken</scopes>
#           </oauthConfig>
#           <permissionSetName>Field Sales Mobile Users</permissionSetName>
#       </ConnectedApp>
package sfguard.rules.apps.self_authorized

import rego.v1

import data.sfguard.lib.enums
import data.sfguard.lib.oauth

# Apps anyone may authorize, in both representations.
open_apps contains a if {
	some d in object.get(input.types, "ConnectedApp", [])
	path := ["oauthConfig", "isAdminApproved"]
	d.content.oauthConfig
	object.get(d.content, path, false) == false
	a := {"doc": d, "element": path, "setting": sprintf("isAdminApproved %s", [oauth.shown(d.content, path, false)]), "scopes": oauth.ca_scopes(d.content), "name": oauth.app_name(d)}
}

open_apps contains a if {
	some name, e in input.externalClientApps
	p := e.oauthPolicies
	p != null
	v := p.content.permittedUsersPolicyType
	enums.effective(p.type, "permittedUsersPolicyType", v) == "AllSelfAuthorized"
	a := {"doc": p, "element": ["permittedUsersPolicyType"], "setting": eca_setting(p.type, v), "scopes": eca_scopes(e), "name": sprintf("External client app %s", [name])}
}

eca_setting(_, "AllSelfAuthorized") := "permittedUsersPolicyType AllSelfAuthorized"

eca_setting(t, v) := enums.note(t, "permittedUsersPolicyType", v, "AllSelfAuthorized") if v != "AllSelfAuthorized"

eca_scopes(e) := oauth.eca_scopes(object.get(e.oauthSettings.content, "commaSeparatedOauthScopes", "")) if e.oauthSettings != null

else := set()

api(s) if "Api" in s

api(s) if "Full" in s

grade(s) := {"severity": "high", "effect": "each approval hands over lasting API access to that user's data (refresh tokens)"} if {
	api(s)
	"RefreshToken" in s
} else := {"severity": "medium", "effect": "each approval hands over API access to that user's data"} if {
	api(s)
} else := {"severity": "low", "effect": "each approval shares that user's identity and the granted scopes with the app"}

deny contains f if {
	some a in open_apps
	g := grade(a.scopes)
	f := {
		"msg": sprintf("%s lets every user authorize it themselves (%s) with scopes %s: %s, and a look-alike or compromised app collects tokens from everyone who clicks Allow", [a.name, a.setting, scope_list(a.scopes), g.effect]),
		"document": a.doc.path,
		"element": a.element,
		"severity": g.severity,
		"value": sort(a.scopes),
	}
}

scope_list(s) := concat(", ", sort(s)) if count(s) > 0

else := "(none in the scan)"
