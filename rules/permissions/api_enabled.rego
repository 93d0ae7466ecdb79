# METADATA
# title: API Enabled without login IP ranges
# description: |
#   "API Enabled" lets a user log in to the SOAP and REST APIs with a username
#   and password. From outside the org's trusted IP ranges the password must
#   have the user's security token appended; inside them the password alone
#   works. The only control that blocks an API login from an arbitrary address
#   is the profile's Login IP Ranges: outside them the login fails, token or
#   not. So a profile that grants API Enabled and has no login IP ranges can be
#   used from anywhere on the internet by whoever has the password and token,
#   the pair that integration guides ask admins to paste into third-party
#   tools, build files and CI variables. A permission set that grants API
#   Enabled is reported at lower severity: its holders' profiles decide where
#   they can log in from.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.user_security_token.htm
#     description: Reset your security token
#   - ref: https://help.salesforce.com/s/articleView?id=sf.login_ip_ranges.htm
#     description: Restrict login IP ranges in profiles
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (userPermissions, loginIpRanges)
# custom:
#   id: SFG-PERM-001
#   severity: high
#   types: [Profile, PermissionSet]
#   reads: [userPermissions, loginIpRanges, label]
#   tags: [security, permissions, api, network, security-token, sbs:SBS-ACS-002]
#   remediation: |
#     Prefer an OAuth flow (JWT bearer or client credentials with a run-as
#     user) over stored passwords. Add Login IP Ranges to the profile
#     (Setup → Profiles → the profile → Login IP Ranges) that cover only the
#     integration's egress addresses, or remove "API Enabled" from profiles
#     whose users do not need the API. In metadata: `<loginIpRanges>` with
#     `<startAddress>`/`<endAddress>` on the Profile.
#   examples:
#     fail: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <custom>true</custom>
#           <userLicense>Salesforce</userLicense>
#           <userPermissions>
#               <enabled>true</enabled>
#               <name>ApiEnabled</name>
#           </userPermissions>
#       </Profile>
#     pass: |
#       <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
#           <custom>true</custom>
#           <loginIpRanges>
#               <endAddress>203.0.113.20</endAddress>
#               <startAddress>203.0.113.10</startAddress>
#           </loginIpRanges>
#           <userLicense>Salesforce</userLicense>
#           <userPermissions>
#               <enabled>true</enabled>
#               <name>ApiEnabled</name>
#           </userPermissions>
#       </Profile>
package sfguard.rules.permissions.api_enabled

import rego.v1

granted_at contains i if {
	some i, p in input.content.userPermissions
	p.name == "ApiEnabled"
	p.enabled == true
}

deny contains f if {
	input.type == "Profile"
	some i in granted_at
	count(object.get(input.content, "loginIpRanges", [])) == 0
	f := {
		"msg": sprintf("Profile %s grants API Enabled and has no login IP ranges: its users can log in to the API from any address with password + security token (and with the password alone from the org's trusted IP ranges)", [input.fullName]),
		"element": ["userPermissions", i, "name"],
		"value": "ApiEnabled",
	}
}

deny contains f if {
	input.type == "PermissionSet"
	some i in granted_at
	f := {
		"msg": sprintf("Permission set %s grants API Enabled: whether its holders can use the API from anywhere depends on their profiles' login IP ranges", [input.fullName]),
		"severity": "low",
		"element": ["userPermissions", i, "name"],
		"value": "ApiEnabled",
	}
}
