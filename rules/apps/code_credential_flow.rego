# METADATA
# title: Authorization code and credentials flow enabled for the app
# description: |
#   The authorization code and credentials flow lets an app's own login page
#   collect a user's Salesforce username and password and exchange them for an
#   authorization code. It exists for headless identity (Experience Cloud
#   front ends); for any other app it means passwords pass through the app and
#   users learn to type Salesforce credentials into non-Salesforce pages.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_authorization_code_credentials_flow.htm
#     description: Authorization code and credentials flow
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppOauthConfig)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings metadata type
# custom:
#   id: SFG-APP-012
#   severity: low
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings]
#   reads: [externalClientApplication, isCodeCredFlowEnabled, oauthConfig]
#   tags: [security, oauth, connected-app, external-client-app]
#   remediation: |
#     Setup → App Manager → the app → Edit → API (Enable OAuth Settings): uncheck
#     "Enable Authorization Code and Credentials Flow" unless the app is a
#     headless login front end. In metadata:
#     `<isCodeCredentialEnabled>false</isCodeCredentialEnabled>` (ConnectedApp)
#     or `<isCodeCredFlowEnabled>false</isCodeCredFlowEnabled>` (external client
#     app global OAuth settings).
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field App</label>
#           <oauthConfig>
#               <callbackUrl>https://field.example.com/callback</callbackUrl>
#               <isCodeCredentialEnabled>true</isCodeCredentialEnabled>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field App</label>
#           <oauthConfig>
#               <callbackUrl>https://field.example.com/callback</callbackUrl>
#               <isCodeCredentialEnabled>false</isCodeCredentialEnabled>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.code_credential_flow

import rego.v1

import data.sfguard.lib.oauth

# Where the setting lives in each representation, the value that is
# reported, and Salesforce's documented default when the element is absent.
checks := [
	{"type": "ConnectedApp", "element": ["oauthConfig", "isCodeCredentialEnabled"], "bad": true, "default": false},
	{"type": "ExtlClntAppGlobalOauthSettings", "element": ["isCodeCredFlowEnabled"], "bad": true, "default": false},
]

deny contains f if {
	some c in checks
	input.type == c.type
	oauth.oauth_enabled(input)
	v := object.get(input.content, c.element, c.default)
	v == c.bad
	f := {
		"msg": sprintf("%s enables the authorization code and credentials flow (%s %s): the app collects users' usernames and passwords in its own pages and trades them for codes, so it sees every password", [oauth.app_name(input), concat("/", c.element), oauth.shown(input.content, c.element, c.default)]),
		"element": c.element,
		"value": v,
	}
}
