# METADATA
# title: Approve Uninstalled Connected Apps permission granted
# description: |
#   With API access control, only connected apps an administrator installed may
#   be used. "Approve Uninstalled Connected Apps" lets its holders authorize any
#   other app, which is how a consent-phishing attack gets a foothold: the user
#   approves the attacker's app and it receives their tokens. Standard profiles
#   are skipped; custom profiles and permission sets granting it are reported.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_oauth.htm
#     description: Manage OAuth access policies for a connected app
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (userPermissions)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#     description: PermissionSet metadata type
# custom:
#   id: SFG-PERM-007
#   severity: medium
#   types: [Profile, PermissionSet]
#   reads: [userPermissions, custom, userLicense]
#   tags: [security, permissions, CanApproveUninstalledApps, sbs:SBS-ACS-003]
#   remediation: |
#     Remove "Approve Uninstalled Connected Apps" from the profile or permission
#     set; install the apps users need instead. In metadata: delete the
#     `<userPermissions>` entry named `CanApproveUninstalledApps`.
#   examples:
#     fail: |
#       <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Integration Extras</label>
#           <userPermissions>
#               <enabled>true</enabled>
#               <name>CanApproveUninstalledApps</name>
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
package sfguard.rules.permissions.approve_uninstalled_apps

import rego.v1

import data.sfguard.lib.perms

deny contains f if {
	input.type in {"Profile", "PermissionSet"}

	# Salesforce's standard profiles carry it by design.
	not perms.salesforce_default(input)
	some i in perms.at(input.content, "CanApproveUninstalledApps")
	f := {
		"msg": sprintf("%s %s grants \"%s\" (CanApproveUninstalledApps): its holders can authorize connected apps that no administrator installed, bypassing the org's API access control", [perms.kind(input), input.fullName, perms.label("CanApproveUninstalledApps")]),
		"element": ["userPermissions", i, "name"],
		"value": "CanApproveUninstalledApps",
	}
}
