package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
)

const full = `version: 1
failOn: medium
rules:
  disable:
    - severity:info
    - tag:experimental
    - SFG-PERM-*
  enable:
    - SFG-PERM-001
  severity:
    SFG-CA-001: critical
params:
  maxRefreshTokenDays: 90
  trustedRanges: ["10.0.0.0/8", "192.168.1.0/24"]
  allowBypass: false
  ratio: 0.5
exclude:
  - "**/node_modules/**"
  - force-app/legacy
suppressions:
  - rule: SFG-CA-001
    component: "ConnectedApp:Legacy_*"
    path: "force-app/**"
    reason: Vendor app, replaced in Q3
    owner: platform-team
    expires: 2026-12-31
  - rule: "*"
    path: "fixtures/**"
    reason: test fixtures
ruleTimeout: 1m30s
`

func sev(s finding.Severity) *finding.Severity { return &s }

func TestParseFull(t *testing.T) {
	c, err := Parse("x/.sfguard.yaml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Path:        "x/.sfguard.yaml",
		Version:     1,
		FailOn:      sev(finding.Medium),
		RuleTimeout: 90 * time.Second,
		Rules: Rules{
			Disable: []Selector{
				{Kind: BySeverity, Severity: finding.Info, Value: "info", Line: 5},
				{Kind: ByTag, Value: "experimental", Line: 6},
				{Kind: ByID, Value: "SFG-PERM-*", Line: 7},
			},
			Enable:       []Selector{{Kind: ByID, Value: "SFG-PERM-001", Line: 9}},
			Severity:     map[string]finding.Severity{"SFG-CA-001": finding.Critical},
			severityLine: map[string]int{"SFG-CA-001": 11},
		},
		Params: map[string]Param{
			"maxRefreshTokenDays": {Value: int64(90), Line: 13},
			"trustedRanges":       {Value: []any{"10.0.0.0/8", "192.168.1.0/24"}, Line: 14},
			"allowBypass":         {Value: false, Line: 15},
			"ratio":               {Value: 0.5, Line: 16},
		},
		Exclude: []Glob{{Pattern: "**/node_modules/**", Line: 18}, {Pattern: "force-app/legacy", Line: 19}},
		Suppressions: []Suppression{
			{Rule: "SFG-CA-001", Component: "ConnectedApp:Legacy_*", Path: "force-app/**", Reason: "Vendor app, replaced in Q3",
				Owner: "platform-team", Expires: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), File: "x/.sfguard.yaml", Line: 21},
			{Rule: "*", Path: "fixtures/**", Reason: "test fixtures", File: "x/.sfguard.yaml", Line: 27},
		},
	}
	if d := cmp.Diff(want, c, cmp.AllowUnexported(Rules{})); d != "" {
		t.Errorf("Parse mismatch (-want +got):\n%s", d)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, in := range []string{"", "# only a comment\n", "---\n", "rules:\nexclude:\nsuppressions:\n"} {
		c, err := Parse("e.yaml", []byte(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if d := cmp.Diff(&Config{Path: "e.yaml", Version: 1}, c, cmp.AllowUnexported(Rules{})); d != "" {
			t.Errorf("%q (-want +got):\n%s", in, d)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"unknown top key", "version: 1\nfailon: high\n", []string{`c.yaml:2: unknown key "failon"`}},
		{"unknown rules key", "rules:\n  disable: []\n  severty:\n    X: high\n", []string{`c.yaml:3: unknown key "severty" in rules`}},
		{"bad version", "version: 2\n", []string{"c.yaml:1: unsupported version 2 (this sfguard reads version 1)"}},
		{"version string", "version: one\n", []string{`c.yaml:1: version must be an integer, got "one"`}},
		{"bad failOn", "failOn: severe\n", []string{`c.yaml:1: failOn: unknown severity "severe" (want one of info, low, medium, high, critical)`}},
		{"bad severity override", "rules:\n  severity:\n    SFG-CA-001: urgent\n", []string{`c.yaml:3: rules.severity.SFG-CA-001: unknown severity "urgent"`}},
		{"bad selector", "rules:\n  disable: [\"owner:me\"]\n", []string{`c.yaml:2: rules.disable: "owner:me": unknown selector prefix`}},
		{"bad severity selector", "rules:\n  enable: [\"severity:huge\"]\n", []string{`c.yaml:2: rules.enable: "severity:huge": unknown severity "huge"`}},
		{"rules not a map", "rules: [a]\n", []string{"c.yaml:1: rules must be a mapping, got a list"}},
		{"exclude not a list", "exclude: foo\n", []string{`c.yaml:1: exclude must be a list, got "foo"`}},
		{"bad glob", "exclude: [\"force-app/[\"]\n", []string{`c.yaml:1: exclude: invalid glob "force-app/["`}},
		{"missing reason", "suppressions:\n  - rule: SFG-CA-001\n    component: ConnectedApp:X\n", []string{"c.yaml:2: suppression of SFG-CA-001 on ConnectedApp:X needs a reason"}},
		{"missing rule", "suppressions:\n  - reason: because\n", []string{"c.yaml:2: suppression needs a rule"}},
		{"bad date", "suppressions:\n  - rule: X\n    reason: r\n    expires: 31/12/2026\n", []string{`c.yaml:4: expires: "31/12/2026" is not a date in YYYY-MM-DD form`}},
		{"impossible date", "suppressions:\n  - rule: X\n    reason: r\n    expires: 2026-02-30\n", []string{`c.yaml:4: expires: "2026-02-30" is not a date`}},
		{"component without type", "suppressions:\n  - rule: X\n    reason: r\n    component: My_App\n", []string{`c.yaml:4: component "My_App" must be Type:FullName`}},
		{"unknown suppression key", "suppressions:\n  - rule: X\n    reason: r\n    expiry: 2026-01-01\n", []string{`c.yaml:4: unknown key "expiry" in suppressions entry`}},
		{"duplicate key", "failOn: high\nfailOn: low\n", []string{`c.yaml:2: duplicate key "failOn" (first at line 1)`}},
		{"null param", "params:\n  x: ~\n", []string{"c.yaml:2: parameter value must not be null"}},
		{"syntax", "rules:\n  disable: [a\n", []string{"c.yaml:"}},
		{"not a mapping", "- a\n- b\n", []string{"c.yaml:1: the configuration must be a mapping"}},
		{"empty suppression entry", "suppressions:\n  -\n", []string{"c.yaml:2: suppressions entry must be a mapping, got nothing"}},
		{"bad rule timeout", "ruleTimeout: soon\n", []string{`c.yaml:1: ruleTimeout: "soon" is not a duration such as 10s or 2m`}},
		{"negative rule timeout", "ruleTimeout: -5s\n", []string{`c.yaml:1: ruleTimeout: "-5s" must be positive`}},
		{"recursive alias", "params:\n  a: &x [1, *x]\n", []string{"c.yaml:2: parameter value nested deeper than 64 levels (a recursive alias?)"}},
		{"alias bomb", "params:\n  a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n  f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
			[]string{"c.yaml:6: parameter values expand to more than 100000 elements (aliases?)", "c.yaml:7: parameter values expand"}},
		{"several errors at once", "failOn: nope\nbogus: 1\n", []string{`c.yaml:1: failOn: unknown severity "nope"`, `c.yaml:2: unknown key "bogus"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.in))
			if err == nil {
				t.Fatal("want an error")
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(lines), len(tt.want), err)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("error %d = %q, want prefix %q", i, lines[i], w)
				}
			}
		})
	}
}

func TestRuleEnabledAndSeverity(t *testing.T) {
	c, err := Parse("c.yaml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	rules := []finding.Rule{
		{ID: "SFG-CA-001", Severity: finding.High, Tags: []string{"security"}},
		{ID: "SFG-CA-002", Severity: finding.Info},
		{ID: "SFG-CA-003", Severity: finding.Low, Tags: []string{"Experimental"}},
		{ID: "SFG-PERM-001", Severity: finding.Critical},
		{ID: "SFG-PERM-002", Severity: finding.Medium},
		{ID: "SFG-SEC-001", Severity: finding.Medium},
	}
	type out struct {
		ID      string
		Enabled bool
		Sev     finding.Severity
	}
	var got []out
	for _, r := range rules {
		got = append(got, out{r.ID, c.RuleEnabled(r), c.SeverityFor(r)})
	}
	want := []out{
		{"SFG-CA-001", true, finding.Critical},
		{"SFG-CA-002", false, finding.Info},
		{"SFG-CA-003", false, finding.Low},
		{"SFG-PERM-001", true, finding.Critical},
		{"SFG-PERM-002", false, finding.Medium},
		{"SFG-SEC-001", true, finding.Medium},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	var nilCfg *Config
	if !nilCfg.RuleEnabled(rules[1]) || nilCfg.SeverityFor(rules[0]) != finding.High {
		t.Error("a nil config must enable everything at default severity")
	}
}

func TestCheckRules(t *testing.T) {
	c, err := Parse("c.yaml", []byte("rules:\n  disable: [SFG-CA-01, tag:nothing, SFG-CA-*]\n  severity:\n    SFG-XX-9: low\n    SFG-CA-001: high\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = c.CheckRules([]finding.Rule{{ID: "SFG-CA-001"}})
	want := "c.yaml:2: rules.disable: \"SFG-CA-01\" matches no rule\nc.yaml:4: rules.severity: no rule has id \"SFG-XX-9\""
	if err == nil || err.Error() != want {
		t.Errorf("CheckRules = %v, want %q", err, want)
	}
}

func TestResolveParams(t *testing.T) {
	declared := map[string]any{
		"maxRefreshTokenDays": 365,
		"trustedRanges":       []string{},
		"allowBypass":         true,
		"ratio":               1.0,
		"sessionTimeouts":     []int{15, 30},
	}
	good := "params:\n  maxRefreshTokenDays: 90\n  trustedRanges: [10.0.0.0/8]\n  ratio: 2\n  sessionTimeouts: [60]\n"
	c, err := Parse("c.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.ResolveParams(declared)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"maxRefreshTokenDays": int64(90),
		"trustedRanges":       []any{"10.0.0.0/8"},
		"allowBypass":         true,
		"ratio":               int64(2),
		"sessionTimeouts":     []any{int64(60)},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}

	bad := "params:\n  maxRefreshTokenDays: \"90\"\n  trustedRange: [x]\n  sessionTimeouts: [60, sixty]\n  allowBypass: yes-please\n"
	c, err = Parse("c.yaml", []byte(bad))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ResolveParams(declared)
	wantErr := []string{
		"c.yaml:2: params.maxRefreshTokenDays: want a number, got a string",
		`c.yaml:3: unknown parameter "trustedRange" in params (known: allowBypass, maxRefreshTokenDays, ratio, sessionTimeouts, trustedRanges)`,
		"c.yaml:4: params.sessionTimeouts: item 2: want a number, got a string",
		"c.yaml:5: params.allowBypass: want a boolean, got a string",
	}
	if err == nil {
		t.Fatal("want errors")
	}
	if d := cmp.Diff(wantErr, strings.Split(err.Error(), "\n")); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestSuppressionExpired(t *testing.T) {
	s := Suppression{Expires: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		today time.Time
		want  bool
	}{
		{time.Date(2026, 2, 28, 23, 0, 0, 0, time.UTC), false},
		{time.Date(2026, 3, 1, 23, 59, 0, 0, time.UTC), false}, // the expiry day still counts
		{time.Date(2026, 3, 2, 0, 0, 1, 0, time.UTC), true},
		{time.Date(2026, 3, 2, 1, 0, 0, 0, time.FixedZone("CET", 3600)), true},
	}
	for _, tt := range tests {
		if got := s.Expired(tt.today); got != tt.want {
			t.Errorf("Expired(%v) = %v, want %v", tt.today, got, tt.want)
		}
	}
	if (Suppression{}).Expired(time.Now()) {
		t.Error("a suppression without expiry must not expire")
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "force-app", "main", "default")
	must(t, os.MkdirAll(deep, 0o755))
	must(t, os.MkdirAll(filepath.Join(repo, ".git"), 0o755))
	// A file above the repository root must never be found.
	must(t, os.WriteFile(filepath.Join(root, FileName), []byte("version: 1\n"), 0o644))

	got, err := Find(deep)
	if err != nil || got != "" {
		t.Fatalf("Find without a file in the repo = %q, %v; want \"\", nil", got, err)
	}
	must(t, os.WriteFile(filepath.Join(repo, FileName), []byte("version: 1\n"), 0o644))
	got, err = Find(deep)
	if err != nil || got != filepath.Join(repo, FileName) {
		t.Fatalf("Find = %q, %v; want the repo root file", got, err)
	}
	must(t, os.WriteFile(filepath.Join(repo, "force-app", altFileName), []byte("version: 1\n"), 0o644))
	got, err = Find(deep)
	if err != nil || got != filepath.Join(repo, "force-app", altFileName) {
		t.Fatalf("Find = %q, %v; want the nearest file", got, err)
	}
	// Outside any repository the walk goes to the filesystem root.
	other := filepath.Join(root, "other", "x")
	must(t, os.MkdirAll(other, 0o755))
	got, err = Find(other)
	if err != nil || got != filepath.Join(root, FileName) {
		t.Fatalf("Find outside a repo = %q, %v", got, err)
	}
}

func TestFindRelative(t *testing.T) {
	root := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(root, ".git"), 0o755))
	must(t, os.MkdirAll(filepath.Join(root, "force-app"), 0o755))
	must(t, os.WriteFile(filepath.Join(root, FileName), []byte("version: 1\n"), 0o644))
	t.Chdir(filepath.Join(root, "force-app"))
	got, err := Find(".")
	if err != nil || got != filepath.Join("..", FileName) {
		t.Errorf("Find(\".\") = %q, %v; want a path relative to the working directory", got, err)
	}
}

func TestLoadNamesFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	must(t, os.WriteFile(p, []byte("rules:\n  severty: {}\n"), 0o644))
	_, err := Load(p)
	want := p + `:2: unknown key "severty" in rules`
	if err == nil || err.Error() != want {
		t.Errorf("Load = %v, want %q", err, want)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("Load of a missing file must fail")
	}
}

func TestEnvVar(t *testing.T) {
	got := []string{EnvVar("fail-on"), EnvVar("--config"), EnvVar("output-file")}
	want := []string{"SFGUARD_FAIL_ON", "SFGUARD_CONFIG", "SFGUARD_OUTPUT_FILE"}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
