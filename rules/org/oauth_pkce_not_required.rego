# METADATA
# title: PKCE not required org-wide
# description: |
#   The org-wide "Require Proof Key for Code Exchange (PKCE) Extension for
#   Supported Authorization Flows" setting (OauthOidcSettings
#   `isPkceRequired`) makes every authorization code flow in the org, for every
#   connected app and external client app, require PKCE. With it off, each app
#   decides on its own, and connected apps do not require PKCE by default, so
#   an intercepted authorization code can be redeemed by whoever holds it.
#   Integration guides sometimes ask admins to turn this off so an older client
#   works; that trades one app's convenience for the whole org's protection.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_oauthoidcsettings.htm
#     description: OauthOidcSettings metadata type
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
#     description: OAuth 2.0 web server flow (PKCE)
# custom:
#   id: SFG-OAUTH-001
#   severity: medium
#   types: [OauthOidcSettings]
#   reads: [isPkceRequired]
#   tags: [security, oauth, org-settings, pkce]
#   remediation: |
#     Setup → OAuth and OpenID Connect Settings: turn on "Require Proof Key for
#     Code Exchange (PKCE) Extension for Supported Authorization Flows" after
#     checking that your web-server-flow clients send a code_challenge. In
#     metadata: `<isPkceRequired>true</isPkceRequired>` in
#     settings/OauthOidc.settings.
#   examples:
#     fail: |
#       <OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>
#           <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>
#           <isPkceRequired>false</isPkceRequired>
#       </OauthOidcSettings>
#     pass: |
#       <OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>
#           <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>
#           <isPkceRequired>true</isPkceRequired>
#       </OauthOidcSettings>
package sfguard.rules.org.oauth_pkce_not_required

import rego.v1

deny contains f if {
	input.type == "OauthOidcSettings"
	not input.content.isPkceRequired == true
	f := {
		"msg": sprintf("PKCE is not required org-wide (isPkceRequired %s): every app that does not require it itself accepts authorization codes without a code verifier", [shown]),
		"element": ["isPkceRequired"],
		"value": object.get(input.content, "isPkceRequired", null),
	}
}

shown := "false" if input.content.isPkceRequired == false

shown := "absent, default false" if not "isPkceRequired" in object.keys(input.content)
