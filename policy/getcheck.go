package policy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// object.get is how rules read an element with a default (absent means
// absent, docs/input.md), so OPA's type checker never sees the path it
// reads: object.get(input.content, ["oauthConfig", "scopse"], []) would
// quietly return [] for ever. checkGetPaths closes that gap: an object.get
// whose object is a ref into input and whose key is a constant is checked
// against the rule's input schema like a plain reference. Elements the
// registry does not know are read with data.sfguard.lib.unknown.get, the
// documented escape hatch, which is not checked.

var objectGet = ast.Ref{ast.VarTerm("object"), ast.StringTerm("get")}

// checkGetPaths returns one error per object.get in m that reads a path its
// input schema (the raw JSON schema named by key) does not have.
func checkGetPaths(file string, m *ast.Module, schema any) ast.Errors {
	var errs ast.Errors
	ast.WalkTerms(m, func(t *ast.Term) bool {
		call, ok := t.Value.(ast.Call)
		if !ok || len(call) != 4 || !call[0].Value.(ast.Ref).Equal(objectGet) {
			return false
		}
		path, ok := constGetPath(call[1], call[2])
		if !ok {
			return false
		}
		if msg := schemaMiss(schema, path); msg != "" {
			loc := t.Location
			if loc == nil {
				loc = call[1].Location
			}
			errs = append(errs, ast.NewError(ast.TypeErr, loc, "object.get reads %s: %s; an element the registry does not know is read with data.sfguard.lib.unknown.get (docs/writing-rules.md)", pathString(path), msg))
		}
		return false
	})
	return errs
}

// constGetPath returns the full path from input that object.get(obj, key, _)
// reads, when obj is input.<constant…> and key is a constant string or
// array of constant strings.
func constGetPath(obj, key *ast.Term) ([]any, bool) {
	ref, ok := obj.Value.(ast.Ref)
	if !ok || !ref[0].Equal(ast.InputRootDocument) {
		return nil, false
	}
	var path []any
	for _, t := range ref[1:] {
		v, ok := constStep(t)
		if !ok {
			return nil, false
		}
		path = append(path, v)
	}
	switch k := key.Value.(type) {
	case ast.String:
		return append(path, string(k)), true
	case *ast.Array:
		for i := 0; i < k.Len(); i++ {
			v, ok := constStep(k.Elem(i))
			if !ok {
				return nil, false
			}
			path = append(path, v)
		}
		return path, true
	}
	return nil, false
}

func constStep(t *ast.Term) (any, bool) {
	switch v := t.Value.(type) {
	case ast.String:
		return string(v), true
	case ast.Number:
		if i, ok := v.Int(); ok {
			return i, true
		}
	}
	return nil, false
}

func pathString(path []any) string {
	var b strings.Builder
	b.WriteString("input")
	for _, p := range path {
		switch v := p.(type) {
		case string:
			b.WriteString("." + v)
		default:
			fmt.Fprintf(&b, "[%v]", v)
		}
	}
	return b.String()
}

// schemaMiss walks path through a raw JSON schema and describes the first
// step it does not have, or returns "" when the path exists (or leads into
// a part the schema leaves open).
func schemaMiss(schema any, path []any) string {
	miss, _ := walkSchema(schema, schema, path, 0)
	return miss
}

// walkSchema returns "" when path[i:] exists under node, else a message and
// how deep it got (so that for anyOf the most specific message wins).
func walkSchema(root, node any, path []any, i int) (string, int) {
	n, _ := node.(map[string]any)
	if n == nil {
		return "", i
	}
	if ref, ok := n["$ref"].(string); ok {
		return walkSchema(root, resolveRef(root, ref), path, i)
	}
	if alts, ok := n["anyOf"].([]any); ok {
		best, depth := "", -1
		for _, a := range alts {
			msg, d := walkSchema(root, a, path, i)
			if msg == "" {
				return "", d
			}
			if d > depth {
				best, depth = msg, d
			}
		}
		if best == "" {
			return "", i // only scalar alternatives: nothing to check
		}
		return best, depth
	}
	if i == len(path) {
		return "", i
	}
	step := path[i]
	if items, ok := n["items"]; ok {
		if _, isIdx := step.(int); isIdx {
			return walkSchema(root, items, path, i+1)
		}
		return fmt.Sprintf("%s is an array (a repeated element), index it first", pathString(path[:i])), i
	}
	props, ok := n["properties"].(map[string]any)
	if !ok {
		if isOpen(n) {
			return "", i
		}
		return fmt.Sprintf("%s is a leaf value, it has no %v", pathString(path[:i]), step), i
	}
	name, ok := step.(string)
	if !ok {
		return fmt.Sprintf("%s is an object, not an array", pathString(path[:i])), i
	}
	child, ok := props[name]
	if !ok {
		keys := make([]string, 0, len(props))
		for k := range props {
			keys = append(keys, k)
		}
		return fmt.Sprintf("%s has no field %q%s", pathString(path[:i]), name, nearestOf(name, keys)), i
	}
	return walkSchema(root, child, path, i+1)
}

// isOpen reports whether a schema node without properties is an object
// whose children are not typed (or has no type at all).
func isOpen(n map[string]any) bool {
	switch t := n["type"].(type) {
	case nil:
		return true
	case string:
		return t == "object"
	case []any:
		for _, x := range t {
			if x == "object" {
				return true
			}
		}
	}
	return false
}

func resolveRef(root any, ref string) any {
	name, ok := strings.CutPrefix(ref, "#/definitions/")
	if !ok {
		return nil
	}
	r, _ := root.(map[string]any)
	defs, _ := r["definitions"].(map[string]any)
	return defs[name]
}

// nearestOf returns "; nearest valid field: X" for the closest key.
func nearestOf(have string, keys []string) string {
	best, bestDist := "", -1
	for _, k := range keys {
		d := nameDistance(strings.ToLower(have), strings.ToLower(k))
		if bestDist < 0 || d < bestDist || d == bestDist && k < best {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return ""
	}
	return "; nearest valid field: " + best
}

// checkTestInputs checks the constant inputs of a Rego test module (`with
// input as {...}`) against the input schema of the rule it tests: a test
// whose input misspells a field tests nothing (a "stays silent" test passes
// for the wrong reason). Inputs built by functions are not checked.
func checkTestInputs(file string, m *ast.Module, key string) ast.Errors {
	var errs ast.Errors
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		for _, w := range e.With {
			ref, ok := w.Target.Value.(ast.Ref)
			if !ok || !ref.Equal(ast.InputRootRef) || !w.Value.IsGround() {
				continue
			}
			v, err := ast.JSON(w.Value.Value)
			if err != nil {
				continue
			}
			schema := testInputSchema(key, v)
			if schema == nil {
				continue
			}
			if msg := firstMiss(schema, v, nil); msg != "" {
				errs = append(errs, ast.NewError(ast.TypeErr, w.Value.Location, "test input does not match the rule's input schema: %s", msg))
			}
		}
		return false
	})
	return errs
}

// testInputSchema is the schema a test input is checked against: for a
// document input, the schema of the type it names when the rule reads that
// type; nil (no check) for a type the rule does not read, since such a test
// is about the rule ignoring it.
func testInputSchema(key string, v any) any {
	if obj, ok := v.(map[string]any); ok && key != "org" && key != "secret" && !strings.HasPrefix(key, "delta.") {
		if typ, ok := obj["type"].(string); ok {
			for _, t := range strings.Split(key, "|") {
				if t == typ {
					return baseSchema(typ)
				}
			}
			return nil
		}
	}
	return rawSchema(key)
}

// firstMiss walks every path of a JSON value and reports the first one the
// schema does not have.
func firstMiss(schema, v any, path []any) string {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := append(append([]any(nil), path...), k)
			if msg := schemaMiss(schema, p); msg != "" {
				return msg
			}
			if msg := firstMiss(schema, x[k], p); msg != "" {
				return msg
			}
		}
	case []any:
		for i, e := range x {
			if msg := firstMiss(schema, e, append(append([]any(nil), path...), i)); msg != "" {
				return msg
			}
		}
	}
	return ""
}
