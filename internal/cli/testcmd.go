package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/ruletest"
	"github.com/sfguard/sfguard/internal/scan"
)

const testUsage = `Usage: sfguard test [flags] [DIR...]

Tests the rules in each DIR (default .), as 'go test ./rules/' tests the
built-in pack:
  * the Rego unit tests (*_test.rego) run with OPA's tester, compiled with the
    built-in pack and the same typed input as a scan;
  * each rule's fixture orgs, DIR/fixtures/<RULE-ID>/fail and .../pass (or
    DIR/fixtures/rules/<RULE-ID>/...): every element preceded by
    <!-- want RULE-ID --> in fail/ must be reported at its line, nothing else
    may be, and pass/ must stay silent.
Exit codes: 0 all passed, 1 a test failed, 2 the rules did not load.

Flags:
`

// ruleReport is the outcome of one user rule in `sfguard test`.
type ruleReport struct {
	ID       string              `json:"id"`
	File     string              `json:"file"`
	Scope    string              `json:"scope"`
	Status   string              `json:"status"` // ok, FAIL, notests
	Rego     []ruletest.RegoTest `json:"rego"`
	Fixtures []ruletest.Case     `json:"fixtures"`
}

func (r *ruleReport) failed() bool {
	for i := range r.Rego {
		if !r.Rego[i].OK() {
			return true
		}
	}
	for i := range r.Fixtures {
		if !r.Fixtures[i].OK() {
			return true
		}
	}
	return false
}

// testReport is the whole run (--format json).
type testReport struct {
	OK    bool         `json:"ok"`
	Rules []ruleReport `json:"rules"`
	// Other are Rego tests in packages that belong to no rule (libraries).
	Other []ruletest.RegoTest `json:"otherRegoTests"`
	// Problems are fixtures that belong to no loaded rule.
	Problems []string `json:"problems"`
}

func runTest(args []string, e env) int {
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.StringP("format", "f", "text", "text or json")
	verbose := fs.BoolP("verbose", "v", false, "list every test, passed ones too")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, testUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		return ExitError
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(e.stderr, "sfguard test: --format: want text or json, got %q\n", *format)
		return ExitError
	}
	dirs := fs.Args()
	if len(dirs) == 0 {
		dirs = []string{"."}
	}
	rep, err := testRules(context.Background(), dirs)
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard test: %v\n", err)
		return ExitError
	}
	if *format == "json" {
		if err := encode(e.stdout, "  ", rep); err != nil {
			fmt.Fprintf(e.stderr, "sfguard test: %v\n", err)
			return ExitError
		}
	} else {
		writeTestText(e.stdout, rep, *verbose)
	}
	if !rep.OK {
		return ExitFindings
	}
	return ExitOK
}

// testRules loads the rules of dirs beside the built-in pack and runs
// their Rego tests and fixture orgs.
func testRules(ctx context.Context, dirs []string) (*testReport, error) {
	eng, err := scan.NewEngine(&scan.Settings{PolicyDirs: dirs, Metadata: true, Config: &config.Config{}})
	if err != nil {
		return nil, err
	}
	regoTests, _, err := ruletest.RunRego(ctx, dirs, false)
	if err != nil {
		return nil, err
	}
	rep := &testReport{OK: true, Other: []ruletest.RegoTest{}, Problems: []string{}}
	byPkg := map[string]int{}
	byID := map[string]int{}
	builtinIDs := map[string]bool{}
	for _, r := range eng.Rules() {
		if r.Source == "builtin" {
			builtinIDs[r.ID] = true
			continue
		}
		byPkg[strings.TrimPrefix(r.Package, "data.")] = len(rep.Rules)
		byID[r.ID] = len(rep.Rules)
		rep.Rules = append(rep.Rules, ruleReport{ID: r.ID, File: r.Source, Scope: r.Scope, Rego: []ruletest.RegoTest{}, Fixtures: []ruletest.Case{}})
	}
	for _, t := range regoTests {
		if i, ok := byPkg[strings.TrimSuffix(t.Package, "_test")]; ok {
			rep.Rules[i].Rego = append(rep.Rules[i].Rego, t)
			continue
		}
		rep.Other = append(rep.Other, t)
		if !t.OK() {
			rep.OK = false
		}
	}
	for _, dir := range dirs {
		root, ok := ruletest.FixtureRoot(dir)
		if !ok {
			continue
		}
		ids, err := ruletest.FixtureIDs(root)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			i, ok := byID[id]
			if !ok {
				what := "no rule in " + strings.Join(dirs, ", ") + " has this id"
				if builtinIDs[id] {
					what = "it is a built-in rule (tested by go test ./rules/)"
				}
				rep.Problems = append(rep.Problems, fmt.Sprintf("%s: fixtures for %s, but %s", filepath.Join(root, id), id, what))
				rep.OK = false
				continue
			}
			rep.Rules[i].Fixtures = append(rep.Rules[i].Fixtures, ruletest.RunRule(ctx, eng, root, id)...)
		}
	}
	for i := range rep.Rules {
		r := &rep.Rules[i]
		switch {
		case r.failed():
			r.Status = "FAIL"
			rep.OK = false
		case len(r.Rego) == 0 && len(r.Fixtures) == 0:
			r.Status = "notests"
		default:
			r.Status = "ok"
		}
	}
	sort.Slice(rep.Rules, func(i, j int) bool { return rep.Rules[i].ID < rep.Rules[j].ID })
	return rep, nil
}

// writeTestText prints the run like go test: details of each failure, then
// one ok/FAIL/? line per rule, then ok or FAIL.
func writeTestText(w io.Writer, rep *testReport, verbose bool) {
	var b strings.Builder
	for _, r := range rep.Rules {
		for _, t := range r.Rego {
			writeRegoTest(&b, r.ID, t, verbose)
		}
		for i := range r.Fixtures {
			writeCase(&b, &r.Fixtures[i], verbose)
		}
	}
	for _, t := range rep.Other {
		writeRegoTest(&b, t.Package, t, verbose)
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(&b, "--- FAIL: %s\n", p)
	}
	untested := 0
	for _, r := range rep.Rules {
		counts := fmt.Sprintf("%s, %s", plural(len(r.Rego), "Rego test", "Rego tests"), plural(len(r.Fixtures), "fixture org", "fixture orgs"))
		switch r.Status {
		case "FAIL":
			fmt.Fprintf(&b, "FAIL\t%s\t%s (%s)\n", r.ID, r.File, counts)
		case "notests":
			untested++
			fmt.Fprintf(&b, "?   \t%s\t%s [no tests: add %s and fixtures/%s/{fail,pass}]\n", r.ID, r.File, testFileFor(r.File), r.ID)
		default:
			fmt.Fprintf(&b, "ok  \t%s\t%s (%s)\n", r.ID, r.File, counts)
		}
	}
	if len(rep.Rules) == 0 {
		b.WriteString("no rules found (a rule is a .rego file whose package METADATA has custom.id)\n")
	}
	if untested > 0 {
		fmt.Fprintf(&b, "%s without tests\n", plural(untested, "rule", "rules"))
	}
	if rep.OK {
		b.WriteString("ok\n")
	} else {
		b.WriteString("FAIL\n")
	}
	_, _ = io.WriteString(w, b.String())
}

func testFileFor(file string) string {
	return strings.TrimSuffix(file, ".rego") + "_test.rego"
}

func writeRegoTest(b *strings.Builder, owner string, t ruletest.RegoTest, verbose bool) {
	where := fmt.Sprintf("%s:%d", t.File, t.Line)
	switch {
	case t.Error != "":
		fmt.Fprintf(b, "--- FAIL: %s %s.%s (%s)\n    error: %s\n", owner, t.Package, t.Name, where, t.Error)
	case t.Fail:
		fmt.Fprintf(b, "--- FAIL: %s %s.%s (%s)\n", owner, t.Package, t.Name, where)
	case verbose && t.Skip:
		fmt.Fprintf(b, "--- SKIP: %s %s.%s (%s)\n", owner, t.Package, t.Name, where)
	case verbose:
		fmt.Fprintf(b, "--- PASS: %s %s.%s (%s)\n", owner, t.Package, t.Name, where)
	}
}

func writeCase(b *strings.Builder, c *ruletest.Case, verbose bool) {
	if c.OK() {
		if verbose {
			fmt.Fprintf(b, "--- PASS: %s %s (%s)\n", c.Rule, c.Dir, plural(len(c.Got), "finding", "findings"))
		}
		return
	}
	fmt.Fprintf(b, "--- FAIL: %s %s\n", c.Rule, c.Dir)
	for _, p := range c.Problems {
		fmt.Fprintf(b, "    %s\n", p)
	}
	if len(c.Missing)+len(c.Unexpected) == 0 {
		return
	}
	if c.Kind == "pass" {
		b.WriteString("    the rule must stay silent on this org, but reported (+got):\n")
	} else {
		b.WriteString("    findings differ from the <!-- want --> comments (-want +got):\n")
	}
	type line struct {
		h    ruletest.Hit
		sign string
	}
	var lines []line
	for _, h := range c.Missing {
		lines = append(lines, line{h, "-"})
	}
	for _, h := range c.Unexpected {
		lines = append(lines, line{h, "+"})
	}
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := lines[i].h, lines[j].h
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	for _, l := range lines {
		msg := ""
		if l.h.Msg != "" {
			msg = "  " + l.h.Msg
		}
		fmt.Fprintf(b, "      %s %s%s\n", l.sign, l.h, msg)
	}
}
