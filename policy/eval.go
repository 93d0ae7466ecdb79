package policy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/parallel"
)

// queryCache prepares one query per (scope, type) on first use. Preparing is
// the expensive step, so it happens once per run, not once per document.
type queryCache struct {
	e  *Engine
	mu sync.Mutex
	m  map[string]*group
}

// group is the set of rules evaluated together for one key.
type group struct {
	once  sync.Once
	rules []*loadedRule
	pq    *rego.PreparedEvalQuery
	err   error
}

func newQueryCache(e *Engine) *queryCache { return &queryCache{e: e, m: map[string]*group{}} }

func (c *queryCache) get(key string, pick func(*loadedRule) bool) *group {
	c.mu.Lock()
	g, ok := c.m[key]
	if !ok {
		g = &group{}
		for _, r := range c.e.rules {
			if pick(r) {
				g.rules = append(g.rules, r)
			}
		}
		c.m[key] = g
	}
	c.mu.Unlock()
	g.once.Do(func() {
		if len(g.rules) > 0 {
			g.pq, g.err = c.e.prepare(g.rules)
		}
	})
	return g
}

// rawDeny is one element of a deny set as a rule returns it.
type rawDeny struct {
	rule *loadedRule
	obj  map[string]any
}

// eval runs a group against one input. When the combined query fails or
// runs out of time, each rule is run alone, with its own time budget, so
// the error names the rule that caused it and the other rules' results are
// kept. A rule over budget is not run again (see budget.go).
func (e *Engine) eval(ctx context.Context, g *group, input ast.Value, budget time.Duration) ([]rawDeny, []error) {
	if g.err != nil {
		return nil, []error{g.err}
	}
	if g.pq == nil {
		return nil, nil
	}
	if !e.anyOverBudget(g.rules) {
		rs, err := e.evalBudgeted(ctx, g.pq, input, budget)
		if err == nil {
			return collect(g.rules, rs), nil
		}
	}
	var out []rawDeny
	var errs []error
	for _, r := range g.rules {
		if e.isOverBudget(r) {
			continue // reported where it ran out of time
		}
		single := e.queries.get("rule:"+r.meta.ID, func(x *loadedRule) bool { return x == r })
		if single.err != nil {
			errs = append(errs, fmt.Errorf("rule %s: %w", r.meta.ID, single.err))
			continue
		}
		rs, err := e.evalBudgeted(ctx, single.pq, input, budget)
		if errors.Is(err, errOverBudget) {
			if e.markOverBudget(r) {
				errs = append(errs, fmt.Errorf("rule %s: %w of %s (--rule-timeout, ruleTimeout in .sfguard.yaml); "+
					"it is not run on the remaining inputs", r.meta.ID, err, budget))
			}
			continue
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %s: %w", r.meta.ID, err))
			continue
		}
		out = append(out, collect([]*loadedRule{r}, rs)...)
	}
	return out, errs
}

func collect(rules []*loadedRule, rs rego.ResultSet) []rawDeny {
	var out []rawDeny
	for _, res := range rs {
		for i, r := range rules {
			set, _ := res.Bindings[fmt.Sprintf("r%d", i)].([]any)
			for _, v := range set {
				obj, ok := v.(map[string]any)
				if !ok {
					// A bare string is accepted as a message, as conftest does.
					if s, isStr := v.(string); isStr {
						obj = map[string]any{"msg": s}
					} else {
						obj = map[string]any{"msg": fmt.Sprint(v)}
					}
				}
				out = append(out, rawDeny{rule: r, obj: obj})
			}
		}
	}
	return out
}

// DocResult is what evaluating one document produced.
type DocResult struct {
	Findings    []finding.Finding
	Diagnostics []finding.Diagnostic
	// Input is the document's Rego input, kept so the org input can reuse it
	// instead of typing the document a second time.
	Input ast.Value
}

// EvalDocument runs the document-scope rules for the document's type.
func (e *Engine) EvalDocument(ctx context.Context, d *model.Document) DocResult {
	g := e.queries.get("document:"+d.Type.Name, func(r *loadedRule) bool {
		return r.meta.Scope == ScopeDocument && appliesTo(r, d.Type.Name)
	})
	input := d.Input()
	denies, errs := e.eval(ctx, g, input, e.timeout)
	res := DocResult{Input: input}
	for _, err := range errs {
		res.Diagnostics = append(res.Diagnostics, finding.Diagnostic{File: d.Path, Message: "evaluating rules: " + err.Error()})
	}
	for _, rd := range denies {
		res.Findings = append(res.Findings, e.toFinding(rd, d, nil))
	}
	return res
}

// EvalDocuments evaluates every document with jobs workers and then the
// org-scope rules once. The result is sorted, so it does not depend on the
// worker count.
func (e *Engine) EvalDocuments(ctx context.Context, docs []*model.Document, jobs int) ([]finding.Finding, []finding.Diagnostic) {
	results := make([]DocResult, len(docs))
	parallel.ForEach(len(docs), jobs, func(i int) {
		results[i] = e.EvalDocument(ctx, docs[i])
	})

	var fs []finding.Finding
	var diags []finding.Diagnostic
	inputs := make(map[*model.Document]ast.Value, len(docs))
	for i, r := range results {
		fs = append(fs, r.Findings...)
		diags = append(diags, r.Diagnostics...)
		inputs[docs[i]] = r.Input
	}
	ofs, odiags := e.evalOrg(ctx, docs, inputs)
	fs = append(fs, ofs...)
	diags = append(diags, odiags...)
	SortFindings(fs)
	return fs, diags
}

func (e *Engine) evalOrg(ctx context.Context, docs []*model.Document, inputs map[*model.Document]ast.Value) ([]finding.Finding, []finding.Diagnostic) {
	g := e.queries.get("org", func(r *loadedRule) bool { return r.meta.Scope == ScopeOrg })
	if len(g.rules) == 0 {
		return nil, nil
	}
	byPath := make(map[string]*model.Document, len(docs))
	for _, d := range docs {
		byPath[d.Path] = d
	}
	denies, errs := e.eval(ctx, g, orgInput(docs, inputs), e.orgBudget(len(docs)))
	var fs []finding.Finding
	var diags []finding.Diagnostic
	for _, err := range errs {
		diags = append(diags, finding.Diagnostic{File: "(org)", Message: "evaluating org rules: " + err.Error()})
	}
	for _, rd := range denies {
		p, _ := rd.obj["document"].(string)
		d := byPath[p]
		if d == nil {
			diags = append(diags, finding.Diagnostic{File: "(org)", Message: fmt.Sprintf("rule %s returned a finding for unknown document %q", rd.rule.meta.ID, p)})
			continue
		}
		fs = append(fs, e.toFinding(rd, d, byPath))
	}
	return fs, diags
}

// OrgInput builds the org-scope input (docs/input.md): every document, the
// documents grouped by type, and external client apps joined across their
// files.
func OrgInput(docs []*model.Document) ast.Value { return orgInput(docs, nil) }

func orgInput(docs []*model.Document, known map[*model.Document]ast.Value) ast.Value {
	sorted := append([]*model.Document(nil), docs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	inputs := make(map[*model.Document]*ast.Term, len(sorted))
	all := make([]*ast.Term, 0, len(sorted))
	byType := map[string][]*ast.Term{}
	for _, d := range sorted {
		v, ok := known[d]
		if !ok {
			v = d.Input()
		}
		t := ast.NewTerm(v)
		inputs[d] = t
		all = append(all, t)
		byType[d.Type.Name] = append(byType[d.Type.Name], t)
	}
	types := ast.NewObject()
	for name, ts := range byType {
		types.Insert(ast.StringTerm(name), ast.ArrayTerm(ts...))
	}
	ecas := ast.NewObject()
	for app, roles := range model.JoinECA(sorted) {
		o := ast.NewObject()
		for _, role := range model.ECARoles {
			if d, ok := roles[role]; ok {
				o.Insert(ast.StringTerm(role), inputs[d])
			} else {
				o.Insert(ast.StringTerm(role), ast.NullTerm())
			}
		}
		ecas.Insert(ast.StringTerm(app), ast.NewTerm(o))
	}
	return ast.NewObject(
		[2]*ast.Term{ast.StringTerm("documents"), ast.ArrayTerm(all...)},
		[2]*ast.Term{ast.StringTerm("types"), ast.NewTerm(types)},
		[2]*ast.Term{ast.StringTerm("externalClientApps"), ast.NewTerm(ecas)},
	)
}

// toFinding turns a rule's deny object into a positioned finding. byPath
// resolves "related" document paths for org rules.
func (e *Engine) toFinding(rd rawDeny, d *model.Document, byPath map[string]*model.Document) finding.Finding {
	r := rd.rule
	f := finding.Finding{
		RuleID:        r.meta.ID,
		Severity:      r.meta.Severity,
		Title:         r.meta.Title,
		Kind:          r.meta.Kind,
		ComponentType: d.Type.Name,
		ComponentName: d.FullName,
	}
	f.Message, _ = rd.obj["msg"].(string)
	if f.Message == "" {
		f.Message = r.meta.Title
	}
	if s, ok := rd.obj["severity"].(string); ok && r.sevOverride == nil {
		if sev, err := finding.ParseSeverity(s); err == nil {
			f.Severity = sev
		}
	}
	path := toPath(rd.obj["element"])
	n, xpath, exact := d.Resolve(path)
	f.File = d.Path
	f.ElementPath = xpath
	if n != nil {
		f.Line, f.Column = n.Line, n.Col
	}
	switch v, has := rd.obj["value"]; {
	case has:
		f.ValueHash = hashValue(v)
	case exact && n != nil:
		f.ValueHash = hashValue(n.Text)
	default:
		f.ValueHash = hashValue(nil)
	}
	if rel, ok := rd.obj["related"].([]any); ok {
		for _, x := range rel {
			ro, _ := x.(map[string]any)
			if ro == nil {
				continue
			}
			rdoc := d
			if p, ok := ro["document"].(string); ok && byPath != nil {
				if other := byPath[p]; other != nil {
					rdoc = other
				}
			}
			rn, rx, _ := rdoc.Resolve(toPath(ro["element"]))
			loc := finding.Location{File: rdoc.Path, ElementPath: rx}
			if rn != nil {
				loc.Line, loc.Column = rn.Line, rn.Col
			}
			f.Related = append(f.Related, loc)
		}
	}
	return f
}

// toPath converts a Rego element path to the []any model.Resolve expects.
func toPath(v any) []any {
	arr, _ := v.([]any)
	out := make([]any, 0, len(arr))
	for _, x := range arr {
		switch t := x.(type) {
		case json.Number:
			if i, err := t.Int64(); err == nil {
				out = append(out, int(i))
			}
		case string:
			out = append(out, t)
		default:
			out = append(out, fmt.Sprint(t))
		}
	}
	return out
}

func hashValue(v any) string {
	b, _ := json.Marshal(v)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// SortFindings sorts findings deterministically.
func SortFindings(fs []finding.Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return finding.Less(&fs[i], &fs[j]) })
}
