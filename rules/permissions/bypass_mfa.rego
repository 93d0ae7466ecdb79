# METADATA
# title: Multi-factor authentication waived for UI logins
# description: |
#   "Waive Multi-Factor Authentication for Exempt Users" exempts its holders from
#   the MFA requirement for UI logins. Salesforce intends it for a few special
#   accounts (automated UI test users, some integration users that must use the
#   UI). Granted through a broadly assigned profile or permission set it quietly
#   switches MFA off for real people.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.mfa_overview.htm
#     description: Multi-factor authentication (MFA), including exempt users
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (userPermissions)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#     description: PermissionSet metadata type
# custom:
#   id: SFG-PERM-005
#   severity: high
#   types: [Profile, PermissionSet]
#   reads: [userPermissions, custom, userLicense]
#   tags: [security, permissions, BypassMFAForUiLogins]
#   remediation: |
#     Remove the permission from the profile or permission set and give it only to
#     the specific exempt accounts through a dedicated permission set. In
#     metadata: delete the `<userPermissions>` entry named `BypassMFAForUiLogins`.
#   examples:
#     fail: |
#       <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Integration Extras</label>
#           <userPermissions>
#               <enabled>true</enabled>
#               <name>BypassMFAForUiLogins</name>
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
package sfguard.rules.permissions.bypass_mfa

import rego.v1

import data.sfguard.lib.perms

deny contains f if {
	input.type in {"Profile", "PermissionSet"}

	# Salesforce defaults (standard and guest profiles, Salesforce-owned
	# permission sets) are not the org's to change.
	not perms.salesforce_default(input)
	some i in perms.at(input.content, "BypassMFAForUiLogins")
	f := {
		"msg": sprintf("%s %s grants \"%s\" (BypassMFAForUiLogins): its holders log in to the Salesforce UI with a password alone, so a phished password is a working login", [perms.kind(input), input.fullName, perms.label("BypassMFAForUiLogins")]),
		"element": ["userPermissions", i, "name"],
		"value": "BypassMFAForUiLogins",
	}
}
