package sfguard.lib.password_test

import rego.v1

import data.sfguard.lib.password

org(pp) := {"type": "SecuritySettings", "fullName": "Security", "content": {"passwordPolicies": pp}}

prof(c) := {"type": "ProfilePasswordPolicy", "fullName": "X", "content": object.union({"profile": "x integration"}, c)}

test_org_enums_map_to_numbers if {
	password.fact(org({"expiration": "Never"}), "expiration").n == 0
	password.fact(org({"expiration": "SixMonths"}), "expiration").element == ["passwordPolicies", "expiration"]
	password.fact(org({"maxLoginAttempts": "NoLimit"}), "maxLoginAttempts").n == 0
	password.fact(org({"complexity": "AlphaNumeric"}), "complexity").n == 1
	password.fact(org({"historyRestriction": 3}), "history").n == 3
	password.fact(org({"obscureSecretAnswer": false}), "obscure").n == false
}

test_profile_integers_are_the_same_scale if {
	x := password.fact(prof({"passwordExpiration": 365}), "expiration")
	x.n == 365
	x.element == ["passwordExpiration"]
	contains(x.who, "x integration")
	password.fact(prof({"passwordComplexity": 0}), "complexity").n == 0
	password.fact(prof({"obscure": true}), "obscure").n == true
}

# A malformed profile integer reaches the rules as the registry's worst
# number (the parser reports it); a string here means no such reading.
test_absent_or_mistyped_values_are_undefined if {
	not password.fact(prof({"passwordExpiration": "ninety"}), "expiration")
	not password.fact(org({}), "expiration")
}

test_unrecognised_org_enum_reads_as_the_worst if {
	x := password.fact(org({"expiration": "NintyDays"}), "expiration")
	x.n == 0
	x.shown == "unrecognised value \"NintyDays\" for expiration; treated as Never"
	password.fact(org({"complexity": "Strong"}), "complexity").n == 0
	password.fact(org({"lockoutInterval": "OneHour"}), "lockoutInterval").n == 15
	password.fact(org({"expiration": "SixMonths"}), "expiration").shown == "passwordPolicies/expiration SixMonths"
}
