package model

import (
	"strconv"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

// InputVersion names the contract documented in docs/input.md. It changes
// only when the shape of the input changes incompatibly.
const InputVersion = "sfguard input v1"

// Content returns the typed content of the document (the children of the
// root element) as a Rego object. It is built directly as ast values
// because it runs for every document of every scan; see docs/input.md for
// the typing rules.
func (d *Document) Content() ast.Value {
	var schema *sfmeta.Field
	if d.Type != nil {
		schema = d.Type.Schema()
	}
	return ContentOf(d.Root, schema)
}

// ContentOf types the children of root with the given schema (nil: infer
// everything). A nil root gives an empty object.
func ContentOf(root *Node, schema *sfmeta.Field) ast.Value {
	if root == nil {
		return ast.NewObject()
	}
	c := typer{keys: map[string]*ast.Term{}}
	return c.object(root, schema)
}

// Input returns the per-document Rego input:
// {"type", "fullName", "path", "format", "content"}.
func (d *Document) Input() ast.Value {
	typeName := ""
	if d.Type != nil {
		typeName = d.Type.Name
	}
	return ast.NewObject(
		ast.Item(ast.InternedTerm("type"), ast.StringTerm(typeName)),
		ast.Item(ast.InternedTerm("fullName"), ast.StringTerm(d.FullName)),
		ast.Item(ast.InternedTerm("path"), ast.StringTerm(d.Path)),
		ast.Item(ast.InternedTerm("format"), ast.StringTerm(string(d.Format))),
		ast.Item(ast.InternedTerm("content"), ast.NewTerm(d.Content())),
	)
}

// JSON returns the per-document input as plain Go values (maps, slices,
// strings, bools, json.Number, nil), for debugging and tests.
func (d *Document) JSON() any {
	v, err := ast.JSON(d.Input())
	if err != nil {
		// Input builds only JSON-compatible values (no sets), so this
		// cannot happen; return the error text rather than hide it.
		return err.Error()
	}
	return v
}

type typer struct {
	// keys shares one term per element name: a 20 MB profile has
	// hundreds of thousands of objects with the same few keys.
	keys map[string]*ast.Term
	// problems collects malformed and duplicated values when non-nil.
	problems *[]Problem
}

func (c *typer) key(name string) *ast.Term {
	if t, ok := c.keys[name]; ok {
		return t
	}
	t := ast.StringTerm(name)
	c.keys[name] = t
	return t
}

type group struct {
	name  string
	nodes []*Node
}

// object types the children of n. Children are grouped by name in order of
// first occurrence; a group becomes an array when the schema says the
// element repeats or when an element the schema does not know occurs more
// than once (so nothing is lost). A known single-valued element that occurs
// twice is an input problem (see problems.go): rules see one value, the less
// secure of the two.
func (c *typer) object(n *Node, f *sfmeta.Field) ast.Object {
	groups := groupChildren(n)
	obj := ast.NewObjectWithCapacity(len(groups))
	for _, g := range groups {
		cf := f.Child(g.name)
		switch {
		case cf != nil && cf.Repeated, cf == nil && len(g.nodes) > 1:
			terms := make([]*ast.Term, len(g.nodes))
			for i, ch := range g.nodes {
				terms[i] = c.value(ch, cf)
			}
			obj.Insert(c.key(g.name), ast.NewTerm(ast.NewArray(terms...)))
		case len(g.nodes) > 1:
			c.duplicate(g.nodes, cf)
			obj.Insert(c.key(g.name), c.worst(g.nodes, cf))
		default:
			obj.Insert(c.key(g.name), c.value(g.nodes[0], cf))
		}
	}
	return obj
}

func groupChildren(n *Node) []group {
	var groups []group
	last := -1
	for _, ch := range n.Children {
		if last >= 0 && groups[last].name == ch.Name {
			groups[last].nodes = append(groups[last].nodes, ch)
			continue
		}
		last = -1
		for i := range groups {
			if groups[i].name == ch.Name {
				last = i
				break
			}
		}
		if last < 0 {
			groups = append(groups, group{name: ch.Name})
			last = len(groups) - 1
		}
		groups[last].nodes = append(groups[last].nodes, ch)
	}
	return groups
}

func (c *typer) value(n *Node, f *sfmeta.Field) *ast.Term {
	if n.Nil {
		return ast.NullTerm()
	}
	if len(n.Children) > 0 {
		return ast.NewTerm(c.object(n, f))
	}
	kind := sfmeta.KindInfer
	if f != nil {
		kind = f.Kind
	}
	switch kind {
	case sfmeta.KindObject:
		if n.Text == "" {
			return ast.NewTerm(ast.NewObject())
		}
	case sfmeta.KindBool:
		if b, ok := sfmeta.ParseBool(n.Text); ok {
			return ast.InternedTerm(b)
		}
		// Fail closed: a value Salesforce would reject on deploy is read
		// as the insecure one, and reported as an input problem.
		c.malformed(n, f)
		return ast.InternedTerm(f.Pessimistic())
	case sfmeta.KindInfer:
		// Unknown leaves become booleans only for the exact literals, so
		// a description reading "True story" stays a string.
		switch n.Text {
		case "true":
			return ast.InternedTerm(true)
		case "false":
			return ast.InternedTerm(false)
		}
	case sfmeta.KindInt:
		if i, err := strconv.Atoi(n.Text); err == nil {
			return ast.InternedTerm(i)
		}
		c.malformed(n, f)
		if f.Ints != nil {
			return ast.InternedTerm(f.Ints.Worst)
		}
	}
	return ast.InternedTerm(n.Text)
}
