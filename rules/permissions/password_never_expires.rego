# METADATA
# title: Password Never Expires permission granted
# description: |
#   "Password Never Expires" exempts users from password expiration, whatever
#   the org policy or the profile's password policy says. It is typically
#   granted to integration users so that a stored password never breaks a sync.
#   That password is exactly the one stored in third-party tools and build
#   files, and once it leaks it works until someone changes it by hand.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_password.htm
#     description: Set password policies
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (userPermissions)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#     description: PermissionSet metadata type
# custom:
#   id: SFG-PERM-003
#   severity: medium
#   types: [Profile, PermissionSet]
#   reads: [userPermissions, custom, userLicense]
#   tags: [security, permissions, PasswordNeverExpires]
#   remediation: |
#     Remove "Password Never Expires" from the profile or permission set (Setup →
#     Profiles or Permission Sets → System Permissions). Move integrations to
#     OAuth (JWT bearer or client credentials) so no password needs to last. In
#     metadata: delete the `<userPermissions>` entry whose `<name>` is
#     `PasswordNeverExpires`, or set its `<enabled>` to false.
#   examples:
#     fail: |
#       <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Integration Extras</label>
#           <userPermissions>
#               <enabled>true</enabled>
#               <name>PasswordNeverExpires</name>
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
package sfguard.rules.permissions.password_never_expires

import rego.v1

import data.sfguard.lib.perms

deny contains f if {
	input.type in {"Profile", "PermissionSet"}

	# Salesforce defaults (standard and guest profiles, Salesforce-owned
	# permission sets) are not the org's to change.
	not perms.salesforce_default(input)
	some i in perms.at(input.content, "PasswordNeverExpires")
	f := {
		"msg": sprintf("%s %s grants \"%s\" (PasswordNeverExpires): its holders' passwords ignore the org's expiration policy, so a leaked password keeps working indefinitely", [perms.kind(input), input.fullName, perms.label("PasswordNeverExpires")]),
		"element": ["userPermissions", i, "name"],
		"value": "PasswordNeverExpires",
	}
}
