# METADATA
# title: SAML endpoint over plain http
# description: |
#   A SAML configuration names the identity provider's endpoints: the login
#   URL Salesforce sends users to with the authentication request (and where
#   they type their corporate password), the single logout URL, and the
#   pages users land on after logout or an error. Over http, anyone on the
#   network path can read the request, swap the login page for a look-alike
#   that collects passwords, or redirect the user elsewhere. The login and
#   single logout URLs, and the Salesforce endpoints in the configuration
#   (salesforceLoginUrl, oauthTokenEndpoint), are graded medium; the logout
#   landing page and the custom error page, which carry no SAML message,
#   low. The issuer and entity ID are identifiers, not addresses (ADFS
#   issuers start with http:// by design), and are not checked; relative
#   error URLs, which Salesforce allows, are not reported.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_samlssoconfig.htm
#     description: SamlSsoConfig metadata type (loginUrl, logoutUrl, errorUrl, singleLogoutUrl)
# custom:
#   id: SFG-SAML-006
#   severity: medium
#   types: [SamlSsoConfig]
#   reads: [errorUrl, loginUrl, logoutUrl, name, oauthTokenEndpoint, salesforceLoginUrl, singleLogoutUrl]
#   tags: [security, saml, sso, tls]
#   remediation: |
#     Use the identity provider's https endpoints: Setup → Single Sign-On
#     Settings → the configuration → Edit → Identity Provider Login URL,
#     Logout URL, Single Logout URL and Custom Error URL. In metadata: the
#     listed elements with `https://` URLs.
#   examples:
#     fail: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>FederationId</identityMapping>
#           <issuer>http://adfs.example.com/adfs/services/trust</issuer>
#           <loginUrl>http://adfs.example.com/adfs/ls/</loginUrl>
#           <name>Corporate ADFS</name>
#           <samlVersion>SAML2_0</samlVersion>
#       </SamlSsoConfig>
#     pass: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>FederationId</identityMapping>
#           <issuer>http://adfs.example.com/adfs/services/trust</issuer>
#           <loginUrl>https://adfs.example.com/adfs/ls/</loginUrl>
#           <name>Corporate ADFS</name>
#           <samlVersion>SAML2_0</samlVersion>
#       </SamlSsoConfig>
package sfguard.rules.sso.saml_plain_http_endpoint

import rego.v1

import data.sfguard.lib.saml

# What each endpoint is, and whether it carries SAML messages or logins.
endpoints := {
	"loginUrl": {"what": "identity provider login URL, where users are sent with the authentication request and type their password", "severity": "medium"},
	"singleLogoutUrl": {"what": "single logout URL, where logout requests go", "severity": "medium"},
	"salesforceLoginUrl": {"what": "Salesforce login URL", "severity": "medium"},
	"oauthTokenEndpoint": {"what": "OAuth token endpoint", "severity": "medium"},
	"logoutUrl": {"what": "page users land on after logging out", "severity": "low"},
	"errorUrl": {"what": "custom error page for failed SAML logins", "severity": "low"},
}

deny contains f if {
	input.type == "SamlSsoConfig"
	some el, e in endpoints
	url := input.content[el]
	is_string(url)
	regex.match(`^(?i)\s*http://`, url)
	f := {
		"msg": sprintf("SAML SSO configuration %s has its %s over plain http (%s %s): anyone on the network path can read or replace it", [saml.name(input), e.what, el, trim_space(url)]),
		"severity": e.severity,
		"element": [el],
		"value": url,
	}
}
