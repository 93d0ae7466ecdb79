# METADATA
# title: SAML requests signed with SHA-1, or not signed
# description: |
#   Salesforce signs the SAML authentication and logout requests it sends
#   to the identity provider with the certificate in requestSigningCertId and
#   the Request Signature Method (requestSignatureMethod). RSA-SHA1 (written
#   0 by retrieves) signs with SHA-1, whose collisions are practical; so do
#   two fallbacks that stay on in configurations created before Spring '22:
#   useSameDigestAlgoForSigning false keeps the SHA-1 digest whatever the
#   method, and useConfigRequestMethod false signs single logout requests
#   with RSA-SHA1. Without a request signing certificate requests are not
#   signed at all, and the identity provider cannot tell Salesforce's
#   requests from forged ones. A method sfguard does not recognise is read
#   as RSA-SHA1; an absent method is reported at info, since Salesforce
#   documents no default. Salesforce requires the identity provider to sign
#   its responses in every configuration: the key it checks them with is the
#   subject of SFG-SAML-003.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_samlssoconfig.htm
#     description: SamlSsoConfig metadata type
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.sso_saml.htm
#     description: Configure SSO with Salesforce as a SAML service provider
# custom:
#   id: SFG-SAML-001
#   severity: medium
#   types: [SamlSsoConfig]
#   reads: [name, requestSignatureMethod, requestSigningCertId, singleLogoutUrl, useConfigRequestMethod, useSameDigestAlgoForSigning]
#   tags: [security, saml, sso, crypto]
#   remediation: |
#     Setup → Single Sign-On Settings → the configuration → Edit: Request
#     Signature Method RSA-SHA256, select "Use the selected request signature
#     method for single logout" and the option to use the same digest
#     algorithm, and choose a request signing certificate. In metadata:
#     `<requestSignatureMethod>RSA-SHA256</requestSignatureMethod>` (retrieves
#     write `1`), `<useSameDigestAlgoForSigning>true</useSameDigestAlgoForSigning>`,
#     `<useConfigRequestMethod>true</useConfigRequestMethod>` and a
#     `<requestSigningCertId>`.
#   examples:
#     fail: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>FederationId</identityMapping>
#           <issuer>http://adfs.example.com/adfs/services/trust</issuer>
#           <name>Corporate ADFS</name>
#           <requestSignatureMethod>0</requestSignatureMethod>
#           <requestSigningCertId>0P1000000000001</requestSigningCertId>
#           <samlVersion>SAML2_0</samlVersion>
#           <useSameDigestAlgoForSigning>true</useSameDigestAlgoForSigning>
#       </SamlSsoConfig>
#     pass: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>FederationId</identityMapping>
#           <issuer>http://adfs.example.com/adfs/services/trust</issuer>
#           <name>Corporate ADFS</name>
#           <requestSignatureMethod>1</requestSignatureMethod>
#           <requestSigningCertId>0P1000000000001</requestSigningCertId>
#           <samlVersion>SAML2_0</samlVersion>
#           <useSameDigestAlgoForSigning>true</useSameDigestAlgoForSigning>
#       </SamlSsoConfig>
package sfguard.rules.sso.saml_sha1_signing

import rego.v1

import data.sfguard.lib.enums
import data.sfguard.lib.saml

c := input.content

who := sprintf("SAML SSO configuration %s", [saml.name(input)])

deny contains f if {
	input.type == "SamlSsoConfig"
	m := c.requestSignatureMethod
	saml.signature_methods[m] == "RSA-SHA1"
	f := {
		"msg": sprintf("%s signs its requests with RSA-SHA1 (requestSignatureMethod %v): SHA-1 collisions are practical, so a signed request proves little", [who, m]),
		"element": ["requestSignatureMethod"],
		"value": m,
	}
}

deny contains f if {
	input.type == "SamlSsoConfig"
	m := c.requestSignatureMethod
	enums.unrecognised(input.type, "requestSignatureMethod", m)
	f := {
		"msg": sprintf("%s has an %s: Salesforce knows RSA-SHA1 (0) and RSA-SHA256 (1)", [who, enums.note(input.type, "requestSignatureMethod", m, "RSA-SHA1")]),
		"element": ["requestSignatureMethod"],
		"value": m,
	}
}

deny contains f if {
	input.type == "SamlSsoConfig"
	not "requestSignatureMethod" in object.keys(c)
	f := {
		"msg": sprintf("%s does not state its request signature method (requestSignatureMethod absent) and Salesforce documents no default: check it is RSA-SHA256 in Setup", [who]),
		"severity": "info",
		"element": ["requestSignatureMethod"],
	}
}

deny contains f if {
	input.type == "SamlSsoConfig"
	v := c.useSameDigestAlgoForSigning
	v != true
	f := {
		"msg": sprintf("%s keeps the SHA-1 digest whatever the request signature method (useSameDigestAlgoForSigning %v): requests are hashed with SHA-1", [who, v]),
		"severity": "low",
		"element": ["useSameDigestAlgoForSigning"],
		"value": v,
	}
}

deny contains f if {
	input.type == "SamlSsoConfig"
	v := c.useConfigRequestMethod
	v != true
	c.singleLogoutUrl
	f := {
		"msg": sprintf("%s signs single logout requests with the default RSA-SHA1 (useConfigRequestMethod %v), not with its own method", [who, v]),
		"severity": "low",
		"element": ["useConfigRequestMethod"],
		"value": v,
	}
}

deny contains f if {
	input.type == "SamlSsoConfig"
	not signing_cert
	f := {
		"msg": sprintf("%s has no request signing certificate (requestSigningCertId): its requests to the identity provider are not signed, so forged requests cannot be told apart", [who]),
		"severity": "low",
		"element": ["requestSigningCertId"],
	}
}

signing_cert if {
	v := c.requestSigningCertId
	is_string(v)
	trim_space(v) != ""
}
