# METADATA
# title: Consumer secret not required for the web server flow
# description: |
#   In the web server (authorization code) flow the client proves who it is by
#   sending the consumer secret with the code. `isConsumerSecretOptional` true
#   drops that proof: the UI label is inverted, "Require Secret for Web Server
#   Flow" unchecked means the element is true. Then an authorization code
#   intercepted from a redirect, a proxy log or a browser history entry can be
#   exchanged for tokens by anyone who knows the consumer key, which is not a
#   secret. Public clients (mobile, single-page) that cannot keep a secret
#   should rely on PKCE instead; for them, check that PKCE is required.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
#     description: OAuth 2.0 web server flow
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppOauthConfig)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings metadata type
# custom:
#   id: SFG-APP-006
#   severity: medium
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings]
#   reads: [externalClientApplication, isConsumerSecretOptional, oauthConfig]
#   tags: [security, oauth, connected-app, external-client-app]
#   remediation: |
#     Setup → App Manager → the app → Edit → API (Enable OAuth Settings): check
#     "Require Secret for Web Server Flow" (for a public client, check "Require
#     Proof Key for Code Exchange (PKCE)" instead). In metadata:
#     `<isConsumerSecretOptional>false</isConsumerSecretOptional>` under
#     `<oauthConfig>`, or at the top of the external client app's global OAuth
#     settings.
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field App</label>
#           <oauthConfig>
#               <callbackUrl>https://field.example.com/callback</callbackUrl>
#               <isConsumerSecretOptional>true</isConsumerSecretOptional>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field App</label>
#           <oauthConfig>
#               <callbackUrl>https://field.example.com/callback</callbackUrl>
#               <isConsumerSecretOptional>false</isConsumerSecretOptional>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.secret_optional_web_server

import rego.v1

import data.sfguard.lib.oauth

# Where the setting lives in each representation, the value that is
# reported, and Salesforce's documented default when the element is absent.
checks := [
	{"type": "ConnectedApp", "element": ["oauthConfig", "isConsumerSecretOptional"], "bad": true, "default": false},
	{"type": "ExtlClntAppGlobalOauthSettings", "element": ["isConsumerSecretOptional"], "bad": true, "default": false},
]

deny contains f if {
	some c in checks
	input.type == c.type
	oauth.oauth_enabled(input)
	v := object.get(input.content, c.element, c.default)
	v == c.bad
	f := {
		"msg": sprintf("%s does not require its consumer secret in the web server flow (%s %s): anyone who obtains an authorization code can redeem it with the public consumer key alone", [oauth.app_name(input), concat("/", c.element), oauth.shown(input.content, c.element, c.default)]),
		"element": c.element,
		"value": v,
	}
}
