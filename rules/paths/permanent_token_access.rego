# METADATA
# title: One leaked refresh token is permanent access from anywhere
# description: |
#   A connected app or external client app can turn one stolen credential into
#   lasting access when three of its settings line up with who may use it.
#   Its refresh tokens are valid until revoked, so a refresh token copied
#   from the connector's database, a laptop or a log never stops working. Its
#   IP relaxation is "Relax IP restrictions" (BYPASS), so tokens work from any
#   address even for users whose profile has Login IP Ranges. And it is
#   pre-authorised (admin approved) for a profile or permission set, which
#   names exactly whose data the token opens. When that profile is an
#   administrator clone, as mail-marketing and similar connectors ask for,
#   one leaked refresh token is permanent administrator access from anywhere.
#   The finding sits on the pre-authorisation entry (profileName,
#   permissionSetName or commaSeparatedProfile) and links the IP relaxation,
#   the refresh token policy and the grant that makes the profile powerful.
#   A standard profile with known permissions (System Administrator has
#   Modify All Data and View All Data) is judged even when its file is not in
#   the scan: its permissions cannot be edited, so they are assumed from the
#   standard profile, and the message says so.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_oauth.htm
#     description: Manage OAuth access policies for a connected app
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_continuous_ip.htm
#     description: Connected app IP relaxation and continuous IP enforcement
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (profileName, permissionSetName, oauthPolicy)
# custom:
#   id: SFG-PATH-002
#   severity: critical
#   scope: org
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies, ExtlClntAppOauthSettings, Profile, PermissionSet]
#   reads: [oauthConfig, oauthPolicy, profileName, permissionSetName, label, custom, userPermissions, ipRelaxationPolicyType, refreshTokenPolicyType, permittedUsersPolicyType, commaSeparatedProfile, commaSeparatedPermissionSet, commaSeparatedOauthScopes]
#   tags: [security, access-path, oauth, refresh-token, connected-app, external-client-app, network]
#   remediation: |
#     Break the chain at the app: set the refresh token policy to expire
#     (`<refreshTokenPolicy>specific_inactivity:30:DAYS</refreshTokenPolicy>`,
#     or `refreshTokenPolicyType` SpecificInactivity for an external client
#     app) and IP relaxation to "Enforce IP restrictions" (`ENFORCE` /
#     `Enforce`) with the connector's egress addresses in the integration
#     profile's Login IP Ranges. Then give the integration user a minimal
#     profile instead of an administrator clone, and revoke the tokens already
#     issued (Setup → Connected Apps OAuth Usage → the app → Revoke).
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Mail Marketing Connector</label>
#           <oauthConfig>
#               <isAdminApproved>true</isAdminApproved>
#               <scopes>Api</scopes>
#               <scopes>RefreshToken</scopes>
#           </oauthConfig>
#           <oauthPolicy>
#               <ipRelaxation>BYPASS</ipRelaxation>
#               <refreshTokenPolicy>infinite</refreshTokenPolicy>
#           </oauthPolicy>
#           <profileName>Mail Connector Integration</profileName>
#       </ConnectedApp>
#       <!-- profiles/Mail Connector Integration.profile grants ModifyAllData, ViewAllData, ManageUsers -->
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Mail Marketing Connector</label>
#           <oauthConfig>
#               <isAdminApproved>true</isAdminApproved>
#               <scopes>Api</scopes>
#               <scopes>RefreshToken</scopes>
#           </oauthConfig>
#           <oauthPolicy>
#               <ipRelaxation>ENFORCE</ipRelaxation>
#               <refreshTokenPolicy>specific_inactivity:30:DAYS</refreshTokenPolicy>
#           </oauthPolicy>
#           <profileName>Mail Connector Integration</profileName>
#       </ConnectedApp>
package sfguard.rules.paths.permanent_token_access

import rego.v1

import data.sfguard.lib.enums
import data.sfguard.lib.names
import data.sfguard.lib.oauth
import data.sfguard.lib.perms

# Profiles and permission sets by the names apps use for them: apps store
# labels, files are named by API name, and the two usually differ only in
# case or underscores, so both are indexed.
holders contains [t, lower(n), d] if {
	some t in ["Profile", "PermissionSet"]
	some d in object.get(input.types, t, [])
	some n in {d.fullName, names.of(d.content, "label", d.fullName), replace(d.fullName, "_", " ")}
}

# Standard profile files are named by API name (Admin) while apps use the
# display name (System Administrator): index that too.
holders contains ["Profile", lower(display), d] if {
	some d in object.get(input.types, "Profile", [])
	some display, e in perms.standard_profile_permissions
	d.fullName == e.file
}

matching(t, name) := in_scan(t, name) if count(in_scan(t, name)) > 0

# A standard profile with known permissions whose file is not in the scan:
# its permissions are facts, so the chain is still judged, on assumed
# permissions placed at the app element that names the profile.
else := {assumed_profile(name)} if {
	t == "Profile"
	perms.standard_profile_named(name)
} else := set()

in_scan(t, name) := {d |
	some [tt, n, d] in holders
	tt == t
	n == lower(trim_space(name))
}

assumed_profile(name) := {
	"type": "Profile", "fullName": display, "path": "", "assumed": true,
	"content": {"custom": false, "userPermissions": [{"enabled": true, "name": p} | some p in e.permissions]},
} if [display, e] := perms.standard_profile_named(name)

# Which type each pre-authorisation element names.
holder_type := {
	"profileName": "Profile",
	"permissionSetName": "PermissionSet",
	"commaSeparatedProfile": "Profile",
	"commaSeparatedPermissionSet": "PermissionSet",
}

# What the holder's users get: administrator permissions make it critical.
power(d) := {"admin": true, "what": sprintf(", which carries administrator permissions (%s)", [concat(", ", [perms.label(x) | some x in held(d)])]), "at": min({j | some x in held(d); some j in perms.at(d.content, x)})} if {
	not d.assumed
	perms.admin_like(d.content)
}

power(d) := {"admin": false, "what": "", "at": null} if {
	not d.assumed
	not perms.admin_like(d.content)
}

# An assumed standard profile is an administrator when it has Modify All
# Data (System Administrator): that alone edits every record and most setup.
power(d) := {"admin": assumed_admin(d), "what": assumed_what(d), "at": null} if d.assumed

assumed_admin(d) if {
	some p in d.content.userPermissions
	p.name == "ModifyAllData"
} else := false

assumed_what(d) := sprintf(", which carries %s (%s; powers assumed from the standard %s profile, whose file is not in the scan)", [
	assumed_word(d), concat(", ", sort([perms.label(p.name) | some p in d.content.userPermissions; p.name != "ApiUserOnly"])), d.fullName,
])

assumed_word(d) := "administrator permissions" if assumed_admin(d)

else := "the permissions"

held(d) := sort(perms.granted(d.content) & perms.admin_permissions)

# Connected apps: pre-authorised, BYPASS, refresh tokens valid until revoked,
# and the RefreshToken scope that makes Salesforce issue refresh tokens.
ca_chains contains c if {
	some app in object.get(input.types, "ConnectedApp", [])
	cfg := app.content.oauthConfig
	cfg.isAdminApproved == true
	oauth.ca_refresh_tokens(app.content)
	ip := app.content.oauthPolicy.ipRelaxation
	oauth.relaxation("ConnectedApp", "oauthPolicy/ipRelaxation", ip) == "relax"
	rt := object.get(app.content, ["oauthPolicy", "refreshTokenPolicy"], "infinite")
	enums.effective("ConnectedApp", "oauthPolicy/refreshTokenPolicy", rt) == "infinite"
	some kind in ["profileName", "permissionSetName"]
	some i, name in object.get(app.content, kind, [])
	some d in matching(holder_type[kind], name)

	# An absent refreshTokenPolicy is the documented default, infinite; the
	# engine then points at the nearest existing ancestor.
	c := {
		"app": sprintf("Connected app %s", [app.fullName]), "doc": app, "element": [kind, i], "name": name, "holder": d,
		"ip": ["oauthPolicy", "ipRelaxation"], "rt": ["oauthPolicy", "refreshTokenPolicy"], "ip_w": shown("ConnectedApp", "oauthPolicy/ipRelaxation", ip), "rt_w": shown_rt(app),
	}
}

shown_rt(app) := "refreshTokenPolicy absent, default infinite" if {
	not app.content.oauthPolicy.refreshTokenPolicy
} else := shown("ConnectedApp", "oauthPolicy/refreshTokenPolicy", app.content.oauthPolicy.refreshTokenPolicy)

# shown names a setting and its value, or says that the value is not one
# Salesforce documents and was read as the least secure one.
shown(type, path, v) := enums.note(type, path, v, enums.spec(type, path).worst) if {
	enums.unrecognised(type, path, v)
} else := sprintf("%s %s", [enums.element(path), v])

# External client apps: the same facts spread over the OAuth policies file
# (who, IP relaxation, refresh token policy) and the OAuth settings file
# (scopes).
eca_chains contains c if {
	some name, e in input.externalClientApps
	p := e.oauthPolicies
	p != null
	t := "ExtlClntAppOauthConfigurablePolicies"
	p.content.permittedUsersPolicyType == "AdminApprovedPreAuthorized"
	oauth.relaxation(t, "ipRelaxationPolicyType", p.content.ipRelaxationPolicyType) == "relax"
	enums.effective(t, "refreshTokenPolicyType", p.content.refreshTokenPolicyType) == "Infinite"
	e.oauthSettings != null
	oauth.eca_refresh_tokens(e)
	some kind in ["commaSeparatedProfile", "commaSeparatedPermissionSet"]
	some holder_name in split(object.get(p.content, kind, ""), ",")
	some d in matching(holder_type[kind], holder_name)
	c := {
		"app": sprintf("External client app %s", [name]), "doc": p, "element": [kind], "name": trim_space(holder_name), "holder": d,
		"ip": ["ipRelaxationPolicyType"], "rt": ["refreshTokenPolicyType"], "ip_w": shown(t, "ipRelaxationPolicyType", p.content.ipRelaxationPolicyType), "rt_w": shown(t, "refreshTokenPolicyType", p.content.refreshTokenPolicyType),
	}
}

deny contains f if {
	some c in (ca_chains | eca_chains)
	pw := power(c.holder)
	f := {
		"msg": sprintf("%s: one leaked refresh token is permanent access from anywhere as %s %q%s. Chain: pre-authorised for %q (%s) → refresh tokens valid until revoked (%s) → IP restrictions relaxed (%s) → %s", [c.app, lower(perms.kind(c.holder)), c.name, pw.what, c.name, c.element[0], c.rt_w, c.ip_w, consequence(pw)]),
		"document": c.doc.path,
		"element": c.element,
		"severity": severity(pw),
		"value": c.name,
		"related": related(c, pw),
	}
}

consequence(pw) := "whoever holds one token acts as an administrator from any network until someone revokes it" if pw.admin

else := "whoever holds one token reads and changes what these users can, from any network, until someone revokes it"

severity(pw) := "critical" if pw.admin

else := "high"

related(c, pw) := array.concat(
	[{"document": c.doc.path, "element": c.ip}, {"document": c.doc.path, "element": c.rt}],
	holder_link(c, pw),
)

holder_link(c, pw) := [] if c.holder.assumed

else := [{"document": c.holder.path, "element": ["userPermissions", pw.at, "name"]}] if pw.admin

else := [{"document": c.holder.path, "element": []}]
