# METADATA
# title: External client app global OAuth settings in source control
# description: |
#   ExtlClntAppGlobalOauthSettings (extlClntAppGlobalOauthSets/*.ecaGlblOauth)
#   holds an external client app's consumer key, callback URLs and, when the
#   org allows it, the consumer secret. Salesforce's Metadata API guide says
#   these settings "can't be packaged and must not be added to source
#   control". A file of this type in a repository means retrieves are pulling
#   it in; the next retrieve with secret access turned on adds the secret to
#   git history. Reported once per file, at its root element.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings must not be added to source control
# custom:
#   id: SFG-APP-019
#   severity: medium
#   types: [ExtlClntAppGlobalOauthSettings]
#   reads: [externalClientApplication]
#   tags: [security, secret, external-client-app, source-control]
#   remediation: |
#     Delete the file from the repository (and from git history if it ever
#     held a consumer secret), add `**/extlClntAppGlobalOauthSets/**` to
#     `.forceignore` and to the retrieve manifest's exclusions, and rotate the
#     consumer secret if the file had one.
#   examples:
#     fail: |
#       <!-- extlClntAppGlobalOauthSets/IGA_Provisioning_glbloauth.ecaGlblOauth -->
#       <ExtlClntAppGlobalOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">
#           <callbackUrl>https://iga.example.com/callback</callbackUrl>
#           <externalClientApplication>IGA_Provisioning</externalClientApplication>
#       </ExtlClntAppGlobalOauthSettings>
#     pass: |
#       <!-- no extlClntAppGlobalOauthSets folder; the app's policies live in extlClntAppOauthPolicies -->
#       <ExtlClntAppOauthConfigurablePolicies xmlns="http://soap.sforce.com/2006/04/metadata">
#           <externalClientApplication>IGA_Provisioning</externalClientApplication>
#       </ExtlClntAppOauthConfigurablePolicies>
package sfguard.rules.apps.global_oauth_in_source

import rego.v1

import data.sfguard.lib.oauth

deny contains f if {
	input.type == "ExtlClntAppGlobalOauthSettings"
	f := {
		"msg": sprintf("%s has its global OAuth settings file (ExtlClntAppGlobalOauthSettings %s) in source control: Salesforce says this file must not be, because retrieves can put the consumer secret in it", [oauth.app_name(input), input.fullName]),
		"element": [],
	}
}
