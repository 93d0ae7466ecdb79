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
	return loadSourcesWhere(dirs, isRuleFile)
}

// loadSourcesWhere gathers the files for which want is true.
func loadSourcesWhere(dirs []string, want func(string) bool) ([]source, error) {
	var out []source
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !want(p) {
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
	seen := map[string]bool{}
	for _, dir := range dirs {
		// The same directory named twice (in .sfguard.yaml and with
		// --policy, or by two relative paths) is loaded once.
		if abs, err := filepath.Abs(dir); err == nil {
			if seen[abs] {
				continue
			}
			seen[abs] = true
		}
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
			if d.IsDir() || !want(p) {
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
// Modules without deny are libraries and return ok=false. Every problem is
// reported as file:line (the line of the offending METADATA key), and keys
// that sfguard does not know are errors: a misspelt `severty:` must not
// leave a rule with a default the author never chose.
func ruleFromModule(name string, m *ast.Module, builtin bool) (r *loadedRule, ok bool, err error) {
	if !definesDeny(m) {
		return nil, false, nil
	}
	ann := packageAnnotation(m)
	pkg := m.Package.Path.String()
	if ann == nil {
		return nil, false, fmt.Errorf("%s:%d: package %s defines deny but has no package METADATA block", name, m.Package.Location.Row, pkg)
	}
	mb := newMetaBlock(name, m, ann)
	if err := mb.checkKeys(); err != nil {
		return nil, false, err
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
		return nil, false, mb.errorf("custom", "package %s: METADATA custom.id is required", pkg)
	}
	mb.id = meta.ID
	if meta.Title == "" {
		return nil, false, mb.errorf("", "METADATA title is required")
	}
	if meta.Scope == "" {
		meta.Scope = ScopeDocument
	}
	switch meta.Scope {
	case ScopeDocument, ScopeOrg, ScopeSecret, ScopeDelta:
	default:
		return nil, false, mb.errorf("scope", "unknown scope %q (want document, org, secret or delta)", meta.Scope)
	}
	if meta.Scope == ScopeSecret {
		meta.Kind = finding.KindSecret
	}
	sev := get("severity")
	if sev == "" {
		return nil, false, mb.errorf("custom", "METADATA custom.severity is required (critical, high, medium, low or info)")
	}
	if meta.Severity, err = finding.ParseSeverity(sev); err != nil {
		return nil, false, mb.errorf("severity", "%v", err)
	}
	for _, rr := range ann.RelatedResources {
		meta.References = append(meta.References, rr.Ref.String())
	}
	if meta.Types, err = stringList(c["types"]); err != nil {
		return nil, false, mb.errorf("types", "custom.types: %v", err)
	}
	if err := checkTypeNames(meta.Types); err != nil {
		return nil, false, mb.errorf("types", "custom.types: %v", err)
	}
	if meta.Tags, err = stringList(c["tags"]); err != nil {
		return nil, false, mb.errorf("tags", "custom.tags: %v", err)
	}
	r = &loadedRule{meta: meta, pkg: m.Package.Path, where: fmt.Sprintf("%s:%d", name, mb.line("id")), builtin: builtin}
	if v, present := c["reads"]; present {
		if r.reads, err = stringList(v); err != nil {
			return nil, false, mb.errorf("reads", "custom.reads: %v", err)
		}
		r.readsDeclared = true
	}
	if r.detectors, err = stringList(c["detectors"]); err != nil {
		return nil, false, mb.errorf("detectors", "custom.detectors: %v", err)
	}
	if meta.Scope == ScopeSecret && len(r.detectors) == 0 {
		return nil, false, mb.errorf("scope", "a secret rule needs custom.detectors")
	}
	if (meta.Scope == ScopeDocument || meta.Scope == ScopeDelta) && len(meta.Types) == 0 {
		return nil, false, mb.errorf("custom", "a %s rule needs custom.types", meta.Scope)
	}
	if p, ok := c["params"]; ok {
		pm, isMap := p.(map[string]any)
		if !isMap {
			return nil, false, mb.errorf("params", "custom.params must be a map of name to default")
		}
		meta.Params = pm
	}
	if ex, ok := c["examples"]; ok {
		if meta.Examples, err = examples(ex); err != nil {
			return nil, false, mb.errorf("examples", "%v", err)
		}
	}
	r.meta = meta
	return r, true, nil
}

func definesDeny(m *ast.Module) bool {
	for _, rl := range m.Rules {
		if rl.Head.Name.String() == "deny" || (len(rl.Head.Reference) > 0 && rl.Head.Reference[0].Value.Compare(ast.Var("deny")) == 0) {
			return true
		}
	}
	return false
}

func examples(ex any) (map[string]string, error) {
	em, isMap := ex.(map[string]any)
	if !isMap {
		return nil, fmt.Errorf("custom.examples must be a map with fail and pass")
	}
	out := map[string]string{}
	for k, v := range em {
		if k != "fail" && k != "pass" {
			return nil, fmt.Errorf("custom.examples: unknown key %q (want fail and pass)", k)
		}
		s, isStr := v.(string)
		if !isStr {
			return nil, fmt.Errorf("custom.examples.%s must be a string", k)
		}
		out[k] = s
	}
	return out, nil
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
