package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEscapeLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain – ünïcode ✓", "plain – ünïcode ✓"},
		{"a\nb\r\tc", `a\nb\r\tc`},
		{"\x1b[31mred\x07", `\x1b[31mred\x07`},
		{"c1 \u009b2J", `c1 \u009b2J`},
		{"bidi \u202egnp.exe", `bidi \u202egnp.exe`},
		{"sep\u2028x", `sep\u2028x`},
		{"bad \xff utf8", `bad \xff utf8`},
		{`back\slash`, `back\slash`},
	}
	for _, tt := range tests {
		if got := EscapeLine(tt.in); got != tt.want {
			t.Errorf("EscapeLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLineGuard(t *testing.T) {
	var b bytes.Buffer
	g := LineGuard(&b, true)
	for _, s := range []string{"::error::a\n", "x ::b\n  ::c", "\n\t::d\x1b\x07\n", ":", ":e\n"} {
		if _, err := g.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	want := "\\::error::a\nx ::b\n  \\::c\n\t\\::d\\x1b\\x07\n::e\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestMessagesCapped: a rule message of megabytes (a user rule can return
// anything) reaches no format uncut, and the cut says how much went.
func TestMessagesCapped(t *testing.T) {
	huge := strings.Repeat("A", 3<<20)
	r := ciTestReport()
	r.Findings[0].Message = huge
	r.Diagnostics[0].Message = huge
	r.Notes[0].Message = huge
	for _, format := range Formats() {
		w, err := Lookup(format)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := w(&b, r); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		out := b.String()
		if strings.Contains(out, strings.Repeat("A", MaxMessage+1)) {
			t.Errorf("%s: a message longer than %d characters", format, MaxMessage)
		}
		// GitHub annotations and Markdown cells have shorter caps of their own.
		if format != "github" && format != "markdown" && !strings.Contains(out, "message cut: 3143728 more characters") {
			t.Errorf("%s: no note of the cut", format)
		}
		if b.Len() > 1<<20 {
			t.Errorf("%s: %d bytes of output", format, b.Len())
		}
	}
	if r.Findings[0].Message != huge {
		t.Error("the caller's report was changed")
	}
}

func TestCapMessage(t *testing.T) {
	s := strings.Repeat("é", MaxMessage)
	if got := capMessage(s); got != s {
		t.Errorf("a message of exactly %d characters was cut", MaxMessage)
	}
	got := capMessage(s + "éé")
	want := s + "… (message cut: 2 more characters)"
	if got != want {
		t.Errorf("capMessage = …%q", got[len(got)-40:])
	}
}
