# METADATA
# title: Authorization code and credentials flow allowed org-wide
# description: |
#   The authorization code and credentials flow lets an app (typically a
#   headless Experience Cloud front end) collect a user's username and password
#   in its own pages and exchange them for an authorization code. Users get
#   used to typing Salesforce credentials into pages that are not Salesforce's,
#   and the app sees every password. Unless an org runs such headless
#   identity, the org-wide switch should stay off.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_oauthoidcsettings.htm
#     description: OauthOidcSettings metadata type
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_authorization_code_credentials_flow.htm
#     description: OAuth 2.0 authorization code and credentials flow
# custom:
#   id: SFG-OAUTH-004
#   severity: low
#   types: [OauthOidcSettings]
#   reads: [oAuthCdCrdtFlowEnable]
#   tags: [security, oauth, org-settings]
#   remediation: |
#     Setup → OAuth and OpenID Connect Settings: turn off "Allow Authorization
#     Code and Credentials Flows" unless a headless identity implementation needs
#     it. In metadata: `<oAuthCdCrdtFlowEnable>false</oAuthCdCrdtFlowEnable>`.
#   examples:
#     fail: |
#       <OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>
#           <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>
#           <isPkceRequired>true</isPkceRequired>
#           <oAuthCdCrdtFlowEnable>true</oAuthCdCrdtFlowEnable>
#       </OauthOidcSettings>
#     pass: |
#       <OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <blockOAuthUnPwFlow>true</blockOAuthUnPwFlow>
#           <blockOAuthUsrAgtFlow>true</blockOAuthUsrAgtFlow>
#           <isPkceRequired>true</isPkceRequired>
#           <oAuthCdCrdtFlowEnable>false</oAuthCdCrdtFlowEnable>
#       </OauthOidcSettings>
package sfguard.rules.org.code_credential_flow

import rego.v1

# Salesforce's default when the element is absent is false.
value := object.get(input.content, "oAuthCdCrdtFlowEnable", false)

shown := "absent, default false" if {
	not "oAuthCdCrdtFlowEnable" in object.keys(input.content)
} else := sprintf("%v", [value])

deny contains f if {
	input.type == "OauthOidcSettings"
	is_boolean(value)
	value != false
	f := {
		"msg": sprintf("The OAuth authorization code and credentials flow is allowed (oAuthCdCrdtFlowEnable %s): apps that enable it can collect users' Salesforce credentials in their own login pages instead of sending them to Salesforce's", [shown]),
		"element": ["oAuthCdCrdtFlowEnable"],
		"value": value,
	}
}
