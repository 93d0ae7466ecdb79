# METADATA
# title: Connected app consumer key outside app metadata
# description: |
#   A consumer key (3MVG9…) identifies a connected app; it is not a secret on
#   its own and belongs in the app's own metadata. Found elsewhere (CI files,
#   scripts, properties) it tells which app a nearby secret or token unlocks
#   and is half of a JWT bearer or client credentials login. Reported for
#   information so the inventory of integrations stays visible.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_overview.htm
#     description: Connected apps
# custom:
#   id: SFG-SEC-005
#   severity: info
#   scope: secret
#   detectors: [salesforce-consumer-key]
#   tags: [security, secret, salesforce, oauth, inventory]
#   params:
#     secret_allow_paths: []
#     secret_allow_hashes: []
#     secret_test_path_hints: [apex-test, docs, example, fixture, test]
#     secret_config_paths: [sample/build.properties, "**/sample/build.properties", build/build.properties, "**/build/build.properties"]
#   remediation: |
#     Nothing to rotate. Prefer reading the key from CI configuration, and make
#     sure no secret, refresh token or private key sits next to it.
#   examples:
#     fail: |
#       sf org login jwt --client-id 3MVG9zlTNB8o8BA2CfUrLuva7AF8T3C_EfTCJbwJlUpfNoJM61KTcXJhtoJqGdLvl5t3EBoyOmHo2VgYUS_gl --jwt-key-file $KEY --username ci@acme.com
#     pass: |
#       sf org login jwt --client-id "$SF_CONSUMER_KEY" --jwt-key-file "$KEY" --username ci@acme.com
package sfguard.rules.secrets.consumer_key

import rego.v1

import data.sfguard.lib.secrets as lib

# Files where a consumer key is expected.
app_metadata := {"ConnectedApp", "ExtlClntAppGlobalOauthSettings", "AuthProvider"}

deny contains {"msg": msg} if {
	lib.reportable
	not lib.in_test_path
	not input.metadataType in app_metadata
	msg := sprintf("Connected app consumer key %s outside the app's metadata%s.%s", [input.redacted, lib.where, lib.app_note])
}
