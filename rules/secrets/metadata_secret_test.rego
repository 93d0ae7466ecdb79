package sfguard.rules.secrets.metadata_secret_test

import rego.v1

import data.sfguard.rules.secrets.metadata_secret

base := {
	"detector": "salesforce-metadata-secret", "path": "force-app/main/default/namedCredentials/Erp.namedCredential-meta.xml",
	"line": 3, "source": "worktree", "key": "password", "redacted": "Kp4vTq…(14 chars)", "hash": "1111222233334444",
	"entropy": 3.7, "placeholder": false, "envReference": false, "pathHints": [], "metadataType": "NamedCredential",
}

test_named_credential_password if {
	some f in metadata_secret.deny with input as base
	contains(f.msg, "NamedCredential <password>")
}

test_merge_field_silent if count(metadata_secret.deny) == 0 with input as object.union(base, {"envReference": true})

test_external_credential_secret_parameter if {
	some f in metadata_secret.deny with input as object.union(base, {"metadataType": "ExternalCredential", "key": "ClientSecret", "parameterName": "ClientSecret", "parameterType": "AuthParameter"})
	contains(f.msg, "parameter ClientSecret")
}

test_external_credential_url_parameter_silent if {
	count(metadata_secret.deny) == 0 with input as object.union(base, {"metadataType": "ExternalCredential", "key": "AuthProviderUrl", "parameterName": "AuthProviderUrl", "parameterType": "AuthProviderUrl"})
}

test_custom_metadata_api_key if {
	some f in metadata_secret.deny with input as object.union(base, {"metadataType": "CustomMetadata", "key": "ApiKey__c"})
	contains(f.msg, "field ApiKey__c")
}

test_custom_metadata_other_field_silent if {
	count(metadata_secret.deny) == 0 with input as object.union(base, {"metadataType": "CustomMetadata", "key": "Endpoint__c"})
}
