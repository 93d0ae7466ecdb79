# METADATA
# title: Consumer secrets readable through the REST API
# description: |
#   `enableClientSecretInRestApiAccess` lets the consumer key and secret of
#   external client apps be read through the credentials REST API. It is meant
#   for automation that provisions apps, but it also means an access token with
#   that permission, if leaked, yields the secrets of every app, so a stolen
#   token becomes lasting app credentials.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalclientappsettings.htm
#     description: ExternalClientAppSettings metadata type
# custom:
#   id: SFG-OAUTH-006
#   severity: medium
#   types: [ExternalClientAppSettings]
#   reads: [enableClientSecretInRestApiAccess]
#   tags: [security, oauth, org-settings, external-client-app, secret]
#   remediation: |
#     Setup → External Client App Settings: turn off access to consumer secrets
#     through the REST API unless a provisioning pipeline needs it. In metadata:
#     `<enableClientSecretInRestApiAccess>false</enableClientSecretInRestApiAccess>`.
#   examples:
#     fail: |
#       <ExternalClientAppSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <enableClientSecretInRestApiAccess>true</enableClientSecretInRestApiAccess>
#           <enableConsumerSecretApiAccess>false</enableConsumerSecretApiAccess>
#           <enablePackageEcaOauthFromDevOrg>false</enablePackageEcaOauthFromDevOrg>
#       </ExternalClientAppSettings>
#     pass: |
#       <ExternalClientAppSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <enableClientSecretInRestApiAccess>false</enableClientSecretInRestApiAccess>
#           <enableConsumerSecretApiAccess>false</enableConsumerSecretApiAccess>
#           <enablePackageEcaOauthFromDevOrg>false</enablePackageEcaOauthFromDevOrg>
#       </ExternalClientAppSettings>
package sfguard.rules.org.consumer_secret_rest_access

import rego.v1

# Salesforce's default when the element is absent is false.
value := object.get(input.content, "enableClientSecretInRestApiAccess", false)

shown := "absent, default false" if {
	not "enableClientSecretInRestApiAccess" in object.keys(input.content)
} else := sprintf("%v", [value])

deny contains f if {
	input.type == "ExternalClientAppSettings"
	is_boolean(value)
	value != false
	f := {
		"msg": sprintf("Consumer secret access through the credentials REST API is on (enableClientSecretInRestApiAccess %s): any integration with the needed permission can read external client app consumer secrets over REST", [shown]),
		"element": ["enableClientSecretInRestApiAccess"],
		"value": value,
	}
}
