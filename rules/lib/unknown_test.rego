package sfguard.lib.unknown_test

import rego.v1

import data.sfguard.lib.unknown

test_get_present if {
	unknown.get({"a": {"b": true}}, ["a", "b"], false) == true
}

test_get_absent if {
	unknown.get({"a": {}}, ["a", "b"], "dflt") == "dflt"
}

test_get_single_key if {
	unknown.get({"newElement": "x"}, "newElement", null) == "x"
}
