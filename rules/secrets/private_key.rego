# METADATA
# title: Private key or JWT key file committed
# description: |
#   The OAuth JWT bearer flow (sf org login jwt, CI deployments) signs its
#   assertion with a private key whose certificate is uploaded to the connected
#   app. Whoever has the key and the consumer key logs in as any pre-authorized
#   user of that app without password or MFA. The key is usually called
#   server.key; a committed .key file is reported even when it is not PEM.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_jwt_flow.htm
#     description: Authorize an org using the JWT bearer flow
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_key_and_cert.htm
#     description: Create a private key and self-signed digital certificate
# custom:
#   id: SFG-SEC-007
#   severity: high
#   scope: secret
#   detectors: [private-key, salesforce-jwt-key-file]
#   tags: [security, secret, salesforce, jwt, private-key]
#   params:
#     secret_allow_paths: []
#     secret_allow_hashes: []
#     secret_test_path_hints: [apex-test, docs, example, fixture, test]
#     secret_config_paths: [sample/build.properties, "**/sample/build.properties", build/build.properties, "**/build/build.properties"]
#   remediation: |
#     Generate a new key pair, upload the new certificate to the connected app
#     and delete the old one, remove the key from the repository and its
#     history, and keep it in the CI secret store (base64 or encrypted with a
#     key that is itself a CI secret).
#   examples:
#     fail: |
#       -----BEGIN RSA PRIVATE KEY-----
#       MIIEowIBAAKCAQEAwJ7pQvG2b8Yx1hT4r9sKzL0mNq3WfE5uXcA6dR2yVt8pHj1o
#       ...
#       -----END RSA PRIVATE KEY-----
#     pass: |
#       echo "$SERVER_KEY_B64" | base64 -d > /tmp/server.key
package sfguard.rules.secrets.private_key

import rego.v1

import data.sfguard.lib.secrets as lib

deny contains {"msg": msg, "severity": sev} if {
	input.detector == "private-key"
	lib.reportable
	sev := lib.lowered(pem_severity)
	msg := sprintf("%s committed%s%s: with the connected app's consumer key it signs JWT bearer logins as any pre-authorized user.%s%s", [key_name, enc_note, lib.where, lib.app_note, lib.lowered_note(pem_severity)])
}

deny contains {"msg": msg, "severity": sev} if {
	input.detector == "salesforce-jwt-key-file"
	lib.reportable
	sev := lib.lowered("high")
	msg := sprintf("JWT key file %s committed%s: even encrypted or binary, it is one passphrase away from a login as the CI user.%s", [input.path, lib.where, lib.lowered_note("high")])
}

key_name := sprintf("%s private key", [input.keyType]) if {
	input.keyType != ""
} else := "Private key"

enc_note := " (passphrase-encrypted)" if {
	input.encrypted
} else := ""

# Test keys (TLS fixtures, sample JWT keys) are common, so a PEM key in a test
# or docs path is lowered one step like a password; it is never dropped.
pem_severity := "medium" if {
	input.encrypted
} else := "critical" if {
	input.jwtKeyFile
} else := "high"
