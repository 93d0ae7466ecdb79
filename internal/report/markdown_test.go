package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
)

func TestMarkdownSummary(t *testing.T) {
	r := ciTestReport()
	r.Stats = Stats{Files: 12, Documents: 9}
	orig := append([]finding.Finding(nil), r.Findings...)
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if d := cmp.Diff(orig, r.Findings); d != "" {
		t.Errorf("the writer reordered the report:\n%s", d)
	}
	lines := strings.Split(out, "\n")
	if lines[0] != "## ⚠️ sfguard: 1 input problem" {
		t.Errorf("headline = %q", lines[0])
	}
	for _, want := range []string{
		"| critical | 1 |",
		"| high | 1 |",
		"| medium | 1 |",
		"| low | 0 |",
		"| info | 1 |",
		"| **total** | **4** |",
		"3 findings are suppressed (baseline: 1, config: 1, inline: 1). Run with `--show-suppressed` to list them.",
		"<sub>sfguard 0.3.0 · 5 rules · 12 files · 9 metadata documents</sub>",
		"| critical | SFG-SECRET-001 |  | `scripts/auth,test:1.sh:3` | refresh token 5Aep86…(87 chars) |",
		"| high | SFG-CA-001 | ConnectedApp:My App | `force-app/main/default/connectedApps/My App.connectedApp-meta.xml:23` | refreshTokenPolicy is infinite |",
		"| info | SFG-SECRET-002 |  | `config/server.key` | private key file committed |",
		"### Input problems",
		"- `force-app/main/default/profiles/Broken.profile-meta.xml:9:3` XML syntax error: unexpected EOF",
		"### Notes",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("summary lacks line %q:\n%s", want, out)
		}
	}
	// Rows: most severe first; suppressed findings only with ShowSuppressed.
	var rows []string
	for _, l := range lines {
		if strings.HasPrefix(l, "| ") && strings.Count(l, "|") == 6 && !strings.HasPrefix(l, "| Severity") {
			rows = append(rows, strings.Fields(l)[1]+" "+strings.Fields(l)[3])
		}
	}
	if d := cmp.Diff([]string{"critical SFG-SECRET-001", "high SFG-CA-001", "medium SFG-PERM-001", "info SFG-SECRET-002"}, rows); d != "" {
		t.Errorf("rows (-want +got):\n%s", d)
	}

	r.ShowSuppressed = true
	r.Diagnostics = nil
	buf.Reset()
	if err := WriteMarkdown(&buf, r); err != nil {
		t.Fatal(err)
	}
	out = buf.String()
	for _, want := range []string{
		"## ❌ sfguard: 3 findings at or above medium\n",
		"| critical | SFG-CA-002 | ConnectedApp:Legacy | `retrieve.zip!/unpackaged/connectedApps/Legacy.connectedApp:12` | scope Full, line 2 with 100% &lt;power&gt; _(suppressed: config: vendor app, retired in Q3)_ |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "--show-suppressed") || strings.Contains(out, "Input problems") {
		t.Errorf("unexpected hint or section:\n%s", out)
	}
}

func TestMarkdownClean(t *testing.T) {
	var buf bytes.Buffer
	r := &Report{Tool: "sfguard", FailOn: finding.High, Findings: []finding.Finding{{RuleID: "X", Severity: finding.Medium, Message: "m", Location: finding.Location{File: "a"}}}}
	if err := WriteMarkdown(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "## ✅ sfguard: no findings at or above high\n") {
		t.Errorf("headline:\n%s", buf.String())
	}
}

func TestMarkdownCaps(t *testing.T) {
	r := &Report{Tool: "sfguard", FailOn: finding.Low}
	for i := 0; i < 2000; i++ {
		r.Findings = append(r.Findings, finding.Finding{RuleID: "SFG-PERM-001", Severity: finding.Medium,
			Message:  strings.Repeat(fmt.Sprintf("long message %d ", i), 40),
			Location: finding.Location{File: fmt.Sprintf("force-app/main/default/profiles/P%04d.profile-meta.xml", i), Line: 7}})
	}
	for i := 0; i < 300; i++ {
		r.Notes = append(r.Notes, Note{Level: NoteWarning, Message: fmt.Sprintf("note %d", i)})
	}

	tests := []struct {
		name          string
		budget, rows  int
		wantRows      int
		wantOverflow  string
		wantTruncated bool
	}{
		{"row cap", MarkdownBudget, MarkdownMaxRows, 500, "_… and 1500 more findings not shown here;", false},
		{"byte budget", 20 * 1024, 500, -1, "more findings not shown here;", false},
		{"tiny budget", 1024, 500, 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := writeMarkdown(&buf, r, tt.budget, tt.rows); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if buf.Len() > tt.budget {
				t.Errorf("%d bytes exceed the budget %d", buf.Len(), tt.budget)
			}
			rows := strings.Count(out, "| medium | SFG-PERM-001 |")
			if tt.wantRows >= 0 && rows != tt.wantRows {
				t.Errorf("%d rows, want %d", rows, tt.wantRows)
			}
			if tt.wantRows < 0 && (rows == 0 || rows >= 500) {
				t.Errorf("%d rows under a 20 KiB budget", rows)
			}
			if tt.wantOverflow != "" && !strings.Contains(out, tt.wantOverflow) {
				t.Errorf("no overflow note %q", tt.wantOverflow)
			}
			if got := strings.Contains(out, "Summary truncated"); got != tt.wantTruncated {
				t.Errorf("truncation note present = %v", got)
			}
			if !tt.wantTruncated && !strings.Contains(out, "- _… and 200 more_") {
				t.Error("notes list not capped at 100")
			}
		})
	}
	var full bytes.Buffer
	if err := WriteMarkdown(&full, r); err != nil {
		t.Fatal(err)
	}
	if full.Len() >= 1<<20 {
		t.Errorf("summary is %d bytes, over 1 MiB", full.Len())
	}
}

func TestMarkdownCell(t *testing.T) {
	tests := map[string]string{
		"a|b\nc":                  "a\\|b c",
		"<isAdminApproved> false": "&lt;isAdminApproved&gt; false",
		"__init__ *x* `y` [l](u)": "\\_\\_init\\_\\_ \\*x\\* \\`y\\` \\[l\\](u)",
		strings.Repeat("é", 200):  strings.Repeat("é", 150) + "…",
	}
	for in, want := range tests {
		if got := markdownCell(in); got != want {
			t.Errorf("markdownCell(%.20q) = %.40q, want %.40q", in, got, want)
		}
	}
	if f, err := FormatForFile("summary.md"); err != nil || f != "markdown" {
		t.Errorf("FormatForFile = %q, %v", f, err)
	}
}
