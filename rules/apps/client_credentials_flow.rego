# METADATA
# title: Client credentials flow enabled
# description: |
#   The client credentials flow issues an access token for the consumer key
#   and secret alone, with no user present: the token acts as the app's
#   "Run As" user. The consumer secret then is a password for that user,
#   usually stored in the integration's configuration, and there is no MFA,
#   no login IP range check on the user and no consent in the way. The flow
#   is right for server-to-server jobs, but each app that enables it should be
#   known, with a dedicated API-only run-as user whose permissions are
#   minimal. The finding names the run-as user so that its profile can be
#   reviewed.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_client_credentials_setup.htm
#     description: Configure a connected app for the OAuth 2.0 client credentials flow
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (isClientCredentialEnabled, oauthClientCredentialUser)
# custom:
#   id: SFG-APP-011
#   severity: medium
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies, ExtlClntAppGlobalOauthSettings]
#   reads: [oauthConfig, isClientCredentialsFlowEnabled, clientCredentialsFlowUser, externalClientApplication]
#   tags: [security, oauth, client-credentials, connected-app, external-client-app, integration-user]
#   remediation: |
#     If the integration needs no user context, keep the flow but give the
#     run-as user a dedicated API-only profile with only the permissions the
#     job needs, rotate the consumer secret regularly and store it in a
#     secret manager. Otherwise turn it off: Setup → App Manager → the app →
#     Edit → uncheck "Enable Client Credentials Flow"
#     (`<isClientCredentialEnabled>false</isClientCredentialEnabled>`), or
#     `isClientCredentialsFlowEnabled` false for an external client app.
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>ERP Order Sync</label>
#           <oauthConfig>
#               <isClientCredentialEnabled>true</isClientCredentialEnabled>
#               <oauthClientCredentialUser>erp.integration@example.com</oauthClientCredentialUser>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>ERP Order Sync</label>
#           <oauthConfig>
#               <isClientCredentialEnabled>false</isClientCredentialEnabled>
#               <scopes>Api</scopes>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.client_credentials_flow

import rego.v1

import data.sfguard.lib.oauth

run_as(user) := sprintf("as %s", [user]) if {
	is_string(user)
	user != ""
} else := "as a run-as user that this file does not name"

finding(element, user) := {
	"msg": sprintf("%s enables the client credentials flow (%s true): its consumer key and secret alone yield an API token %s, with no user login, MFA or consent", [oauth.app_name(input), concat("/", element), run_as(user)]),
	"element": element,
	"value": true,
}

deny contains f if {
	input.type == "ConnectedApp"
	input.content.oauthConfig.isClientCredentialEnabled == true
	f := finding(["oauthConfig", "isClientCredentialEnabled"], object.get(input.content, ["oauthConfig", "oauthClientCredentialUser"], ""))
}

deny contains f if {
	input.type == "ExtlClntAppOauthConfigurablePolicies"
	input.content.isClientCredentialsFlowEnabled == true
	f := finding(["isClientCredentialsFlowEnabled"], object.get(input.content, "clientCredentialsFlowUser", ""))
}

deny contains f if {
	input.type == "ExtlClntAppGlobalOauthSettings"
	input.content.isClientCredentialsFlowEnabled == true
	f := finding(["isClientCredentialsFlowEnabled"], "")
}
