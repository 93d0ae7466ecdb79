package rules_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/scan"
	"github.com/sfguard/sfguard/internal/source"
	"github.com/sfguard/sfguard/policy"
)

// fixtureRoot holds one folder per rule id: fail/ is a small org in which
// every element preceded by <!-- want RULE-ID --> must be reported by that
// rule, and nothing else may be; pass/ is an org the rule must stay silent
// on. The want comments follow go/analysis's analysistest: the expectations
// live in the fixture, beside the XML they are about.
const fixtureRoot = "../fixtures/rules"

type hit struct {
	File string
	Line int
	Col  int
}

func (h hit) String() string { return fmt.Sprintf("%s:%d:%d", h.File, h.Line, h.Col) }

func TestRuleFixtures(t *testing.T) {
	eng, err := policy.New(policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := os.ReadDir(fixtureRoot)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, d := range dirs {
		if d.IsDir() {
			have[d.Name()] = true
		}
	}
	for _, r := range eng.Rules() {
		if (r.Scope == policy.ScopeDocument || r.Scope == policy.ScopeOrg) && !have[r.ID] {
			t.Errorf("rule %s has no fixtures in %s/%s/{fail,pass}", r.ID, fixtureRoot, r.ID)
		}
	}
	for id := range have {
		t.Run(id, func(t *testing.T) {
			dir := filepath.Join(fixtureRoot, id)
			failDir := filepath.Join(dir, "fail")
			got, docs := run(t, failDir, id)
			want := wants(docs, id)
			if len(want) == 0 {
				t.Errorf("%s: no <!-- want %s --> comment in any fail fixture", failDir, id)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s findings mismatch (-want +got):\n%s", failDir, diff)
			}
			passDir := filepath.Join(dir, "pass")
			if _, err := os.Stat(passDir); err != nil {
				t.Fatalf("%s: every rule needs a pass/ org: %v", dir, err)
			}
			if got, _ := run(t, passDir, id); len(got) != 0 {
				t.Errorf("%s: rule fired on the passing org: %v", passDir, got)
			}
		})
	}
}

// run scans dir with every rule and returns the positions where rule id
// fired, plus the parsed documents for reading want comments.
func run(t *testing.T, dir, id string) ([]hit, []*model.Document) {
	t.Helper()
	s := &scan.Settings{
		Paths:    []string{dir},
		Metadata: true,
		Jobs:     runtime.NumCPU(),
		Config:   &config.Config{},
		NoIgnore: true,
		Tool:     "sfguard",
	}
	res, err := scan.Run(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Report.Diagnostics {
		t.Errorf("input problem: %s", d.Error())
	}
	var hits []hit
	for _, f := range res.Report.Findings {
		if f.RuleID == id {
			hits = append(hits, hit{filepath.ToSlash(f.File), f.Line, f.Column})
		}
	}
	sortHits(hits)
	return hits, parseAll(t, dir)
}

func parseAll(t *testing.T, dir string) []*model.Document {
	all, diags := source.Walk([]string{dir}, source.Options{NoIgnore: true})
	files := source.Metadata(all)
	for _, d := range diags {
		t.Errorf("source: %s", d.Error())
	}
	var docs []*model.Document
	for i := range files {
		data, err := files[i].Read()
		if err != nil {
			t.Fatal(err)
		}
		d, err := model.Load(files[i].Type, files[i].FullName, files[i].Path, files[i].Format, data, nil)
		if err != nil {
			t.Fatalf("%s: %v", files[i].Path, err)
		}
		docs = append(docs, d)
	}
	return docs
}

// wants collects the elements preceded by a <!-- want ID --> comment.
func wants(docs []*model.Document, id string) []hit {
	var out []hit
	var walk func(d *model.Document, n *model.Node)
	walk = func(d *model.Document, n *model.Node) {
		for _, c := range n.Comments {
			fields := strings.FieldsFunc(c, func(r rune) bool { return r == ' ' || r == ',' })
			if len(fields) > 1 && fields[0] == "want" {
				for _, f := range fields[1:] {
					if f == id {
						out = append(out, hit{filepath.ToSlash(d.Path), n.Line, n.Col})
					}
				}
			}
		}
		for _, c := range n.Children {
			walk(d, c)
		}
	}
	for _, d := range docs {
		walk(d, d.Root)
	}
	sortHits(out)
	return out
}

func sortHits(h []hit) {
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
