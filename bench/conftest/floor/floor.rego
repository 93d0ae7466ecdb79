# conftest's floor for bench/run.sh: one rule that reads one field and never
# fires, so the time measured is conftest parsing the XML and starting OPA.
package main

import rego.v1

deny contains msg if {
	input.sfguardBenchNeverPresent
	msg := "never"
}
