# METADATA
# title: Secret stored in Salesforce metadata
# description: |
#   Some metadata types can carry credentials in clear text: a legacy named
#   credential's password, an external credential's authentication
#   parameters, and custom metadata records used as a home-made secret store
#   (ApiKey__c, Client_Secret__c). Deployed from source control, these values
#   sit in every clone and every org the package reaches. Named and external
#   credentials should reference principals whose secrets are entered in the
#   org, never in metadata; merge fields such as {!$Credential.Password} are
#   fine.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm
#     description: NamedCredential metadata
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm
#     description: ExternalCredential metadata
# custom:
#   id: SFG-SEC-009
#   severity: high
#   scope: secret
#   detectors: [salesforce-metadata-secret]
#   tags: [security, secret, salesforce, named-credential, external-credential, custom-metadata]
#   params:
#     secret_allow_paths: []
#     secret_allow_hashes: []
#     secret_test_path_hints: [apex-test, docs, example, fixture, test]
#     secret_config_paths: [sample/build.properties, "**/sample/build.properties", build/build.properties, "**/build/build.properties"]
#     secret_min_entropy: 2.5
#   remediation: |
#     Remove the value from the metadata file and its git history, rotate it at
#     the remote system, and enter it in the org instead: on the external
#     credential's principal (Setup → Named Credentials), or in a protected
#     custom setting or the org's secret store for custom metadata.
#   examples:
#     fail: |
#       <NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
#           <endpoint>https://erp.acme.com</endpoint>
#           <password>Erp!Integration2024x</password>
#           <principalType>NamedUser</principalType>
#           <username>sfdc-int</username>
#       </NamedCredential>
#     pass: |
#       <NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
#           <endpoint>https://erp.acme.com</endpoint>
#           <externalCredential>Erp</externalCredential>
#       </NamedCredential>
package sfguard.rules.secrets.metadata_secret

import rego.v1

import data.sfguard.lib.secrets as lib

deny contains {"msg": msg, "severity": lib.lowered("high")} if {
	lib.reportable
	not lib.weak
	secret_bearing
	msg := sprintf("%s %s holds a clear-text secret %s%s: metadata is copied to every clone and every org it is deployed to.%s", [input.metadataType, element_note, input.redacted, lib.where, lib.lowered_note("high")])
}

secret_bearing if input.metadataType == "NamedCredential"

secret_bearing if {
	input.metadataType == "ExternalCredential"
	regex.match(`(?i)(secret|password|passwd|token|key|credential|assertion)`, input.parameterName)
}

secret_bearing if {
	input.metadataType == "ExternalCredential"
	input.parameterType == "AuthHeader"
}

secret_bearing if {
	input.metadataType == "CustomMetadata"
	regex.match(`(?i)(secret|password|passwd|token|api_?key)`, input.key)
}

element_note := sprintf("parameter %s", [input.parameterName]) if {
	input.metadataType == "ExternalCredential"
} else := sprintf("field %s", [input.key]) if {
	input.metadataType == "CustomMetadata"
} else := sprintf("<%s>", [input.key])
