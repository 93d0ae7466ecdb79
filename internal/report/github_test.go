package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
)

func TestGitHubAnnotations(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGitHub(&buf, ciTestReport()); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"::error file=force-app/main/default/profiles/Broken.profile-meta.xml,line=9,endLine=9,col=3,title=sfguard%3A input problem::XML syntax error: unexpected EOF",
		"::error file=scripts/auth%2Ctest%3A1.sh,line=3,endLine=3,col=14,title=SFG-SECRET-001 Salesforce refresh token (critical)::refresh token 5Aep86…(87 chars)",
		"::error file=force-app/main/default/connectedApps/My App.connectedApp-meta.xml,line=23,endLine=23,col=9,title=SFG-CA-001 Refresh tokens never expire (high)::refreshTokenPolicy is infinite",
		"::warning file=force-app/main/default/permissionsets/Ops.permissionset-meta.xml,line=30,endLine=30,col=5,title=SFG-PERM-001 Modify All Data granted (medium)::ModifyAllData is enabled",
		"::notice file=config/server.key,line=1,endLine=1,title=SFG-SECRET-002 JWT key file (info)::private key file committed",
		"::warning file=.sfguard.yaml,line=12,endLine=12,title=sfguard note::suppression SFG-CA-009 matched no finding; remove it or fix its rule, component or path",
	}
	if d := cmp.Diff(want, strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if _, err := FormatForFile("x.github"); err == nil {
		t.Error("the github format has no file extension")
	}
}

// TestGitHubNotes: run notes are annotations too — the ones to act on as
// warnings at the config entry or file they are about, PR mode as a notice.
func TestGitHubNotes(t *testing.T) {
	tests := []struct {
		name string
		note Note
		want string
	}{
		{"expired suppression", Warningf(".sfguard.yaml", 7, "suppression SFG-APP-001 on ConnectedApp:X expired on 2026-01-31; 1 finding is reported again (reason was: vendor)"),
			"::warning file=.sfguard.yaml,line=7,endLine=7,title=sfguard note::suppression SFG-APP-001 on ConnectedApp:X expired on 2026-01-31; 1 finding is reported again (reason was: vendor)\n"},
		{"stale baseline entry", Warningf("sfguard-baseline.json", 0, "baseline entry 0123 (SFG-APP-001 on ConnectedApp:X, a.connectedApp) no longer matches a finding"),
			"::warning file=sfguard-baseline.json,title=sfguard note::baseline entry 0123 (SFG-APP-001 on ConnectedApp:X, a.connectedApp) no longer matches a finding\n"},
		{"inline ignore with a column", Note{Level: NoteWarning, File: "a/B.profile", Line: 4, Column: 5, Message: "sfguard-ignore names SFG-NOPE-1, which is not a loaded rule"},
			"::warning file=a/B.profile,line=4,endLine=4,col=5,title=sfguard note::sfguard-ignore names SFG-NOPE-1, which is not a loaded rule\n"},
		{"no place", Warningf("", 0, "skipped"), "::warning title=sfguard note::skipped\n"},
		{"PR mode", Note{Level: NoteInfo, Message: "PR mode: only findings new since main are reported"},
			"::notice title=sfguard note::PR mode: only findings new since main are reported\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteGitHub(&buf, &Report{Notes: []Note{tc.note}}); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, buf.String()); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestGitHubEscaping(t *testing.T) {
	a := githubAnnotation{kind: "error", file: "a,b:c%d.xml", line: 2, title: "T: x, y", message: "50% done\r\nnext: line, ok"}
	want := "::error file=a%2Cb%3Ac%25d.xml,line=2,endLine=2,title=T%3A x%2C y::50%25 done%0D%0Anext: line, ok\n"
	if got := a.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := (githubAnnotation{kind: "notice", message: "m"}).String(); got != "::notice::m\n" {
		t.Errorf("bare annotation = %q", got)
	}
}

func TestGitHubCaps(t *testing.T) {
	r := &Report{FailOn: finding.Low}
	add := func(n int, sev finding.Severity, rule string) {
		for i := 0; i < n; i++ {
			r.Findings = append(r.Findings, finding.Finding{RuleID: rule, Severity: sev, Message: fmt.Sprintf("%s %d", rule, i),
				Location: finding.Location{File: fmt.Sprintf("f%02d.xml", i), Line: i + 1}})
		}
	}
	// Sorted by file like the pipeline does; severities interleave.
	add(8, finding.Medium, "M")
	add(9, finding.High, "H")
	add(7, finding.Critical, "C")
	add(14, finding.Info, "I")
	add(5, finding.Low, "L")
	r.Findings = append(r.Findings, finding.Finding{RuleID: "S", Severity: finding.Critical, Suppressed: "baseline", Location: finding.Location{File: "s.xml", Line: 1}})
	r.Diagnostics = []finding.Diagnostic{{File: "bad.xml", Line: 1, Message: "broken"}}

	var buf bytes.Buffer
	if err := WriteGitHub(&buf, r); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	type tally struct{ Kind, Rule string }
	counts := map[tally]int{}
	for _, l := range lines[:len(lines)-1] {
		kind := strings.TrimPrefix(strings.Fields(l)[0], "::")
		rule := "diag"
		if i := strings.Index(l, "title="); i >= 0 && !strings.Contains(l, "input problem") {
			rule = strings.Fields(l[i+6:])[0]
		}
		counts[tally{kind, rule}]++
	}
	want := map[tally]int{
		{"error", "diag"}: 1, // diagnostics first
		{"error", "C"}:    7, // then the most severe
		{"error", "H"}:    2, // 10 errors in all
		{"warning", "M"}:  8,
		{"warning", "L"}:  2,
		{"notice", "I"}:   9, // one notice slot kept for the overflow line
	}
	if d := cmp.Diff(want, counts); d != "" {
		t.Errorf("annotation counts (-want +got):\n%s", d)
	}
	// Left out: 7 H, 3 L, 5 I = 15; the suppressed finding is not counted.
	last := lines[len(lines)-1]
	wantLast := "::notice title=sfguard::15 more sfguard annotations are not shown (GitHub shows at most 10 of each kind per step); see the job summary or the SARIF report for the full list"
	if last != wantLast {
		t.Errorf("overflow line = %q", last)
	}
	if len(lines) > GitHubPerJobLimit {
		t.Errorf("%d annotations exceed the per-job limit", len(lines))
	}
}

func TestGitHubNoFindings(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGitHub(&buf, &Report{}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 0 {
		t.Errorf("no findings must print nothing, got %q", buf.String())
	}
}

// TestGitHubNotesKeepSlots: with more warning findings than GitHub shows,
// the first notes still get their slots; findings give them up.
func TestGitHubNotesKeepSlots(t *testing.T) {
	tests := []struct {
		name               string
		findings, notes    int
		wantFind, wantNote int
	}{
		{"few findings", 4, 2, 4, 2},
		{"many findings, two notes", 15, 2, 8, 2},
		{"many findings, many notes", 15, 6, 7, 3},
		{"notes only", 0, 12, 0, 10},
	}
	for _, tc := range tests {
		r := &Report{FailOn: finding.Low}
		for i := 0; i < tc.findings; i++ {
			r.Findings = append(r.Findings, finding.Finding{RuleID: "M", Severity: finding.Medium, Message: "m",
				Location: finding.Location{File: fmt.Sprintf("f%02d.xml", i), Line: 1}})
		}
		for i := 0; i < tc.notes; i++ {
			r.Notes = append(r.Notes, Warningf(".sfguard.yaml", i+1, "suppression %d matched no finding", i))
		}
		var buf bytes.Buffer
		if err := WriteGitHub(&buf, r); err != nil {
			t.Fatal(err)
		}
		got := struct{ Findings, Notes int }{}
		for _, l := range strings.Split(buf.String(), "\n") {
			switch {
			case strings.HasPrefix(l, "::warning") && strings.Contains(l, "title=sfguard note"):
				got.Notes++
			case strings.HasPrefix(l, "::warning"):
				got.Findings++
			}
		}
		want := struct{ Findings, Notes int }{tc.wantFind, tc.wantNote}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, d)
		}
	}
}
