package sfguard.rules.paths.permanent_token_access_test

import rego.v1

import data.sfguard.rules.paths.permanent_token_access as rule

up(names) := [{"enabled": true, "name": n} | some n in names]

admin_clone := {"type": "Profile", "fullName": "Mail Connector Integration", "path": "profiles/Mail Connector Integration.profile", "content": {
	"custom": true,
	"userPermissions": up(["ApiEnabled", "CustomizeApplication", "ManageUsers", "ModifyAllData", "ViewAllData"]),
}}

sales := {"type": "Profile", "fullName": "Sales User", "path": "profiles/Sales User.profile", "content": {"custom": true, "userPermissions": up(["ApiEnabled"])}}

app(relax, policy, holders) := {"type": "ConnectedApp", "fullName": "Mail_Marketing_Connector", "path": "connectedApps/Mail_Marketing_Connector.connectedApp", "content": object.union(
	{
		"oauthConfig": {"isAdminApproved": true, "scopes": ["Api", "Full", "RefreshToken"]},
		"oauthPolicy": object.union({"ipRelaxation": relax}, policy),
	},
	holders,
)}

org(apps) := {"types": {"ConnectedApp": apps, "Profile": [admin_clone, sales]}, "externalClientApps": {}}

test_connected_app_chain_to_admin_clone_is_critical if {
	fs := rule.deny with input as org([app("BYPASS", {"refreshTokenPolicy": "infinite"}, {"profileName": ["Sales User", "mail connector integration"]})])
	count(fs) == 2
	some f in fs
	f.severity == "critical"
	f.document == "connectedApps/Mail_Marketing_Connector.connectedApp"
	f.element == ["profileName", 1]
	contains(f.msg, "as profile \"mail connector integration\", which carries administrator permissions (Customize Application, Manage Users, Modify All Data, View All Data)")
	f.related == [
		{"document": "connectedApps/Mail_Marketing_Connector.connectedApp", "element": ["oauthPolicy", "ipRelaxation"]},
		{"document": "connectedApps/Mail_Marketing_Connector.connectedApp", "element": ["oauthPolicy", "refreshTokenPolicy"]},
		{"document": "profiles/Mail Connector Integration.profile", "element": ["userPermissions", 1, "name"]},
	]
	some g in fs
	g.element == ["profileName", 0]
	g.severity == "high"
}

test_absent_refresh_token_policy_is_infinite if {
	some f in rule.deny with input as org([app("BYPASS", {}, {"profileName": ["Mail Connector Integration"]})])
	contains(f.msg, "absent, default infinite")
}

test_any_broken_link_breaks_the_chain if {
	count(rule.deny) == 0 with input as org([app("ENFORCE", {"refreshTokenPolicy": "infinite"}, {"profileName": ["Mail Connector Integration"]})])
	count(rule.deny) == 0 with input as org([app("BYPASS", {"refreshTokenPolicy": "specific_inactivity:30:DAYS"}, {"profileName": ["Mail Connector Integration"]})])
	count(rule.deny) == 0 with input as org([app("BYPASS", {"refreshTokenPolicy": "infinite"}, {"profileName": ["Somebody Else"]})])
	count(rule.deny) == 0 with input as org([json.patch(app("BYPASS", {"refreshTokenPolicy": "infinite"}, {"profileName": ["Mail Connector Integration"]}), [{"op": "replace", "path": "/content/oauthConfig/scopes", "value": ["Api", "Full"]}])])
}

eca(users, relax, rt, scopes) := {"IGA_Provisioning": {
	"header": null,
	"globalOauth": null,
	"policies": null,
	"oauthSettings": {"type": "ExtlClntAppOauthSettings", "fullName": "IGA_Provisioning_oauth", "path": "extlClntAppOauthSettings/IGA_Provisioning_oauth.ecaOauth", "content": {"commaSeparatedOauthScopes": scopes}},
	"oauthPolicies": {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "IGA_Provisioning_oauthPlcy", "path": "extlClntAppOauthPolicies/IGA_Provisioning_oauthPlcy.ecaOauthPlcy", "content": {
		"commaSeparatedProfile": "Sales User, Mail Connector Integration",
		"permittedUsersPolicyType": users,
		"ipRelaxationPolicyType": relax,
		"refreshTokenPolicyType": rt,
	}},
}}

test_eca_chain_across_its_files if {
	fs := rule.deny with input as {"types": {"Profile": [admin_clone, sales]}, "externalClientApps": eca("AdminApprovedPreAuthorized", "Bypass", "Infinite", "Api, RefreshToken")}
	count(fs) == 2
	some f in fs
	f.document == "extlClntAppOauthPolicies/IGA_Provisioning_oauthPlcy.ecaOauthPlcy"
	f.element == ["commaSeparatedProfile"]
	f.severity == "critical"
	f.value == "Mail Connector Integration"
}

test_eca_self_authorized_or_enforced_is_not_this_chain if {
	count(rule.deny) == 0 with input as {"types": {"Profile": [admin_clone]}, "externalClientApps": eca("AllSelfAuthorized", "Bypass", "Infinite", "Api, RefreshToken")}
	count(rule.deny) == 0 with input as {"types": {"Profile": [admin_clone]}, "externalClientApps": eca("AdminApprovedPreAuthorized", "Enforce", "Infinite", "Api, RefreshToken")}
	count(rule.deny) == 0 with input as {"types": {"Profile": [admin_clone]}, "externalClientApps": eca("AdminApprovedPreAuthorized", "Bypass", "Infinite", "Api")}
}

test_permission_set_by_label if {
	ps := {"type": "PermissionSet", "fullName": "Connector_Admin", "path": "permissionsets/Connector_Admin.permissionset", "content": {"label": "Connector Admin Access", "userPermissions": up(["ModifyAllData", "ViewAllData", "ManageUsers"])}}
	fs := rule.deny with input as {"types": {"ConnectedApp": [app("BYPASS", {"refreshTokenPolicy": "infinite"}, {"permissionSetName": ["Connector Admin Access"]})], "PermissionSet": [ps]}, "externalClientApps": {}}
	some f in fs
	f.element == ["permissionSetName", 0]
	contains(f.msg, "permission set \"Connector Admin Access\"")
}

test_system_administrator_absent_from_scan_uses_standard_permissions if {
	fs := rule.deny with input as org([app("BYPASS", {"refreshTokenPolicy": "infinite"}, {"profileName": ["System Administrator"]})])
	count(fs) == 1
	some f in fs
	f.severity == "critical"
	f.element == ["profileName", 0]
	f.value == "System Administrator"
	contains(f.msg, "as profile \"System Administrator\", which carries administrator permissions (Modify All Data, View All Data; powers assumed from the standard System Administrator profile, whose file is not in the scan)")
	f.related == [
		{"document": "connectedApps/Mail_Marketing_Connector.connectedApp", "element": ["oauthPolicy", "ipRelaxation"]},
		{"document": "connectedApps/Mail_Marketing_Connector.connectedApp", "element": ["oauthPolicy", "refreshTokenPolicy"]},
	]
}

test_standard_view_all_data_profile_absent_is_high if {
	some f in rule.deny with input as org([app("BYPASS", {"refreshTokenPolicy": "infinite"}, {"profileName": ["Analytics Cloud Integration User"]})])
	f.severity == "high"
	contains(f.msg, "which carries the permissions (View All Data; powers assumed from the standard Analytics Cloud Integration User profile, whose file is not in the scan)")
}

test_custom_or_unknown_standard_profile_absent_stays_silent if {
	count(rule.deny) == 0 with input as org([app("BYPASS", {"refreshTokenPolicy": "infinite"}, {"profileName": ["Integration Admin"]})])
	count(rule.deny) == 0 with input as org([app("BYPASS", {"refreshTokenPolicy": "infinite"}, {"profileName": ["Standard User"]})])
	count(rule.deny) == 0 with input as org([app("ENFORCE", {"refreshTokenPolicy": "infinite"}, {"profileName": ["System Administrator"]})])
}

# The Admin file in the scan is what the app's display name means: its own
# permissions are read, and nothing is assumed.
test_system_administrator_in_scan_is_read_from_its_file if {
	admin := {"type": "Profile", "fullName": "Admin", "path": "profiles/Admin.profile", "content": {"custom": false, "userPermissions": up(["ApiEnabled", "CustomizeApplication", "ManageUsers", "ModifyAllData", "ViewAllData"])}}
	fs := rule.deny with input as {"types": {"ConnectedApp": [app("BYPASS", {}, {"profileName": ["System Administrator"]})], "Profile": [admin]}, "externalClientApps": {}}
	some f in fs
	f.severity == "critical"
	not contains(f.msg, "assumed")
	f.related[2].document == "profiles/Admin.profile"
}

test_eca_names_absent_system_administrator if {
	e := json.patch(eca("AdminApprovedPreAuthorized", "Bypass", "Infinite", "Api, RefreshToken"), [{"op": "replace", "path": "/IGA_Provisioning/oauthPolicies/content/commaSeparatedProfile", "value": "System Administrator"}])
	some f in rule.deny with input as {"types": {}, "externalClientApps": e}
	f.severity == "critical"
	contains(f.msg, "powers assumed from the standard System Administrator profile")
}
