# METADATA
# title: Third-party API key in Salesforce metadata or source
# description: |
#   Orgs keep their integrations' keys where Apex can read them: custom
#   metadata records, custom settings, named and external credential
#   parameters, Apex constants. A value with a vendor's published key format
#   (Stripe sk_live_/sk_test_/rk_, AWS AKIA access key with its secret key,
#   Slack xoxb-/xoxp-/xoxa-, GitHub ghp_/github_pat_, Google AIza) is a
#   credential for that vendor, copied to every clone of the repository and
#   every org the metadata is deployed to. The finding names the format.
#   Stripe test-mode keys reach only test data and are reported at medium;
#   an AWS access key id without its secret key nearby is reported at low.
# related_resources:
#   - ref: https://docs.stripe.com/keys
#     description: Stripe API keys (secret, restricted, test and live mode)
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
#     description: AWS access keys
#   - ref: https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats
#     description: GitHub token formats
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_callouts_named_credentials.htm
#     description: Named credentials keep callout secrets out of code and metadata
# custom:
#   id: SFG-SEC-010
#   severity: high
#   scope: secret
#   detectors: [third-party-api-key]
#   tags: [security, secret, third-party, custom-metadata]
#   params:
#     secret_allow_paths: []
#     secret_allow_hashes: []
#     secret_test_path_hints: [apex-test, docs, example, fixture, test]
#     secret_config_paths: [sample/build.properties, "**/sample/build.properties", build/build.properties, "**/build/build.properties"]
#   remediation: |
#     Revoke or roll the key at the vendor, remove it from the file and its git
#     history, and move the integration to a named credential with an external
#     credential whose principal holds the key in the org (entered in Setup,
#     never in metadata), or to a protected custom setting populated per org.
#   examples:
#     fail: |
#       <CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
#           <label>Default</label>
#           <protected>false</protected>
#           <values>
#               <field>Secret_Key__c</field>
#               <value xsi:type="xsd:string">sk_live_qm20PiFabaKJb3u4NG1ugpgW</value>
#           </values>
#       </CustomMetadata>
#     pass: |
#       <NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
#           <endpoint>https://api.stripe.com</endpoint>
#           <externalCredential>Stripe</externalCredential>
#           <label>Stripe</label>
#       </NamedCredential>
package sfguard.rules.secrets.third_party_key

import rego.v1

import data.sfguard.lib.secrets as lib

deny contains {"msg": msg, "severity": sev} if {
	lib.reportable
	input.formatMatch
	base := severity
	sev := adjusted(base)
	msg := sprintf("%s %s%s%s: %s%s", [input.formatName, input.redacted, in_file, lib.where, what, note(base)])
}

# Test-mode keys reach only test data; in a test, fixture, example or docs
# path they are lowered one step like a password. Live keys keep their
# severity anywhere.
adjusted(base) := lib.lowered(base) if input.testMode

adjusted(base) := base if not input.testMode

note(base) := lib.lowered_note(base) if input.testMode

note(_) := lib.shape_note if not input.testMode

severity := "critical" if {
	input.format == "stripe-secret-live"
} else := "critical" if {
	input.format == "aws-access-key-id"
	input.awsSecretNearby
} else := "low" if {
	input.format == "aws-access-key-id"
} else := "medium" if {
	input.testMode
} else := "medium" if {
	input.format == "google-api-key"
} else := "high"

what := "with the secret access key next to it, this is a working AWS login; deactivate the key in IAM." if {
	input.format == "aws-access-key-id"
	input.awsSecretNearby
} else := "an access key id alone is not a login, but its secret key is rarely far away; check the history." if {
	input.format == "aws-access-key-id"
} else := "it reaches only the vendor's test mode, yet it is a credential: roll it and keep it out of the repository." if {
	input.testMode
} else := "anyone with the repository can call the vendor's API with it; roll the key at the vendor."

in_file := sprintf(" in %s metadata", [input.metadataType]) if {
	input.metadataType != ""
} else := ""
