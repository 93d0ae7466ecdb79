# METADATA
# title: SAML identity provider certificate missing, unreadable or weak
# description: |
#   Salesforce accepts a SAML assertion only if it is signed by the key in
#   the identity provider certificate of the configuration (validationCert,
#   "Identity Provider Certificate"); there is no switch to accept unsigned
#   assertions, so this certificate is the whole trust. A configuration
#   without one, or with text that is not an X.509 certificate, cannot be
#   judged and is reported as high. A DSA key or an RSA key shorter than
#   2048 bits is within reach of a well-funded attacker, who could then sign
#   assertions for any user: medium. The certificate is pinned, so its own
#   signature algorithm and issuer do not matter, and its expiry date is not
#   judged because it depends on the day of the scan.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_samlssoconfig.htm
#     description: SamlSsoConfig metadata type (validationCert)
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.sso_saml.htm
#     description: Configure SSO with Salesforce as a SAML service provider
# custom:
#   id: SFG-SAML-003
#   severity: high
#   types: [SamlSsoConfig]
#   reads: [name, validationCert]
#   tags: [security, saml, sso, crypto]
#   remediation: |
#     Have the identity provider sign with an RSA key of at least 2048 bits
#     and upload its certificate: Setup → Single Sign-On Settings → the
#     configuration → Edit → Identity Provider Certificate. In metadata:
#     `<validationCert>` with the base64 DER certificate.
#   examples:
#     fail: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>FederationId</identityMapping>
#           <issuer>https://idp.example.com/saml</issuer>
#           <name>Corporate IdP</name>
#           <samlVersion>SAML2_0</samlVersion>
#           <validationCert>not-a-certificate</validationCert>
#       </SamlSsoConfig>
#     pass: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>FederationId</identityMapping>
#           <issuer>https://idp.example.com/saml</issuer>
#           <name>Corporate IdP</name>
#           <samlVersion>SAML2_0</samlVersion>
#           <validationCert>MIIC… (an RSA-2048 certificate)</validationCert>
#       </SamlSsoConfig>
package sfguard.rules.sso.saml_idp_certificate

import rego.v1

import data.sfguard.lib.saml

deny contains f if {
	input.type == "SamlSsoConfig"
	p := saml.cert_problem(input.content)
	f := {
		"msg": sprintf("SAML SSO configuration %s %s: an assertion forged with a matching key logs in as any user the configuration maps", [saml.name(input), p.why]),
		"severity": p.severity,
		"element": ["validationCert"],
	}
}
