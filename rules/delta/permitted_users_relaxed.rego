# METADATA
# title: App opened to self-authorization
# description: |
#   In PR mode (`--diff-base`), reports a connected app or external client
#   app whose Permitted Users changed from "Admin approved users are
#   pre-authorized" to "All users may self-authorize": a connected app's
#   `oauthConfig/isAdminApproved` going from true to false or absent (false is
#   the default), or an external client app's `permittedUsersPolicyType`
#   going from `AdminApprovedPreAuthorized` to `AllSelfAuthorized`. After the
#   change any user of the org can authorise the app, and its profile and
#   permission set assignments no longer limit who it acts for.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_oauth.htm
#     description: Manage OAuth access policies for a connected app (Permitted Users)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (isAdminApproved)
# custom:
#   id: SFG-DELTA-006
#   severity: high
#   scope: delta
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies]
#   reads: [oauthConfig, permittedUsersPolicyType, externalClientApplication]
#   tags: [security, delta, oauth, connected-app, external-client-app, permitted-users]
#   remediation: |
#     Keep "Admin approved users are pre-authorized" and grant the app to the
#     profiles or permission sets that need it. If self-authorization is
#     intended, record the decision with a suppression that has a reason and
#     an expiry date.
package sfguard.rules.delta.permitted_users_relaxed

import rego.v1

deny contains f if {
	input.head.type == "ConnectedApp"
	input.base != null
	object.get(input.base.content, ["oauthConfig", "isAdminApproved"], false) == true
	input.head.content.oauthConfig
	object.get(input.head.content, ["oauthConfig", "isAdminApproved"], false) != true
	f := {
		"msg": sprintf("Connected app %s changes Permitted Users from \"Admin approved users are pre-authorized\" to \"All users may self-authorize\": any user can now authorise it", [input.head.fullName]),
		"element": ["oauthConfig", "isAdminApproved"],
		"value": false,
	}
}

deny contains f if {
	input.head.type == "ExtlClntAppOauthConfigurablePolicies"
	input.base != null
	object.get(input.base.content, "permittedUsersPolicyType", "") == "AdminApprovedPreAuthorized"
	object.get(input.head.content, "permittedUsersPolicyType", "") == "AllSelfAuthorized"
	app := object.get(input.head.content, "externalClientApplication", input.head.fullName)
	f := {
		"msg": sprintf("External client app %s changes Permitted Users from AdminApprovedPreAuthorized to AllSelfAuthorized: any user can now authorise it", [app]),
		"element": ["permittedUsersPolicyType"],
		"value": "AllSelfAuthorized",
	}
}
