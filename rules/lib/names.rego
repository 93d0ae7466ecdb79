# METADATA
# title: Display names
# description: |
#   Names for messages taken from an element (a label, a profile name, the
#   app an ECA file belongs to). An element written with xsi:nil="true"
#   reaches the rules as null and an empty one as "": neither is a name, so
#   the fallback (usually the file's full name) is used instead of printing
#   "null" or nothing.
package sfguard.lib.names

import rego.v1

# of(content, key, fallback) is the element's text when it is a non-empty
# string, otherwise fallback.
of(content, key, fallback) := v if {
	v := object.get(content, key, null)
	is_string(v)
	trim_space(v) != ""
} else := fallback
