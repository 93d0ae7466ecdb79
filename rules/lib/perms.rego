# METADATA
# title: User permission helpers
# description: |
#   Helpers for the user permissions of profiles, permission sets, muting
#   permission sets and permission set groups.
package sfguard.lib.perms

import rego.v1

# at(content, name) is the set of indices of userPermissions entries that
# grant name. Salesforce retrieves only enabled permissions, but a deployed
# file may list disabled ones (enabled false), which grant nothing.
at(content, name) := {i |
	some i, p in object.get(content, "userPermissions", [])
	p.name == name
	p.enabled == true
}

# has(content, name) holds when the document grants name.
has(content, name) if count(at(content, name)) > 0

# granted(content) is the set of permission names the document grants.
granted(content) := {p.name |
	some p in object.get(content, "userPermissions", [])
	p.enabled == true
}

# API principals: users who can use the API at all.
api_enabled(content) if has(content, "ApiEnabled")

# The System Administrator permissions an integration profile copied from it
# carries. Three or more of them together mean an administrator clone.
admin_permissions := {"ModifyAllData", "ViewAllData", "CustomizeApplication", "ManageUsers"}

admin_like(content) if count(granted(content) & admin_permissions) >= 3

# Permissions that matter for security when someone holds them, with the UI
# label an administrator recognises and why they matter. Group resolution
# (SFG-PERM-010) reports these when they reach users through a permission set
# group.
powerful := {
	"ModifyAllData": {"label": "Modify All Data", "severity": "high", "why": "edit and delete every record and most setup"},
	"ViewAllData": {"label": "View All Data", "severity": "high", "why": "read every record regardless of sharing"},
	"ViewEncryptedData": {"label": "View Encrypted Data", "severity": "medium", "why": "read classic encrypted custom fields in clear text"},
	"BypassMFAForUiLogins": {"label": "Waive Multi-Factor Authentication for Exempt Users", "severity": "high", "why": "log in to the UI without multi-factor authentication"},
	"ManageUsers": {"label": "Manage Users", "severity": "high", "why": "create users, reset passwords and assign profiles and permission sets"},
	"AuthorApex": {"label": "Author Apex", "severity": "high", "why": "deploy Apex that runs in system mode"},
	"ModifyMetadata": {"label": "Modify Metadata Through Metadata API Functions", "severity": "high", "why": "change most setup through the Metadata API"},
	"CustomizeApplication": {"label": "Customize Application", "severity": "medium", "why": "change objects, fields, page layouts and many org settings"},
	"ManageRemoteAccess": {"label": "Manage Connected Apps", "severity": "medium", "why": "create connected apps and change their OAuth policies"},
	"CanApproveUninstalledApps": {"label": "Approve Uninstalled Connected Apps", "severity": "medium", "why": "authorize connected apps that no administrator installed"},
	"PasswordNeverExpires": {"label": "Password Never Expires", "severity": "medium", "why": "keep a password forever regardless of the password policy"},
	"ViewClientSecret": {"label": "View External Client App Consumer Secrets in Metadata", "severity": "medium", "why": "retrieve external client app consumer secrets"},
}

# label(name) is the Setup label of a permission, or its API name.
label(name) := powerful[name].label

label(name) := name if not powerful[name]

# kind(doc) names the document's type the way Setup does.
kind(doc) := "Profile" if doc.type == "Profile"

kind(doc) := "Permission set" if doc.type == "PermissionSet"

kind(doc) := "Muting permission set" if doc.type == "MutingPermissionSet"

kind(doc) := "Permission set group" if doc.type == "PermissionSetGroup"

# standard_profile(content) holds for Salesforce's own profiles (custom
# false), such as System Administrator, whose permissions are by design.
standard_profile(content) if content.custom == false
