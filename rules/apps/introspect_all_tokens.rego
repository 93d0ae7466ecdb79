# METADATA
# title: App may introspect all tokens
# description: |
#   Token introspection tells a client whether a token is active and whom it
#   belongs to. Normally an app can introspect only its own tokens; "Introspect
#   All Tokens" lets it introspect tokens issued to every connected app in the
#   org. That is meant for a central resource server; on an ordinary
#   integration it turns the app's credentials into an oracle for tokens
#   stolen from other apps.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings metadata type (isIntrospectAllTokens)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppOauthConfig)
# custom:
#   id: SFG-APP-014
#   severity: medium
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings]
#   reads: [externalClientApplication, isIntrospectAllTokens, oauthConfig]
#   tags: [security, oauth, connected-app, external-client-app]
#   remediation: |
#     Setup → App Manager → the app → Edit → API (Enable OAuth Settings): uncheck
#     "Introspect All Tokens" unless the app is your resource server. In
#     metadata: `<isIntrospectAllTokens>false</isIntrospectAllTokens>`.
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field App</label>
#           <oauthConfig>
#               <callbackUrl>https://field.example.com/callback</callbackUrl>
#               <isIntrospectAllTokens>true</isIntrospectAllTokens>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field App</label>
#           <oauthConfig>
#               <callbackUrl>https://field.example.com/callback</callbackUrl>
#               <isIntrospectAllTokens>false</isIntrospectAllTokens>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.introspect_all_tokens

import rego.v1

import data.sfguard.lib.oauth

# Where the setting lives in each representation, the value that is
# reported, and Salesforce's documented default when the element is absent.
checks := [
	{"type": "ConnectedApp", "element": ["oauthConfig", "isIntrospectAllTokens"], "bad": true, "default": false},
	{"type": "ExtlClntAppGlobalOauthSettings", "element": ["isIntrospectAllTokens"], "bad": true, "default": false},
]

deny contains f if {
	some c in checks
	input.type == c.type
	oauth.oauth_enabled(input)
	v := object.get(input.content, c.element, c.default)
	v == c.bad
	f := {
		"msg": sprintf("%s may introspect every OAuth token in the org (%s %s): whoever holds its credentials can check any token issued to any app, which helps an attacker test stolen tokens", [oauth.app_name(input), concat("/", c.element), oauth.shown(input.content, c.element, c.default)]),
		"element": c.element,
		"value": v,
	}
}
