package policy

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/sfmeta"
)

func ruleHeader(id string) string {
	return strings.Replace(header, "TEST-001", id, 1)
}

// TestRuleTimeBudget: a rule that would loop for hours is stopped at its
// budget and reported once, by id; the other rule's findings on every
// document are kept.
func TestRuleTimeBudget(t *testing.T) {
	dir := writePolicy(t, map[string]string{
		"slow.rego": ruleHeader("TEST-SLOW") + "package slow\nimport rego.v1\n" +
			"deny contains \"never\" if {\n\tsome i in numbers.range(1, 60000)\n\tsome j in numbers.range(1, 60000)\n\ti + j < 0\n}\n",
		"ok.rego": ruleHeader("TEST-OK") + "package ok\nimport rego.v1\ndeny contains sprintf(\"app %s\", [input.fullName]) if input.type == \"ConnectedApp\"\n",
	})
	e, err := New(Options{PolicyDirs: []string{dir}, RuleTimeout: time.Second,
		Enabled: func(r finding.Rule) bool { return strings.HasPrefix(r.ID, "TEST-") }})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*model.Document
	for _, name := range []string{"A", "B", "C"} {
		path := "connectedApps/" + name + ".connectedApp"
		typ, full, format, _ := sfmeta.Classify(path)
		d, err := model.Load(typ, full, path, format, []byte(`<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"><label>x</label></ConnectedApp>`), e.Keep(typ.Name))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	fs, diags := e.EvalDocuments(context.Background(), docs, 1)
	var got []string
	for _, f := range fs {
		got = append(got, f.RuleID+" "+f.Message)
	}
	if diff := cmp.Diff([]string{"TEST-OK app A", "TEST-OK app B", "TEST-OK app C"}, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if len(diags) != 1 || diags[0].File != "connectedApps/A.connectedApp" ||
		diags[0].Message != "evaluating rules: rule TEST-SLOW: exceeded its evaluation time budget of 1s (--rule-timeout, ruleTimeout in .sfguard.yaml); it is not run on the remaining inputs" {
		t.Errorf("diagnostics = %+v", diags)
	}
}

// TestBoundedBuiltins: the builtins that build a collection of a size the
// caller picks refuse sizes past MaxGenerated before allocating, and work
// as OPA's below it.
func TestBoundedBuiltins(t *testing.T) {
	tests := []struct {
		query, want, wantErr string
	}{
		{query: `x := net.cidr_expand("10.0.0.0/30")`, want: `[10.0.0.0 10.0.0.1 10.0.0.2 10.0.0.3]`},
		{query: `x := count(net.cidr_expand("10.1.2.3/16"))`, want: `65536`},
		{query: `x := count(net.cidr_expand("fd00::/120"))`, want: `256`},
		{query: `x := net.cidr_expand("0.0.0.0/0")`, wantErr: "net.cidr_expand: 0.0.0.0/0 holds 2^32 addresses; sfguard expands at most 65536"},
		{query: `x := net.cidr_expand("::/0")`, wantErr: "holds 2^128 addresses"},
		{query: `x := numbers.range(3, 0)`, want: `[3 2 1 0]`},
		{query: `x := numbers.range(-2, 1)`, want: `[-2 -1 0 1]`},
		{query: `x := numbers.range(1, 10000000000)`, wantErr: "numbers.range: the range has more than 65536 elements"},
		{query: `x := numbers.range_step(0, 10, 5)`, want: `[0 5 10]`},
		{query: `x := numbers.range_step(10, 0, 4)`, want: `[10 6 2]`},
		{query: `x := numbers.range_step(0, 100000000000, 7)`, wantErr: "numbers.range_step: the range has more than 65536 elements"},
	}
	for _, tt := range tests {
		rs, err := rego.New(rego.Query(tt.query)).Eval(context.Background())
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want %q", tt.query, err, tt.wantErr)
			}
			continue
		}
		if err != nil || len(rs) != 1 {
			t.Errorf("%s: %v %v", tt.query, rs, err)
			continue
		}
		got := fmt.Sprint(rs[0].Bindings["x"])
		if strings.HasPrefix(got, "[") && strings.Contains(tt.query, "cidr_expand") {
			got = fmt.Sprint(sortedStrings(rs[0].Bindings["x"]))
		}
		if got != tt.want {
			t.Errorf("%s = %s, want %s", tt.query, got, tt.want)
		}
	}
}

func sortedStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	sort.Strings(out)
	return out
}

// TestBoundedBuiltinFailsTheRule: a refused expansion is an error naming
// the rule, not an undefined expression that lets the rule pass silently.
func TestBoundedBuiltinFailsTheRule(t *testing.T) {
	dir := writePolicy(t, map[string]string{
		"big.rego": ruleHeader("TEST-BIG") + "package big\nimport rego.v1\n" +
			"deny contains \"allowed\" if not \"10.0.0.1\" in net.cidr_expand(\"0.0.0.0/0\")\n",
		"ok.rego": ruleHeader("TEST-OK") + "package ok\nimport rego.v1\ndeny contains \"ok\" if input.type == \"ConnectedApp\"\n",
	})
	e, err := New(Options{PolicyDirs: []string{dir}, Enabled: func(r finding.Rule) bool { return strings.HasPrefix(r.ID, "TEST-") }})
	if err != nil {
		t.Fatal(err)
	}
	path := "connectedApps/A.connectedApp"
	typ, full, format, _ := sfmeta.Classify(path)
	d, err := model.Load(typ, full, path, format, []byte(`<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"><label>x</label></ConnectedApp>`), e.Keep(typ.Name))
	if err != nil {
		t.Fatal(err)
	}
	fs, diags := e.EvalDocuments(context.Background(), []*model.Document{d}, 1)
	if len(fs) != 1 || fs[0].RuleID != "TEST-OK" {
		t.Errorf("findings = %+v", fs)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "rule TEST-BIG: eval_builtin_error: net.cidr_expand: 0.0.0.0/0 holds 2^32 addresses") {
		t.Errorf("diagnostics = %+v", diags)
	}
}
