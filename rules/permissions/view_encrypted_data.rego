# METADATA
# title: View Encrypted Data permission granted
# description: |
#   "View Encrypted Data" shows the clear-text value of encrypted custom fields
#   (classic encrypted text fields) to its holders, where everyone else sees a
#   mask. Vendors' setup guides sometimes ask for it on the integration profile
#   so that their connector can sync every field; the data then leaves
#   Salesforce unmasked with the integration's credentials.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.fields_about_encrypted_fields.htm
#     description: Classic encryption for custom fields
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (userPermissions)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#     description: PermissionSet metadata type
# custom:
#   id: SFG-PERM-004
#   severity: medium
#   types: [Profile, PermissionSet]
#   reads: [userPermissions, custom, userLicense]
#   tags: [security, permissions, ViewEncryptedData]
#   remediation: |
#     Remove "View Encrypted Data" from the profile or permission set unless the
#     holders must read those values; give it through a dedicated permission set
#     to named people only. In metadata: delete the `<userPermissions>` entry
#     named `ViewEncryptedData`.
#   examples:
#     fail: |
#       <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Integration Extras</label>
#           <userPermissions>
#               <enabled>true</enabled>
#               <name>ViewEncryptedData</name>
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
package sfguard.rules.permissions.view_encrypted_data

import rego.v1

import data.sfguard.lib.perms

deny contains f if {
	input.type in {"Profile", "PermissionSet"}

	# Salesforce defaults (standard and guest profiles, Salesforce-owned
	# permission sets) are not the org's to change.
	not perms.salesforce_default(input)
	some i in perms.at(input.content, "ViewEncryptedData")
	f := {
		"msg": sprintf("%s %s grants \"%s\" (ViewEncryptedData): its holders, and any integration logged in as them, read encrypted fields in clear text", [perms.kind(input), input.fullName, perms.label("ViewEncryptedData")]),
		"element": ["userPermissions", i, "name"],
		"value": "ViewEncryptedData",
	}
}
