package sfguard.lib.secrets_test

import rego.v1

import data.sfguard.lib.secrets as lib

base := {"placeholder": false, "envReference": false, "path": "ci/env.sh", "hash": "0123456789abcdef", "pathHints": [], "entropy": 4.2, "source": "worktree"}

test_reportable_real_value if lib.reportable with input as base

test_placeholder_not_reportable if not lib.reportable with input as object.union(base, {"placeholder": true})

test_env_reference_not_reportable if not lib.reportable with input as object.union(base, {"envReference": true})

test_allow_path_glob if {
	not lib.reportable with input as base with data.sfguard.params.secret_allow_paths as ["ci/**"]
}

test_allow_hash if {
	not lib.reportable with input as base with data.sfguard.params.secret_allow_hashes as ["0123456789abcdef"]
}

test_test_like_from_hints if lib.in_test_path with input as object.union(base, {"pathHints": ["apex-test"]})

test_test_hints_configurable if {
	not lib.in_test_path with input as object.union(base, {"pathHints": ["docs"]}) with data.sfguard.params.secret_test_path_hints as ["test"]
}

test_where_history if {
	lib.where == " (added in commit 0123456789ab)" with input as object.union(base, {"source": "history", "commit": "0123456789abcdef0123"})
}

test_where_worktree if lib.where == "" with input as base

test_app_note if {
	app := {"type": "ConnectedApp", "fullName": "Billing", "scopes": ["Api", "RefreshToken"], "refreshTokenPolicy": "infinite", "ipRelaxation": "BYPASS", "permittedUsers": "AllSelfAuthorized"}
	lib.app_note == " It belongs to connected app Billing (scopes: Api, RefreshToken; refresh tokens: infinite; IP relaxation: BYPASS; all users may self-authorize)." with input as object.union(base, {"app": app})
}

test_lowered_steps if {
	every pair in [["critical", "high"], ["high", "medium"], ["medium", "low"], ["low", "info"], ["info", "info"]] {
		lib.lowered(pair[0]) == pair[1] with input as object.union(base, {"pathHints": ["test"]})
		lib.lowered(pair[0]) == pair[0] with input as base
	}
}

test_lowered_note_names_hints if {
	lib.lowered_note("critical") == " Severity lowered from critical to high because the file is in a docs/example path; if the value is real it is still exposed, so rotate it." with input as object.union(base, {"pathHints": ["docs", "example"]})
}

test_config_path_not_test if {
	not lib.in_test_path with input as object.union(base, {"path": "sample/build.properties", "pathHints": ["example"]})
}

# A stock value (Password123!) is reported, lowered: low, or info in a test path.
test_stock_value_lowered if {
	lib.lowered("critical") == "low" with input as object.union(base, {"stockValue": true})
	lib.lowered("critical") == "info" with input as object.union(base, {"stockValue": true, "pathHints": ["test"]})
	lib.reportable with input as object.union(base, {"stockValue": true})
}

test_stock_value_note if {
	lib.lowered_note("critical") == " Severity lowered from critical to low because the value is made only of common password words and counting digits, as examples are; if it is real, it is also easy to guess, so change it." with input as object.union(base, {"stockValue": true})
}
