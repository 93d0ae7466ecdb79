# METADATA
# title: Salesforce access token or session id committed
# description: |
#   An access token (the org id, an exclamation mark and a random payload) is a
#   live session: whoever holds it calls the REST, SOAP, Bulk and Metadata
#   APIs as the user until the session times out or is revoked, from any
#   network the session policy allows, without a password or MFA. Tokens copied
#   from `sf org display`, Workbench or a debug log into scripts, CI variables
#   or notes leak with every clone of the repository. JWT-shaped access tokens
#   (named-user JWT) are reported when their claims or the surrounding text
#   point at Salesforce.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_revoke_token.htm
#     description: Revoke OAuth tokens
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_cli_reference.meta/sfdx_cli_reference/cli_reference_org_commands_unified.htm
#     description: sf org login access-token reads SF_ACCESS_TOKEN from the environment
# custom:
#   id: SFG-SEC-001
#   severity: critical
#   scope: secret
#   detectors: [salesforce-access-token, salesforce-jwt-access-token]
#   tags: [security, secret, salesforce, oauth, access-token]
#   params:
#     secret_allow_paths: []
#     secret_allow_hashes: []
#     secret_test_path_hints: [apex-test, docs, example, fixture, test]
#     secret_config_paths: [sample/build.properties, "**/sample/build.properties", build/build.properties, "**/build/build.properties"]
#   remediation: |
#     Revoke the session (Setup → Session Management, or the user's OAuth
#     connections), remove the token from the file and its git history, and read
#     tokens from the environment at run time (SF_ACCESS_TOKEN with
#     `sf org login access-token`) or, better, authenticate CI with the JWT
#     bearer flow.
#   examples:
#     fail: |
#       curl -H "Authorization: Bearer 00D5g000004Hk2p!AQ8AQJXg5oj8jXSgxJfA0lBog.39AsX.LVpxezPwuX5VAIrrbbHMuol7GQxnMeYMN7cj8EoWr78nt1u44zU31IbYNNJguseu" https://acme.my.salesforce.com/services/data/v60.0/limits
#     pass: |
#       curl -H "Authorization: Bearer $SF_ACCESS_TOKEN" https://acme.my.salesforce.com/services/data/v60.0/limits
package sfguard.rules.secrets.access_token

import rego.v1

import data.sfguard.lib.secrets as lib

# A token of the documented shape keeps its severity in any path.
deny contains {"msg": msg, "severity": "critical"} if {
	lib.reportable
	input.formatMatch
	kind := token_kind[input.detector]
	msg := sprintf("Salesforce %s %s committed%s: anyone with the repository can call the org's APIs as this user until the session is revoked.%s%s", [kind, input.redacted, lib.where, lib.app_note, lib.shape_note])
}

# A value under an access-token key (SF_ACCESS_TOKEN, sfdc.oauth.accesstoken)
# that does not have the token shape: Data Loader stores it encrypted.
deny contains {"msg": msg, "severity": lib.lowered("low")} if {
	lib.reportable
	not input.formatMatch
	input.encrypted
	msg := sprintf("Encrypted Salesforce access token under %s%s: it is only as safe as the Data Loader key file named by process.encryptionKeyFile; keep that file out of the repository.%s", [input.key, lib.where, lib.lowered_note("low")])
}

deny contains {"msg": msg, "severity": lib.lowered("high")} if {
	lib.reportable
	not input.formatMatch
	not input.encrypted
	not lib.weak
	msg := sprintf("Value %s under the Salesforce access token key %s%s: if it is a live token, revoke it and read it from the environment instead.%s", [input.redacted, input.key, lib.where, lib.lowered_note("high")])
}

token_kind := {
	"salesforce-access-token": "access token",
	"salesforce-jwt-access-token": "JWT access token",
}
