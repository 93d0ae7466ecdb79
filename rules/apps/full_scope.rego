# METADATA
# title: App requests the Full OAuth scope
# description: |
#   The `full` scope ("Full access") gives a token everything the user can do
#   through every API, including the Metadata and Tooling APIs and Setup
#   pages, not just data access. A connector that needs to read and write
#   records needs `api` (plus `refresh_token` if it works offline); asking
#   for `full` means any token it leaks is as powerful as the user's own
#   login. Reported for connected app `scopes` and for the external client
#   app's comma-separated `commaSeparatedOauthScopes`.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm
#     description: OAuth tokens and scopes
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (scopes)
# custom:
#   id: SFG-APP-009
#   severity: medium
#   types: [ConnectedApp, ExtlClntAppOauthSettings]
#   reads: [oauthConfig, commaSeparatedOauthScopes, externalClientApplication]
#   tags: [security, oauth, scopes, least-privilege, connected-app, external-client-app]
#   remediation: |
#     Setup → App Manager → the app → Edit → Selected OAuth Scopes: replace
#     "Full access (full)" with "Manage user data via APIs (api)" and only the
#     other scopes the client really uses. In metadata: remove
#     `<scopes>Full</scopes>` (ConnectedApp) or `Full` from
#     `commaSeparatedOauthScopes` (ExtlClntAppOauthSettings).
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Mail Marketing Connector</label>
#           <oauthConfig>
#               <scopes>Api</scopes>
#               <scopes>Full</scopes>
#               <scopes>RefreshToken</scopes>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Mail Marketing Connector</label>
#           <oauthConfig>
#               <scopes>Api</scopes>
#               <scopes>RefreshToken</scopes>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.full_scope

import rego.v1

import data.sfguard.lib.oauth

consequence := "its tokens can do everything the user can, including Setup and the Metadata API, where api would do for data access"

deny contains f if {
	input.type == "ConnectedApp"
	some i, s in object.get(input.content, ["oauthConfig", "scopes"], [])
	s == "Full"
	f := {
		"msg": sprintf("%s requests the Full scope (oauthConfig/scopes Full): %s", [oauth.app_name(input), consequence]),
		"element": ["oauthConfig", "scopes", i],
		"value": "Full",
	}
}

deny contains f if {
	input.type == "ExtlClntAppOauthSettings"
	scopes := input.content.commaSeparatedOauthScopes
	"Full" in oauth.eca_scopes(scopes)
	f := {
		"msg": sprintf("%s requests the Full scope (commaSeparatedOauthScopes %s): %s", [oauth.app_name(input), scopes, consequence]),
		"element": ["commaSeparatedOauthScopes"],
		"value": "Full",
	}
}
