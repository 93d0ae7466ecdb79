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

// TestUnusedLibrariesDropped: a secrets-only engine leaves out the
// metadata libraries no secret rule reads, every scope still compiles,
// and a user's file keeps every library.
func TestUnusedLibrariesDropped(t *testing.T) {
	srcs, err := loadSources(nil)
	if err != nil {
		t.Fatal(err)
	}
	pkgsOf := func(ss []source) map[string]bool {
		m := map[string]bool{}
		for _, s := range ss {
			m[packageName(s.text)] = true
		}
		return m
	}
	secret := pkgsOf(selectScopes(srcs, []string{ScopeSecret}))
	for pkg, want := range map[string]bool{"sfguard.lib.secrets": true, "sfguard.lib.saml": false, "sfguard.lib.settings": false} {
		if secret[pkg] != want {
			t.Errorf("secret scope keeps %s: %v, want %v", pkg, secret[pkg], want)
		}
	}
	user := append(append([]source{}, srcs...), source{name: "mine.rego", text: "package mine\n"})
	if got := pkgsOf(selectScopes(user, []string{ScopeSecret})); !got["sfguard.lib.saml"] {
		t.Error("with a user policy, the libraries must all stay")
	}
	for _, scopes := range [][]string{{ScopeSecret}, {ScopeDocument, ScopeOrg}, {ScopeDocument, ScopeOrg, ScopeSecret, ScopeDelta}, {ScopeDocument}, {ScopeOrg}, {ScopeDelta}} {
		if _, err := New(Options{Scopes: scopes}); err != nil {
			t.Errorf("scopes %v: %v", scopes, err)
		}
	}
}

func TestRefersTo(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"import data.sfguard.lib.net\n", true},
		{"x := data.sfguard.lib.net.allowed", true},
		{"import data.sfguard.lib.network", false},
		{"import data.sfguard.lib.net_x", false},
		{"y := data.sfguard.lib.network\nz := data.sfguard.lib.net", true},
		{"data.sfguard.lib.net", true},
	}
	for _, tc := range tests {
		if got := refersTo([]string{tc.text}, "data.sfguard.lib.net"); got != tc.want {
			t.Errorf("refersTo(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestReaches(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"import data.sfguard.lib.net", true},
		{"import data.sfguard.lib\nx := lib.net.y", true},
		{"x := data.sfguard.lib[name]", true},
		{"x := data[k]", true},
		{"import data.sfguard.lib.enums\nimport data.sfguard.params", false},
		{"# the data the rule reads", false},
	}
	for _, tc := range tests {
		if got := reaches([]string{tc.text}, "data.sfguard.lib.net"); got != tc.want {
			t.Errorf("reaches(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
