# METADATA
# title: SFDX auth URL committed
# description: |
#   An SFDX auth URL (force://<client id>:<client secret>:<refresh token>@<host>)
#   is everything `sf org login sfdx-url` needs to log in: the client, its secret
#   when there is one and a refresh token. The CLI's own client (PlatformCLI)
#   needs no secret at all, so the URL alone is a full login to the org as the
#   user who ran `sf org auth show-sfdx-auth-url`. It is typically pasted into a
#   CI variable file, an .env or the JSON output of `sf org display --verbose`.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_cli_reference.meta/sfdx_cli_reference/cli_reference_org_commands_unified.htm
#     description: sf org login sfdx-url and sf org auth show-sfdx-auth-url
# custom:
#   id: SFG-SEC-003
#   severity: critical
#   scope: secret
#   detectors: [salesforce-sfdx-auth-url]
#   tags: [security, secret, salesforce, oauth, sfdx]
#   params:
#     secret_allow_paths: []
#     secret_allow_hashes: []
#     secret_test_path_hints: [apex-test, docs, example, fixture, test]
#     secret_config_paths: [sample/build.properties, "**/sample/build.properties", build/build.properties, "**/build/build.properties"]
#   remediation: |
#     Revoke the refresh token inside the URL (the user's OAuth connections,
#     app "Salesforce CLI" for PlatformCLI), remove the URL from the file and
#     its git history, and store it only as a CI secret (for example
#     SFDX_AUTH_URL in the CI secret store, written to a temporary file at
#     run time).
#   examples:
#     fail: |
#       SFDX_AUTH_URL=force://PlatformCLI::5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ7C3bTm0VaHCxURhcn5zo.fL1QSWVDkx7EpYmb1MSoivyW3d0ak@acme.my.salesforce.com
#     pass: |
#       SFDX_AUTH_URL=${{ secrets.SFDX_AUTH_URL }}
package sfguard.rules.secrets.sfdx_auth_url

import rego.v1

import data.sfguard.lib.secrets as lib

# No path lowers it: a runbook or README with a live auth URL is a login.
deny contains {"msg": msg, "severity": "critical"} if {
	lib.reportable
	msg := sprintf("SFDX auth URL %s for %s committed%s: %s%s%s", [input.redacted, input.host, lib.where, what, lib.app_note, lib.shape_note])
}

what := "it uses the Salesforce CLI client, which needs no secret, so the URL alone logs in to the org." if {
	input.platformCLI
} else := "it carries a consumer secret and a refresh token, a complete login as the app's user." if {
	input.hasClientSecret
} else := "it carries a refresh token for the app, a login wherever the app does not require its secret."
