package policy

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUserRuleMetadataErrors: a --policy rule with missing or wrong
// METADATA is a load error naming the file and the line of the key.
func TestUserRuleMetadataErrors(t *testing.T) {
	const body = "package acme.x\n\nimport rego.v1\n\ndeny contains \"x\" if { input.type == \"ConnectedApp\" }\n"
	tests := []struct {
		name, meta, want string
	}{
		{"no id", "# METADATA\n# title: T\n# custom:\n#   severity: low\n#   types: [ConnectedApp]\n",
			"p.rego:3: package data.acme.x: METADATA custom.id is required"},
		{"no title", "# METADATA\n# custom:\n#   id: ACME-1\n#   severity: low\n#   types: [ConnectedApp]\n",
			"p.rego:1: rule ACME-1: METADATA title is required"},
		{"no severity", "# METADATA\n# title: T\n# custom:\n#   id: ACME-1\n#   types: [ConnectedApp]\n",
			"p.rego:3: rule ACME-1: METADATA custom.severity is required (critical, high, medium, low or info)"},
		{"bad severity", "# METADATA\n# title: T\n# custom:\n#   id: ACME-1\n#   severity: severe\n#   types: [ConnectedApp]\n",
			`p.rego:5: rule ACME-1: unknown severity "severe"`},
		{"misspelt custom key", "# METADATA\n# title: T\n# custom:\n#   id: ACME-1\n#   severity: low\n#   typs: [ConnectedApp]\n",
			`p.rego:6: rule ACME-1: unknown METADATA key custom.typs; did you mean types?`},
		{"misspelt top-level key", "# METADATA\n# title: T\n# desc: D\n# custom:\n#   id: ACME-1\n#   severity: low\n#   types: [ConnectedApp]\n",
			`p.rego:3: rule ACME-1: unknown METADATA key "desc"; did you mean description?`},
		{"unknown type", "# METADATA\n# title: T\n# custom:\n#   id: ACME-1\n#   severity: low\n#   types: [ConnectdApp]\n",
			`p.rego:6: rule ACME-1: custom.types: unknown metadata type "ConnectdApp"; did you mean ConnectedApp? (docs/input.md lists the types)`},
		{"misspelt example key", "# METADATA\n# title: T\n# custom:\n#   id: ACME-1\n#   severity: low\n#   types: [ConnectedApp]\n#   examples:\n#     fial: x\n",
			`p.rego:7: rule ACME-1: custom.examples: unknown key "fial" (want fail and pass)`},
		{"built-in id", "# METADATA\n# title: T\n# custom:\n#   id: SFG-APP-009\n#   severity: low\n#   types: [ConnectedApp]\n",
			"p.rego:4: rule id SFG-APP-009 is already the id of a built-in rule (rules/apps/full_scope.rego:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writePolicy(t, map[string]string{"p.rego": tc.meta + body})
			_, err := New(Options{PolicyDirs: []string{dir}})
			if err == nil {
				t.Fatal("loaded")
			}
			got := strings.TrimPrefix(err.Error(), dir+"/")
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("error:\n%s", cmp.Diff(tc.want, got))
			}
		})
	}
}

// TestSamePolicyDirTwice: a directory listed in .sfguard.yaml and given
// with --policy too (by another relative path) is loaded once.
func TestSamePolicyDirTwice(t *testing.T) {
	dir := writePolicy(t, map[string]string{"p.rego": "# METADATA\n# title: T\n# custom:\n#   id: ACME-1\n#   severity: low\n#   types: [ConnectedApp]\npackage acme.x\n\nimport rego.v1\n\ndeny contains \"x\" if { input.type == \"ConnectedApp\" }\n"})
	e, err := New(Options{PolicyDirs: []string{dir, dir + "/.", dir + "/../" + filepath.Base(dir)}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range e.Rules() {
		if r.ID == "ACME-1" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("ACME-1 loaded %d times", n)
	}
}
