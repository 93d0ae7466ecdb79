package rules_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/sfguard/sfguard/internal/ruletest"
)

// TestRego runs every Rego unit test of the pack (the *_test.rego files),
// compiled with the typed input schemas as a scan compiles the rules, and
// checks that every rule package has at least one test package beside it.
// `sfguard test` runs user rule directories through the same code.
func TestRego(t *testing.T) {
	results, modules, err := ruletest.RunRego(context.Background(), nil, true)
	if err != nil {
		t.Fatal(err)
	}
	rulePkgs := map[string]string{}
	testPkgs := map[string]bool{}
	for file, m := range modules {
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if strings.HasSuffix(file, "_test.rego") {
			testPkgs[strings.TrimSuffix(pkg, "_test")] = true
		} else if strings.HasPrefix(pkg, "sfguard.rules.") {
			rulePkgs[pkg] = file
		}
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
	for _, r := range results {
		name := r.Package + "." + r.Name
		switch {
		case r.Error != "":
			t.Errorf("%s: error: %s", name, r.Error)
		case r.Fail:
			t.Errorf("%s (%s:%d): FAIL", name, r.File, r.Line)
		case r.Skip:
			t.Logf("%s: skipped", name)
		}
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests ran")
	}
	t.Logf("%d Rego tests", len(results))
}
