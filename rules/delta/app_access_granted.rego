# METADATA
# title: App pre-authorized for more profiles or permission sets
# description: |
#   In PR mode (`--diff-base`), reports profiles and permission sets that a
#   change newly pre-authorizes for an app whose permitted users are "admin
#   approved": a connected app's `profileName` and `permissionSetName`
#   entries, or an external client app's `commaSeparatedProfile` and
#   `commaSeparatedPermissionSet` in its OAuth policies. Every user with the
#   profile or permission set can then use the app, with no approval prompt,
#   and act through it with the scopes it requests. Names are compared as a
#   set, so reordering is silent.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_oauth.htm
#     description: Manage OAuth access policies for a connected app (Permitted Users)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (profileName, permissionSetName)
# custom:
#   id: SFG-DELTA-008
#   severity: medium
#   scope: delta
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies]
#   reads: [oauthConfig, profileName, permissionSetName, commaSeparatedProfile, commaSeparatedPermissionSet, externalClientApplication]
#   tags: [security, delta, oauth, connected-app, external-client-app, permitted-users]
#   remediation: |
#     Pre-authorize the app for a dedicated permission set assigned to the few
#     users or the integration user that need it, rather than for a broad
#     profile. If the new assignment is intended, record the decision with a
#     suppression that has a reason and an expiry date.
package sfguard.rules.delta.app_access_granted

import rego.v1

import data.sfguard.lib.delta

ca_fields := {"profileName": "profile", "permissionSetName": "permission set"}

eca_fields := {"commaSeparatedProfile": "profile", "commaSeparatedPermissionSet": "permission set"}

split_names(s) := {trim_space(x) | some x in split(s, ","); trim_space(x) != ""}

deny contains f if {
	input.head.type == "ConnectedApp"
	input.base != null
	object.get(input.head.content, ["oauthConfig", "isAdminApproved"], false) == true
	some field, what in ca_fields
	before := {n | some n in object.get(delta.base_content, field, [])}
	some i, name in object.get(input.head.content, field, [])
	not name in before
	f := {
		"msg": sprintf("Connected app %s is newly pre-authorized for %s %q: its users can use the app without approval", [input.head.fullName, what, name]),
		"element": [field, i],
		"value": name,
	}
}

deny contains f if {
	input.head.type == "ExtlClntAppOauthConfigurablePolicies"
	input.base != null
	object.get(input.head.content, "permittedUsersPolicyType", "") == "AdminApprovedPreAuthorized"
	some field, what in eca_fields
	before := split_names(object.get(delta.base_content, field, ""))
	some name in split_names(object.get(input.head.content, field, ""))
	not name in before
	app := object.get(input.head.content, "externalClientApplication", input.head.fullName)
	f := {
		"msg": sprintf("External client app %s is newly pre-authorized for %s %q: its users can use the app without approval", [app, what, name]),
		"element": [field],
		"value": name,
	}
}
