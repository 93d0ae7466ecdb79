package policy

import (
	"context"
	"fmt"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/parallel"
)

// SecretInput is one credential candidate as the secret detectors found it.
// Fields is the Rego input (docs/secrets.md); it never holds the raw secret.
type SecretInput struct {
	Detector string
	Location finding.Location
	Secret   *finding.Secret
	Commit   *finding.Commit
	Fields   map[string]any
}

// EvalSecrets runs the secret-scope rules on jobs workers: each candidate is
// evaluated by the rules whose custom.detectors name its detector. A
// candidate no rule reports is dropped: the policy decided it is not a
// finding. The result is sorted.
func (e *Engine) EvalSecrets(ctx context.Context, cands []SecretInput, jobs int) ([]finding.Finding, []finding.Diagnostic) {
	type slot struct {
		fs    []finding.Finding
		diags []finding.Diagnostic
	}
	slots := make([]slot, len(cands))
	parallel.ForEach(len(cands), jobs, func(i int) {
		slots[i].fs, slots[i].diags = e.evalSecret(ctx, cands[i])
	})
	var fs []finding.Finding
	var diags []finding.Diagnostic
	for _, s := range slots {
		fs = append(fs, s.fs...)
		diags = append(diags, s.diags...)
	}
	SortFindings(fs)
	return fs, diags
}

// evalSecret runs the rules for one candidate's detector.
func (e *Engine) evalSecret(ctx context.Context, c SecretInput) ([]finding.Finding, []finding.Diagnostic) {
	g := e.queries.get("secret:"+c.Detector, func(r *loadedRule) bool {
		if r.meta.Scope != ScopeSecret {
			return false
		}
		for _, d := range r.detectors {
			if d == c.Detector || d == "*" {
				return true
			}
		}
		return false
	})
	if len(g.rules) == 0 {
		return nil, nil
	}
	input, err := toValue(c.Fields)
	if err != nil {
		return nil, []finding.Diagnostic{{File: c.Location.File, Line: c.Location.Line, Message: fmt.Sprintf("detector %s produced an input the policy cannot read: %v", c.Detector, err)}}
	}
	denies, errs := e.eval(ctx, g, input, e.timeout)
	var diags []finding.Diagnostic
	for _, err := range errs {
		diags = append(diags, finding.Diagnostic{File: c.Location.File, Line: c.Location.Line, Message: "evaluating secret rules: " + err.Error()})
	}
	var fs []finding.Finding
	for _, rd := range denies {
		f := finding.Finding{
			RuleID:   rd.rule.meta.ID,
			Severity: rd.rule.meta.Severity,
			Title:    rd.rule.meta.Title,
			Kind:     finding.KindSecret,
			Location: c.Location,
			Secret:   c.Secret,
			Commit:   c.Commit,
		}
		f.Message, _ = rd.obj["msg"].(string)
		if f.Message == "" {
			f.Message = f.Title
		}
		if s, ok := rd.obj["severity"].(string); ok && rd.rule.sevOverride == nil {
			if sev, err := finding.ParseSeverity(s); err == nil {
				f.Severity = sev
			}
		}
		if c.Secret != nil {
			f.ValueHash = c.Secret.Hash
		}
		fs = append(fs, f)
	}
	return fs, diags
}

// EvalDelta runs the delta-scope rules for PR mode: every head document is
// paired with the base document of the same type and full name (or null when
// the component is new). Findings point into the head document.
func (e *Engine) EvalDelta(ctx context.Context, base, head []*model.Document) ([]finding.Finding, []finding.Diagnostic) {
	key := func(d *model.Document) string { return d.Type.Name + "\x00" + d.FullName }
	baseBy := make(map[string]*model.Document, len(base))
	for _, d := range base {
		baseBy[key(d)] = d
	}
	var fs []finding.Finding
	var diags []finding.Diagnostic
	for _, h := range head {
		g := e.queries.get("delta:"+h.Type.Name, func(r *loadedRule) bool {
			return r.meta.Scope == ScopeDelta && appliesTo(r, h.Type.Name)
		})
		if len(g.rules) == 0 {
			continue
		}
		baseTerm := ast.NullTerm()
		if b := baseBy[key(h)]; b != nil {
			baseTerm = ast.NewTerm(b.Input())
		}
		input := ast.NewObject(
			[2]*ast.Term{ast.StringTerm("base"), baseTerm},
			[2]*ast.Term{ast.StringTerm("head"), ast.NewTerm(h.Input())},
		)
		denies, errs := e.eval(ctx, g, input, e.timeout)
		for _, err := range errs {
			diags = append(diags, finding.Diagnostic{File: h.Path, Message: "evaluating delta rules: " + err.Error()})
		}
		for _, rd := range denies {
			fs = append(fs, e.toFinding(rd, h, nil))
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return finding.Less(&fs[i], &fs[j]) })
	return fs, diags
}
