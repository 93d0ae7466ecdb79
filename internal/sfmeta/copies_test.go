package sfmeta

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The registry is the only list of types; the copies users read are
// checked against it here.

// TestHookPattern: the metadata pre-commit hook runs for every registered
// type, and its pattern is the one FilePattern generates.
func TestHookPattern(t *testing.T) {
	b, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^  files: (.*)$`).FindSubmatch(b)
	if m == nil {
		t.Fatal(".pre-commit-hooks.yaml: no files: pattern")
	}
	if got, want := string(m[1]), FilePattern(); got != want {
		t.Errorf(".pre-commit-hooks.yaml files:\n got %s\nwant %s", got, want)
	}
	re := regexp.MustCompile(FilePattern())
	for _, typ := range Types {
		stem := "X"
		if typ.SettingsName != "" {
			stem = typ.SettingsName
		}
		for _, p := range []string{typ.Dir + "/" + stem + "." + typ.Suffix, "force-app/main/default/" + typ.Dir + "/" + stem + "." + typ.Suffix + "-meta.xml"} {
			if _, _, _, ok := Classify(p); !ok {
				t.Fatalf("Classify(%s) failed", p)
			}
			if !re.MatchString(p) {
				t.Errorf("the hook pattern misses %s", p)
			}
		}
	}
}

// TestInputDocListsEveryType: the `type` row of docs/input.md names every
// registered type, in registry order, and nothing else.
func TestInputDocListsEveryType(t *testing.T) {
	b, err := os.ReadFile("../../docs/input.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `type` \\| Metadata API type name: (.*?)\\. Settings files").FindSubmatch(b)
	if row == nil {
		t.Fatal("docs/input.md: no `type` row")
	}
	var got []string
	for _, m := range regexp.MustCompile("`([A-Za-z]+)`").FindAllSubmatch(row[1], -1) {
		got = append(got, string(m[1]))
	}
	var want []string
	for _, typ := range Types {
		want = append(want, typ.Name)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("docs/input.md type row:\n got %v\nwant %v", got, want)
	}
}
