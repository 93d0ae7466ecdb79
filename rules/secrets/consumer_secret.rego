# METADATA
# title: Connected app consumer secret committed
# description: |
#   The consumer secret authenticates the app itself. With the consumer key it
#   runs the client credentials flow as the app's run-as user, redeems stolen
#   authorization codes and, when the app requires the secret for refresh,
#   turns any leaked refresh token into access. Salesforce consumer secrets are
#   64 characters (older ones 19 digits). Generic keys such as client_secret
#   are reported only when the value has that shape or the key or the text
#   around it names Salesforce; AuthProvider and other metadata files are
#   covered through their consumerSecret element.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_rotate_consumer_details.htm
#     description: Rotate the consumer key and consumer secret of a connected app
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_authproviders.htm
#     description: AuthProvider metadata (consumerSecret returned only with sendSecretInApis)
# custom:
#   id: SFG-SEC-004
#   severity: high
#   scope: secret
#   detectors: [salesforce-consumer-secret]
#   tags: [security, secret, salesforce, oauth, connected-app]
#   params:
#     secret_allow_paths: []
#     secret_allow_hashes: []
#     secret_test_path_hints: [apex-test, docs, example, fixture, test]
#     secret_config_paths: [sample/build.properties, "**/sample/build.properties", build/build.properties, "**/build/build.properties"]
#     secret_min_entropy: 2.5
#   remediation: |
#     Rotate the consumer secret (App Manager → the app → View → Manage Consumer
#     Details → Rotate; for an AuthProvider, regenerate it at the identity
#     provider), remove it from the file and its git history, and inject it at
#     run time from a secret store.
#   examples:
#     fail: |
#       salesforce.consumer_secret=8E1F0C5A7B2D4E6F9A3C1B5D7E9F2A4C6E8B0D2F4A6C8E0B2D4F6A8C0E2B4D6F
#     pass: |
#       salesforce.consumer_secret=${SALESFORCE_CLIENT_SECRET}
package sfguard.rules.secrets.consumer_secret

import rego.v1

import data.sfguard.lib.secrets as lib

deny contains {"msg": msg, "severity": sev} if {
	lib.reportable
	salesforce_secret
	not lib.weak
	sev := lib.lowered(severity)
	msg := sprintf("OAuth consumer secret %s under %s%s%s: with the consumer key it authenticates as the app.%s%s", [input.redacted, input.key, in_file, lib.where, lib.app_note, lib.lowered_note(severity)])
}

salesforce_secret if input.formatMatch

salesforce_secret if input.salesforceKey

severity := "critical" if {
	input.app
} else := "critical" if {
	"consumerKey" in input.pairedWith
} else := "high"

in_file := sprintf(" in %s metadata", [input.metadataType]) if {
	input.metadataType != ""
} else := ""
