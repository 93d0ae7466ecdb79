package suppress

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/finding"
)

func day(s string) time.Time {
	t, err := time.Parse(config.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestApply(t *testing.T) {
	cfg, err := config.Parse(".sfguard.yaml", []byte(`suppressions:
  - rule: SFG-CA-001
    component: "ConnectedApp:Legacy_*"
    reason: vendor app, retired in Q3
    expires: 2026-06-30
  - rule: SFG-CA-*
    path: "force-app/test/**"
    reason: test fixtures
  - rule: SFG-CA-002
    component: ConnectedApp:Gone
    reason: nobody remembers
  - rule: SFG-SEC-001
    reason: old
    expires: 2025-01-01
  - rule: SFG-PERM-001
    reason: also matches the legacy app but expired
    expires: 2025-12-31
  - rule: SFG-SECRET-*
    path: "docs/**"
    reason: documentation samples
`))
	if err != nil {
		t.Fatal(err)
	}
	in := []finding.Finding{
		{RuleID: "SFG-CA-001", ComponentType: "ConnectedApp", ComponentName: "Legacy_Sync", Location: finding.Location{File: "force-app/main/default/connectedApps/Legacy_Sync.connectedApp-meta.xml"}},
		{RuleID: "SFG-CA-001", ComponentType: "ConnectedApp", ComponentName: "New_App", Location: finding.Location{File: "force-app/main/default/connectedApps/New_App.connectedApp-meta.xml"}},
		{RuleID: "SFG-CA-003", ComponentType: "ConnectedApp", ComponentName: "T", Location: finding.Location{File: "force-app/test/connectedApps/T.connectedApp-meta.xml"}},
		{RuleID: "SFG-PERM-001", ComponentType: "Profile", ComponentName: "Admin", Location: finding.Location{File: "force-app/main/default/profiles/Admin.profile-meta.xml"}},
		{RuleID: "SFG-SECRET-001", Kind: finding.KindSecret, Location: finding.Location{File: "docs/setup.md"}},
		{RuleID: "SFG-SECRET-001", Kind: finding.KindSecret, Location: finding.Location{File: "scripts/deploy.sh"}},
		{RuleID: "SFG-CA-003", ComponentType: "ConnectedApp", ComponentName: "T2", Suppressed: "baseline", Location: finding.Location{File: "force-app/test/connectedApps/T2.connectedApp-meta.xml"}},
	}
	orig := append([]finding.Finding(nil), in...)

	out, notes := Apply(in, cfg.Suppressions, day("2026-03-01"))

	var gotSup []string
	for _, f := range out {
		gotSup = append(gotSup, f.Suppressed)
	}
	wantSup := []string{
		"config: vendor app, retired in Q3",
		"",
		"config: test fixtures",
		"", // its suppression expired
		"config: documentation samples",
		"",
		"baseline", // already suppressed: keeps its reason
	}
	if d := cmp.Diff(wantSup, gotSup); d != "" {
		t.Errorf("Suppressed (-want +got):\n%s", d)
	}
	if d := cmp.Diff(orig, in); d != "" {
		t.Errorf("Apply modified its input:\n%s", d)
	}

	type note struct {
		Kind   NoteKind
		Line   int
		Count  int
		Strict bool
		Text   string
	}
	var got []note
	for _, n := range notes {
		got = append(got, note{n.Kind, n.Suppression.Line, n.Matched, n.FailsStrict, n.String()})
	}
	want := []note{
		{Unused, 9, 0, true, ".sfguard.yaml:9: suppression SFG-CA-002 on ConnectedApp:Gone matched no finding; remove it or fix its rule, component or path"},
		{Expired, 12, 0, true, ".sfguard.yaml:12: suppression SFG-SEC-001 expired on 2025-01-01 and matches nothing; remove it"},
		{Expired, 15, 1, false, ".sfguard.yaml:15: suppression SFG-PERM-001 expired on 2025-12-31; 1 finding is reported again (reason was: also matches the legacy app but expired)"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("notes (-want +got):\n%s", d)
	}

	// Two weeks before expiry a used suppression gets a warning note; on
	// the expiry day it still applies; the day after it stops and is
	// reported.
	out, notes = Apply(in[:1], cfg.Suppressions[:1], day("2026-06-15"))
	if out[0].Suppressed == "" || len(notes) != 0 {
		t.Errorf("15 days before expiry: suppressed=%q notes=%v", out[0].Suppressed, notes)
	}
	out, notes = Apply(in[:1], cfg.Suppressions[:1], day("2026-06-16"))
	wantNote := ".sfguard.yaml:2: suppression SFG-CA-001 on ConnectedApp:Legacy_* expires on 2026-06-30; after that 1 finding is reported again"
	if out[0].Suppressed == "" || len(notes) != 1 || notes[0].Kind != Expiring || notes[0].FailsStrict || notes[0].String() != wantNote {
		t.Errorf("14 days before expiry: suppressed=%q notes=%v", out[0].Suppressed, notes)
	}
	out, notes = Apply(in[:1], cfg.Suppressions[:1], day("2026-06-30"))
	if out[0].Suppressed == "" || len(notes) != 1 || notes[0].Kind != Expiring {
		t.Errorf("on the expiry day: suppressed=%q notes=%v", out[0].Suppressed, notes)
	}
	out, notes = Apply(in[:1], cfg.Suppressions[:1], day("2026-07-01"))
	if out[0].Suppressed != "" || len(notes) != 1 || notes[0].Kind != Expired || notes[0].Matched != 1 {
		t.Errorf("after expiry: suppressed=%q notes=%v", out[0].Suppressed, notes)
	}
}

func TestMatches(t *testing.T) {
	f := finding.Finding{RuleID: "SFG-CA-001", ComponentType: "ConnectedApp", ComponentName: "My App", Location: finding.Location{File: "src.zip!/connectedApps/My App.connectedApp"}}
	secret := finding.Finding{RuleID: "SFG-SECRET-002", Location: finding.Location{File: "ci/env.sh"}}
	tests := []struct {
		s    config.Suppression
		f    finding.Finding
		want bool
	}{
		{config.Suppression{Rule: "*"}, f, true},
		{config.Suppression{Rule: "SFG-CA-001"}, f, true},
		{config.Suppression{Rule: "SFG-CA-002"}, f, false},
		{config.Suppression{Rule: "SFG-*", Component: "ConnectedApp:My*"}, f, true},
		{config.Suppression{Rule: "*", Component: "Profile:*"}, f, false},
		{config.Suppression{Rule: "*", Path: "src.zip!/**"}, f, true},
		{config.Suppression{Rule: "*", Path: "force-app/**"}, f, false},
		{config.Suppression{Rule: "SFG-SECRET-*", Component: "*:*"}, secret, false},
		{config.Suppression{Rule: "SFG-SECRET-*", Path: "ci/*.sh"}, secret, true},
	}
	for i, tt := range tests {
		if got := Matches(tt.s, &tt.f); got != tt.want {
			t.Errorf("%d: Matches(%+v) = %v, want %v", i, tt.s, got, tt.want)
		}
	}
}

func TestParseInline(t *testing.T) {
	type res struct {
		Rules  []string
		Reason string
		OK     bool
	}
	tests := []struct {
		in   string
		want res
	}{
		{"sfguard-ignore SFG-CA-001: vendor app", res{[]string{"SFG-CA-001"}, "vendor app", true}},
		{"<!-- sfguard-ignore SFG-CA-001, SFG-CA-004: retired   in Q3 -->", res{[]string{"SFG-CA-001", "SFG-CA-004"}, "retired in Q3", true}},
		{"  sfguard-ignore SFG-CA-001,SFG-CA-004 : spaced : colon in reason ", res{[]string{"SFG-CA-001", "SFG-CA-004"}, "spaced : colon in reason", true}},
		{"sfguard-ignore SFG-CA-001", res{[]string{"SFG-CA-001"}, "", true}},
		{"sfguard-ignore SFG-CA-001:   ", res{[]string{"SFG-CA-001"}, "", true}},
		{"sfguard-ignore: just a reason", res{nil, "just a reason", true}},
		{"sfguard-ignored for now", res{nil, "", false}},
		{"Managed by the integration team", res{nil, "", false}},
		{"TODO sfguard-ignore SFG-CA-001: x", res{nil, "", false}},
	}
	for _, tt := range tests {
		r, reason, ok := ParseInline(tt.in)
		if d := cmp.Diff(tt.want, res{r, reason, ok}); d != "" {
			t.Errorf("ParseInline(%q) (-want +got):\n%s", tt.in, d)
		}
	}
}

func TestInlineProblem(t *testing.T) {
	tests := map[string]string{
		"sfguard-ignore SFG-CA-001: ok":   "",
		"not a directive":                 "",
		"sfguard-ignore SFG-CA-001":       "sfguard-ignore SFG-CA-001 has no reason; it is not applied (write <!-- sfguard-ignore SFG-CA-001: reason -->)",
		"sfguard-ignore : reason, no ids": "sfguard-ignore comment names no rule id (write <!-- sfguard-ignore RULE-ID: reason -->)",
	}
	got := map[string]string{}
	for in := range tests {
		got[in] = InlineProblem(in)
	}
	if d := cmp.Diff(tests, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestMarkInline(t *testing.T) {
	comments := []string{"Owned by integrations", "sfguard-ignore SFG-CA-009", "sfguard-ignore sfg-ca-001, SFG-CA-002: approved in SEC-123"}
	tests := []struct {
		f        finding.Finding
		comments []string
		want     string
	}{
		{finding.Finding{RuleID: "SFG-CA-001"}, comments, "inline: approved in SEC-123"},
		{finding.Finding{RuleID: "SFG-CA-002"}, comments, "inline: approved in SEC-123"},
		{finding.Finding{RuleID: "SFG-CA-009"}, comments, ""}, // directive without reason is not honoured
		{finding.Finding{RuleID: "SFG-CA-003"}, comments, ""},
		{finding.Finding{RuleID: "SFG-CA-001", Suppressed: "baseline"}, comments, "baseline"},
		{finding.Finding{RuleID: "SFG-CA-001"}, nil, ""},
	}
	for i, tt := range tests {
		f := tt.f
		MarkInline(&f, tt.comments)
		if f.Suppressed != tt.want {
			t.Errorf("%d: Suppressed = %q, want %q", i, f.Suppressed, tt.want)
		}
	}
}
