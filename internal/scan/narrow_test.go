package scan

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/source"
	"github.com/sfguard/sfguard/policy"
)

// TestRulesNeedTheirTypes is what makes narrowing the compiled rules by
// type safe (policy.Options.Types, used for staged content and stdin): for
// the files of each metadata type of each fixture org, scanned alone, every
// finding comes from a rule that declares that type, and an engine
// compiled for that type alone finds exactly the same.
func TestRulesNeedTheirTypes(t *testing.T) {
	orgs, err := filepath.Glob("../../fixtures/orgs/*")
	if err != nil {
		t.Fatal(err)
	}
	full, err := NewEngine(&Settings{Metadata: true, Config: &config.Config{}})
	if err != nil {
		t.Fatal(err)
	}
	declares := map[string][]string{}
	for _, r := range full.Rules() {
		declares[r.ID] = r.Types
	}
	narrowed := map[string]*policy.Engine{}
	total := 0
	for _, org := range orgs {
		if fi, err := os.Stat(org); err != nil || !fi.IsDir() {
			continue
		}
		files, _ := source.Walk([]string{org}, source.Options{NoIgnore: true})
		byType := map[string][]string{}
		for _, f := range files {
			name := "(not metadata)"
			if f.Type != nil {
				name = f.Type.Name
			}
			byType[name] = append(byType[name], f.Path)
		}
		for typ, paths := range byType {
			sort.Strings(paths)
			s := &Settings{Paths: paths, Metadata: true, Config: &config.Config{}, NoIgnore: true}
			want := runWith(t, s, full)
			total += len(want)
			for _, f := range want {
				if !declared(declares[f.RuleID], typ) {
					t.Errorf("%s: %s fired on %s files alone, but declares types %v", filepath.Base(org), f.RuleID, typ, declares[f.RuleID])
				}
			}
			eng := narrowed[typ]
			if eng == nil {
				if eng, err = newEngine(s, []string{typ}); err != nil {
					t.Fatal(err)
				}
				narrowed[typ] = eng
			}
			if diff := cmp.Diff(want, runWith(t, s, eng)); diff != "" {
				t.Errorf("%s, %s files: the engine compiled for %s alone finds otherwise (-full +narrowed):\n%s", filepath.Base(org), typ, typ, diff)
			}
		}
	}
	if total < 100 {
		t.Errorf("the fixture orgs' files, type by type, gave %d findings; expected hundreds", total)
	}
}

func runWith(t *testing.T, s *Settings, eng *policy.Engine) []finding.Finding {
	t.Helper()
	res, err := RunEngine(context.Background(), s, eng)
	if err != nil {
		t.Fatal(err)
	}
	return res.Report.Findings
}

func declared(types []string, typ string) bool {
	for _, t := range types {
		if t == typ || t == "*" {
			return true
		}
	}
	return len(types) == 0
}
