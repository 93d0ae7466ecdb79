package ruletest

import (
	"context"
	"errors"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/sfguard/sfguard/policy"
)

// RegoTest is the result of one Rego test rule (test_*).
type RegoTest struct {
	// Package is the test package without "data.", e.g. acme.contact_test.
	Package string `json:"package"`
	Name    string `json:"name"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Fail    bool   `json:"fail,omitempty"`
	Skip    bool   `json:"skip,omitempty"`
	Error   string `json:"error,omitempty"`
}

// OK reports whether the test passed (or was skipped).
func (r *RegoTest) OK() bool { return !r.Fail && r.Error == "" }

// RunRego runs the Rego unit tests with OPA's tester, compiled together
// with the built-in pack and with the same typed input schemas as a scan.
// With builtin it reports the built-in pack's tests, otherwise those in
// dirs. The modules are returned too, for coverage checks.
func RunRego(ctx context.Context, dirs []string, builtin bool) ([]RegoTest, map[string]*ast.Module, error) {
	modules, isBuiltin, compiler, err := policy.TestModules(dirs)
	if err != nil {
		return nil, nil, err
	}
	// The store carries data.sfguard.meta (the registry's enums) as in a
	// scan; parameters keep their declared defaults.
	ch, err := tester.NewRunner().
		SetStore(policy.NewStore(map[string]any{})).
		SetCompiler(compiler).
		SetModules(modules).
		EnableTracing(false).
		RunTests(ctx, nil)
	if err != nil {
		var errs ast.Errors
		if errors.As(err, &errs) {
			return nil, nil, policy.CompileError(errs)
		}
		return nil, nil, err
	}
	var out []RegoTest
	for r := range ch {
		file, line := "", 0
		if r.Location != nil {
			file, line = r.Location.File, r.Location.Row
		}
		if isBuiltin[file] != builtin {
			continue
		}
		t := RegoTest{Package: strings.TrimPrefix(r.Package, "data."), Name: r.Name, File: file, Line: line, Fail: r.Fail, Skip: r.Skip}
		if r.Error != nil {
			t.Error = r.Error.Error()
		}
		out = append(out, t)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out, modules, nil
}
