package diffbase

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/sfguard/sfguard/policy"
)

// TestDeltaRules runs the Rego unit tests of the PR-delta rules in
// rules/delta with the libraries they import, and checks the contract the
// engine relies on: every rule package is scope delta, has an SFG-DELTA id,
// types, tags including security and delta, and a test package beside it.
// rules/rules_test.go runs the whole pack; this test keeps the delta rules
// checkable on their own.
func TestDeltaRules(t *testing.T) {
	root := filepath.Join("..", "..", "rules")
	var files []string
	for _, dir := range []string{"delta", "lib"} {
		m, err := filepath.Glob(filepath.Join(root, dir, "*.rego"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	modules := map[string]*ast.Module{}
	type meta struct {
		ID, Scope string
		Tagged    bool
		Types     bool
		Tested    bool
	}
	rules := map[string]*meta{}
	tested := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ast.ParseModuleWithOpts(f, string(b), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		modules[f] = m
		if strings.Contains(f, string(filepath.Separator)+"delta"+string(filepath.Separator)) {
			// The delta rules are kept in opa fmt style.
			want, err := format.SourceWithOpts(f, b, format.Opts{RegoVersion: ast.RegoV1})
			if err != nil {
				t.Errorf("%s: opa fmt: %v", f, err)
			} else if !bytes.Equal(want, b) {
				t.Errorf("%s is not opa fmt formatted; formatted:\n%s", f, want)
			}
		}
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if !strings.HasPrefix(pkg, "sfguard.rules.delta.") {
			continue
		}
		if strings.HasSuffix(pkg, "_test") {
			tested[strings.TrimSuffix(pkg, "_test")] = true
			continue
		}
		mt := &meta{}
		rules[pkg] = mt
		for _, a := range m.Annotations {
			if a.Scope != "package" {
				continue
			}
			mt.ID, _ = a.Custom["id"].(string)
			mt.Scope, _ = a.Custom["scope"].(string)
			tags, _ := a.Custom["tags"].([]any)
			has := map[any]bool{}
			for _, tg := range tags {
				has[tg] = true
			}
			mt.Tagged = has["security"] && has["delta"]
			types, _ := a.Custom["types"].([]any)
			mt.Types = len(types) > 0
		}
	}
	if len(rules) < 6 {
		t.Fatalf("found %d delta rules, want at least 6", len(rules))
	}
	ids := map[string]string{}
	var pkgs []string
	for pkg := range rules {
		pkgs = append(pkgs, pkg)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		mt := rules[pkg]
		mt.Tested = tested[pkg]
		if !strings.HasPrefix(mt.ID, "SFG-DELTA-") || mt.Scope != "delta" || !mt.Tagged || !mt.Types || !mt.Tested {
			t.Errorf("%s: metadata %+v: want an SFG-DELTA id, scope delta, types, tags security+delta and a _test package", pkg, *mt)
		}
		if other, dup := ids[mt.ID]; dup {
			t.Errorf("%s and %s share id %s", pkg, other, mt.ID)
		}
		ids[mt.ID] = pkg
	}

	ch, err := tester.NewRunner().SetStore(policy.NewStore(map[string]any{})).SetModules(modules).EnableTracing(false).RunTests(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	perPkg := map[string]int{}
	for r := range ch {
		name := r.Package + "." + r.Name
		switch {
		case r.Error != nil:
			t.Errorf("%s: error: %v", name, r.Error)
		case r.Fail:
			t.Errorf("%s (%s): FAIL", name, r.Location)
		}
		perPkg[strings.TrimSuffix(strings.TrimPrefix(r.Package, "data."), "_test")]++
	}
	var missing []string
	for _, pkg := range pkgs {
		if perPkg[pkg] < 3 {
			missing = append(missing, pkg)
		}
	}
	if d := cmp.Diff([]string(nil), missing); d != "" {
		t.Errorf("delta rules with fewer than 3 Rego tests (-want +got):\n%s", d)
	}
}
