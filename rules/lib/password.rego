# METADATA
# title: Password policy helpers for org and profile encodings
# description: |
#   Password policy facts in both of Salesforce's encodings: the org-wide
#   SecuritySettings passwordPolicies (enums such as NinetyDays) and the
#   per-profile ProfilePasswordPolicy override (integers such as 90). Rules ask
#   for one fact and grade the canonical number, so an org value and a profile
#   override are judged by the same thresholds.
package sfguard.lib.password

import rego.v1

import data.sfguard.lib.enums
import data.sfguard.lib.names

expiration_days := {"ThirtyDays": 30, "SixtyDays": 60, "NinetyDays": 90, "SixMonths": 180, "OneYear": 365, "Never": 0}

max_attempts := {"ThreeAttempts": 3, "FiveAttempts": 5, "TenAttempts": 10, "NoLimit": 0}

# Forever (0) means a locked-out user stays locked until an admin unlocks.
lockout_minutes := {"FifteenMinutes": 15, "ThirtyMinutes": 30, "SixtyMinutes": 60, "Forever": 0}

# Complexity levels as ProfilePasswordPolicy numbers them: 0 any, 1 letters
# and numbers, 2 plus a special character, 3 numbers + upper + lower case,
# 4 all of those plus a special character.
complexity_level := {
	"NoRestriction": 0,
	"AlphaNumeric": 1,
	"SpecialCharacters": 2,
	"UpperLowerCaseNumeric": 3,
	"Any3UpperLowerCaseNumericSpecialCharacters": 3,
	"UpperLowerCaseNumericSpecialCharacters": 4,
}

# question_level: 1 = the answer may not contain the password, 0 = no rule.
question_level := {"DoesNotContainPassword": 1, "None": 0}

# Where each fact lives: the SecuritySettings element under passwordPolicies,
# its enum table (absent for numbers and booleans), and the
# ProfilePasswordPolicy element.
facts := {
	"expiration": {"org": "expiration", "enum": expiration_days, "profile": "passwordExpiration"},
	"maxLoginAttempts": {"org": "maxLoginAttempts", "enum": max_attempts, "profile": "maxLoginAttempts"},
	"lockoutInterval": {"org": "lockoutInterval", "enum": lockout_minutes, "profile": "lockoutInterval"},
	"complexity": {"org": "complexity", "enum": complexity_level, "profile": "passwordComplexity"},
	"questionRestriction": {"org": "questionRestriction", "enum": question_level, "profile": "passwordQuestion"},
	"history": {"org": "historyRestriction", "profile": "passwordHistory"},
	"minLength": {"org": "minimumPasswordLength", "profile": "minimumPasswordLength"},
	"minLifetime": {"org": "minimumPasswordLifetime", "profile": "minimumPasswordLifetime"},
	"obscure": {"org": "obscureSecretAnswer", "profile": "obscure"},
}

# fact(doc, name) is {element, raw, n, who, shown} for one password fact of a
# SecuritySettings or ProfilePasswordPolicy document: element is the path to
# report, raw the value as written, n the canonical number or boolean, shown
# the element and value for a message. An enum value Salesforce does not
# document reads as the enum's least secure value (the registry's worst,
# data.sfguard.meta.enums) and shown says so. Undefined when the document
# does not carry the fact or an unenumerated value has the wrong type.
fact(doc, name) := x if {
	doc.type == "SecuritySettings"
	spec := facts[name]
	raw := doc.content.passwordPolicies[spec.org]
	path := sprintf("passwordPolicies/%s", [spec.org])
	x := {
		"element": ["passwordPolicies", spec.org], "raw": raw, "n": canonical(spec, path, raw),
		"who": "The org-wide password policy", "shown": org_shown(spec, path, raw),
	}
}

fact(doc, name) := x if {
	doc.type == "ProfilePasswordPolicy"
	spec := facts[name]
	raw := doc.content[spec.profile]
	x := {
		"element": [spec.profile], "raw": raw, "n": profile_value(raw),
		"who": sprintf("The password policy override of profile %q", [names.of(doc.content, "profile", doc.fullName)]),
		"shown": sprintf("%s %v", [spec.profile, raw]),
	}
}

canonical(spec, path, raw) := spec.enum[enums.effective("SecuritySettings", path, raw)] if spec.enum

canonical(spec, _, raw) := raw if {
	not spec.enum
	is_boolean(raw)
}

canonical(spec, _, raw) := raw if {
	not spec.enum
	is_number(raw)
}

org_shown(spec, path, raw) := enums.note("SecuritySettings", path, raw, enums.spec("SecuritySettings", path).worst) if {
	spec.enum
	enums.unrecognised("SecuritySettings", path, raw)
} else := sprintf("%s %v", [path, raw])

profile_value(raw) := raw if is_number(raw)

profile_value(raw) := raw if is_boolean(raw)
