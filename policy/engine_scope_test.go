package policy

import (
	"regexp"
	"testing"
)

// TestDeclaredScopeAgreesWithRegexp: the line-by-line scope lookup finds
// what the whole-file multiline expression finds, on every built-in file
// and on the shapes that could trip it.
func TestDeclaredScopeAgreesWithRegexp(t *testing.T) {
	whole := regexp.MustCompile(`(?m)^#\s+scope:\s*([a-z]+)\s*$`)
	srcs, err := loadSources(nil)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"", "# scope: secret", "# scope: org\r\n", "#   scope:delta  \npackage x",
		"# title: scope: not here\n# scope: org\n", "x := \"scope: secret\"\n# scope: document",
		"# scopes: org", "#scope: org", "# scope: Org", "# scope: org extra", "scope:",
	}
	for _, s := range srcs {
		texts = append(texts, s.text)
	}
	if len(srcs) < 50 {
		t.Fatalf("only %d built-in sources loaded", len(srcs))
	}
	for _, text := range texts {
		want, wantOK := "", false
		if m := whole.FindStringSubmatch(text); m != nil {
			want, wantOK = m[1], true
		}
		got, ok := declaredScope(text)
		if got != want || ok != wantOK {
			t.Errorf("declaredScope(%.60q) = %q, %v; the regexp says %q, %v", text, got, ok, want, wantOK)
		}
	}
}
