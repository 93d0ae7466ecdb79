# METADATA
# title: PKCE not required for the authorization code flow
# description: |
#   Proof Key for Code Exchange (PKCE) binds an authorization code to the
#   client that asked for it. Without it, an authorization code intercepted
#   on its way back (a browser history entry, a proxy log, a code pasted from
#   the address bar into curl, a malicious app registered for the same
#   redirect) can be exchanged for tokens by someone else. Connected apps do
#   not require PKCE unless `isPkceRequired` is true (the documented default
#   is false); external client apps require it by default, so `false` there is
#   a deliberate weakening, often made because an integration guide said so.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
#     description: OAuth 2.0 web server flow for web app integration (PKCE)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppOauthConfig.isPkceRequired)
# custom:
#   id: SFG-APP-002
#   severity: medium
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings]
#   reads: [oauthConfig, isPkceRequired, externalClientApplication]
#   tags: [security, oauth, connected-app, external-client-app, pkce]
#   remediation: |
#     Setup → App Manager → the app → Edit → API (Enable OAuth Settings): check
#     "Require Proof Key for Code Exchange (PKCE) Extension for Supported
#     Authorization Flows" once the client sends `code_challenge`. In metadata:
#     `<isPkceRequired>true</isPkceRequired>` under `<oauthConfig>` (ConnectedApp)
#     or at the top of the ExtlClntAppGlobalOauthSettings file.
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field App</label>
#           <oauthConfig>
#               <callbackUrl>https://field.example.com/callback</callbackUrl>
#               <isAdminApproved>true</isAdminApproved>
#               <isPkceRequired>false</isPkceRequired>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field App</label>
#           <oauthConfig>
#               <callbackUrl>https://field.example.com/callback</callbackUrl>
#               <isAdminApproved>true</isAdminApproved>
#               <isPkceRequired>true</isPkceRequired>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.pkce_not_required

import rego.v1

import data.sfguard.lib.names

deny contains f if {
	input.type == "ConnectedApp"
	cfg := input.content.oauthConfig
	not cfg.isPkceRequired == true
	f := {
		"msg": sprintf("Connected app %s does not require PKCE (%s): an intercepted authorization code can be redeemed by another client", [input.fullName, why(cfg)]),
		"element": ["oauthConfig", "isPkceRequired"],
		"value": object.get(cfg, "isPkceRequired", null),
	}
}

deny contains f if {
	input.type == "ExtlClntAppGlobalOauthSettings"
	input.content.isPkceRequired == false
	app := names.of(input.content, "externalClientApplication", input.fullName)
	f := {
		"msg": sprintf("External client app %s has PKCE turned off (isPkceRequired false; the default for external client apps is true): an intercepted authorization code can be redeemed by another client", [app]),
		"element": ["isPkceRequired"],
		"value": false,
	}
}

why(cfg) := "isPkceRequired false" if cfg.isPkceRequired == false

why(cfg) := "isPkceRequired absent, and the default is false" if not "isPkceRequired" in object.keys(cfg)
