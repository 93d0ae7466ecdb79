package report_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/sfguard/sfguard/internal/report"
)

func renderHTML(t *testing.T, rep *report.Report) string {
	t.Helper()
	w, err := report.Lookup("html")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := w(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestHTMLIsDeterministicAndSelfContained: two scans give the same bytes,
// and the page names no resource outside itself.
func TestHTMLIsDeterministicAndSelfContained(t *testing.T) {
	a := renderHTML(t, fixtureReport(t, "../../fixtures/orgs/insecure-mdapi"))
	b := renderHTML(t, fixtureReport(t, "../../fixtures/orgs/insecure-mdapi"))
	if a != b {
		t.Fatal("two renders of the same scan differ")
	}
	if !strings.Contains(a, `http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;`) {
		t.Error("no Content-Security-Policy that blocks loads")
	}
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*"(https?:|//)[^"]*"|@import|url\(`).FindString(a); m != "" {
		t.Errorf("the page loads something from outside: %s", m)
	}
	for _, want := range []string{
		"2026-12-04 09:00 UTC",
		`Mail Connector Integration`,
		`anywhere (IP restrictions relaxed)`,
		`valid until revoked`,
		`id="f1"`,
		`PasswordPolicies.complexity`,
		`class="ln focus"`,
	} {
		if !strings.Contains(a, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// The access matrix lists the seed chains first: the System
	// Administrator profile's password chain (its allow-all login range
	// restricts nothing), then the connected app's token chain.
	ways := a[strings.Index(a, `<table class="ways">`):]
	first := ways[:strings.Index(ways, "</tr>\n<tr")]
	second := ways[len(first)+5:]
	second = second[:strings.Index(second, "</tr>")]
	if !strings.Contains(first, "SFG-PATH-001") || !strings.Contains(second, "SFG-PATH-002") {
		t.Errorf("first ways in:\n%s\n%s", first, second)
	}
}
