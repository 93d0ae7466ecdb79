// Package ruletest tests Rego rules the way sfguard's own pack is tested,
// for the built-in pack (go test ./rules/) and for user rule directories
// (sfguard test): XML fixture orgs whose <!-- want RULE-ID --> comments
// mark where a rule must report, run through the scan pipeline, and the
// Rego unit tests (*_test.rego) run with OPA's tester.
//
// Fixture layout: <root>/<RULE-ID>/fail/ is a small org in which every
// element preceded by <!-- want RULE-ID --> must be reported by that rule at
// that element's line and column, and nothing else may be reported by it;
// <root>/<RULE-ID>/pass/ is an org the rule must stay silent on. The want
// comments follow go/analysis's analysistest: the expectation sits beside
// the XML it is about.
package ruletest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/scan"
	"github.com/sfguard/sfguard/internal/source"
	"github.com/sfguard/sfguard/policy"
)

// Hit is one position a rule reported (or must report).
type Hit struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column"`
	// Msg is the finding's message (empty for a want).
	Msg string `json:"message,omitempty"`
}

func (h Hit) String() string { return fmt.Sprintf("%s:%d:%d", h.File, h.Line, h.Col) }

func (h Hit) pos() Hit { return Hit{File: h.File, Line: h.Line, Col: h.Col} }

// Case is one fixture org of one rule and what happened to it.
type Case struct {
	Rule string `json:"rule"`
	// Kind is "fail" (the rule must report the wanted elements) or "pass"
	// (it must report nothing).
	Kind string `json:"kind"`
	Dir  string `json:"dir"`
	Want []Hit  `json:"want"`
	Got  []Hit  `json:"got"`
	// Missing are wanted positions the rule did not report; Unexpected
	// are reports nobody wanted.
	Missing    []Hit `json:"missing,omitempty"`
	Unexpected []Hit `json:"unexpected,omitempty"`
	// Problems are reasons the case cannot pass whatever the rule does:
	// unreadable fixtures, a fail org without want comments, a missing
	// pass org.
	Problems []string `json:"problems,omitempty"`
}

// OK reports whether the case passed.
func (c *Case) OK() bool {
	return len(c.Missing) == 0 && len(c.Unexpected) == 0 && len(c.Problems) == 0
}

// FixtureRoot returns the folder holding per-rule fixture folders under a
// rule directory: dir/fixtures/rules (the built-in pack's layout) when it
// exists, else dir/fixtures. ok is false when there is neither.
func FixtureRoot(dir string) (string, bool) {
	for _, p := range []string{filepath.Join(dir, "fixtures", "rules"), filepath.Join(dir, "fixtures")} {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p, true
		}
	}
	return "", false
}

// FixtureIDs lists the rule ids that have a folder under root.
func FixtureIDs(root string) ([]string, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range entries {
		if e.IsDir() {
			ids = append(ids, e.Name())
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// RunRule runs the fail and pass orgs of rule id under root through the
// scan pipeline with eng. It returns the fail case then the pass case.
func RunRule(ctx context.Context, eng *policy.Engine, root, id string) []Case {
	dir := filepath.Join(root, id)
	fail := Case{Rule: id, Kind: "fail", Dir: filepath.Join(dir, "fail")}
	pass := Case{Rule: id, Kind: "pass", Dir: filepath.Join(dir, "pass")}
	runCase(ctx, eng, &fail)
	if len(fail.Want) == 0 && len(fail.Problems) == 0 {
		fail.Problems = append(fail.Problems, fmt.Sprintf("no <!-- want %s --> comment in any fail fixture", id))
	}
	runCase(ctx, eng, &pass)
	return []Case{fail, pass}
}

// InputProblem is the want id that marks an element whose value is
// deliberately malformed or duplicated in a fixture.
const InputProblem = "input-problem"

func runCase(ctx context.Context, eng *policy.Engine, c *Case) {
	if st, err := os.Stat(c.Dir); err != nil || !st.IsDir() {
		c.Problems = append(c.Problems, fmt.Sprintf("%s: every rule needs a %s/ org", c.Dir, c.Kind))
		return
	}
	s := &scan.Settings{
		Paths:    []string{c.Dir},
		Metadata: true,
		Jobs:     runtime.NumCPU(),
		Config:   &config.Config{},
		NoIgnore: true,
		Tool:     "sfguard",
	}
	res, err := scan.RunEngine(ctx, s, eng)
	if err != nil {
		c.Problems = append(c.Problems, err.Error())
		return
	}
	docs, probs := parseAll(c.Dir)
	c.Problems = append(c.Problems, probs...)
	// A fixture may carry a malformed or duplicated value on purpose (the
	// rules read it pessimistically): the element is then preceded by
	// <!-- want input-problem -->, and exactly those diagnostics are expected.
	expected := map[Hit]bool{}
	for _, h := range Wants(docs, InputProblem) {
		expected[h.pos()] = true
	}
	for _, d := range res.Report.Diagnostics {
		h := Hit{File: filepath.ToSlash(d.File), Line: d.Line, Col: d.Column}
		if expected[h] {
			delete(expected, h)
			continue
		}
		c.Problems = append(c.Problems, "input problem: "+d.Error())
	}
	for h := range expected {
		c.Problems = append(c.Problems, "wanted input problem not reported at "+h.String())
	}
	for _, f := range res.Report.Findings {
		if f.RuleID == c.Rule {
			c.Got = append(c.Got, Hit{File: filepath.ToSlash(f.File), Line: f.Line, Col: f.Column, Msg: f.Message})
		}
	}
	sortHits(c.Got)
	if c.Kind == "fail" {
		c.Want = Wants(docs, c.Rule)
	}
	c.Missing, c.Unexpected = compare(c.Want, c.Got)
}

// compare returns the wanted positions not reported and the reports not
// wanted (each reported position satisfies one want).
func compare(want, got []Hit) (missing, unexpected []Hit) {
	left := map[Hit]int{}
	for _, w := range want {
		left[w.pos()]++
	}
	for _, g := range got {
		if left[g.pos()] > 0 {
			left[g.pos()]--
			continue
		}
		unexpected = append(unexpected, g)
	}
	for _, w := range want {
		if left[w.pos()] > 0 {
			left[w.pos()]--
			missing = append(missing, w)
		}
	}
	return missing, unexpected
}

// parseAll parses every metadata document under dir in full, comments
// included, to read the want comments.
func parseAll(dir string) ([]*model.Document, []string) {
	all, diags := source.Walk([]string{dir}, source.Options{NoIgnore: true})
	var probs []string
	for _, d := range diags {
		probs = append(probs, "source: "+d.Error())
	}
	files := source.Metadata(all)
	var docs []*model.Document
	for i := range files {
		data, err := files[i].Read()
		if err != nil {
			probs = append(probs, fmt.Sprintf("%s: %v", files[i].Path, err))
			continue
		}
		d, err := model.Load(files[i].Type, files[i].FullName, files[i].Path, files[i].Format, data, nil)
		if err != nil {
			probs = append(probs, fmt.Sprintf("%s: %v", files[i].Path, err))
			continue
		}
		docs = append(docs, d)
	}
	return docs, probs
}

// Wants collects the positions of the elements preceded by a
// <!-- want ID --> comment (several ids may be listed, separated by spaces
// or commas).
func Wants(docs []*model.Document, id string) []Hit {
	var out []Hit
	var walk func(d *model.Document, n *model.Node)
	walk = func(d *model.Document, n *model.Node) {
		for _, c := range n.Comments {
			fields := strings.FieldsFunc(c, func(r rune) bool { return r == ' ' || r == ',' })
			if len(fields) > 1 && fields[0] == "want" {
				for _, f := range fields[1:] {
					if f == id {
						out = append(out, Hit{File: filepath.ToSlash(d.Path), Line: n.Line, Col: n.Col})
					}
				}
			}
		}
		for _, c := range n.Children {
			walk(d, c)
		}
	}
	for _, d := range docs {
		if d.Root != nil {
			walk(d, d.Root)
		}
	}
	sortHits(out)
	return out
}

func sortHits(h []Hit) {
	sort.Slice(h, func(i, j int) bool {
		if h[i].File != h[j].File {
			return h[i].File < h[j].File
		}
		if h[i].Line != h[j].Line {
			return h[i].Line < h[j].Line
		}
		return h[i].Col < h[j].Col
	})
}
