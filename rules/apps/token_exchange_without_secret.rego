# METADATA
# title: Token exchange enabled without requiring the secret
# description: |
#   The token exchange flow trades a token from another identity provider
#   for a Salesforce access token, for the user the external token names.
#   "Require secret for Token Exchange Flow" makes the client prove it is the
#   app. Without it, anyone who holds a valid external token and knows the
#   public consumer key can exchange it for a Salesforce session, so a token
#   leaked from the external system opens Salesforce too.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings metadata type (isTokenExchangeEnabled, isSecretRequiredForTokenExchange)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (isTokenExchangeEnabled, isSecretRequiredForTokenExchange)
# custom:
#   id: SFG-APP-013
#   severity: medium
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings]
#   reads: [oauthConfig, isTokenExchangeEnabled, isSecretRequiredForTokenExchange, externalClientApplication]
#   tags: [security, oauth, token-exchange, connected-app, external-client-app]
#   remediation: |
#     Setup → App Manager → the app → Edit → API (Enable OAuth Settings): check
#     "Require secret for Token Exchange Flow", or turn the flow off if it is
#     not used. In metadata:
#     `<isSecretRequiredForTokenExchange>true</isSecretRequiredForTokenExchange>`.
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Portal</label>
#           <oauthConfig>
#               <isSecretRequiredForTokenExchange>false</isSecretRequiredForTokenExchange>
#               <isTokenExchangeEnabled>true</isTokenExchangeEnabled>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Portal</label>
#           <oauthConfig>
#               <isSecretRequiredForTokenExchange>true</isSecretRequiredForTokenExchange>
#               <isTokenExchangeEnabled>true</isTokenExchangeEnabled>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.token_exchange_without_secret

import rego.v1

import data.sfguard.lib.oauth

# The switches sit in oauthConfig on a connected app and at the top of an
# external client app's global OAuth settings.
base := ["oauthConfig"] if input.type == "ConnectedApp"

base := [] if input.type == "ExtlClntAppGlobalOauthSettings"

deny contains f if {
	object.get(input.content, array.concat(base, ["isTokenExchangeEnabled"]), false) == true
	path := array.concat(base, ["isSecretRequiredForTokenExchange"])
	object.get(input.content, path, false) != true
	f := {
		"msg": sprintf("%s enables the token exchange flow without requiring its consumer secret (%s %s): a leaked token from the external identity provider plus the public consumer key yields a Salesforce access token", [oauth.app_name(input), concat("/", path), oauth.shown(input.content, path, false)]),
		"element": path,
		"value": object.get(input.content, path, null),
	}
}
