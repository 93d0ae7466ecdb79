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
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings]
#   reads: [oauthConfig, oauthPolicy, isRefreshTokenRotationEnabled, externalClientApplication]
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

msg(path, dflt) := sprintf("%s does not rotate refresh tokens (%s %s): a copied refresh token keeps working alongside the real client's", [oauth.app_name(input), concat("/", path), oauth.shown(input.content, path, dflt)])

deny contains f if {
	input.type == "ConnectedApp"
	"RefreshToken" in oauth.ca_scopes(input.content)
	object.get(input.content, ["oauthPolicy", "refreshTokenPolicy"], "infinite") != "zero"
	path := ["oauthConfig", "isRefreshTokenRotationEnabled"]
	object.get(input.content, path, false) == false
	f := {"msg": msg(path, false), "element": path, "value": false}
}

# The global OAuth settings do not carry the scopes; an ECA whose settings
# file is in the scan and says false is reported.
deny contains f if {
	input.type == "ExtlClntAppGlobalOauthSettings"
	input.content.isRefreshTokenRotationEnabled == false
	f := {"msg": msg(["isRefreshTokenRotationEnabled"], false), "element": ["isRefreshTokenRotationEnabled"], "value": false}
}
