# METADATA
# title: SAML assertions not encrypted
# description: |
#   With an Assertion Decryption Certificate (decryptionCertificate) the
#   identity provider can encrypt the assertions it sends; without one they
#   travel in clear through the user's browser, where extensions, proxies
#   that inspect TLS and debugging logs read the user's identity and every
#   attribute the identity provider sends. With just-in-time provisioning on,
#   those attributes decide the user record Salesforce creates or updates
#   (profile, role, federation ID), so the finding is raised to medium.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.sso_saml_sp_encrypt_assertions.htm
#     description: Set up an external identity provider to encrypt SAML assertions
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_samlssoconfig.htm
#     description: SamlSsoConfig metadata type (decryptionCertificate)
# custom:
#   id: SFG-SAML-002
#   severity: low
#   types: [SamlSsoConfig]
#   reads: [decryptionCertificate, name, userProvisioning]
#   tags: [security, saml, sso, encryption]
#   remediation: |
#     Create a certificate in Setup → Certificate and Key Management, select
#     it as Assertion Decryption Certificate in Setup → Single Sign-On
#     Settings → the configuration → Edit, and give the identity provider the
#     certificate so it encrypts assertions. In metadata:
#     `<decryptionCertificate>Certificate_API_Name</decryptionCertificate>`.
#   examples:
#     fail: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>FederationId</identityMapping>
#           <issuer>https://sts.windows.net/00000000-0000-0000-0000-000000000000/</issuer>
#           <name>Entra ID</name>
#           <samlVersion>SAML2_0</samlVersion>
#           <userProvisioning>true</userProvisioning>
#       </SamlSsoConfig>
#     pass: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <decryptionCertificate>SAML_Assertion_Decryption</decryptionCertificate>
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>FederationId</identityMapping>
#           <issuer>https://sts.windows.net/00000000-0000-0000-0000-000000000000/</issuer>
#           <name>Entra ID</name>
#           <samlVersion>SAML2_0</samlVersion>
#           <userProvisioning>true</userProvisioning>
#       </SamlSsoConfig>
package sfguard.rules.sso.saml_assertion_not_encrypted

import rego.v1

import data.sfguard.lib.saml

encrypted if {
	v := input.content.decryptionCertificate
	is_string(v)
	trim_space(v) != ""
}

jit if input.content.userProvisioning == true

deny contains f if {
	input.type == "SamlSsoConfig"
	not encrypted
	not jit
	f := {
		"msg": sprintf("SAML SSO configuration %s has no assertion decryption certificate (decryptionCertificate): assertions cross the user's browser in clear, with the user's identity and every attribute the identity provider sends", [saml.name(input)]),
		"element": ["decryptionCertificate"],
	}
}

deny contains f if {
	input.type == "SamlSsoConfig"
	not encrypted
	jit
	f := {
		"msg": sprintf("SAML SSO configuration %s has no assertion decryption certificate (decryptionCertificate) while just-in-time provisioning is on: the attributes that create and update users cross the user's browser in clear", [saml.name(input)]),
		"severity": "medium",
		"element": ["decryptionCertificate"],
	}
}
