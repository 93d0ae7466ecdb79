package sfguard.access_test

import rego.v1

import data.sfguard.access

up(names) := [{"enabled": true, "name": n} | some n in names]

profile(name, ranges, names) := {"type": "Profile", "fullName": name, "path": sprintf("profiles/%s.profile", [name]), "content": {
	"custom": true,
	"loginIpRanges": ranges,
	"userLicense": "Salesforce",
	"userPermissions": up(names),
}}

security(ranges) := {"type": "SecuritySettings", "fullName": "Security", "path": "settings/Security.settings", "content": {"networkAccess": {"ipRanges": ranges}}}

vendor := {"description": "Mail connector", "start": "0.0.0.0", "end": "127.255.255.255"}

office := {"description": "Head office", "start": "203.0.113.10", "end": "203.0.113.14"}

app(relax, rt, holders) := {"type": "ConnectedApp", "fullName": "Mail_Marketing_Connector", "path": "connectedApps/Mail_Marketing_Connector.connectedApp", "content": object.union(
	{
		"label": "Mail Marketing Connector",
		"oauthConfig": {"isAdminApproved": true, "scopes": ["Api", "RefreshToken"]},
		"oauthPolicy": {"ipRelaxation": relax, "refreshTokenPolicy": rt},
	},
	holders,
)}

admin := profile("Mail Connector Integration", [], ["ApiEnabled", "CustomizeApplication", "ManageUsers", "ModifyAllData", "ViewAllData"])

org(profiles, ranges, apps) := {"types": {"Profile": profiles, "SecuritySettings": [security(ranges)], "ConnectedApp": apps}, "externalClientApps": {}}

ways_of(m, name) := [w | some p in m.principals; p.name == name; some w in p.ways]

test_seed_chains_carry_the_path_rules if {
	m := access.matrix with input as org([admin], [office, vendor], [app("BYPASS", "infinite", {"profileName": ["Mail Connector Integration"]})])
	ws := ways_of(m, "Mail Connector Integration")
	some pw in ws
	pw.kind == "password"
	pw.rule == "SFG-PATH-001"
	pw.severity == "critical"
	pw.addresses == 2147483653
	some ow in ws
	ow.kind == "oauth"
	ow.rule == "SFG-PATH-002"
	ow.lasts == "valid until revoked"
	ow.from == "anywhere (IP restrictions relaxed)"
	some tw in ws
	tw.kind == "password+token"
	tw.from == "anywhere"
	tw.severity == "high"
}

test_small_trusted_range_and_enforced_app_carry_no_rule if {
	m := access.matrix with input as org([admin], [office], [app("ENFORCE", "specific_inactivity:30:DAYS", {"profileName": ["Mail Connector Integration"]})])
	ws := ways_of(m, "Mail Connector Integration")
	every w in ws {
		w.rule == ""
	}
	some ow in ws
	ow.kind == "oauth"
	ow.lasts == "expires after 30 days unused"
	ow.from == "the user's login IP ranges"
}

test_login_ranges_replace_token_way if {
	p := profile("Sync", [{"startAddress": "192.0.2.32", "endAddress": "192.0.2.40"}], ["ApiEnabled"])
	m := access.matrix with input as org([p], [vendor], [])
	some x in m.principals
	x.loginIpRanges.class == "specific"
	x.loginIpRanges.addresses == 9
	[w.kind | some w in x.ways] == ["password"]
}

test_group_resolves_members_minus_muting if {
	ps := {"type": "PermissionSet", "fullName": "Data_Steward", "path": "permissionsets/Data_Steward.permissionset", "content": {"userPermissions": up(["ApiEnabled", "ViewAllData", "BypassMFAForUiLogins"])}}
	mute := {"type": "MutingPermissionSet", "fullName": "Mute", "path": "mutingpermissionsets/Mute.mutingpermissionset", "content": {"userPermissions": up(["BypassMFAForUiLogins"])}}
	g := {"type": "PermissionSetGroup", "fullName": "Bundle", "path": "permissionsetgroups/Bundle.permissionsetgroup", "content": {"permissionSets": ["Data_Steward", "Missing"], "mutingPermissionSets": ["Mute"]}}
	m := access.matrix with input as {"types": {"PermissionSet": [ps], "MutingPermissionSet": [mute], "PermissionSetGroup": [g]}, "externalClientApps": {}}
	some x in m.principals
	x.kind == "Permission set group"
	x.apiEnabled
	not x.mfaWaived
	x.adminPowers == ["View All Data"]
	x.members == [{"name": "Data_Steward", "inScan": true}, {"name": "Missing", "inScan": false}]
}

test_self_authorised_app_reaches_every_api_principal if {
	open := {"type": "ConnectedApp", "fullName": "Open", "path": "connectedApps/Open.connectedApp", "content": {"oauthConfig": {"scopes": ["Api", "RefreshToken"]}}}
	m := access.matrix with input as org([profile("Sales", [], ["ApiEnabled"]), profile("Clerk", [], [])], [], [open])
	some a in m.apps
	a.selfAuthorized
	a.pkce.as == "isPkceRequired absent, default false"
	a.refreshToken.text == "valid until revoked (absent, default)"
	a.ipRelaxation.mode == "enforce"
	count([w | some w in ways_of(m, "Sales"); w.kind == "oauth"]) == 1
	count(ways_of(m, "Clerk")) == 0
}

test_unrecognised_values_read_insecurely if {
	odd := {"type": "ConnectedApp", "fullName": "Odd", "path": "connectedApps/Odd.connectedApp", "content": {
		"oauthConfig": {"isAdminApproved": true, "isPkceRequired": "yes", "scopes": ["Api", "RefreshToken"]},
		"oauthPolicy": {"ipRelaxation": "SOMETIMES", "refreshTokenPolicy": "forever-ish"},
	}}
	m := access.matrix with input as org([], [], [odd])
	some a in m.apps
	a.pkce.value == false
	a.ipRelaxation.mode == "relax"
	a.refreshToken.kind == "infinite"
	a.summary == "refresh token from anywhere, valid until revoked"
}

# An app pre-authorised for System Administrator, whose file is not in the
# scan: the matrix shows the way in SFG-PATH-002 reports, on the assumed
# standard profile, placed at the app.
test_absent_standard_profile_is_a_row_with_the_rule if {
	m := access.matrix with input as org([], [office], [app("BYPASS", "infinite", {"profileName": ["System Administrator"]})])
	some p in m.principals
	p.name == "System Administrator"
	p.document == "connectedApps/Mail_Marketing_Connector.connectedApp"
	[w] := p.ways
	w.rule == "SFG-PATH-002"
	w.severity == "critical"
	w.at == {"document": "connectedApps/Mail_Marketing_Connector.connectedApp", "element": ["profileName", 0]}
}

test_absent_standard_profile_without_the_chain_is_no_row if {
	m := access.matrix with input as org([], [office], [app("ENFORCE", "infinite", {"profileName": ["System Administrator"]})])
	every p in m.principals {
		p.name != "System Administrator"
	}
}
