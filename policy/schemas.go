package policy

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

// Typed input: every rule is compiled with the JSON Schema of the input it
// receives (generated from the sfmeta registry, published in docs/schemas/),
// so OPA's type checker rejects a reference to a field that does not exist,
// such as input.content.contnt, at load time instead of letting the rule
// fail silently. The schema follows from the rule's METADATA (custom.scope
// and custom.types); a rule that declares its own `schemas:` entry for
// input keeps it.

// schemaRoot is the first element under `schema.` of every sfguard schema:
// schema.sfguard.ConnectedApp, schema.sfguard.org, schema.sfguard.secret.
const schemaRoot = "sfguard"

// baseSchema returns the raw schema for a key that names one schema (not a
// union), or nil when there is none. Only the schemas the loaded rules use
// are built: a pre-commit secret scan needs one.
func baseSchema(key string) any {
	switch {
	case key == "org":
		return rawJSON(sfmeta.OrgSchema())
	case key == "secret":
		return rawJSON(sfmeta.CandidateSchema())
	case strings.HasPrefix(key, "delta."):
		if t, ok := sfmeta.ByName(strings.TrimPrefix(key, "delta.")); ok {
			return rawJSON(t.DeltaSchema())
		}
	default:
		if t, ok := sfmeta.ByName(key); ok {
			return rawJSON(t.DocumentSchema())
		}
	}
	return nil
}

// rawJSON round-trips a schema through JSON so that it holds only the plain
// values (map[string]any, []any) the schema compiler expects.
func rawJSON(v map[string]any) any {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return out
}

// schemaRef is schema.sfguard["key"].
func schemaRef(key string) ast.Ref {
	return ast.Ref{ast.SchemaRootDocument, ast.StringTerm(schemaRoot), ast.StringTerm(key)}
}

// schemaKey names the input schema of a rule: one type, or the union of the
// types it declares (built on demand by schemaSet).
func schemaKey(scope string, types []string) string {
	switch scope {
	case ScopeOrg:
		return "org"
	case ScopeSecret:
		return "secret"
	}
	ts := expandTypes(types)
	prefix := ""
	if scope == ScopeDelta {
		prefix = "delta."
	}
	if len(ts) == 1 {
		return prefix + ts[0]
	}
	return prefix + strings.Join(ts, "|")
}

// expandTypes resolves "*" and sorts, so equal sets share one schema.
func expandTypes(types []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range types {
		names := []string{t}
		if t == "*" {
			names = sfmeta.Names()
		}
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}

// schemaSet registers the schemas named by keys, built once each through
// cache.
func schemaSet(keys map[string]bool, cache schemaCache) *ast.SchemaSet {
	ss := ast.NewSchemaSet()
	for k := range keys {
		ss.Put(schemaRef(k), cache.get(k))
	}
	return ss
}

// schemaCache holds the schemas one compile has built. Building a schema
// (a JSON round trip of the registry's description) was done once per rule
// and once more for the compiler: a quarter of the instructions of a
// pre-commit `secrets --staged` run (callgrind, issue 14). One compile
// shares each schema between its rules' path checks and the compiler,
// which only read it; compiles do not share, so nothing one compiler does
// to its schemas can reach another.
type schemaCache map[string]any

func (c schemaCache) get(k string) any {
	v, ok := c[k]
	if !ok {
		v = rawSchema(k)
		c[k] = v
	}
	return v
}

// rawSchema returns the schema for a key; a key joining types with "|" is
// the union (anyOf) of their schemas.
func rawSchema(k string) any {
	if v := baseSchema(k); v != nil {
		return v
	}
	prefix, rest := "", k
	if strings.HasPrefix(k, "delta.") {
		prefix, rest = "delta.", strings.TrimPrefix(k, "delta.")
	}
	var alts []any
	for _, t := range strings.Split(rest, "|") {
		if v := baseSchema(prefix + t); v != nil {
			alts = append(alts, v)
		}
	}
	return map[string]any{"anyOf": alts}
}

// annotateInputSchema gives a rule module's package METADATA a schema for
// input, unless the author declared one. It returns the schema key used ("" when the
// module keeps its own).
func annotateInputSchema(m *ast.Module, r *loadedRule) string {
	ann := packageAnnotation(m)
	if ann == nil {
		return ""
	}
	for _, s := range ann.Schemas {
		if s.Path.Equal(ast.InputRootRef) {
			return ""
		}
	}
	key := schemaKey(r.meta.Scope, r.meta.Types)
	if key == "" {
		return ""
	}
	ann.Schemas = append(ann.Schemas, &ast.SchemaAnnotation{Path: ast.InputRootRef, Schema: schemaRef(key)})
	return key
}

func packageAnnotation(m *ast.Module) *ast.Annotations {
	for _, a := range m.Annotations {
		if a.Scope == "package" {
			return a
		}
	}
	return nil
}

// localVar matches the variables OPA introduces when it rewrites `some x in
// ref`; they mean nothing to the rule's author.
var localVar = regexp.MustCompile(`__local[0-9]+__`)

// typeError formats a type error as file:line:column, the message, and for
// a field that does not exist the nearest valid field name: OPA lists the
// keys that exist, a person wants the one they meant.
func typeError(e *ast.Error) string {
	var b strings.Builder
	if e.Location != nil {
		fmt.Fprintf(&b, "%s:%d:%d: ", e.Location.File, e.Location.Row, e.Location.Col)
	}
	b.WriteString(localVar.ReplaceAllString(e.Message, "_"))
	if hint := nearestField(e); hint != "" {
		b.WriteString(" (" + hint + ")")
	}
	if e.Details != nil {
		for _, l := range e.Details.Lines() {
			b.WriteString("\n\t" + l)
		}
	}
	return b.String()
}

// nearestField suggests the valid field closest to a misspelt one.
func nearestField(e *ast.Error) string {
	d, ok := e.Details.(*ast.RefErrInvalidDetail)
	if !ok || len(d.OneOf) == 0 || d.Pos >= len(d.Ref) {
		return ""
	}
	have, ok := d.Ref[d.Pos].Value.(ast.String)
	if !ok {
		return ""
	}
	best, bestDist := "", -1
	for _, v := range d.OneOf {
		s, ok := v.(ast.String)
		if !ok {
			continue
		}
		dist := nameDistance(strings.ToLower(string(have)), strings.ToLower(string(s)))
		if bestDist < 0 || dist < bestDist {
			best, bestDist = string(s), dist
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("%s has no field %q; nearest valid field: %s.%s; an element the registry does not know is read with data.sfguard.lib.unknown.get, see docs/writing-rules.md", d.Ref[:d.Pos], string(have), d.Ref[:d.Pos], best)
}

// nameDistance ranks candidate field names for a misspelt one: the edit
// distance, or, when the name written looks like a truncated candidate
// (contnt for contactEmail), the distance to the candidate's beginning plus
// one.
func nameDistance(have, cand string) int {
	d := editDistance(have, cand)
	if n := len(have) + 1; n < len(cand) {
		d = min(d, editDistance(have, cand[:n])+1)
	}
	return d
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
