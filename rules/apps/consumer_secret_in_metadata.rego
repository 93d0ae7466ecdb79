# METADATA
# title: Consumer secret stored in metadata
# description: |
#   The OAuth consumer secret proves to Salesforce that a token request comes
#   from the app. Salesforce never returns a connected app's consumer secret on
#   retrieve, so a `consumerSecret` in a ConnectedApp file was typed in by hand;
#   external client apps return it only when "Allow Access to OAuth Consumer
#   Secrets via Metadata API" is on. Either way the secret is now in every
#   clone, fork, CI log and backup of the repository. With the consumer key
#   next to it, anyone can run the client credentials flow or redeem stolen
#   authorization codes and refresh tokens as the app.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (consumerSecret is not returned on retrieve)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings must not be added to source control
# custom:
#   id: SFG-APP-004
#   severity: critical
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings]
#   reads: [oauthConfig, consumerSecret, externalClientApplication]
#   tags: [security, secret, oauth, connected-app, external-client-app]
#   remediation: |
#     Delete the `<consumerSecret>` element from the file and rotate the secret
#     (Setup → App Manager → the app → View → Manage Consumer Details → Rotate,
#     or `shouldRotateConsumerSecret` for external client apps), then update the
#     integration with the new secret from a secret store. Purge the old value
#     from git history if the repository was ever shared.
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Billing</label>
#           <oauthConfig>
#               <callbackUrl>https://billing.example.com/cb</callbackUrl>
#               <consumerKey>3MVG9example</consumerKey>
#               <consumerSecret>E5C0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E</consumerSecret>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Billing</label>
#           <oauthConfig>
#               <callbackUrl>https://billing.example.com/cb</callbackUrl>
#               <consumerKey>3MVG9example</consumerKey>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.consumer_secret_in_metadata

import rego.v1

import data.sfguard.lib.names

deny contains f if {
	input.type == "ConnectedApp"
	secret := input.content.oauthConfig.consumerSecret
	real_value(secret)
	f := {
		"msg": sprintf("Connected app %s has its OAuth consumer secret (%d characters) committed in oauthConfig/consumerSecret", [input.fullName, count(secret)]),
		"element": ["oauthConfig", "consumerSecret"],
		"value": secret,
	}
}

deny contains f if {
	input.type == "ExtlClntAppGlobalOauthSettings"
	secret := input.content.consumerSecret
	real_value(secret)
	app := names.of(input.content, "externalClientApplication", input.fullName)
	f := {
		"msg": sprintf("External client app %s has its OAuth consumer secret (%d characters) committed in its global OAuth settings", [app, count(secret)]),
		"element": ["consumerSecret"],
		"value": secret,
	}
}

# Empty elements and obvious placeholders carry no secret.
real_value(s) if {
	is_string(s)
	count(trim_space(s)) >= 8
	not regex.match(`^(?i)(x+|\*+|\$\{[^}]*\}|<[^>]*>|changeme|placeholder|your[_-]?.*)$`, trim_space(s))
}
