package policy

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/rules"
)

// Scopes a rule can evaluate at. See docs/writing-rules.md.
const (
	ScopeDocument = "document" // input: one metadata document
	ScopeOrg      = "org"      // input: every document, joined
	ScopeSecret   = "secret"   // input: one credential candidate
	ScopeDelta    = "delta"    // input: {base, head} of one document in PR mode
)

// source is one Rego file to load.
type source struct {
	name    string // display name: "builtin:rules/x.rego" or a path
	text    string
	builtin bool
}

// loadSources gathers the embedded pack and the user's policy directories.
// Test files are left out: they are run by the Rego test runner, not the
// engine.
func loadSources(dirs []string) ([]source, error) {
	var out []source
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isRuleFile(p) {
			return err
		}
		b, err := rules.FS.ReadFile(p)
		if err != nil {
			return err
		}
		out = append(out, source{name: "rules/" + p, text: string(b), builtin: true})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the built-in rule pack: %w", err)
	}
	for _, dir := range dirs {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("--policy %s: %w", dir, err)
		}
		if !info.IsDir() {
			if !strings.HasSuffix(dir, ".rego") {
				return nil, fmt.Errorf("--policy %s: not a directory or .rego file", dir)
			}
			b, err := os.ReadFile(dir)
			if err != nil {
				return nil, fmt.Errorf("--policy %s: %w", dir, err)
			}
			out = append(out, source{name: filepath.ToSlash(dir), text: string(b)})
			continue
		}
		err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !isRuleFile(p) {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out = append(out, source{name: filepath.ToSlash(p), text: string(b)})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("--policy %s: %w", dir, err)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

func isRuleFile(p string) bool {
	return strings.HasSuffix(p, ".rego") && !strings.HasSuffix(p, "_test.rego")
}

// ParserOptions are the options every sfguard Rego file is parsed with:
// Rego v1 and METADATA annotations.
func ParserOptions() ast.ParserOptions {
	return ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}
}

// ruleFromModule reads the package METADATA of a module that defines deny.
// Modules without deny are libraries and return ok=false.
func ruleFromModule(name string, m *ast.Module, builtin bool) (r *loadedRule, ok bool, err error) {
	hasDeny := false
	for _, rl := range m.Rules {
		if rl.Head.Name.String() == "deny" || (len(rl.Head.Reference) > 0 && rl.Head.Reference[0].Value.Compare(ast.Var("deny")) == 0) {
			hasDeny = true
			break
		}
	}
	if !hasDeny {
		return nil, false, nil
	}
	var ann *ast.Annotations
	for _, a := range m.Annotations {
		if a.Scope == "package" {
			ann = a
			break
		}
	}
	pkg := m.Package.Path.String()
	if ann == nil {
		return nil, false, fmt.Errorf("%s: package %s defines deny but has no package METADATA block", name, pkg)
	}
	c := ann.Custom
	get := func(k string) string {
		v, _ := c[k].(string)
		return strings.TrimSpace(v)
	}
	meta := finding.Rule{
		ID:          get("id"),
		Title:       strings.TrimSpace(ann.Title),
		Description: strings.TrimSpace(ann.Description),
		Remediation: get("remediation"),
		Scope:       get("scope"),
		Package:     pkg,
		Source:      "builtin",
		Kind:        finding.KindMetadata,
	}
	if !builtin {
		meta.Source = name
	}
	if meta.ID == "" {
		return nil, false, fmt.Errorf("%s: package %s: METADATA custom.id is required", name, pkg)
	}
	if meta.Title == "" {
		return nil, false, fmt.Errorf("%s: rule %s: METADATA title is required", name, meta.ID)
	}
	if meta.Scope == "" {
		meta.Scope = ScopeDocument
	}
	switch meta.Scope {
	case ScopeDocument, ScopeOrg, ScopeSecret, ScopeDelta:
	default:
		return nil, false, fmt.Errorf("%s: rule %s: unknown scope %q (want document, org, secret or delta)", name, meta.ID, meta.Scope)
	}
	if meta.Scope == ScopeSecret {
		meta.Kind = finding.KindSecret
	}
	sev := get("severity")
	if sev == "" {
		return nil, false, fmt.Errorf("%s: rule %s: METADATA custom.severity is required", name, meta.ID)
	}
	if meta.Severity, err = finding.ParseSeverity(sev); err != nil {
		return nil, false, fmt.Errorf("%s: rule %s: %w", name, meta.ID, err)
	}
	for _, rr := range ann.RelatedResources {
		meta.References = append(meta.References, rr.Ref.String())
	}
	meta.Types, err = stringList(c["types"])
	if err != nil {
		return nil, false, fmt.Errorf("%s: rule %s: custom.types: %w", name, meta.ID, err)
	}
	meta.Tags, err = stringList(c["tags"])
	if err != nil {
		return nil, false, fmt.Errorf("%s: rule %s: custom.tags: %w", name, meta.ID, err)
	}
	r = &loadedRule{meta: meta, pkg: m.Package.Path}
	if v, present := c["reads"]; present {
		r.reads, err = stringList(v)
		if err != nil {
			return nil, false, fmt.Errorf("%s: rule %s: custom.reads: %w", name, meta.ID, err)
		}
		r.readsDeclared = true
	}
	if r.detectors, err = stringList(c["detectors"]); err != nil {
		return nil, false, fmt.Errorf("%s: rule %s: custom.detectors: %w", name, meta.ID, err)
	}
	if meta.Scope == ScopeSecret && len(r.detectors) == 0 {
		return nil, false, fmt.Errorf("%s: rule %s: a secret rule needs custom.detectors", name, meta.ID)
	}
	if (meta.Scope == ScopeDocument || meta.Scope == ScopeDelta) && len(meta.Types) == 0 {
		return nil, false, fmt.Errorf("%s: rule %s: a %s rule needs custom.types", name, meta.ID, meta.Scope)
	}
	if p, ok := c["params"]; ok {
		pm, isMap := p.(map[string]any)
		if !isMap {
			return nil, false, fmt.Errorf("%s: rule %s: custom.params must be a map of name to default", name, meta.ID)
		}
		meta.Params = pm
	}
	if ex, ok := c["examples"]; ok {
		em, isMap := ex.(map[string]any)
		if !isMap {
			return nil, false, fmt.Errorf("%s: rule %s: custom.examples must be a map with fail and pass", name, meta.ID)
		}
		meta.Examples = map[string]string{}
		for k, v := range em {
			s, isStr := v.(string)
			if !isStr {
				return nil, false, fmt.Errorf("%s: rule %s: custom.examples.%s must be a string", name, meta.ID, k)
			}
			meta.Examples[k] = s
		}
	}
	r.meta = meta
	return r, true, nil
}

func stringList(v any) ([]string, error) {
	if v == nil {
		return nil, nil
	}
	switch x := v.(type) {
	case string:
		return []string{x}, nil
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("want a list of strings, got %v", e)
			}
			out = append(out, s)
		}
		return out, nil
	default:
		return nil, fmt.Errorf("want a list of strings, got %T", v)
	}
}
