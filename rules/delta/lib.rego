# METADATA
# title: Helpers for PR-delta rules
# description: |
#   Helpers shared by the PR-delta rules. Delta rules see
#   {"base": <document input or null>, "head": <document input>} for every
#   document present in the working tree, paired with the document of the same
#   type and full name at the --diff-base revision (null when the component is
#   new in the change).
package sfguard.lib.delta

import rego.v1

import data.sfguard.lib.net

# base_content is the base document's content, {} for a new component.
base_content := object.get(input, ["base", "content"], {})

# is_new is true when the component does not exist at the base revision.
is_new if input.base == null

# ranges(content, path, start_key, end_key) reads IPv4 ranges stored as
# start/end address pairs into [{"s": n, "e": n}] (IPv6 and malformed
# entries are left out).
ranges(content, path, start_key, end_key) := [{"s": s, "e": e} |
	some r in object.get(content, path, [])
	s := net.ipv4_to_int(object.get(r, start_key, ""))
	e := net.ipv4_to_int(object.get(r, end_key, ""))
	e >= s
]

# in_union(x, rs) holds when address x lies in one of the ranges rs.
in_union(x, rs) if {
	some b in rs
	b.s <= x
	x <= b.e
}

# covered(s, e, rs) holds when every address of [s, e] lies in the union of
# rs, however the ranges overlap or abut: s is covered and no range that ends
# inside [s, e) is followed by an uncovered address.
covered(s, e, rs) if {
	in_union(s, rs)
	every b in rs {
		gap_free(b, s, e, rs)
	}
}

gap_free(b, s, _, _) if b.e < s

gap_free(b, _, e, _) if b.e >= e

gap_free(b, _, _, rs) if in_union(b.e + 1, rs)
