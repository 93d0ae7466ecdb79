# METADATA
# title: Legacy or unrecognised SAML version
# description: |
#   SAML 1.1 (samlVersion SAML1_1) is the legacy protocol: no
#   service-provider-initiated login with signed requests, no single logout,
#   no assertion encryption, and identity providers have dropped it. Keeping
#   a 1.1 configuration keeps a second, weaker way to log in to the org. A
#   version outside SAML1_1 and SAML2_0 cannot be judged and is reported the
#   same way.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_samlssoconfig.htm
#     description: SamlSsoConfig metadata type (samlVersion)
# custom:
#   id: SFG-SAML-005
#   severity: medium
#   types: [SamlSsoConfig]
#   reads: [name, samlVersion]
#   tags: [security, saml, sso, unrecognised-value]
#   remediation: |
#     Move the identity provider to SAML 2.0 and switch the configuration:
#     Setup → Single Sign-On Settings → the configuration → Edit → SAML
#     Version 2.0, or delete the configuration if it is no longer used. In
#     metadata: `<samlVersion>SAML2_0</samlVersion>`.
#   examples:
#     fail: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>Username</identityMapping>
#           <issuer>https://legacy-idp.example.com</issuer>
#           <name>Legacy IdP</name>
#           <samlVersion>SAML1_1</samlVersion>
#       </SamlSsoConfig>
#     pass: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>FederationId</identityMapping>
#           <issuer>https://idp.example.com/saml</issuer>
#           <name>Corporate IdP</name>
#           <samlVersion>SAML2_0</samlVersion>
#       </SamlSsoConfig>
package sfguard.rules.sso.saml_version

import rego.v1

import data.sfguard.lib.enums
import data.sfguard.lib.saml

deny contains f if {
	input.type == "SamlSsoConfig"
	v := input.content.samlVersion
	v == "SAML1_1"
	f := {
		"msg": sprintf("SAML SSO configuration %s uses SAML 1.1 (samlVersion %s): a legacy protocol without signed requests, single logout or assertion encryption", [saml.name(input), v]),
		"element": ["samlVersion"],
		"value": v,
	}
}

deny contains f if {
	input.type == "SamlSsoConfig"
	v := input.content.samlVersion
	enums.unrecognised(input.type, "samlVersion", v)
	f := {
		"msg": sprintf("SAML SSO configuration %s has an %s, the legacy protocol: Salesforce knows SAML1_1 and SAML2_0", [saml.name(input), enums.note(input.type, "samlVersion", v, "SAML1_1")]),
		"element": ["samlVersion"],
		"value": v,
	}
}
