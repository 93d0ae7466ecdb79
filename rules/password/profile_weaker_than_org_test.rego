package sfguard.rules.password.profile_weaker_than_org_test

import rego.v1

import data.sfguard.rules.password.profile_weaker_than_org as rule

strong := {
	"lockoutInterval": 30, "maxLoginAttempts": 3, "minimumPasswordLength": 12, "minimumPasswordLifetime": true,
	"obscure": true, "passwordComplexity": 4, "passwordExpiration": 90, "passwordHistory": 5, "passwordQuestion": 1,
	"profile": "partner community",
}

ppp(c) := {"type": "ProfilePasswordPolicy", "fullName": "Partner_profilePasswordPolicy1", "path": "profilePasswordPolicies/Partner.profilePasswordPolicy", "content": object.union(strong, c)}

security := {"type": "SecuritySettings", "fullName": "Security", "path": "settings/Security.settings", "content": {"passwordPolicies": {
	"complexity": "UpperLowerCaseNumericSpecialCharacters", "expiration": "NinetyDays", "historyRestriction": 5,
	"lockoutInterval": "ThirtyMinutes", "maxLoginAttempts": "ThreeAttempts", "minimumPasswordLength": 12,
	"minimumPasswordLifetime": true, "obscureSecretAnswer": true, "questionRestriction": "DoesNotContainPassword",
}}}

org(p) := {"types": {"ProfilePasswordPolicy": [p], "SecuritySettings": [security]}}

test_one_finding_lists_every_weaker_point if {
	fs := rule.deny with input as org(ppp({"minimumPasswordLength": 8, "passwordComplexity": 1, "passwordExpiration": 0}))
	count(fs) == 1
	some f in fs
	f.document == "profilePasswordPolicies/Partner.profilePasswordPolicy"
	f.element == ["minimumPasswordLength"]
	contains(f.msg, "on 3 points")
	contains(f.msg, "minimumPasswordLength 8 (org-wide passwordPolicies/minimumPasswordLength 12)")
	contains(f.msg, "passwordComplexity 1")
	contains(f.msg, "passwordExpiration 0 (org-wide passwordPolicies/expiration NinetyDays)")
	count(f.related) == 5
}

test_zero_semantics if {
	some f in rule.deny with input as org(ppp({"maxLoginAttempts": 0}))
	contains(f.msg, "maxLoginAttempts 0")
	count(rule.deny) == 0 with input as org(ppp({"lockoutInterval": 0}))
	some g in rule.deny with input as org(ppp({"lockoutInterval": 15}))
	contains(g.msg, "lockoutInterval 15 (org-wide passwordPolicies/lockoutInterval ThirtyMinutes)")
}

test_booleans if {
	some f in rule.deny with input as org(ppp({"minimumPasswordLifetime": false, "obscure": false}))
	contains(f.msg, "on 2 points")
}

test_unrecognised_value_reads_as_weaker if {
	some f in rule.deny with input as org(ppp({"passwordHistory": "five"}))
	contains(f.msg, "passwordHistory five (unrecognised")
}

test_equal_or_stronger_is_silent if {
	count(rule.deny) == 0 with input as org(ppp({}))
	count(rule.deny) == 0 with input as org(ppp({"minimumPasswordLength": 16, "passwordExpiration": 30, "passwordHistory": 24}))
}

test_without_security_settings_is_silent if {
	count(rule.deny) == 0 with input as {"types": {"ProfilePasswordPolicy": [ppp({"minimumPasswordLength": 5})]}}
}
