# METADATA
# title: Permission newly granted by a profile or permission set
# description: |
#   In PR mode (`--diff-base`), reports system permissions that a profile or
#   permission set grants in the change but did not grant at the base
#   revision, and objects on which it newly grants View All or Modify All.
#   Reviewers see a diff of one `<enabled>` line among thousands; this rule
#   states the privilege it adds. Permissions that open the whole org
#   (Modify All Data, View All Data, API Enabled, Author Apex, Manage Users,
#   Customize Application, Modify Metadata) are reported as high; other
#   administrative permissions as medium; everything else as low. For a
#   component that is new in the change only administrative and
#   org-wide permissions are reported, not every permission it lists.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm
#     description: Profile metadata type (userPermissions, objectPermissions)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#     description: PermissionSet metadata type
#   - ref: https://help.salesforce.com/s/articleView?id=sf.perm_sets_overview.htm
#     description: Permission sets and least privilege
# custom:
#   id: SFG-DELTA-001
#   severity: high
#   scope: delta
#   types: [Profile, PermissionSet]
#   reads: [userPermissions, objectPermissions]
#   tags: [security, delta, permissions, least-privilege]
#   remediation: |
#     Confirm that the grant is intended and needed. Prefer a dedicated
#     permission set assigned to the few users who need the permission over
#     adding it to a profile, and never grant org-wide permissions such as
#     Modify All Data to integration users "to make it work". If the grant is
#     intended, record the decision with a suppression that has a reason and
#     an expiry date.
package sfguard.rules.delta.permission_granted

import rego.v1

import data.sfguard.lib.delta

# Permissions that give access to all data or all configuration.
org_wide := {
	"ModifyAllData", "ViewAllData", "ApiEnabled", "AuthorApex",
	"ManageUsers", "CustomizeApplication", "ModifyMetadata",
}

# Administrative and security-relevant permissions (reference §4.3).
administrative := {
	"ApiUserOnly", "ManageInternalUsers", "PasswordNeverExpires", "ViewEncryptedData", "ManageEncryptionKeys",
	"BypassMFAForUiLogins", "ManageTwoFactor", "DelegatedTwoFactor", "ManageRemoteAccess",
	"CanApproveUninstalledApps", "ClientSecretRotation", "ExternalClientAppAdmin", "ExternalClientAppDeveloper",
	"ViewClientSecret", "ViewSetup", "ResetPasswords", "ManageProfilesPermissionsets", "AssignPermissionSets",
	"ManageSessionPermissionSets", "ManageIpAddresses", "ManageLoginAccessPolicies", "ManagePasswordPolicies",
	"ManageAuthProviders", "ManageCertificates", "ManageNamedCredentials", "ManageSharing", "ManageRoles",
	"ViewAllUsers", "ViewAllProfiles", "ViewUserPII", "ExportReport", "DataExport", "IsSsoEnabled",
	"SkipIdentityConfirmation", "TransactionSecurityExempt", "CanDoActAsUser", "FreezeUsers",
	"InstallPackaging", "ApexRestServices", "ManageDataIntegrations", "UseAnyApiClient", "UseAnyApiAuth",
}

enabled_permissions(content) := {p.name |
	some p in object.get(content, "userPermissions", [])
	p.enabled == true
}

severity(name) := "high" if name in org_wide

else := "medium" if name in administrative

else := "low"

reported(_) if not delta.is_new

reported(name) if {
	delta.is_new
	name in (org_wide | administrative)
}

deny contains f if {
	input.head.type in {"Profile", "PermissionSet"}
	before := enabled_permissions(delta.base_content)
	some i, p in object.get(input.head.content, "userPermissions", [])
	p.enabled == true
	not p.name in before
	reported(p.name)
	f := {
		"msg": sprintf("%s %s %s %s%s", [input.head.type, input.head.fullName, verb, p.name, effect(p.name)]),
		"severity": severity(p.name),
		"element": ["userPermissions", i, "name"],
		"value": p.name,
	}
}

deny contains f if {
	input.head.type in {"Profile", "PermissionSet"}
	some i, o in object.get(input.head.content, "objectPermissions", [])
	some flag in ["modifyAllRecords", "viewAllRecords"]
	o[flag] == true
	not granted_at_base(o.object, flag)
	f := {
		"msg": sprintf("%s %s %s %s on %s: every %s record, regardless of sharing", [input.head.type, input.head.fullName, verb, flag_label[flag], o.object, o.object]),
		"severity": "medium",
		"element": ["objectPermissions", i, flag],
		"value": sprintf("%s.%s", [o.object, flag]),
	}
}

granted_at_base(obj, flag) if {
	some o in object.get(delta.base_content, "objectPermissions", [])
	o.object == obj
	o[flag] == true
}

flag_label := {"modifyAllRecords": "Modify All", "viewAllRecords": "View All"}

verb := "(new in this change) grants" if delta.is_new

else := "newly grants"

effect(name) := sprintf(": %s", [effects[name]]) if effects[name]

else := ""

effects := {
	"ModifyAllData": "read, edit and delete every record in the org, regardless of sharing",
	"ViewAllData": "read every record in the org, regardless of sharing",
	"ApiEnabled": "API access, so everything the user can see can be exported by a script",
	"AuthorApex": "write and run Apex, which executes without sharing or field-level security",
	"ManageUsers": "create users and assign profiles and permission sets, including to themselves",
	"CustomizeApplication": "change org configuration",
	"ModifyMetadata": "deploy and change metadata through the Metadata API",
}
