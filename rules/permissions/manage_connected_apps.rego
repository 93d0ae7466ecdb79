# METADATA
# title: Manage Connected Apps outside the standard administrator profiles
# description: |
#   "Manage Connected Apps" (API name ManageRemoteAccess) lets its holders create
#   and edit connected apps, including the OAuth policies that decide who may
#   use an app, whether IP restrictions apply and how long refresh tokens live.
#   Whoever holds it can therefore build themselves a permanent, IP-unrestricted
#   way in. Salesforce's standard profiles are skipped; custom profiles and
#   permission sets granting it are reported.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_create_api_integration.htm
#     description: Connected apps and the permissions needed to manage them
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (userPermissions)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#     description: PermissionSet metadata type
# custom:
#   id: SFG-PERM-006
#   severity: medium
#   types: [Profile, PermissionSet]
#   reads: [userPermissions, custom, userLicense]
#   tags: [security, permissions, ManageRemoteAccess]
#   remediation: |
#     Remove "Manage Connected Apps" from the custom profile or permission set, and
#     keep connected app administration with the system administrators. In
#     metadata: delete the `<userPermissions>` entry named `ManageRemoteAccess`.
#   examples:
#     fail: |
#       <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Integration Extras</label>
#           <userPermissions>
#               <enabled>true</enabled>
#               <name>ManageRemoteAccess</name>
#           </userPermissions>
#       </PermissionSet>
#     pass: |
#       <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Integration Extras</label>
#           <userPermissions>
#               <enabled>true</enabled>
#               <name>ApiEnabled</name>
#           </userPermissions>
#       </PermissionSet>
package sfguard.rules.permissions.manage_connected_apps

import rego.v1

import data.sfguard.lib.perms

deny contains f if {
	input.type in {"Profile", "PermissionSet"}

	# Salesforce's standard profiles carry it by design.
	not perms.salesforce_default(input)
	some i in perms.at(input.content, "ManageRemoteAccess")
	f := {
		"msg": sprintf("%s %s grants \"%s\" (ManageRemoteAccess): its holders can create connected apps and relax their OAuth policies (IP relaxation, refresh token lifetime, pre-authorised profiles)", [perms.kind(input), input.fullName, perms.label("ManageRemoteAccess")]),
		"element": ["userPermissions", i, "name"],
		"value": "ManageRemoteAccess",
	}
}
