# METADATA
# title: Consumer secrets readable through the Metadata API
# description: |
#   With this setting on, retrieving ExtlClntAppGlobalOauthSettings returns each
#   external client app's consumer secret, and a `sf project retrieve` in a CI
#   job or on a laptop writes those secrets to disk, from where they reach git
#   history. Salesforce says the global OAuth settings must not be added to
#   source control, and Health Check fails the setting when it is on.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalclientappsettings.htm
#     description: ExternalClientAppSettings metadata type
#   - ref: https://help.salesforce.com/s/articleView?id=sf.security_health_check.htm
#     description: Salesforce Health Check
# custom:
#   id: SFG-OAUTH-005
#   severity: high
#   types: [ExternalClientAppSettings]
#   reads: [enableConsumerSecretApiAccess]
#   tags: [security, oauth, org-settings, external-client-app, secret, health-check:ExternalClientApps.metadataApiAccess]
#   remediation: |
#     Setup → External Client App Settings: turn off "Allow access to External
#     Client App consumer secrets via Metadata API". Rotate any secret that was
#     retrieved while it was on. In metadata:
#     `<enableConsumerSecretApiAccess>false</enableConsumerSecretApiAccess>` in
#     settings/ExternalClientApp.settings.
#   examples:
#     fail: |
#       <ExternalClientAppSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <enableClientSecretInRestApiAccess>false</enableClientSecretInRestApiAccess>
#           <enableConsumerSecretApiAccess>true</enableConsumerSecretApiAccess>
#           <enablePackageEcaOauthFromDevOrg>false</enablePackageEcaOauthFromDevOrg>
#       </ExternalClientAppSettings>
#     pass: |
#       <ExternalClientAppSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <enableClientSecretInRestApiAccess>false</enableClientSecretInRestApiAccess>
#           <enableConsumerSecretApiAccess>false</enableConsumerSecretApiAccess>
#           <enablePackageEcaOauthFromDevOrg>false</enablePackageEcaOauthFromDevOrg>
#       </ExternalClientAppSettings>
package sfguard.rules.org.consumer_secret_metadata_access

import rego.v1

# Salesforce's default when the element is absent is false.
value := object.get(input.content, "enableConsumerSecretApiAccess", false)

shown := "absent, default false" if {
	not "enableConsumerSecretApiAccess" in object.keys(input.content)
} else := sprintf("%v", [value])

deny contains f if {
	input.type == "ExternalClientAppSettings"
	is_boolean(value)
	value != false
	f := {
		"msg": sprintf("\"Allow Access to OAuth Consumer Secrets via Metadata API\" is on (enableConsumerSecretApiAccess %s): a retrieve by a user with the right permission writes external client app consumer secrets into files, repositories and CI logs", [shown]),
		"element": ["enableConsumerSecretApiAccess"],
		"value": value,
	}
}
