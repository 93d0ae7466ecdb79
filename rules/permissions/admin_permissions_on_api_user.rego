# METADATA
# title: Author Apex or Modify Metadata on an API principal
# description: |
#   Author Apex lets a user deploy Apex classes and triggers, which run in
#   system mode and can read or change anything. Modify Metadata Through
#   Metadata API Functions lets a user change most setup through the Metadata
#   API, including profiles, connected apps and security settings. On a
#   profile or permission set that also grants API Enabled (or API Only
#   User), these permissions belong to a credential that lives outside
#   Salesforce, in a connector, a CI variable or a vendor's database: a leaked
#   password or token can then deploy code or rewrite security settings.
#   Salesforce's standard profiles are skipped.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.integration_user.htm
#     description: Give integration users API only access
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#     description: PermissionSet metadata type (userPermissions)
# custom:
#   id: SFG-PERM-008
#   severity: high
#   types: [Profile, PermissionSet]
#   reads: [userPermissions, custom]
#   tags: [security, permissions, integration-user, least-privilege, api]
#   remediation: |
#     Deploy code and metadata from a CI identity that is separate from the
#     integration user, and remove AuthorApex and ModifyMetadata from
#     profiles and permission sets that grant API access to integrations
#     (Setup → Profiles or Permission Sets → System Permissions, or delete the
#     `<userPermissions>` entries).
#   examples:
#     fail: |
#       <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>ERP Integration API</label>
#           <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
#           <userPermissions><enabled>true</enabled><name>ModifyMetadata</name></userPermissions>
#       </PermissionSet>
#     pass: |
#       <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>ERP Integration API</label>
#           <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
#       </PermissionSet>
package sfguard.rules.permissions.admin_permissions_on_api_user

import rego.v1

import data.sfguard.lib.perms

api_principal if perms.api_enabled(input.content)

api_principal if perms.has(input.content, "ApiUserOnly")

effect := {
	"AuthorApex": "a leaked password or token can deploy Apex that runs in system mode",
	"ModifyMetadata": "a leaked password or token can rewrite setup, including profiles, connected apps and security settings",
}

deny contains f if {
	input.type in {"Profile", "PermissionSet"}
	not perms.standard_profile(input.content)
	api_principal
	some name, why in effect
	some i in perms.at(input.content, name)
	f := {
		"msg": sprintf("%s %s grants %s (%s) to users who log in through the API: %s", [perms.kind(input), input.fullName, perms.label(name), name, why]),
		"element": ["userPermissions", i, "name"],
		"value": name,
	}
}
