package sfguard.lib.enums_test

import rego.v1

import data.sfguard.lib.enums

test_documented_values_are_known if {
	enums.known("ConnectedApp", "oauthPolicy/ipRelaxation", "BYPASS")
	enums.known("ConnectedApp", "oauthPolicy/refreshTokenPolicy", "specific_inactivity:90:DAYS")
	enums.known("ExtlClntAppOauthConfigurablePolicies", "ipRelaxationPolicyType", "Bypass_2factor")
	enums.known("SecuritySettings", "passwordPolicies/expiration", "NinetyDays")
}

test_anything_else_is_unrecognised_and_read_as_the_worst if {
	enums.unrecognised("ConnectedApp", "oauthPolicy/ipRelaxation", "RELAXED")
	enums.unrecognised("ConnectedApp", "oauthPolicy/ipRelaxation", "bypass")
	enums.unrecognised("ConnectedApp", "oauthPolicy/refreshTokenPolicy", "SPECIFIC_LIFETIME")
	enums.unrecognised("ConnectedApp", "oauthPolicy/refreshTokenPolicy", "specific_lifetime:0:DAYS")
	enums.effective("ConnectedApp", "oauthPolicy/ipRelaxation", "RELAXED") == "BYPASS"
	enums.effective("ConnectedApp", "oauthPolicy/ipRelaxation", "ENFORCE") == "ENFORCE"
	enums.effective("SecuritySettings", "passwordPolicies/expiration", "NintyDays") == "Never"
}

test_note if {
	enums.note("ConnectedApp", "oauthPolicy/ipRelaxation", "RELAXED", "relaxed") == "unrecognised value \"RELAXED\" for ipRelaxation; treated as relaxed"
	enums.note("ConnectedApp", "oauthPolicy/ipRelaxation", "ENFORCE", "relaxed") == ""
	enums.note("ConnectedApp", "oauthPolicy/ipRelaxation", null, "relaxed") == "unrecognised value null for ipRelaxation; treated as relaxed"
}
