# METADATA
# title: SAML single sign-on helpers
# description: |
#   Helpers for SamlSsoConfig (Salesforce as SAML service provider): the
#   request signature method in both spellings Salesforce writes, and what
#   can be read from the identity provider's validation certificate, the
#   only key assertions are verified with.
package sfguard.lib.saml

import rego.v1

# requestSignatureMethod is a free string: the guide names RSA-SHA1 and
# RSA-SHA256, retrieves write 0 and 1 (the order of the Setup picklist).
signature_methods := {"RSA-SHA1": "RSA-SHA1", "0": "RSA-SHA1", "RSA-SHA256": "RSA-SHA256", "1": "RSA-SHA256"}

name(doc) := object.get(doc.content, "name", doc.fullName)

# Go's x509 algorithm numbers, as crypto.x509.parse_certificates reports
# them.
dsa_key := 2

rsa_key := 1

# cert_problem(content) describes what is wrong with the validation
# certificate: {"why", "severity"}; undefined when the certificate parses
# and its key is strong enough. The certificate is pinned, so its own
# signature algorithm and dates say nothing about how assertions are
# verified; its key does. Expiry is not judged: it depends on the day of
# the scan, and scans are deterministic.
cert_problem(content) := {"why": "has no identity provider certificate (validationCert), so nothing says which key may sign assertions", "severity": "high"} if {
	not usable_text(object.get(content, "validationCert", null))
} else := {"why": "has an identity provider certificate (validationCert) that is not a readable X.509 certificate, so the key that signs assertions cannot be checked", "severity": "high"} if {
	not certificate(content)
} else := {"why": "trusts assertions signed with a DSA key (validationCert): DSA is no longer approved for signatures (FIPS 186-5) and such keys are usually 1024-bit", "severity": "medium"} if {
	certificate(content).PublicKeyAlgorithm == dsa_key
} else := {"why": sprintf("trusts assertions signed with an RSA key of %s (validationCert); 2048 bits is the minimum", [rsa_size(certificate(content))]), "severity": "medium"} if {
	c := certificate(content)
	c.PublicKeyAlgorithm == rsa_key
	count(format_int(c.PublicKey.N, 10)) < 617
}

usable_text(v) if {
	is_string(v)
	trim_space(v) != ""
}

certificate(content) := c if {
	text := regex.replace(content.validationCert, `\s+`, "")
	certs := crypto.x509.parse_certificates(text)
	c := certs[0]
}

# An RSA modulus of 1024 bits has 309 decimal digits, 2048 bits 617.
rsa_size(c) := "about 1024 bits" if count(format_int(c.PublicKey.N, 10)) <= 309

else := "fewer than 2048 bits"
