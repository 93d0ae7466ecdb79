# METADATA
# title: Administrator permissions on an API or integration principal
# description: |
#   An integration principal's credentials live outside Salesforce, in a
#   connector, a CI variable or a vendor's database. When the profile,
#   permission set or permission set group that makes a user an API principal
#   (API Enabled, API Only User, or an integration licence: the Salesforce
#   Integration user licence, the Salesforce API Integration permission set
#   licence `SalesforceAPIIntegrationPsl`) also grants administrator powers
#   (Modify All Data, View All Data, Manage Users, Customize Application,
#   Modify Metadata, Author Apex, Reset Passwords, Manage Profiles and
#   Permission Sets), a leaked password or token is an administrator. Each
#   principal is reported once, naming every administrator permission it
#   grants, with a related location for each. Permission set groups are
#   resolved: member sets, minus what their muting permission set mutes.
#   Salesforce's standard profiles, guest profiles and Salesforce-owned
#   permission sets are skipped, and profiles SFG-PERM-002 reports as
#   administrator clones are left to it.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.integration_user.htm
#     description: Give integration users API only access
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
#     description: PermissionSet metadata type (userPermissions, license)
# custom:
#   id: SFG-PERM-008
#   severity: high
#   scope: org
#   types: [Profile, PermissionSet, PermissionSetGroup, MutingPermissionSet]
#   reads: [userPermissions, custom, userLicense, license, label, permissionSets, mutingPermissionSets]
#   tags: [security, permissions, integration-user, least-privilege, api]
#   remediation: |
#     Give the integration only what it needs: remove the administrator
#     permissions from its profile, permission sets and groups (Setup →
#     Profiles, Permission Sets or Permission Set Groups → System
#     Permissions, or delete the `<userPermissions>` entries), and deploy
#     code and metadata from a separate CI identity.
#   examples:
#     fail: |
#       <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#           <hasActivationRequired>false</hasActivationRequired>
#           <label>ERP Integration API</label>
#           <license>SalesforceAPIIntegrationPsl</license>
#           <userPermissions><enabled>true</enabled><name>ModifyAllData</name></userPermissions>
#           <userPermissions><enabled>true</enabled><name>ViewAllData</name></userPermissions>
#       </PermissionSet>
#     pass: |
#       <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
#           <hasActivationRequired>false</hasActivationRequired>
#           <label>ERP Integration API</label>
#           <license>SalesforceAPIIntegrationPsl</license>
#           <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
#       </PermissionSet>
package sfguard.rules.permissions.admin_permissions_on_api_user

import rego.v1

import data.sfguard.lib.perms

# A principal: a profile or permission set as written, or a permission set
# group with the permissions its members resolve to.
# {doc, granted: {name: [element, document]}, integration: why-or-"", api}
principals contains p if {
	some t in ["Profile", "PermissionSet"]
	some d in object.get(input.types, t, [])
	not perms.salesforce_default(d)
	not admin_clone(d)
	p := {
		"doc": d,
		"granted": {n: [{"document": d.path, "element": ["userPermissions", i, "name"]}] |
			some n in perms.granted(d.content)
			i := min(perms.at(d.content, n))
		},
		"integration": integration_reason(d),
	}
}

principals contains p if {
	some g in object.get(input.types, "PermissionSetGroup", [])
	not perms.salesforce_default(g)
	members := [m | some name in object.get(g.content, "permissionSets", []); some m in object.get(input.types, "PermissionSet", []); m.fullName == name]
	granted := {n: [{"document": m.path, "element": ["userPermissions", min(perms.at(m.content, n)), "name"]} |
		some m in members
		perms.has(m.content, n)
	] |
		some m0 in members
		some n in perms.granted(m0.content)
		not muted(g, n)
	}
	p := {"doc": g, "granted": granted, "integration": group_integration(members, granted)}
}

muted(g, n) if {
	some mname in object.get(g.content, "mutingPermissionSets", [])
	some m in object.get(input.types, "MutingPermissionSet", [])
	m.fullName == mname
	perms.has(m.content, n)
}

# SFG-PERM-002 reports human administrator clones; one fact, one finding.
admin_clone(d) if {
	d.type == "Profile"
	not perms.integration(d)
	perms.api_enabled(d.content)
	perms.admin_like(d.content)
}

integration_reason(d) := "API Only User" if perms.has(d.content, "ApiUserOnly")

else := sprintf("the %s licence", [perms.integration_licence(d)]) if perms.integration_licence(d)

else := ""

group_integration(members, granted) := "API Only User" if granted.ApiUserOnly

else := sprintf("the %s licence", [l]) if {
	some m in members
	l := perms.integration_licence(m)
} else := ""

api(p) if p.integration != ""

api(p) if p.granted.ApiEnabled

reported contains [p, held] if {
	some p in principals
	api(p)
	held := sort({n | some n, _ in p.granted; n in perms.admin_powers})
	count(held) > 0
}

# A group whose every administrator power comes from one member that is
# reported itself adds nothing new.
redundant(p, held) if {
	p.doc.type == "PermissionSetGroup"
	some [q, qheld] in reported
	q.doc.type == "PermissionSet"
	q.doc.fullName in object.get(p.doc.content, "permissionSets", [])
	every n in held { n in qheld }
}

deny contains f if {
	some [p, held] in reported
	not redundant(p, held)
	locs := [l | some n in held; some l in p.granted[n]]
	f := {
		"msg": message(p, held),
		"document": locs[0].document,
		"element": locs[0].element,
		"value": held,
		"related": array.slice(locs, 1, count(locs)),
	}
}

message(p, held) := sprintf("%s %s is an integration principal (%s) and grants administrator permissions: %s. Whoever holds its integration user's password or tokens is an administrator through the API", [perms.kind(p.doc), p.doc.fullName, p.integration, labels(held)]) if {
	p.integration != ""
} else := sprintf("%s %s grants API Enabled together with administrator permissions: %s. A leaked password or token of any of its users is an administrator through the API", [perms.kind(p.doc), p.doc.fullName, labels(held)])

labels(held) := concat(", ", [perms.power_label(n) | some n in held])
