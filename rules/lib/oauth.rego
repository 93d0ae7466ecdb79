# Helpers for connected app and external client app OAuth policies, which
# Salesforce writes differently in the two representations.
package sfguard.lib.oauth

import rego.v1

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

# ECA scopes are one comma-separated string with optional spaces.
eca_scopes(s) := {trim_space(x) | some x in split(s, ","); trim_space(x) != ""}
