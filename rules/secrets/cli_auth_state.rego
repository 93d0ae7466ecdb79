# METADATA
# title: Salesforce CLI auth state committed
# description: |
#   The Salesforce CLI keeps each authorized org in ~/.sfdx/<username>.json
#   (access and refresh tokens, encrypted with a key from the OS keychain or
#   ~/.sfdx/key.json) and ~/.sf. A repository that contains these folders,
#   usually from a home directory or a CI cache committed by mistake, holds
#   logins to every org the machine was authorized to; with key.json beside
#   them the encryption protects nothing.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_setup.meta/sfdx_setup/sfdx_dev_cli_env_variables.htm
#     description: Salesforce CLI environment variables (SF_USE_GENERIC_UNIX_KEYCHAIN)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_cli_reference.meta/sfdx_cli_reference/cli_reference_org_commands_unified.htm
#     description: sf org logout
# custom:
#   id: SFG-SEC-008
#   severity: high
#   scope: secret
#   detectors: [salesforce-cli-auth-state]
#   tags: [security, secret, salesforce, sfdx]
#   params:
#     secret_allow_paths: []
#     secret_allow_hashes: []
#     secret_test_path_hints: [apex-test, docs, example, fixture, test]
#     secret_config_paths: [sample/build.properties, "**/sample/build.properties", build/build.properties, "**/build/build.properties"]
#   remediation: |
#     Run `sf org logout` for the affected orgs (or revoke the "Salesforce CLI"
#     OAuth connections of the users), delete the .sfdx/.sf folders from the
#     repository and its history, and add them to .gitignore.
#   examples:
#     fail: |
#       # .sfdx/ci@acme.com.json
#       {"accessToken": "8a7f3c2e1d0b9a8f7e6d5c4b3a291807:6f5e4d3c2b1a09f8e7d6c5b4a3928170", "orgId": "00D5g000004HkPQ"}
#     pass: |
#       # .sf/config.json
#       {"target-org": "acme-uat"}
package sfguard.rules.secrets.cli_auth_state

import rego.v1

import data.sfguard.lib.secrets as lib

deny contains {"msg": msg, "severity": sev} if {
	lib.reportable
	sev := lib.lowered(severity)
	msg := sprintf("Salesforce CLI auth state committed: %s holds %s%s%s.%s", [input.path, field_note, enc_note, lib.where, lib.lowered_note(severity)])
}

field_note := "the key that decrypts every stored CLI token" if {
	input.field == "key"
} else := sprintf("the %s of an authorized org", [input.field])

enc_note := " (encrypted with the CLI key, which is one file away)" if {
	input.encryptedValue
} else := ""

severity := "critical" if {
	input.field == "key"
} else := "critical" if {
	not input.encryptedValue
} else := "high"
