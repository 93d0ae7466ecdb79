# METADATA
# title: Access matrix
# description: |
#   Who can get into the org, from where, with what: the document behind
#   `sfguard access` and the access matrix of the HTML report. It is not a
#   rule (it defines no deny set). It is computed from the same org input and
#   the same helpers as the SFG-PATH rules, and it takes their verdicts from
#   their own deny sets and chains, so a way in that a path rule reports
#   carries that rule's id and severity, and the matrix cannot disagree with
#   the findings. docs/access.md documents the output.
# custom:
#   scope: org
package sfguard.access

import rego.v1

import data.sfguard.lib.net
import data.sfguard.lib.oauth
import data.sfguard.lib.perms
import data.sfguard.rules.paths.password_alone as p001
import data.sfguard.rules.paths.permanent_token_access as p002

# ---------------------------------------------------------------------------
# Org facts

security_docs := object.get(input.types, "SecuritySettings", [])

# Every trusted IP range (Setup → Network Access), with its size and whether
# it can match the public address Salesforce sees.
trusted := [r |
	some d in security_docs
	some i, rg in object.get(d.content, ["networkAccess", "ipRanges"], [])
	r := range_fact(object.get(rg, "start", ""), object.get(rg, "end", ""), object.get(rg, "description", ""), d.path, ["networkAccess", "ipRanges", i])
]

trusted_public := [r | some r in trusted; r.public]

range_fact(start, end, description, path, element) := {
	"start": start, "end": end, "description": description,
	"addresses": size(start, end),
	"public": public(start, end),
	"broad": broad(start, end),
	"at": {"document": path, "element": element},
}

size(start, end) := n if n := net.range_size(start, end)

else := 0

public(start, end) if {
	net.range_size(start, end)
	not net.private_or_cgnat(start, end)
}

public(start, end) := false if not net.range_size(start, end)

public(start, end) := false if net.private_or_cgnat(start, end)

broad(start, end) if net.broad_public(start, end, p001.threshold)

broad(start, end) := false if not net.broad_public(start, end, p001.threshold)

total(rs) := sum([r.addresses | some r in rs])

# "2 ranges, 2147549184 addresses (half the internet)"
reach(rs) := sprintf("%d range%s, %d addresses (%s)", [count(rs), plural(count(rs)), total(rs), p001.reach(total(rs))]) if {
	total(rs) >= 2147483648
} else := sprintf("%d range%s, %d addresses", [count(rs), plural(count(rs)), total(rs)])

plural(1) := ""

plural(n) := "s" if n != 1

# ---------------------------------------------------------------------------
# Principals: profiles, permission sets, resolved permission set groups

permission_sets := {d.fullName: d | some d in object.get(input.types, "PermissionSet", [])}

muting_sets := {d.fullName: d | some d in object.get(input.types, "MutingPermissionSet", [])}

principal_docs contains {"doc": d, "granted": perms.granted(d.content), "members": []} if {
	some t in ["Profile", "PermissionSet"]
	some d in object.get(input.types, t, [])
}

# A standard profile an SFG-PATH-002 chain reaches on assumed permissions
# (its file is not in the scan): a row of its own, placed at the app element
# that names it, so the matrix shows the way in the rule reports.
principal_docs contains {"doc": object.union(c.holder, {"path": c.doc.path}), "granted": perms.granted(c.holder.content), "members": []} if {
	some c in (p002.ca_chains | p002.eca_chains)
	c.holder.assumed
}

# A group gives its members the union of its sets' permissions minus what its
# muting sets mute (the resolution SFG-PERM-010 applies). A member set that
# is not in the scan is listed as missing: its permissions are unknown.
principal_docs contains {"doc": g, "granted": group_granted(g), "members": group_members(g)} if {
	some g in object.get(input.types, "PermissionSetGroup", [])
}

group_granted(g) := {n |
	some s in object.get(g.content, "permissionSets", [])
	some n in perms.granted(permission_sets[s].content)
} - {n |
	some m in object.get(g.content, "mutingPermissionSets", [])
	some n in perms.granted(muting_sets[m].content)
}

group_members(g) := [{"name": s, "inScan": s in object.keys(permission_sets)} | some s in object.get(g.content, "permissionSets", [])]

# Admin powers in the order an auditor reads them.
power_order := ["ModifyAllData", "ViewAllData", "ManageUsers", "CustomizeApplication", "ModifyMetadata", "AuthorApex", "ViewEncryptedData", "ManageRemoteAccess", "CanApproveUninstalledApps", "ViewClientSecret", "PasswordNeverExpires", "BypassMFAForUiLogins"]

powers(granted) := [perms.label(p) | some p in power_order; p in granted]

license(d) := object.get(d.content, "userLicense", "") if d.type == "Profile"

else := object.get(d.content, "license", "")

login_ranges(d) := [r |
	d.type == "Profile"
	some i, rg in object.get(d.content, "loginIpRanges", [])
	r := range_fact(object.get(rg, "startAddress", ""), object.get(rg, "endAddress", ""), object.get(rg, "description", ""), d.path, ["loginIpRanges", i])
]

# none: no login IP ranges, logins from any address; broad: a range at
# least as large as SFG-PATH-001's threshold; specific: only smaller ranges.
# Permission sets and groups have none of their own: the profile decides.
range_class(d, _) := "from the profile" if d.type != "Profile"

range_class(d, rs) := "none" if {
	d.type == "Profile"
	count(rs) == 0
}

range_class(d, rs) := "broad" if {
	d.type == "Profile"
	some r in rs
	r.broad
}

range_class(d, rs) := "specific" if {
	d.type == "Profile"
	count(rs) > 0
	not any_broad(rs)
}

any_broad(rs) if {
	some r in rs
	r.broad
}

principals := [p |
	some x in principal_docs
	d := x.doc
	rs := login_ranges(d)
	ws := ways(x, rs)
	p := {
		"kind": perms.kind(d),
		"name": d.fullName,
		"label": object.get(d.content, "label", d.fullName),
		"document": d.path,
		"license": license(d),
		"custom": object.get(d.content, "custom", d.type != "Profile"),
		"apiEnabled": "ApiEnabled" in x.granted,
		"apiOnly": "ApiUserOnly" in x.granted,
		"mfaWaived": "BypassMFAForUiLogins" in x.granted,
		"adminPowers": powers(x.granted),
		"adminLike": admin_granted(x),
		"loginIpRanges": {"class": range_class(d, rs), "ranges": rs, "addresses": total(rs)},
		"members": x.members,
		"ways": ws,
		"worst": worst(ws),
	}
]

worst(ws) := severity_names[max([severity_rank[w.severity] | some w in ws])] if count(ws) > 0

else := null

severity_names := ["info", "low", "medium", "high", "critical"]

severity_rank := {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}

# ---------------------------------------------------------------------------
# Ways in for one principal

ways(x, rs) := array.concat(array.concat(password_ways(x, rs), oauth_ways(x)), ui_ways(x, rs))

# SFG-PATH-001 findings of a profile document: the rule's own verdict.
p001_of(path) := sort([[f.element, f.severity, f.document] | some f in p001.deny; f.document == path])

# Profiles without login IP ranges, or whose ranges are so broad they
# restrict nothing (net.login_restriction, as SFG-PATH-001 reads them):
# password alone from the trusted ranges, password + security token from
# anywhere.
password_ways(x, _) := array.concat(trusted_way(x), token_way(x, "anywhere", -1)) if {
	x.doc.type == "Profile"
	"ApiEnabled" in x.granted
	net.login_unrestricted(x.doc.content, p001.threshold)
}

# Profiles with login IP ranges: only from inside them, and there the
# password alone works (Salesforce asks no token inside login ranges).
password_ways(x, rs) := [{
	"kind": "password",
	"how": "password alone (API)",
	"from": sprintf("the profile's login IP ranges: %s", [reach(rs)]),
	"addresses": total(rs),
	"lasts": "until the password changes",
	"summary": sprintf("API login with the password alone from the profile's login IP ranges (%s); refused elsewhere", [reach(rs)]),
	"severity": ranged_severity(rs),
	"rule": "",
	"at": {"document": x.doc.path, "element": ["loginIpRanges"]},
}] if {
	x.doc.type == "Profile"
	"ApiEnabled" in x.granted
	count(rs) > 0
	not net.login_unrestricted(x.doc.content, p001.threshold)
}

# Permission sets and groups: API Enabled reaches the holders; where they
# can log in from is their profile's business.
password_ways(x, _) := token_way(x, "wherever the holder's profile allows (its login IP ranges, or anywhere when it has none)", -2) if {
	x.doc.type != "Profile"
	"ApiEnabled" in x.granted
}

password_ways(x, _) := [] if not "ApiEnabled" in x.granted

ranged_severity(rs) := "high" if any_broad(rs)

else := "low"

trusted_way(x) := [w] if {
	hits := p001_of(x.doc.path)
	count(hits) > 0
	f := {"element": hits[0][0], "severity": hits[0][1], "document": hits[0][2]}
	w := {
		"kind": "password",
		"how": "password alone (API)",
		"from": sprintf("the org's trusted IP ranges: %s", [reach(trusted_public)]),
		"addresses": total(trusted_public),
		"lasts": "until the password changes",
		"summary": sprintf("API login with the password alone from the org's trusted IP ranges, %s: no security token asked there", [reach(trusted_public)]),
		"severity": f.severity,
		"rule": "SFG-PATH-001",
		"at": {"document": f.document, "element": f.element},
	}
}

trusted_way(x) := [w] if {
	count(p001_of(x.doc.path)) == 0
	count(trusted_public) > 0
	w := {
		"kind": "password",
		"how": "password alone (API)",
		"from": sprintf("the org's trusted IP ranges: %s", [reach(trusted_public)]),
		"addresses": total(trusted_public),
		"lasts": "until the password changes",
		"summary": sprintf("API login with the password alone from the org's trusted IP ranges, %s (none broad enough for SFG-PATH-001)", [reach(trusted_public)]),
		"severity": "low",
		"rule": "",
		"at": {"document": trusted_public[0].at.document, "element": ["networkAccess", "ipRanges"]},
	}
}

trusted_way(x) := [] if {
	count(p001_of(x.doc.path)) == 0
	count(trusted_public) == 0
}

token_way(x, from, n) := [{
	"kind": "password+token",
	"how": "password + security token (API)",
	"from": from,
	"addresses": n,
	"lasts": "until the password or token is reset",
	"summary": sprintf("API login with password + security token from %s", [from]),
	"severity": token_severity(x, n),
	"rule": "",
	"at": {"document": x.doc.path, "element": ["userPermissions", min(perms.at(x.doc.content, "ApiEnabled")), "name"]},
}] if count(perms.at(x.doc.content, "ApiEnabled")) > 0

# A group grants API Enabled through a member set: point at the group.
token_way(x, from, n) := [{
	"kind": "password+token",
	"how": "password + security token (API)",
	"from": from,
	"addresses": n,
	"lasts": "until the password or token is reset",
	"summary": sprintf("API login with password + security token from %s", [from]),
	"severity": token_severity(x, n),
	"rule": "",
	"at": {"document": x.doc.path, "element": ["permissionSets"]},
}] if count(perms.at(x.doc.content, "ApiEnabled")) == 0

token_severity(x, -1) := "high" if admin_granted(x) == true

else := "medium"

token_severity(x, n) := "low" if n != -1

# The same test as perms.admin_like, on resolved permissions.
admin_granted(x) := count(x.granted & perms.admin_permissions) >= 3

# UI logins with the password alone: the MFA waiver.
ui_ways(x, rs) := [{
	"kind": "ui-password",
	"how": "password alone (UI, MFA waived)",
	"from": ui_from(x, rs),
	"addresses": ui_addresses(x, rs),
	"lasts": "until the password changes",
	"summary": sprintf("UI login with the password alone from %s: multi-factor authentication waived", [ui_from(x, rs)]),
	"severity": "high",
	"rule": "",
	"at": {"document": x.doc.path, "element": mfa_element(x)},
}] if {
	"BypassMFAForUiLogins" in x.granted
	not "ApiUserOnly" in x.granted
}

ui_ways(x, _) := [] if not "BypassMFAForUiLogins" in x.granted

ui_ways(x, _) := [] if {
	"BypassMFAForUiLogins" in x.granted
	"ApiUserOnly" in x.granted
}

mfa_element(x) := ["userPermissions", min(perms.at(x.doc.content, "BypassMFAForUiLogins")), "name"] if count(perms.at(x.doc.content, "BypassMFAForUiLogins")) > 0

else := ["permissionSets"]

ui_from(x, rs) := "anywhere" if {
	x.doc.type == "Profile"
	count(rs) == 0
}

else := sprintf("the profile's login IP ranges (%s)", [reach(rs)]) if x.doc.type == "Profile"

else := "wherever the holder's profile allows"

ui_addresses(x, rs) := -1 if {
	x.doc.type == "Profile"
	count(rs) == 0
}

else := total(rs) if x.doc.type == "Profile"

else := -2

# ---------------------------------------------------------------------------
# Apps: connected apps and external client apps, one shape

apps := array.concat(ca_apps, eca_apps)

ca_apps := [a |
	some d in object.get(input.types, "ConnectedApp", [])
	d.content.oauthConfig
	cfg := d.content.oauthConfig
	pol := object.get(d.content, "oauthPolicy", {})
	scopes := sort(oauth.ca_scopes(d.content))
	a := app_row({
		"kind": "Connected app",
		"name": d.fullName,
		"label": object.get(d.content, "label", d.fullName),
		"document": d.path,
		"selfAuthorized": object.get(cfg, "isAdminApproved", false) != true,
		"permittedUsers": ca_permitted(cfg),
		"profiles": object.get(d.content, "profileName", []),
		"permissionSets": object.get(d.content, "permissionSetName", []),
		"scopes": scopes,
		"refreshToken": ca_refresh(pol),
		"ipRelaxation": ca_ip(pol),
		"pkce": bool_fact(cfg, "isPkceRequired", false),
		"secretWebServer": negate(bool_fact(cfg, "isConsumerSecretOptional", false)),
		"secretRefresh": bool_fact(cfg, "isSecretRequiredForRefreshToken", true),
		"flows": ca_flows(cfg),
		"at": {"document": d.path, "element": ["oauthConfig"]},
	})
]

ca_permitted(cfg) := "AdminApprovedPreAuthorized" if cfg.isAdminApproved == true

else := "AllSelfAuthorized"

ca_refresh(pol) := refresh_fact(r, pol.refreshTokenPolicy, false) if {
	r := oauth.refresh_token(pol.refreshTokenPolicy)
} else := unrecognised_refresh(pol.refreshTokenPolicy) if {
	pol.refreshTokenPolicy
} else := refresh_fact({"kind": "infinite"}, "infinite", true)

unrecognised_refresh(raw) := {"kind": "infinite", "raw": raw, "default": false, "text": sprintf("unrecognised policy %q, assumed valid until revoked", [raw])}

ca_ip(pol) := ip_fact(pol.ipRelaxation, false) if pol.ipRelaxation

else := ip_fact("ENFORCE", true)

ca_flows(cfg) := array.concat(array.concat(["authorization code (web server)"], [f | some f in ["refresh token"]; "RefreshToken" in object.get(cfg, "scopes", [])]), [label |
	some k, label in {
		"isClientCredentialEnabled": sprintf("client credentials (runs as %s)", [object.get(cfg, "oauthClientCredentialUser", "its run-as user")]),
		"isCodeCredentialEnabled": "authorization code and credentials",
		"isNamedUserJwtEnabled": "named-user JWT",
		"isTokenExchangeEnabled": "token exchange",
		"isDeviceFlowEnabled": "device flow",
	}
	object.get(cfg, k, false) == true
])

eca_apps := [a |
	some name, e in input.externalClientApps
	pol := eca_content(e.oauthPolicies)
	settings := eca_content(e.oauthSettings)
	glob := eca_content(e.globalOauth)
	e.oauthPolicies != null
	a := app_row({
		"kind": "External client app",
		"name": name,
		"label": name,
		"document": e.oauthPolicies.path,
		"selfAuthorized": object.get(pol, "permittedUsersPolicyType", "AllSelfAuthorized") != "AdminApprovedPreAuthorized",
		"permittedUsers": object.get(pol, "permittedUsersPolicyType", "AllSelfAuthorized (absent)"),
		"profiles": comma_list(object.get(pol, "commaSeparatedProfile", "")),
		"permissionSets": comma_list(object.get(pol, "commaSeparatedPermissionSet", "")),
		"scopes": sort(oauth.eca_scopes(object.get(settings, "commaSeparatedOauthScopes", ""))),
		"refreshToken": eca_refresh(pol),
		"ipRelaxation": eca_ip(pol),
		"pkce": eca_bool(e, glob, "isPkceRequired", true),
		"secretWebServer": negate(eca_bool(e, glob, "isConsumerSecretOptional", false)),
		"secretRefresh": eca_bool(e, glob, "isSecretRequiredForRefreshToken", true),
		"flows": eca_flows(pol, glob, settings),
		"at": {"document": e.oauthPolicies.path, "element": ["permittedUsersPolicyType"]},
	})
]

eca_content(x) := x.content if x != null

else := {}

comma_list(s) := [trim_space(x) | some x in split(s, ","); trim_space(x) != ""]

eca_refresh(pol) := refresh_fact(r, pol.refreshTokenPolicyType, false) if {
	r := oauth.eca_refresh_token(pol)
} else := unrecognised_refresh(pol.refreshTokenPolicyType) if {
	pol.refreshTokenPolicyType
} else := refresh_fact({"kind": "infinite"}, "absent", true)

eca_ip(pol) := ip_fact(pol.ipRelaxationPolicyType, false) if pol.ipRelaxationPolicyType

else := ip_fact("Enforce", true)

# The global OAuth settings file should not be in source control, so its
# switches are often unknown: then the insecure reading is assumed.
eca_bool(e, glob, k, dflt) := bool_fact(glob, k, dflt) if e.globalOauth != null

else := {"value": insecure_reading[k], "as": sprintf("%s unknown (global OAuth settings not in the scan), assumed %v", [k, insecure_reading[k]]), "default": true}

insecure_reading := {"isPkceRequired": false, "isConsumerSecretOptional": true, "isSecretRequiredForRefreshToken": false}

eca_flows(pol, glob, settings) := array.concat(array.concat(["authorization code (web server)"], [f | some f in ["refresh token"]; "RefreshToken" in oauth.eca_scopes(object.get(settings, "commaSeparatedOauthScopes", ""))]), [label |
	some k, label in {
		"isClientCredentialsFlowEnabled": "client credentials",
		"isCodeCredFlowEnabled": "authorization code and credentials",
		"isNamedUserJwtEnabled": "named-user JWT",
		"isTokenExchangeEnabled": "token exchange",
		"isDeviceFlowEnabled": "device flow",
	}
	enabled_anywhere(k, pol, glob)
])

enabled_anywhere(k, pol, glob) if object.get(glob, k, false) == true

enabled_anywhere(k, pol, _) if object.get(pol, k, false) == true

# bool_fact reads a switch: its value, how it reads ("true", "absent,
# default false") and whether the value is the default. A value that is not
# a boolean is read the insecure way.
bool_fact(content, k, dflt) := {"value": v, "as": sprintf("%s %v", [k, v]), "default": false} if {
	v := content[k]
	is_boolean(v)
} else := {"value": dflt, "as": sprintf("%s absent, default %v", [k, dflt]), "default": true} if {
	not k in object.keys(content)
} else := {"value": insecure_reading[k], "as": sprintf("%s %v unrecognised, assumed %v", [k, content[k], insecure_reading[k]]), "default": false}

negate(b) := object.union(b, {"value": b.value == false})

refresh_fact(r, raw, dflt) := {"kind": r.kind, "raw": raw, "default": dflt, "text": refresh_text(r, dflt)}

refresh_text(r, dflt) := "valid until revoked (absent, default)" if {
	r.kind == "infinite"
	dflt
} else := "valid until revoked" if {
	r.kind == "infinite"
} else := "no refresh tokens (expire immediately)" if {
	r.kind == "zero"
} else := sprintf("expires %d %s after issue", [r.amount, lower(r.unit)]) if {
	r.kind == "lifetime"
} else := sprintf("expires after %d %s unused", [r.amount, lower(r.unit)]) if {
	r.kind == "inactivity"
} else := "unrecognised policy, assumed valid until revoked"

ip_fact(raw, dflt) := {"raw": raw, "mode": mode, "default": dflt, "text": ip_text[mode]} if {
	mode := oauth.ip_relaxation[raw]
} else := {"raw": raw, "mode": "relax", "default": dflt, "text": "unrecognised value, assumed relaxed: tokens work from any address"}

ip_text := {
	"enforce": "IP restrictions enforced",
	"relax_refresh": "IP restrictions enforced, relaxed for refresh tokens: refresh from anywhere",
	"relax_2fa": "IP restrictions relaxed on activated devices",
	"relax": "IP restrictions relaxed: tokens work from any address",
}

# from_anywhere: a refresh token obtained by this app works from any address.
from_anywhere(a) if a.ipRelaxation.mode in {"relax", "relax_refresh"}

forever(a) if a.refreshToken.kind == "infinite"

issues_refresh(a) if "RefreshToken" in a.scopes

app_row(a) := object.union(a, {"summary": app_summary(a), "severity": app_severity(a), "who": who(a)})

app_summary(a) := "refresh token from anywhere, valid until revoked" if {
	issues_refresh(a)
	from_anywhere(a)
	forever(a)
} else := "refresh token valid until revoked, from inside the user's login IP ranges" if {
	issues_refresh(a)
	forever(a)
} else := sprintf("refresh token from anywhere, %s", [a.refreshToken.text]) if {
	issues_refresh(a)
	from_anywhere(a)
} else := sprintf("refresh token %s", [a.refreshToken.text]) if {
	issues_refresh(a)
} else := "access tokens only (no RefreshToken scope)"

app_severity(a) := "critical" if {
	issues_refresh(a)
	from_anywhere(a)
	forever(a)
	not a.selfAuthorized
} else := "high" if {
	issues_refresh(a)
	a.selfAuthorized
} else := "high" if {
	issues_refresh(a)
	forever(a)
} else := "medium" if {
	issues_refresh(a)
} else := "low"

who(a) := "every user may authorise it themselves" if a.selfAuthorized

else := sprintf("pre-authorised: %s", [concat(", ", holders_text(a))]) if count(holders_text(a)) > 0

else := "pre-authorised for no profile or permission set in the scan"

holders_text(a) := array.concat([sprintf("profile %s", [n]) | some n in a.profiles], [sprintf("permission set %s", [n]) | some n in a.permissionSets])

# ---------------------------------------------------------------------------
# OAuth ways in for one principal

# SFG-PATH-002 findings of an app on a holder: the rule's own verdict.
p002_of(app_path, holder_path) := sort([[f.element, f.severity, f.document] |
	some c in (p002.ca_chains | p002.eca_chains)
	c.doc.path == app_path
	holder_path_of(c) == holder_path
	some f in p002.deny
	f.document == c.doc.path
	f.element == c.element
	f.value == c.name
])

holder_path_of(c) := c.doc.path if c.holder.assumed

else := c.holder.path

oauth_ways(x) := [w |
	some a in apps
	reaches(a, x)
	w := oauth_way(a, x)
]

# Pre-authorised by name (the same matching as SFG-PATH-002), or open to
# every user with API access.
reaches(a, x) if {
	not a.selfAuthorized
	x.doc.type == "Profile"
	some n in a.profiles
	x.doc in p002.matching("Profile", n)
}

reaches(a, x) if {
	not a.selfAuthorized
	x.doc.type == "PermissionSet"
	some n in a.permissionSets
	x.doc in p002.matching("PermissionSet", n)
}

reaches(a, x) if {
	not a.selfAuthorized
	x.doc.assumed
	a.document == x.doc.path
	some n in a.profiles
	perms.standard_profile_named(n)[0] == x.doc.fullName
}

reaches(a, x) if {
	a.selfAuthorized
	"ApiEnabled" in x.granted
}

oauth_way(a, x) := object.union(base_way(a, x), {
	"severity": hits[0][1],
	"rule": "SFG-PATH-002",
	"at": {"document": hits[0][2], "element": hits[0][0]},
}) if {
	hits := p002_of(a.document, x.doc.path)
	count(hits) > 0
} else := base_way(a, x)

base_way(a, x) := {
	"kind": "oauth",
	"how": sprintf("%s %s (%s)", [a.kind, a.label, grant_word(a)]),
	"app": a.name,
	"appKind": a.kind,
	"from": oauth_from(a),
	"addresses": oauth_addresses(a),
	"lasts": a.refreshToken.text,
	"summary": sprintf("%s %s, %s: %s; %s; PKCE %s; secret for refresh %s; scopes %s", [a.kind, a.label, grant_word(a), a.summary, a.ipRelaxation.text, required(a.pkce), required(a.secretRefresh), scope_text(a.scopes)]),
	"severity": a.severity,
	"rule": "",
	"at": a.at,
}

grant_word(a) := "self-authorised by any user" if a.selfAuthorized

else := "pre-authorised"

oauth_from(a) := "anywhere (IP restrictions relaxed)" if from_anywhere(a)

else := "the user's login IP ranges, or anywhere from an activated device" if a.ipRelaxation.mode == "relax_2fa"

else := "the user's login IP ranges"

oauth_addresses(a) := -1 if from_anywhere(a)

else := -2

required(b) := "required" if b.value == true

else := "not required"

scope_text(s) := concat(" ", s) if count(s) > 0

else := "(none in the scan)"

# ---------------------------------------------------------------------------
# The document

matrix := {
	"trustedIpRanges": trusted,
	"principals": principals,
	"apps": apps,
}
