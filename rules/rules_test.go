package rules_test

import (
	"context"
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/sfguard/sfguard/rules"
)

// TestRego runs every Rego unit test of the pack (the *_test.rego files) and
// checks that every rule package has at least one test package beside it.
func TestRego(t *testing.T) {
	modules := map[string]*ast.Module{}
	rulePkgs := map[string]string{}
	testPkgs := map[string]bool{}
	err := fs.WalkDir(rules.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		b, err := rules.FS.ReadFile(p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(b), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		modules[p] = m
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if strings.HasSuffix(p, "_test.rego") {
			testPkgs[strings.TrimSuffix(pkg, "_test")] = true
		} else if strings.HasPrefix(pkg, "sfguard.rules.") {
			rulePkgs[pkg] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var untested []string
	for pkg, file := range rulePkgs {
		if !testPkgs[pkg] {
			untested = append(untested, file+" ("+pkg+")")
		}
	}
	sort.Strings(untested)
	for _, u := range untested {
		t.Errorf("rule without Rego tests: %s", u)
	}

	ch, err := tester.NewRunner().SetModules(modules).EnableTracing(false).RunTests(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		n++
		name := r.Package + "." + r.Name
		switch {
		case r.Error != nil:
			t.Errorf("%s: error: %v", name, r.Error)
		case r.Fail:
			t.Errorf("%s (%s): FAIL", name, r.Location)
		case r.Skip:
			t.Logf("%s: skipped", name)
		}
	}
	if n == 0 {
		t.Fatal("no Rego tests ran")
	}
	t.Logf("%d Rego tests", n)
}
