package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

// Problem is a value Salesforce would not accept as written: a malformed
// boolean or integer, or a single-valued element that occurs more than once.
// The typed content still carries a value for it (the insecure reading), so
// rules fail closed; the caller reports the problem as a diagnostic naming
// the file, which makes the run exit 2.
type Problem struct {
	Line, Col int
	Msg       string
}

// Problems lists the value problems of the document in document order. It
// types the content once more with a collector; Content itself stays free
// of side effects because the engine calls it for every evaluation.
func (d *Document) Problems() []Problem {
	if d.Root == nil {
		return nil
	}
	var out []Problem
	var schema *sfmeta.Field
	if d.Type != nil {
		schema = d.Type.Schema()
	}
	c := typer{keys: map[string]*ast.Term{}, problems: &out}
	c.object(d.Root, schema)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Col < out[j].Col
	})
	return out
}

func (c *typer) report(n *Node, format string, args ...any) {
	if c.problems != nil {
		*c.problems = append(*c.problems, Problem{Line: n.Line, Col: n.Col, Msg: fmt.Sprintf(format, args...)})
	}
}

// shownText quotes a malformed value for a message. A long one is only
// measured, never echoed: it may be a credential pasted into the wrong
// element.
func shownText(s string) string {
	if len(s) > 16 {
		return fmt.Sprintf("a %d-byte value", len(s))
	}
	return fmt.Sprintf("%q", s)
}

func (c *typer) malformed(n *Node, f *sfmeta.Field) {
	switch f.Kind {
	case sfmeta.KindBool:
		c.report(n, "<%s> %s is not a boolean (Salesforce accepts true, false, 1 or 0): rules read it as %v, the insecure value",
			n.Name, shownText(n.Text), f.Pessimistic())
	case sfmeta.KindInt:
		if f.Ints != nil {
			c.report(n, "<%s> %s is not an integer: rules read it as %d, the least secure value", n.Name, shownText(n.Text), f.Ints.Worst)
		} else {
			c.report(n, "<%s> %s is not an integer", n.Name, shownText(n.Text))
		}
	}
}

// duplicate reports a single-valued element that occurs more than once.
func (c *typer) duplicate(nodes []*Node, f *sfmeta.Field) {
	lines := make([]string, len(nodes))
	for i, n := range nodes {
		lines[i] = fmt.Sprint(n.Line)
	}
	what := "rules read the least secure of the values"
	if f.Kind == sfmeta.KindObject {
		what = "rules read the children of all of them together, the least secure value of each"
	}
	c.report(nodes[0], "<%s> occurs %d times (lines %s) but holds a single value: %s",
		nodes[0].Name, len(nodes), strings.Join(lines, ", "), what)
}

// worst types duplicated occurrences of a single-valued element as one
// value: containers are merged (their own duplicated children then resolve
// the same way); leaves keep the least secure value the registry can rank,
// otherwise the last one, the way a deploy overwrites.
func (c *typer) worst(nodes []*Node, f *sfmeta.Field) *ast.Term {
	if f.Kind == sfmeta.KindObject {
		merged := &Node{Name: nodes[0].Name, Line: nodes[0].Line, Col: nodes[0].Col}
		for _, n := range nodes {
			merged.Children = append(merged.Children, n.Children...)
		}
		if len(merged.Children) == 0 {
			return ast.NewTerm(ast.NewObject())
		}
		return ast.NewTerm(c.object(merged, f))
	}
	pick := c.value(nodes[0], f)
	for _, n := range nodes[1:] {
		pick = worseTerm(f, pick, c.value(n, f))
	}
	return pick
}

func worseTerm(f *sfmeta.Field, a, b *ast.Term) *ast.Term {
	switch f.Kind {
	case sfmeta.KindBool:
		if v, ok := b.Value.(ast.Boolean); ok && bool(v) == f.Pessimistic() {
			return b
		}
		if _, ok := a.Value.(ast.Boolean); ok {
			return a
		}
	case sfmeta.KindInt:
		x, okA := a.Value.(ast.Number)
		y, okB := b.Value.(ast.Number)
		if okA && okB && f.Ints != nil {
			xi, _ := x.Int()
			yi, _ := y.Int()
			if f.Ints.Worse(xi, yi) == xi {
				return a
			}
			return b
		}
	case sfmeta.KindString:
		x, okA := a.Value.(ast.String)
		y, okB := b.Value.(ast.String)
		if okA && okB && f.WorseString(string(x), string(y)) == string(x) {
			return a
		}
	}
	return b
}
