# METADATA
# title: OAuth user-agent (implicit) flow allowed
# description: |
#   The user-agent (implicit) flow returns the access token directly in the
#   browser redirect, in the URL fragment. Tokens there end up in browser
#   history, in extensions and in logs, and no client authentication or PKCE
#   protects them. The authorization code flow with PKCE replaces it. Orgs can
#   block it org-wide ("Allow OAuth User-Agent Flows" off, `blockOAuthUsrAgtFlow`
#   true); an absent element means the flow is allowed.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_oauthoidcsettings.htm
#     description: OauthOidcSettings metadata type
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_user_agent_flow.htm
#     description: OAuth 2.0 user-agent flow
# custom:
#   id: SFG-OAUTH-003
#   severity: medium
#   types: [OauthOidcSettings]
#   reads: [blockOAuthUsrAgtFlow]
#   tags: [security, oauth, org-settings]
#   remediation: |
#     Setup → OAuth and OpenID Connect Settings: turn off "Allow OAuth User-Agent
#     Flows" once single-page and mobile clients use the authorization code flow
#     with PKCE. In metadata: `<blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>`.
#   examples:
#     fail: |
#       <OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>
#           <blockOAuthUsrAgtFlow>false</blockOAuthUsrAgtFlow>
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
package sfguard.rules.org.user_agent_flow

import rego.v1

# Salesforce's default when the element is absent is false.
value := object.get(input.content, "blockOAuthUsrAgtFlow", false)

shown := "absent, default false" if {
	not "blockOAuthUsrAgtFlow" in object.keys(input.content)
} else := sprintf("%v", [value])

deny contains f if {
	input.type == "OauthOidcSettings"
	is_boolean(value)
	value != true
	f := {
		"msg": sprintf("The OAuth user-agent flow is allowed (blockOAuthUsrAgtFlow %s): access tokens are returned in the redirect URL fragment, where browser history, extensions and referrer leaks can pick them up", [shown]),
		"element": ["blockOAuthUsrAgtFlow"],
		"value": value,
	}
}
