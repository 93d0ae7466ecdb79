# METADATA
# title: External client app consumer secrets readable in metadata
# description: |
#   "View External Client App Consumer Secrets in Metadata" (ViewClientSecret)
#   lets its holders retrieve ExtlClntAppGlobalOauthSettings with the consumer
#   secret in it, when the org allows secrets through the Metadata API. The
#   users who hold it are usually the ones running retrieves into source
#   control, so the secret follows into the repository and CI.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_extlclntappglobaloauthsettings.htm
#     description: ExtlClntAppGlobalOauthSettings
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (userPermissions)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#     description: PermissionSet metadata type
# custom:
#   id: SFG-PERM-011
#   severity: medium
#   types: [Profile, PermissionSet]
#   reads: [userPermissions, custom, userLicense]
#   tags: [security, permissions, ViewClientSecret]
#   remediation: |
#     Remove the permission from the profile or permission set; rotate secrets
#     through Setup when needed instead of retrieving them. In metadata: delete
#     the `<userPermissions>` entry named `ViewClientSecret`.
#   examples:
#     fail: |
#       <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Integration Extras</label>
#           <userPermissions>
#               <enabled>true</enabled>
#               <name>ViewClientSecret</name>
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
package sfguard.rules.permissions.view_client_secret

import rego.v1

import data.sfguard.lib.perms

deny contains f if {
	input.type in {"Profile", "PermissionSet"}

	# Salesforce defaults (standard and guest profiles, Salesforce-owned
	# permission sets) are not the org's to change.
	not perms.salesforce_default(input)
	some i in perms.at(input.content, "ViewClientSecret")
	f := {
		"msg": sprintf("%s %s grants \"%s\" (ViewClientSecret): a metadata retrieve by its holders writes external client app consumer secrets into files", [perms.kind(input), input.fullName, perms.label("ViewClientSecret")]),
		"element": ["userPermissions", i, "name"],
		"value": "ViewClientSecret",
	}
}
