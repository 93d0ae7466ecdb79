package sfguard.lib.names_test

import rego.v1

import data.sfguard.lib.names

test_nil_empty_or_absent_use_the_fallback if {
	names.of({"profile": null}, "profile", "Integration") == "Integration"
	names.of({"profile": ""}, "profile", "Integration") == "Integration"
	names.of({}, "profile", "Integration") == "Integration"
	names.of({"profile": "auspost integration api only"}, "profile", "X") == "auspost integration api only"
}
