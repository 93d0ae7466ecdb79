# METADATA
# title: Integration profile without API Only User
# description: |
#   An integration user needs the API, not the Salesforce user interface.
#   "API Only User" (ApiUserOnly) blocks UI logins for the profile's users,
#   so a leaked integration password cannot be used to open an interactive
#   session, browse Setup or pass an MFA prompt set up by someone else. This
#   rule reports a custom profile that grants API Enabled, is named like an
#   integration or API-only profile, uses a full user license, and does not
#   grant API Only User. Profiles with the Salesforce Integration or
#   Salesforce API Integration licenses are skipped: those licenses allow
#   API access only.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.integration_user.htm
#     description: Give integration users API only access
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (userPermissions)
# custom:
#   id: SFG-PERM-009
#   severity: medium
#   types: [Profile]
#   reads: [userPermissions, custom, userLicense]
#   params:
#     integration_profile_pattern: "(?i)(integration|api[ _-]?only|connector|\\bsync\\b|service[ _-]?account)"
#   tags: [security, permissions, integration-user, api]
#   remediation: |
#     Setup → Profiles → the profile → System Permissions: check "API Only
#     User", or move the integration user to the Salesforce Integration
#     license. In metadata: add
#     `<userPermissions><enabled>true</enabled><name>ApiUserOnly</name></userPermissions>`.
#   examples:
#     fail: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <custom>true</custom>
#           <userLicense>Salesforce</userLicense>
#           <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
#       </Profile>
#     pass: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <custom>true</custom>
#           <userLicense>Salesforce</userLicense>
#           <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
#           <userPermissions><enabled>true</enabled><name>ApiUserOnly</name></userPermissions>
#       </Profile>
package sfguard.rules.permissions.integration_not_api_only

import rego.v1

import data.sfguard.lib.perms

# Which profile names mean "this is an integration profile". A parameter,
# because every org has its own naming convention.
default pattern := `(?i)(integration|api[ _-]?only|connector|\bsync\b|service[ _-]?account)`

pattern := data.sfguard.params.integration_profile_pattern

# These licenses cannot log in to the UI at all.
api_only_licenses := {"Salesforce Integration", "Salesforce API Integration"}

deny contains f if {
	input.type == "Profile"
	not perms.salesforce_default(input)
	regex.match(pattern, input.fullName)
	not object.get(input.content, "userLicense", "") in api_only_licenses
	not perms.has(input.content, "ApiUserOnly")
	some i in perms.at(input.content, "ApiEnabled")
	f := {
		"msg": sprintf("Profile %s looks like an integration profile and grants API Enabled without API Only User (license %q): its users can also log in to the Salesforce UI, so a leaked integration password opens an interactive session", [input.fullName, object.get(input.content, "userLicense", "unknown")]),
		"element": ["userPermissions", i, "name"],
		"value": "ApiEnabled",
	}
}
