# METADATA
# title: Consumer secret not required for the refresh token flow
# description: |
#   "Require Secret for Refresh Token Flow" makes Salesforce ask for the
#   consumer secret whenever a refresh token is exchanged for a new access
#   token. With it off (`isSecretRequiredForRefreshToken` false), the refresh
#   token alone is enough: a token copied from a device, a log or an
#   integration's database works from any client. Identity-governance and
#   marketing connectors' setup guides often ask for this box to be unchecked.
#   The documented default is true, so an absent element is not reported.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppOauthConfig)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings metadata type
# custom:
#   id: SFG-APP-007
#   severity: medium
#   scope: org
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings, ExtlClntAppOauthSettings, ExtlClntAppOauthConfigurablePolicies]
#   reads: [externalClientApplication, isSecretRequiredForRefreshToken, oauthConfig, oauthPolicy, commaSeparatedOauthScopes, refreshTokenPolicyType]
#   tags: [security, oauth, connected-app, external-client-app]
#   remediation: |
#     Setup → App Manager → the app → Edit → API (Enable OAuth Settings): check
#     "Require Secret for Refresh Token Flow". In metadata:
#     `<isSecretRequiredForRefreshToken>true</isSecretRequiredForRefreshToken>`.
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field App</label>
#           <oauthConfig>
#               <callbackUrl>https://field.example.com/callback</callbackUrl>
#               <isSecretRequiredForRefreshToken>false</isSecretRequiredForRefreshToken>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field App</label>
#           <oauthConfig>
#               <callbackUrl>https://field.example.com/callback</callbackUrl>
#               <isSecretRequiredForRefreshToken>true</isSecretRequiredForRefreshToken>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.secret_optional_refresh

import rego.v1

import data.sfguard.lib.oauth

# Only apps that can obtain refresh tokens are reported (the RefreshToken
# scope and a policy other than zero): without one, the refresh token flow
# this setting guards is never used.
deny contains f if {
	some d in object.get(input.types, "ConnectedApp", [])
	d.content.oauthConfig
	scope := oauth.ca_refresh_tokens(d.content)
	f := finding(d, oauth.app_name(d), ["oauthConfig", "isSecretRequiredForRefreshToken"], scope)
}

deny contains f if {
	some name, e in input.externalClientApps
	d := e.globalOauth
	d != null
	scope := oauth.eca_refresh_tokens(e)
	f := finding(d, sprintf("External client app %s", [name]), ["isSecretRequiredForRefreshToken"], scope)
}

# Salesforce's documented default is true (secret required) in both forms.
finding(d, name, element, scope) := {
	"msg": sprintf("%s does not require its consumer secret to refresh tokens (%s %s), and %s: a stolen refresh token can be redeemed without the app's secret, by anyone who has the token", [name, concat("/", element), oauth.shown(d.content, element, true), oauth.refresh_clause(scope)]),
	"document": d.path,
	"element": element,
	"value": false,
} if {
	object.get(d.content, element, true) == false
}
