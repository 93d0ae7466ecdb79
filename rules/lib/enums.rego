# METADATA
# title: Documented enum values
# description: |
#   The enums Salesforce documents for the elements rules grade, with their
#   defaults, come from the metadata registry (internal/sfmeta/values.go) as
#   data.sfguard.meta.enums. Rules test a setting against the known values
#   and report anything else, read as the least secure value: an unknown
#   value is never a pass.
package sfguard.lib.enums

import rego.v1

# spec(type, path) is {values, pattern, default, security, worst} for the
# enum at a slash-separated path under the root ("oauthPolicy/ipRelaxation").
spec(type, path) := data.sfguard.meta.enums[type][path]

# known(type, path, v) holds for a documented value.
known(type, path, v) if {
	s := spec(type, path)
	s.pattern == ""
	v in s.values
}

known(type, path, v) if {
	s := spec(type, path)
	s.pattern != ""
	is_string(v)
	regex.match(s.pattern, v)
}

# unrecognised(type, path, v) holds for a present value Salesforce does not
# document (a typo, a value from a newer release, a hand-edited file).
unrecognised(type, path, v) if not known(type, path, v)

# effective(type, path, v) is v when documented, otherwise the enum's least
# secure value.
effective(type, path, v) := v if known(type, path, v)

else := spec(type, path).worst

# note(type, path, v, treated) explains, for a message, that v is not a
# documented value and how the rule read it; "" for a documented value.
note(type, path, v, treated) := sprintf("unrecognised value %s for %s; treated as %s", [shown(v), element(path), treated]) if {
	unrecognised(type, path, v)
} else := ""

element(path) := parts[count(parts) - 1] if parts := split(path, "/")

shown(v) := sprintf("%q", [v]) if is_string(v)

else := sprintf("%v", [v])
