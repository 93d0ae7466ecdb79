# METADATA
# title: SAML just-in-time provisioning creates users from assertions
# description: |
#   With just-in-time provisioning (userProvisioning) Salesforce creates or
#   updates a user the first time an assertion names an unknown federation
#   ID. What the user gets is decided by the assertion, not by the org: with
#   standard provisioning the identity provider sends the profile
#   (User.ProfileId, System Administrator included), role and other fields;
#   with a custom handler (samlJitHandlerId) Apex code maps them, running as
#   the user in executionUserId, who must hold Manage Users. No metadata
#   element names the profile JIT users receive, so every configuration with
#   JIT on is reported for review, naming the handler and its run-as user.
#   When the identity provider certificate is missing, unreadable or weak
#   (SFG-SAML-003) anyone who can sign an assertion can create themselves an
#   administrator: high. A malformed userProvisioning is an input problem and
#   read as true.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.sso_jit_about.htm
#     description: Just-in-time provisioning for SAML
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_samlssoconfig.htm
#     description: SamlSsoConfig metadata type (userProvisioning, samlJitHandlerId, executionUserId)
# custom:
#   id: SFG-SAML-004
#   severity: medium
#   types: [SamlSsoConfig]
#   reads: [executionUserId, name, samlJitHandlerId, userProvisioning, validationCert]
#   tags: [security, saml, sso, provisioning]
#   remediation: |
#     Turn JIT off where users are provisioned another way: Setup → Single
#     Sign-On Settings → the configuration → Edit → clear "User Provisioning
#     Enabled" (`<userProvisioning>false</userProvisioning>`). Where it stays,
#     make the identity provider send only a low-privilege profile, or use a
#     handler class that assigns a fixed profile and ignores ProfileId in the
#     assertion, and keep the identity provider key strong.
#   examples:
#     fail: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>FederationId</identityMapping>
#           <issuer>https://idp.example.com/saml</issuer>
#           <name>Partner IdP</name>
#           <samlVersion>SAML2_0</samlVersion>
#           <userProvisioning>true</userProvisioning>
#       </SamlSsoConfig>
#     pass: |
#       <SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
#           <identityLocation>SubjectNameId</identityLocation>
#           <identityMapping>FederationId</identityMapping>
#           <issuer>https://idp.example.com/saml</issuer>
#           <name>Partner IdP</name>
#           <samlVersion>SAML2_0</samlVersion>
#           <userProvisioning>false</userProvisioning>
#       </SamlSsoConfig>
package sfguard.rules.sso.saml_jit_provisioning

import rego.v1

import data.sfguard.lib.saml

c := input.content

v := c.userProvisioning

on if v == true

how := sprintf("the Apex handler %s maps the assertion to the user record, running as user %v, who holds Manage Users", [c.samlJitHandlerId, object.get(c, "executionUserId", "(not set)")]) if {
	is_string(c.samlJitHandlerId)
	trim_space(c.samlJitHandlerId) != ""
} else := "the identity provider's assertion sets the new user's profile (User.ProfileId, System Administrator included), role and fields"

weak := sprintf("; and the configuration %s, so anyone able to sign an assertion can provision themselves an administrator", [saml.cert_problem(c).why]) if {
	saml.cert_problem(c)
} else := ""

deny contains f if {
	input.type == "SamlSsoConfig"
	on
	f := object.union(
		{
			"msg": sprintf("SAML SSO configuration %s creates users just in time (userProvisioning %v): %s%s", [saml.name(input), v, how, weak]),
			"element": ["userProvisioning"],
			"value": v,
		},
		severity,
	)
}

severity := {"severity": "high"} if saml.cert_problem(c)

else := {}
