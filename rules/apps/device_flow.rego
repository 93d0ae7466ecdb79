# METADATA
# title: Device flow enabled for the external client app
# description: |
#   The device flow lets a device without a browser (a TV, a CLI, an IoT box)
#   show a code that the user then approves in a browser elsewhere. Because
#   the login is started by whoever holds the device, an attacker can start it
#   and send the code to a victim ("enter this code to continue"); when the
#   victim approves, the attacker's device receives the tokens. Enable it only
#   for apps that are really used on such devices.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_device_flow.htm
#     description: OAuth 2.0 device flow
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings metadata type
# custom:
#   id: SFG-APP-020
#   severity: medium
#   types: [ExtlClntAppGlobalOauthSettings]
#   reads: [externalClientApplication, isDeviceFlowEnabled]
#   tags: [security, oauth, external-client-app]
#   remediation: |
#     Setup → External Client App Manager → the app → Settings → OAuth Settings:
#     uncheck "Enable for Device Flow" unless the app runs on input-constrained
#     devices. In metadata: `<isDeviceFlowEnabled>false</isDeviceFlowEnabled>` in
#     the global OAuth settings.
#   examples:
#     fail: |
#       <ExtlClntAppGlobalOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <externalClientApplication>Field_App</externalClientApplication>
#           <isDeviceFlowEnabled>true</isDeviceFlowEnabled>
#       </ExtlClntAppGlobalOauthSettings>
#     pass: |
#       <ExtlClntAppGlobalOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <externalClientApplication>Field_App</externalClientApplication>
#           <isDeviceFlowEnabled>false</isDeviceFlowEnabled>
#       </ExtlClntAppGlobalOauthSettings>
package sfguard.rules.apps.device_flow

import rego.v1

import data.sfguard.lib.oauth

# Where the setting lives in each representation, the value that is
# reported, and Salesforce's documented default when the element is absent.
checks := [
	{"type": "ExtlClntAppGlobalOauthSettings", "element": ["isDeviceFlowEnabled"], "bad": true, "default": false},
]

deny contains f if {
	some c in checks
	input.type == c.type
	oauth.oauth_enabled(input)
	v := object.get(input.content, c.element, c.default)
	v == c.bad
	f := {
		"msg": sprintf("%s enables the OAuth device flow (%s %s): anyone can start a login and ask a user to approve it on another device, a pattern used for device-code phishing", [oauth.app_name(input), concat("/", c.element), oauth.shown(input.content, c.element, c.default)]),
		"element": c.element,
		"value": v,
	}
}
