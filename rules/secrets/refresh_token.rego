# METADATA
# title: Salesforce refresh token committed
# description: |
#   A refresh token (5Aep861…, older 5Aep862…) mints new access tokens for as
#   long as the connected app's refresh token policy allows, which by default
#   is until someone revokes it. Combined with the app's consumer key (and the
#   secret, when the app requires it for refresh) it is a standing login that
#   survives password resets and bypasses MFA. Other scanners report it only
#   next to a consumer key and secret; sfguard reports it on its own.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_refresh_token_flow.htm
#     description: OAuth 2.0 refresh token flow
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_revoke_token.htm
#     description: Revoke OAuth tokens
# custom:
#   id: SFG-SEC-002
#   severity: critical
#   scope: secret
#   detectors: [salesforce-refresh-token]
#   tags: [security, secret, salesforce, oauth, refresh-token]
#   params:
#     secret_allow_paths: []
#     secret_allow_hashes: []
#     secret_test_path_hints: [apex-test, docs, example, fixture, test]
#     secret_config_paths: [sample/build.properties, "**/sample/build.properties", build/build.properties, "**/build/build.properties"]
#     secret_min_entropy: 2.5
#   remediation: |
#     Revoke the token (Setup → Connected Apps OAuth Usage → the app → Revoke,
#     or the user's Connected Apps list), remove it from the file and its git
#     history, and keep it in the CI secret store. Set a refresh token
#     expiry on the app so a leak cannot last forever.
#   examples:
#     fail: |
#       sfdc.oauth.refreshtoken=5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ7C3bTm0VaHCxURhcn5zo.fL1QSWVDkx7EpYmb1MSoivyW3d0ak
#     pass: |
#       sfdc.oauth.refreshtoken=${SF_REFRESH_TOKEN}
package sfguard.rules.secrets.refresh_token

import rego.v1

import data.sfguard.lib.secrets as lib

# A token of the documented shape keeps its severity in any path.
deny contains {"msg": msg, "severity": "critical"} if {
	lib.reportable
	input.formatMatch
	msg := sprintf("Salesforce refresh token %s committed%s: it keeps minting access tokens until revoked, whatever the user's password or MFA.%s%s", [input.redacted, lib.where, lib.app_note, lib.shape_note])
}

deny contains {"msg": msg, "severity": lib.lowered("low")} if {
	lib.reportable
	not input.formatMatch
	input.encrypted
	msg := sprintf("Encrypted Salesforce refresh token under %s%s: it is only as safe as the Data Loader key file named by process.encryptionKeyFile; keep that file out of the repository.%s", [input.key, lib.where, lib.lowered_note("low")])
}

deny contains {"msg": msg, "severity": lib.lowered("high")} if {
	lib.reportable
	not input.formatMatch
	not input.encrypted
	not lib.weak
	msg := sprintf("Value %s under the Salesforce refresh token key %s%s: if it is a live token, revoke it and keep it in a secret store.%s", [input.redacted, input.key, lib.where, lib.lowered_note("high")])
}
