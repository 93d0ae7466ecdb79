# METADATA
# title: Salesforce password or security token committed
# description: |
#   A username-password login from outside the org's trusted IP ranges needs
#   the user's security token appended to the password, so build files and
#   scripts carry both: Ant build.properties (sf.password), Data Loader
#   process-conf.xml and config.properties (sfdc.password), SF_PASSWORD and
#   SF_SECURITY_TOKEN variables, simple_salesforce and jsforce logins. Together
#   they are a working API login that MFA does not cover, and it keeps working
#   until the user resets the token or changes the password (a sandbox refresh
#   may also reset it). Data Loader values encrypted with
#   process.encryptionKeyFile are reported at low severity: they are as safe as
#   the key file.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.user_security_token.htm
#     description: Reset your security token
#   - ref: https://help.salesforce.com/s/articleView?id=sf.command_line_encrypt_password.htm
#     description: Data Loader - encrypt from the command line
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth_jwt_flow.htm
#     description: Authorize an org using the JWT bearer flow
# custom:
#   id: SFG-SEC-006
#   severity: critical
#   scope: secret
#   detectors: [salesforce-password, salesforce-security-token]
#   tags: [security, secret, salesforce, password, security-token]
#   params:
#     secret_allow_paths: []
#     secret_allow_hashes: []
#     secret_test_path_hints: [apex-test, docs, example, fixture, test]
#     secret_config_paths: [sample/build.properties, "**/sample/build.properties", build/build.properties, "**/build/build.properties"]
#     secret_min_entropy: 2.5
#   remediation: |
#     Change the user's password (which also resets the security token), remove
#     the values from the file and its git history, and move the integration to
#     the OAuth JWT bearer flow with a dedicated integration user; until then
#     read the password and token from the environment or the CI secret store.
#   examples:
#     fail: |
#       sf.username = deploy@acme.com
#       sf.password = Kp4vTq9wLm2z7!aK3jD9fL2mQ8xR5tY1wE6uI0oP
#     pass: |
#       sf.username = deploy@acme.com
#       sf.password = ${env.SF_PASSWORD}
package sfguard.rules.secrets.password

import rego.v1

import data.sfguard.lib.secrets as lib

deny contains {"msg": msg, "severity": sev} if {
	input.detector == "salesforce-password"
	lib.reportable
	not input.encrypted
	sev := lib.lowered(password_severity)
	msg := sprintf("Salesforce password %s under %s%s%s: %s%s%s", [input.redacted, input.key, form_note, lib.where, login_note, lib.app_note, lib.lowered_note(password_severity)])
}

deny contains {"msg": msg, "severity": sev} if {
	input.detector == "salesforce-security-token"
	lib.reportable
	not input.encrypted
	sev := lib.lowered(token_severity)
	msg := sprintf("Salesforce security token %s under %s%s: %s%s", [input.redacted, input.key, lib.where, token_note, lib.lowered_note(token_severity)])
}

deny contains {"msg": msg, "severity": lib.lowered("low")} if {
	lib.reportable
	input.encrypted
	msg := sprintf("Data Loader value under %s is encrypted%s; it is only as safe as the key file named by process.encryptionKeyFile, which must stay out of the repository.%s", [input.key, lib.where, lib.lowered_note("low")])
}

complete_login if input.tokenSuffixLikely

complete_login if "securityToken" in input.pairedWith

complete_login if "password" in input.pairedWith

password_severity := "critical" if {
	complete_login
} else := "critical" if {
	"username" in input.pairedWith
} else := "high"

token_severity := "critical" if {
	complete_login
} else := "high"

login_note := "it looks like a password with the security token appended, a complete API login." if {
	input.tokenSuffixLikely
} else := "with the security token next to it, this is a complete API login." if {
	"securityToken" in input.pairedWith
} else := "with the username next to it, anyone inside a trusted IP range (or on a profile without IP restrictions) can log in." if {
	"username" in input.pairedWith
} else := "a password in the repository outlives every clone; change it."

token_note := "with the password next to it, this is a complete API login from any network." if {
	complete_login
} else := "appended to the user's password it lets API logins skip trusted IP ranges; reset it."

form_note := " (Data Loader)" if {
	input.dataLoader
} else := " (jsforce login)" if {
	input.form == "jsforce-login"
} else := ""
