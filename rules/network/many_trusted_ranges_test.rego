package sfguard.rules.network.many_trusted_ranges_test

import rego.v1

import data.sfguard.rules.network.many_trusted_ranges as rule

settings(n) := {"type": "SecuritySettings", "fullName": "Security", "content": {"networkAccess": {"ipRanges": [{"start": sprintf("198.51.100.%d", [i]), "end": sprintf("198.51.100.%d", [i])} | some i in numbers.range(1, n)]}}}

test_more_than_the_maximum_fires if {
	some f in rule.deny with input as settings(21)
	f.element == ["networkAccess"]
	f.value == 21
}

test_up_to_the_maximum_is_silent if {
	count(rule.deny) == 0 with input as settings(20)
}

test_maximum_is_a_parameter if {
	count(rule.deny) == 1 with input as settings(3) with data.sfguard.params as {"max_trusted_ranges": 2}
}
