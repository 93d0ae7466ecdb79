package rules_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/ruletest"
	"github.com/sfguard/sfguard/internal/scan"
	"github.com/sfguard/sfguard/policy"
)

// fixtureRoot holds one folder per rule id: fail/ is a small org in which
// every element preceded by <!-- want RULE-ID --> must be reported by that
// rule, and nothing else may be; pass/ is an org the rule must stay silent
// on. The machinery is internal/ruletest, the same that `sfguard test` runs
// on user rule directories.
const fixtureRoot = "../fixtures/rules"

func TestRuleFixtures(t *testing.T) {
	eng, err := scan.NewEngine(&scan.Settings{Metadata: true, Config: &config.Config{}})
	if err != nil {
		t.Fatal(err)
	}
	ids, err := ruletest.FixtureIDs(fixtureRoot)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, id := range ids {
		have[id] = true
	}
	for _, r := range eng.Rules() {
		if (r.Scope == policy.ScopeDocument || r.Scope == policy.ScopeOrg) && !have[r.ID] {
			t.Errorf("rule %s has no fixtures in %s/%s/{fail,pass}", r.ID, fixtureRoot, r.ID)
		}
	}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			for _, c := range ruletest.RunRule(context.Background(), eng, fixtureRoot, id) {
				for _, p := range c.Problems {
					t.Errorf("%s: %s", c.Dir, p)
				}
				if diff := cmp.Diff(positions(c.Want), positions(c.Got)); diff != "" {
					t.Errorf("%s findings mismatch (-want +got):\n%s", c.Dir, diff)
				}
			}
		})
	}
}

// positions drops the messages, so that the diff is about places.
func positions(hs []ruletest.Hit) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.String()
	}
	return out
}

// TestFixtureDirsAreRules catches a fixture folder whose name is not a
// rule id (a typo would otherwise test nothing).
func TestFixtureDirsAreRules(t *testing.T) {
	eng, err := policy.New(policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, r := range eng.Rules() {
		known[r.ID] = true
	}
	entries, err := os.ReadDir(fixtureRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && !known[e.Name()] && !strings.HasPrefix(e.Name(), ".") {
			t.Errorf("%s: no rule has the id %s", filepath.Join(fixtureRoot, e.Name()), e.Name())
		}
	}
}
