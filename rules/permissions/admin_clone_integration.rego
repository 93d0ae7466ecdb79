# METADATA
# title: API-enabled profile cloned from System Administrator
# description: |
#   Vendors' setup guides often say "copy the System Administrator profile for
#   the integration user". The copy keeps Modify All Data, View All Data,
#   Customize Application and Manage Users, and adds API Enabled for the
#   connector. Whoever holds that user's password, security token or OAuth
#   refresh token then has administrator power over the org through the API:
#   every record, most of setup, and the ability to create users. This rule
#   reports a custom profile that grants API Enabled with at least three of
#   those four administrator permissions: an administrator-like profile whose
#   users can all use the API. An integration profile (API Only User, or the
#   Salesforce Integration licence) is reported by SFG-PERM-008 instead, with
#   every administrator permission it grants. Salesforce's own standard
#   profiles and guest profiles are skipped.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.integration_user.htm
#     description: Give integration users API only access
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (userPermissions)
# custom:
#   id: SFG-PERM-002
#   severity: high
#   types: [Profile]
#   reads: [userPermissions, custom, userLicense]
#   tags: [security, permissions, integration-user, least-privilege, sbs:SBS-ACS-004]
#   remediation: |
#     Give the integration user a minimal profile (the "Minimum Access - API
#     Only Integrations" profile with the Salesforce Integration license) and
#     add only the object and field permissions the connector needs through a
#     permission set. Remove ModifyAllData, ViewAllData, CustomizeApplication
#     and ManageUsers from the copied profile (Setup → Profiles → the profile →
#     System Permissions), or delete those `<userPermissions>` entries.
#   examples:
#     fail: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <custom>true</custom>
#           <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
#           <userPermissions><enabled>true</enabled><name>CustomizeApplication</name></userPermissions>
#           <userPermissions><enabled>true</enabled><name>ModifyAllData</name></userPermissions>
#           <userPermissions><enabled>true</enabled><name>ViewAllData</name></userPermissions>
#       </Profile>
#     pass: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <custom>true</custom>
#           <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
#           <userPermissions><enabled>true</enabled><name>ApiUserOnly</name></userPermissions>
#       </Profile>
package sfguard.rules.permissions.admin_clone_integration

import rego.v1

import data.sfguard.lib.perms

held := sort(perms.granted(input.content) & perms.admin_permissions)

deny contains f if {
	input.type == "Profile"
	not perms.salesforce_default(input)
	not perms.integration(input)
	perms.api_enabled(input.content)
	perms.admin_like(input.content)

	# Point at the first administrator permission in the file.
	i := min({j | some p in held; some j in perms.at(input.content, p)})
	f := {
		"msg": sprintf("Profile %s grants API Enabled together with %s, like a copy of System Administrator: whoever holds the password or tokens of any of its users has administrator access to all data and setup through the API", [input.fullName, concat(", ", [perms.label(p) | some p in held])]),
		"element": ["userPermissions", i, "name"],
		"value": held,
	}
}
