# METADATA
# title: Shared decisions for the secret rules
# description: |
#   Shared helpers for the secret rules. Detectors in internal/secrets compute
#   the features (see docs/secrets.md); these helpers turn the common ones into
#   decisions so every rule treats placeholders, allowlists and test paths alike.
package sfguard.lib.secrets

import rego.v1

# Parameter defaults; every rule that uses a parameter also declares it under
# custom.params in its package annotations, with the same default.
default_allow_paths := []

default_allow_hashes := []

default_test_path_hints := ["apex-test", "docs", "example", "fixture", "test"]

default_min_entropy := 2.5

# The Ant Migration Tool ships sample/build.properties and tells users to fill
# it in; build/build.properties is its other usual home. Both are
# configuration, whatever the folder name suggests.
default_config_paths := ["sample/build.properties", "**/sample/build.properties", "build/build.properties", "**/build/build.properties"]

# params is the engine's parameter document; unit tests run without it.
params := data.sfguard.params if {
	data.sfguard.params
} else := {}

param(name, def) := object.get(params, name, def)

# not_a_value: the candidate is a stand-in, a reference or allowlisted.
not_a_value if input.placeholder

not_a_value if input.envReference

not_a_value if {
	some pattern in param("secret_allow_paths", default_allow_paths)
	glob.match(pattern, ["/"], input.path)
}

not_a_value if input.hash in param("secret_allow_hashes", default_allow_hashes)

# reportable: a real-looking value the user has not allowlisted.
reportable if not not_a_value

# in_test_path: the file is a test, fixture, example or documentation, and
# not one of the configuration files that merely live in such a folder.
in_test_path if {
	count(matched_hints) > 0
	not config_path
}

matched_hints := [h | some h in input.pathHints; h in param("secret_test_path_hints", default_test_path_hints)]

config_path if {
	some pattern in param("secret_config_paths", default_config_paths)
	glob.match(pattern, ["/"], input.path)
}

# lowered(sev): the severity of a credential found by its key (a password, a
# consumer secret, a metadata value) one step lower in a test, fixture,
# example or documentation path. Lower, never drop: a real password in a
# README is still a password. Credentials with an unmistakable shape (access
# and refresh tokens, SFDX auth URLs) do not use it.
lowered(sev) := stock_severity if guessable

lowered(sev) := one_lower[sev] if {
	not guessable
	in_test_path
}

lowered(sev) := sev if {
	not guessable
	not in_test_path
}

# guessable: a value that looks like an example or a weak choice. Only the
# password rule reports weak values (a person may pick one); rules for
# shaped credentials (tokens, consumer secrets) and metadata values (where a
# low-variety value is a number or a flag) leave them out: a random
# credential is never weak.
guessable if input.stockValue

guessable if weak

# stock_severity: a value made only of credential nouns, filler words and
# counting digits (Password123!, testPassword) is what examples write, and
# what people use as weak passwords. Lower, never drop: low (still failing
# the default gate), info in a test, fixture, example or documentation path.
stock_severity := "info" if in_test_path else := "low"

one_lower := {"critical": "high", "high": "medium", "medium": "low", "low": "info", "info": "info"}

# lowered_note(sev) says why a severity was lowered, naming the path hints.
lowered_note(sev) := sprintf(" Severity lowered from %s to %s because the value is made only of common password words and counting digits, as examples are; if it is real, it is also easy to guess, so change it.", [sev, stock_severity]) if {
	input.stockValue
} else := sprintf(" Severity lowered from %s to %s because the value has too little variety to be a generated credential; if it is a real password, it is also easy to guess, so change it.", [sev, stock_severity]) if {
	weak
} else := sprintf(" Severity lowered from %s to %s because the file is in a %s path; if the value is real it is still exposed, so rotate it.", [sev, one_lower[sev], concat("/", matched_hints)]) if {
	in_test_path
} else := ""

# shape_note: tokens keep their severity in any path; say so when the path
# would have suggested otherwise.
shape_note := sprintf(" The file is in a %s path, but a value of this shape is a live credential wherever it is committed.", [concat("/", matched_hints)]) if {
	in_test_path
} else := ""

# weak: too little variety to be a generated credential.
weak if input.entropy < param("secret_min_entropy", default_min_entropy)

# where names the commit for messages in history scans. Staged content
# reads like the work tree: the same content gives the same finding
# whatever source it came from.
where := sprintf(" (added in commit %s)", [substring(input.commit, 0, 12)]) if {
	input.source == "history"
	input.commit
} else := ""

# app_note names the connected app or external client app the credential
# belongs to and what it unlocks, when the scan could tell.
app_note := sprintf(" It belongs to %s %s (scopes: %s; refresh tokens: %s; IP relaxation: %s; %s).", [
	app_kind(input.app.type),
	input.app.fullName,
	scopes_text(input.app.scopes),
	object.get(input.app, "refreshTokenPolicy", "unknown"),
	object.get(input.app, "ipRelaxation", "unknown"),
	users_text(object.get(input.app, "permittedUsers", "")),
]) if {
	input.app
} else := ""

app_kind("ExternalClientApplication") := "external client app"

app_kind(t) := "connected app" if t != "ExternalClientApplication"

scopes_text(s) := concat(", ", s) if count(s) > 0

scopes_text(s) := "none listed" if count(s) == 0

users_text("AllSelfAuthorized") := "all users may self-authorize"

users_text("AdminApprovedPreAuthorized") := "admin-approved users only"

users_text(u) := "permitted users unknown" if not u in {"AllSelfAuthorized", "AdminApprovedPreAuthorized"}
