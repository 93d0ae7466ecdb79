# The first sfguard rules rewritten for conftest's XML input, for the
# side-by-side benchmark in bench/run.sh. conftest turns XML into a map whose
# shape depends on cardinality (one child: object, several: array) and keeps
# every value a string, so each check has to normalise first.
package main

import rego.v1

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)

deny contains msg if {
	p := input.Profile
	some perm in as_array(p.userPermissions)
	perm.name == "ApiEnabled"
	perm.enabled == "true"
	not p.loginIpRanges
	msg := "profile grants API Enabled without login IP ranges"
}

deny contains msg if {
	some perm in as_array(input.PermissionSet.userPermissions)
	perm.name == "ApiEnabled"
	perm.enabled == "true"
	msg := "permission set grants API Enabled"
}

deny contains msg if {
	app := input.ConnectedApp
	app.oauthConfig
	object.get(app, ["oauthPolicy", "refreshTokenPolicy"], "infinite") == "infinite"
	msg := "refresh token valid until revoked"
}

deny contains msg if {
	app := input.ConnectedApp
	not object.get(app, ["oauthConfig", "isPkceRequired"], "false") == "true"
	msg := "PKCE not required"
}

deny contains msg if {
	input.ConnectedApp.oauthPolicy.ipRelaxation in {"BYPASS", "BYPASS_2FACTOR", "ENFORCE_RELAXREFRESH"}
	msg := "IP restrictions relaxed"
}

ip_int(ip) := n if {
	p := [to_number(x) | some x in split(ip, ".")]
	n := (((p[0] * 16777216) + (p[1] * 65536)) + (p[2] * 256)) + p[3]
}

deny contains msg if {
	some r in as_array(input.SecuritySettings.networkAccess.ipRanges)
	(ip_int(r.end) - ip_int(r.start)) + 1 >= 65536
	msg := "broad trusted IP range"
}

deny contains msg if {
	some r in as_array(input.Profile.loginIpRanges)
	(ip_int(r.endAddress) - ip_int(r.startAddress)) + 1 >= 65536
	msg := "login IP range allows almost any address"
}
