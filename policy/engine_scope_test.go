package policy

import (
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/rules"
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
	secret := pkgsOf(dropUnusedLibraries(selectScopes(srcs, []string{ScopeSecret})))
	for pkg, want := range map[string]bool{"sfguard.lib.secrets": true, "sfguard.lib.saml": false, "sfguard.lib.settings": false} {
		if secret[pkg] != want {
			t.Errorf("secret scope keeps %s: %v, want %v", pkg, secret[pkg], want)
		}
	}
	user := append(append([]source{}, srcs...), source{name: "mine.rego", text: "package mine\n"})
	if got := pkgsOf(dropUnusedLibraries(selectScopes(user, []string{ScopeSecret}))); !got["sfguard.lib.saml"] {
		t.Error("with a user policy, the libraries must all stay")
	}
	for _, scopes := range [][]string{{ScopeSecret}, {ScopeDocument, ScopeOrg}, {ScopeDocument, ScopeOrg, ScopeSecret, ScopeDelta}, {ScopeDocument}, {ScopeOrg}, {ScopeDelta}} {
		if _, err := New(Options{Scopes: scopes}); err != nil {
			t.Errorf("scopes %v: %v", scopes, err)
		}
	}
}

func TestReaches(t *testing.T) {
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
		{"import data.sfguard.lib\nx := lib.net.y", true},
		{"x := data.sfguard.lib[name]", true},
		{"x := data[k]", true},
		{"import data.sfguard.lib.enums\nimport data.sfguard.params", false},
		{"# the data the rule reads", false},
		{"# metadata.", false},
	}
	for _, tc := range tests {
		if got := reaches(dataRefs(tc.text), "data.sfguard.lib.net"); got != tc.want {
			t.Errorf("reaches(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestNarrowedByTypes: an engine compiled for some metadata types loads
// the rules for them and the rules without types, leaves out the others
// and the access matrix, and still knows every rule for checking a
// configuration's ids.
func TestNarrowedByTypes(t *testing.T) {
	eng, err := New(Options{Types: []string{"ConnectedApp"}})
	if err != nil {
		t.Fatal(err)
	}
	full, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	loaded := map[string]bool{}
	for _, r := range eng.rules {
		loaded[r.meta.ID] = true
	}
	for id, want := range map[string]bool{"SFG-APP-001": true, "SFG-SEC-001": true, "SFG-PERM-001": false, "SFG-SESS-001": false} {
		if loaded[id] != want {
			t.Errorf("engine for ConnectedApp compiles %s: %v, want %v", id, loaded[id], want)
		}
	}
	if diff := cmp.Diff(full.Rules(), eng.KnownRules()); diff != "" {
		t.Errorf("KnownRules of the narrowed engine (-full +narrowed):\n%s", diff)
	}
	if diff := cmp.Diff(ids(full.EnabledRules()), ids(eng.EnabledRules())); diff != "" {
		t.Errorf("the narrowed engine reports other rules as run (-full +narrowed):\n%s", diff)
	}
	srcs, err := loadSources(nil)
	if err != nil {
		t.Fatal(err)
	}
	user := append(append([]source{}, srcs...), source{name: "mine.rego", text: "package mine\n"})
	if got := selectTypes(user, []string{"ConnectedApp"}); len(got) != len(user) {
		t.Errorf("with a user policy, selectTypes kept %d of %d sources; want all", len(got), len(user))
	}
	matrix := ast.MustParseRef("data.sfguard.access.matrix")
	if len(full.compiler.GetRulesExact(matrix)) == 0 || len(eng.compiler.GetRulesExact(matrix)) != 0 {
		t.Error("the access matrix must be compiled by the full engine only")
	}
}

// TestBuiltinIndexCurrent: rules/index.json is what the METADATA of the
// built-in rules says; after changing a rule, run go run ./cmd/gendocs.
func TestBuiltinIndexCurrent(t *testing.T) {
	want, err := BuiltinIndex()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(rules.Index)); diff != "" {
		t.Errorf("rules/index.json is stale; run go run ./cmd/gendocs (-want +got):\n%s", diff)
	}
}

func ids(rs []finding.Rule) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}
