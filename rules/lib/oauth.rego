# METADATA
# title: OAuth policy helpers for connected apps and external client apps
# description: |
#   Helpers for connected app and external client app OAuth policies, which
#   Salesforce writes differently in the two representations.
package sfguard.lib.oauth

import rego.v1

import data.sfguard.lib.enums
import data.sfguard.lib.names

# refresh_token(policy) parses a ConnectedApp oauthPolicy/refreshTokenPolicy
# value ("infinite", "zero", "specific_lifetime:3:HOURS",
# "specific_inactivity:90:DAYS") into {kind, amount, unit, hours}.
refresh_token(policy) := {"kind": "infinite"} if policy == "infinite"

refresh_token(policy) := {"kind": "zero"} if policy == "zero"

refresh_token(policy) := r if {
	parts := split(policy, ":")
	count(parts) == 3
	kind := trim_prefix(parts[0], "specific_")
	kind in {"lifetime", "inactivity"}
	amount := to_number(parts[1])
	unit := upper(parts[2])
	r := {"kind": kind, "amount": amount, "unit": unit, "hours": amount * unit_hours[unit]}
}

unit_hours := {"HOURS": 1, "DAYS": 24, "MONTHS": 720}

# eca_refresh_token(content) reads the same facts from an
# ExtlClntAppOauthConfigurablePolicies document.
eca_refresh_token(c) := {"kind": "infinite"} if object.get(c, "refreshTokenPolicyType", "") == "Infinite"

eca_refresh_token(c) := {"kind": "zero"} if object.get(c, "refreshTokenPolicyType", "") == "Zero"

eca_refresh_token(c) := r if {
	t := object.get(c, "refreshTokenPolicyType", "")
	kind := {"SpecificLifetime": "lifetime", "SpecificInactivity": "inactivity"}[t]
	amount := to_number(object.get(c, "refreshTokenValidityPeriod", 0))
	unit := upper(object.get(c, "refreshTokenValidityUnit", "Days"))
	r := {"kind": kind, "amount": amount, "unit": unit, "hours": amount * unit_hours[unit]}
}

# ConnectedApp ipRelaxation and ECA ipRelaxationPolicyType mapped to one
# vocabulary: enforce, relax_refresh, relax_2fa, relax.
ip_relaxation := {
	"ENFORCE": "enforce",
	"ENFORCE_RELAXREFRESH": "relax_refresh",
	"BYPASS_2FACTOR": "relax_2fa",
	"BYPASS": "relax",
	"Enforce": "enforce",
	"Enforce_RelaxRefresh": "relax_refresh",
	"Bypass_2factor": "relax_2fa",
	"Bypass": "relax",
}

# relaxation(type, path, value) is the ip_relaxation level of a value of the
# ConnectedApp or ECA enum at path; an undocumented value is "relax", the
# least secure reading (Fail closed: rules/lib/enums.rego).
relaxation(type, path, value) := ip_relaxation[enums.effective(type, path, value)]

# ECA scopes are one comma-separated string with optional spaces.
eca_scopes(s) := {trim_space(x) | some x in split(s, ","); trim_space(x) != ""}

# app_name(doc) names the app a ConnectedApp or external client app file
# belongs to, the way Setup does: "Connected app X" or "External client app
# X" (ECA plug-in files point at their app with externalClientApplication).
app_name(doc) := sprintf("Connected app %s", [doc.fullName]) if doc.type == "ConnectedApp"

app_name(doc) := sprintf("External client app %s", [names.of(doc.content, "externalClientApplication", doc.fullName)]) if {
	doc.type != "ConnectedApp"
}

# oauth_enabled(doc) holds for documents that configure OAuth: a
# ConnectedApp with an oauthConfig (SAML- or canvas-only apps have none),
# or any external client app OAuth file.
oauth_enabled(doc) if {
	doc.type == "ConnectedApp"
	doc.content.oauthConfig
}

oauth_enabled(doc) if doc.type != "ConnectedApp"

# shown(content, path, default) renders a boolean for a message, saying when
# the value comes from the documented default because the element is absent.
shown(content, path, dflt) := sprintf("absent, default %v", [dflt]) if {
	not has_path(content, path)
} else := sprintf("%v", [object.get(content, path, dflt)])

has_path(content, path) if {
	object.get(content, path, {"absent": true}) != {"absent": true}
}

# ConnectedApp scopes as a set; ECA scopes come from the OAuth settings
# file's comma-separated list (eca_scopes).
ca_scopes(content) := {s | some s in object.get(content, ["oauthConfig", "scopes"], [])}

# callback_urls(s): a callbackUrl element holds one URL per line.
callback_urls(s) := [u | some line in split(s, "\n"); u := trim_space(line); u != ""]

# local_callback(url) holds for loopback redirects (native and CLI
# clients), where plain http never leaves the machine.
local_callback(url) if regex.match(`^(?i)http://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]+)?(/.*)?$`, url)

# Refresh tokens exist only where an app can obtain them (reference §13.2):
# the RefreshToken scope (OfflineAccess when deployed by hand; Full alone
# returns none) and a refresh token policy other than zero ("Immediately
# expire refresh token"). Rules about refresh tokens check this first, and
# name the scope in their message.

# ca_refresh_scope(content) is the ConnectedApp scope that yields refresh
# tokens; undefined when it has none.
ca_refresh_scope(content) := "RefreshToken" if "RefreshToken" in ca_scopes(content)

else := "OfflineAccess" if "OfflineAccess" in ca_scopes(content)

# ca_refresh_tokens(content) is that scope when the policy is not zero.
ca_refresh_tokens(content) := s if {
	s := ca_refresh_scope(content)
	enums.effective("ConnectedApp", "oauthPolicy/refreshTokenPolicy", object.get(content, ["oauthPolicy", "refreshTokenPolicy"], "infinite")) != "zero"
}

# eca_refresh_tokens(e) does the same for an entry of input.externalClientApps:
# the scope comes from its OAuth settings file, the policy from its OAuth
# policies file. When the settings file is not in the scan the scopes are
# unknown, and refresh tokens are assumed possible (fail closed).
eca_refresh_tokens(e) := s if {
	s := eca_refresh_scope(e)
	not eca_zero(e)
}

eca_refresh_scope(e) := "RefreshToken" if {
	e.oauthSettings != null
	"RefreshToken" in eca_scopes(object.get(e.oauthSettings.content, "commaSeparatedOauthScopes", ""))
} else := "OfflineAccess" if {
	e.oauthSettings != null
	"OfflineAccess" in eca_scopes(object.get(e.oauthSettings.content, "commaSeparatedOauthScopes", ""))
} else := "an unknown" if e.oauthSettings == null

eca_zero(e) if {
	e.oauthPolicies != null
	t := "ExtlClntAppOauthConfigurablePolicies"
	enums.effective(t, "refreshTokenPolicyType", object.get(e.oauthPolicies.content, "refreshTokenPolicyType", "Infinite")) == "Zero"
}

# refresh_clause(scope) says in a message why refresh tokens exist.
refresh_clause("an unknown") := "its OAuth settings (and so its scopes) are not in the scan, so refresh tokens are assumed possible"

refresh_clause(s) := sprintf("its %s scope lets it obtain refresh tokens", [s]) if s != "an unknown"
