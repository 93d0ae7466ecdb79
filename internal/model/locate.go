package model

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Resolve maps an element path reported by a Rego rule to a node and an
// XPath-like string. path holds element names (string) and 0-based array
// indices (int, int64, float64 or json.Number, as they arrive from Rego
// results) relative to the root content, e.g.
// ["loginIpRanges", 2, "startAddress"].
//
// n is the deepest node that exists: a finding about a missing element
// points at its parent, and exact is false then. xpath always names the
// whole requested path ("/ConnectedApp/oauthConfig/isPkceRequired" even
// when isPkceRequired is absent), with 1-based indices where the rule gave
// an index. An index after a name selects the i-th child with that name; a
// name without an index selects the first.
func (d *Document) Resolve(path []any) (n *Node, xpath string, exact bool) {
	if d.Root == nil {
		return nil, "", false
	}
	var b strings.Builder
	b.WriteString("/")
	b.WriteString(d.Root.Name)
	n, exact = d.Root, true
	for i := 0; i < len(path); i++ {
		name, ok := path[i].(string)
		if !ok {
			// An index with no element name before it cannot address
			// anything in XML; keep it visible in the path.
			fmt.Fprintf(&b, "[%v]", path[i])
			exact = false
			continue
		}
		b.WriteString("/")
		b.WriteString(name)
		idx := 0
		if i+1 < len(path) {
			if v, isIdx := index(path[i+1]); isIdx {
				i++
				idx = v
				fmt.Fprintf(&b, "[%d]", v+1)
			}
		}
		if !exact {
			continue
		}
		if next := nthChild(n, name, idx); next != nil {
			n = next
		} else {
			exact = false
		}
	}
	return n, b.String(), exact
}

func nthChild(n *Node, name string, idx int) *Node {
	if idx < 0 {
		return nil
	}
	for _, c := range n.Children {
		if c.Name == name {
			if idx == 0 {
				return c
			}
			idx--
		}
	}
	return nil
}

// index accepts the integer representations a path step can arrive in.
func index(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case int64:
		return int(v), true
	case float64:
		if v == math.Trunc(v) && !math.IsInf(v, 0) && math.Abs(v) < 1<<31 {
			return int(v), true
		}
	case json.Number:
		if i, err := strconv.Atoi(string(v)); err == nil {
			return i, true
		}
	}
	return 0, false
}

// Ancestry returns the nodes an element path names that exist, root first:
// for "/Profile/loginIpRanges[2]/startAddress" the root, its second
// loginIpRanges and that one's startAddress, or fewer when the path leaves
// the document. It reads the paths Resolve writes (1-based indices).
func (d *Document) Ancestry(xpath string) []*Node {
	segs := strings.Split(strings.TrimPrefix(xpath, "/"), "/")
	if d.Root == nil || len(segs) == 0 || segs[0] != d.Root.Name {
		return nil
	}
	out := []*Node{d.Root}
	n := d.Root
	for _, seg := range segs[1:] {
		name, idx := seg, 0
		if i := strings.IndexByte(seg, '['); i >= 0 && strings.HasSuffix(seg, "]") {
			k, err := strconv.Atoi(seg[i+1 : len(seg)-1])
			if err != nil || i == 0 {
				break
			}
			name, idx = seg[:i], k-1
		}
		if n = nthChild(n, name, idx); n == nil {
			break
		}
		out = append(out, n)
	}
	return out
}
