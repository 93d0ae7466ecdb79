# METADATA
# title: Refresh token rotation off
# description: |
#   With refresh token rotation, every use of a refresh token returns a new
#   one and invalidates the old. A copied refresh token then stops working
#   the next time the real client refreshes, or its use by an attacker breaks
#   the real client and gets noticed. Without rotation, the original token
#   and a stolen copy work side by side for the token's whole lifetime. It is
#   reported at info severity for apps that receive refresh tokens (the
#   RefreshToken scope, and a policy other than "immediately expire"):
#   rotation is a defence in depth whose cost is client support.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_refresh_token_flow.htm
#     description: OAuth 2.0 refresh token flow (refresh token rotation)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (isRefreshTokenRotationEnabled)
# custom:
#   id: SFG-APP-008
#   severity: info
#   scope: org
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings, ExtlClntAppOauthSettings, ExtlClntAppOauthConfigurablePolicies]
#   reads: [oauthConfig, oauthPolicy, isRefreshTokenRotationEnabled, externalClientApplication, commaSeparatedOauthScopes, refreshTokenPolicyType]
#   tags: [security, oauth, refresh-token, connected-app, external-client-app]
#   remediation: |
#     Setup → App Manager → the app → Edit → API (Enable OAuth Settings):
#     check "Enable Refresh Token Rotation" once the client stores the new
#     refresh token returned by each refresh. In metadata:
#     `<isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>`.
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Marketing Sync</label>
#           <oauthConfig>
#               <isRefreshTokenRotationEnabled>false</isRefreshTokenRotationEnabled>
#               <scopes>Api</scopes>
#               <scopes>RefreshToken</scopes>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Marketing Sync</label>
#           <oauthConfig>
#               <isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>
#               <scopes>Api</scopes>
#               <scopes>RefreshToken</scopes>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.refresh_token_rotation

import rego.v1

import data.sfguard.lib.oauth

msg(name, content, path, scope) := sprintf("%s does not rotate refresh tokens (%s %s), and %s: a copied refresh token keeps working alongside the real client's", [name, concat("/", path), oauth.shown(content, path, false), oauth.refresh_clause(scope)])

deny contains f if {
	some d in object.get(input.types, "ConnectedApp", [])
	scope := oauth.ca_refresh_tokens(d.content)
	path := ["oauthConfig", "isRefreshTokenRotationEnabled"]
	object.get(d.content, path, false) == false
	f := {"msg": msg(oauth.app_name(d), d.content, path, scope), "document": d.path, "element": path, "value": false}
}

# An ECA's rotation switch is in its global OAuth settings, its scopes in its
# OAuth settings and its refresh token policy in its OAuth policies.
deny contains f if {
	some name, e in input.externalClientApps
	d := e.globalOauth
	d != null
	d.content.isRefreshTokenRotationEnabled == false
	scope := oauth.eca_refresh_tokens(e)
	path := ["isRefreshTokenRotationEnabled"]
	f := {"msg": msg(sprintf("External client app %s", [name]), d.content, path, scope), "document": d.path, "element": path, "value": false}
}
