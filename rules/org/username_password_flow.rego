# METADATA
# title: OAuth username-password flow allowed
# description: |
#   The username-password flow lets a client send a user's password to
#   Salesforce and receive an access token. It skips the login page, so MFA,
#   login flows and consent never happen, and it requires the client to store
#   the password. Salesforce recommends against it and lets orgs block it
#   org-wide ("Allow OAuth Username-Password Flows" off, `blockOAuthUnPwFlow`
#   true). The element defaults to false: an OauthOidc.settings file without it
#   allows the flow.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_oauthoidcsettings.htm
#     description: OauthOidcSettings metadata type
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_username_password_flow.htm
#     description: OAuth 2.0 username-password flow for special scenarios
# custom:
#   id: SFG-OAUTH-002
#   severity: high
#   types: [OauthOidcSettings]
#   reads: [blockOAuthUnPwFlow]
#   tags: [security, oauth, org-settings]
#   remediation: |
#     Setup → OAuth and OpenID Connect Settings: turn off "Allow OAuth
#     Username-Password Flows" after moving integrations to the JWT bearer or
#     client credentials flow. In metadata:
#     `<blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>` in settings/OauthOidc.settings.
#   examples:
#     fail: |
#       <OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <blockOAuthUnPwFlow>false</blockOAuthUnPwFlow>
#           <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>
#           <isPkceRequired>true</isPkceRequired>
#           <oAuthCdCrdtFlowEnable>false</oAuthCdCrdtFlowEnable>
#       </OauthOidcSettings>
#     pass: |
#       <OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>
#           <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>
#           <isPkceRequired>true</isPkceRequired>
#           <oAuthCdCrdtFlowEnable>false</oAuthCdCrdtFlowEnable>
#       </OauthOidcSettings>
package sfguard.rules.org.username_password_flow

import rego.v1

# Salesforce's default when the element is absent is false.
value := object.get(input.content, "blockOAuthUnPwFlow", false)

shown := "absent, default false" if {
	not "blockOAuthUnPwFlow" in object.keys(input.content)
} else := sprintf("%v", [value])

deny contains f if {
	input.type == "OauthOidcSettings"
	is_boolean(value)
	value != true
	f := {
		"msg": sprintf("The OAuth username-password flow is allowed (blockOAuthUnPwFlow %s): any connected app can trade a username and password (plus security token outside trusted IP ranges) for an access token, with no MFA and no user consent", [shown]),
		"element": ["blockOAuthUnPwFlow"],
		"value": value,
	}
}
