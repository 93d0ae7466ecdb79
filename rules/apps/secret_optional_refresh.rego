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
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings]
#   reads: [externalClientApplication, isSecretRequiredForRefreshToken, oauthConfig]
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

# Where the setting lives in each representation, the value that is
# reported, and Salesforce's documented default when the element is absent.
checks := [
	{"type": "ConnectedApp", "element": ["oauthConfig", "isSecretRequiredForRefreshToken"], "bad": false, "default": true},
	{"type": "ExtlClntAppGlobalOauthSettings", "element": ["isSecretRequiredForRefreshToken"], "bad": false, "default": true},
]

deny contains f if {
	some c in checks
	input.type == c.type
	oauth.oauth_enabled(input)
	v := object.get(input.content, c.element, c.default)
	v == c.bad
	f := {
		"msg": sprintf("%s does not require its consumer secret to refresh tokens (%s %s): a stolen refresh token can be redeemed without the app's secret, by anyone who has the token", [oauth.app_name(input), concat("/", c.element), oauth.shown(input.content, c.element, c.default)]),
		"element": c.element,
		"value": v,
	}
}
