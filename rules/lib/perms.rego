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

# Administrator powers: what makes a principal an administrator when it
# holds any of them (reference §4.3, §14). An integration principal with one
# of these is reported with all of them at once (SFG-PERM-008).
admin_powers := {
	"ModifyAllData", "ViewAllData", "ManageUsers", "CustomizeApplication", "ModifyMetadata",
	"AuthorApex", "ResetPasswords", "ManageProfilesPermissionsets",
}

admin_power_labels := {
	"ResetPasswords": "Reset User Passwords and Unlock Users",
	"ManageProfilesPermissionsets": "Manage Profiles and Permission Sets",
}

# power_label(name) is the Setup label of an administrator power.
power_label(name) := admin_power_labels[name]

power_label(name) := label(name) if not admin_power_labels[name]

# Licences that mark an API principal by themselves (reference §14): the
# Salesforce Integration user licence on a profile, the Salesforce API
# Integration permission set licence on a permission set.
integration_licences := {"Salesforce Integration", "SalesforceAPIIntegrationPsl", "Salesforce API Integration"}

# integration_licence(d) is the integration licence a profile or permission
# set is on; undefined otherwise.
integration_licence(d) := l if {
	some key in ["userLicense", "license"]
	l := object.get(d.content, key, "")
	l in integration_licences
}

# integration(d) holds for an integration principal: API Only User, or an
# integration licence.
integration(d) if has(d.content, "ApiUserOnly")

integration(d) if integration_licence(d)

# Salesforce-owned permission sets (reference §15.3): the sfdcInternalInt
# namespace and the sfdc_ internal sets. The org cannot edit them, so their
# grants are Salesforce defaults rather than findings.
salesforce_owned(d) if {
	d.type in {"PermissionSet", "PermissionSetGroup", "MutingPermissionSet"}
	regex.match(`^(sfdcInternalInt__|sfdc_)`, d.fullName)
}

# Standard profile file names (reference §15.1). <custom> is not reliable
# (Read Only says true in every retrieve), so the names count as well.
standard_profile_names := {
	"Admin", "Standard", "StandardAul", "MarketingProfile", "ContractManager", "SolutionManager", "Read Only",
	"Minimum Access - Salesforce", "Minimum Access - API Only Integrations", "Salesforce API Only System Integrations",
	"Analytics Cloud Integration User", "Analytics Cloud Security User", "Sales Insights Integration User",
	"SalesforceIQ Integration User", "CPQ Integration User", "Einstein Agent User", "Chatter Free User",
	"Chatter Moderator User", "Chatter External User", "Chatter Only User", "Customer Community User",
	"Customer Community Login User", "Customer Community Plus User", "Customer Community Plus Login User",
	"Partner Community User", "Partner Community Login User", "Gold Partner User", "Silver Partner User",
	"High Volume Customer Portal User", "HighVolumePortal", "Customer Portal Manager Custom",
	"Customer Portal Manager Standard", "Authenticated Website", "PlatformPortal", "Guest License User",
	"Identity User", "Anypoint Integration", "External Identity User", "External Apps Login User",
	"Cross Org Data Proxy User", "Company Communities User", "Work.com Only User", "Force.com - Free User",
	"Force.com - App Subscription User", "Partner App Subscription User",
}

# guest_profile(d): an Experience Cloud site guest profile (reference §15.2).
guest_profile(d) if {
	d.type == "Profile"
	object.get(d.content, "userLicense", "") == "Guest User License"
}

# salesforce_default(d) holds for documents whose permissions Salesforce
# ships and the org cannot change: standard profiles (by <custom>false or by
# name), guest profiles (no password, no login) and Salesforce-owned
# permission sets. Rules about grants skip them consistently.
salesforce_default(d) if {
	d.type == "Profile"
	standard_profile(d.content)
}

salesforce_default(d) if {
	d.type == "Profile"
	d.fullName in standard_profile_names
}

salesforce_default(d) if guest_profile(d)

salesforce_default(d) if salesforce_owned(d)

# Standard profiles whose permissions are known facts (reference §15.1),
# keyed by the display name connected apps use in <profileName>, with the
# file name (fullName) and the permissions every retrieve that lists them
# shows. Standard profile permissions cannot be edited, so when an app names
# one of these and its file is not in the scan, rules use these permissions
# and say they were assumed. Only what the reference states is listed.
standard_profile_permissions := {
	"System Administrator": {"file": "Admin", "permissions": {"ModifyAllData", "ViewAllData"}},
	"Analytics Cloud Integration User": {"file": "Analytics Cloud Integration User", "permissions": {"ViewAllData", "ApiUserOnly"}},
	"Sales Insights Integration User": {"file": "Sales Insights Integration User", "permissions": {"ViewAllData", "ApiUserOnly"}},
	"SalesforceIQ Integration User": {"file": "SalesforceIQ Integration User", "permissions": {"ViewAllData", "ApiUserOnly"}},
}

# standard_profile_named(name) is [display name, entry] of the standard
# profile with known permissions that name (display or file name, any case)
# refers to; undefined for any other name.
standard_profile_named(name) := [display, e] if {
	some display, e in standard_profile_permissions
	lower(trim_space(name)) in {lower(display), lower(e.file)}
}
