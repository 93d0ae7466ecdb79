package policy

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/sfmeta"
)

func writePolicy(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const header = `# METADATA
# title: Test rule
# custom:
#   id: TEST-001
#   severity: medium
#   types: [ConnectedApp]
#   reads: [oauthPolicy, label]
`

func TestNewRejectsBadPolicies(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"network builtin", header + "package t\nimport rego.v1\ndeny contains x if { x := http.send({\"method\": \"get\", \"url\": \"https://example.com\"}) }\n", "http.send is not allowed in sfguard policies (network access)"},
		{"clock builtin", header + "package t\nimport rego.v1\ndeny contains x if { x := time.now_ns() }\n", "time.now_ns is not allowed"},
		{"no metadata", "package t\nimport rego.v1\ndeny contains \"x\" if { true }\n", "defines deny but has no package METADATA block"},
		{"no id", "# METADATA\n# title: x\n# custom:\n#   severity: low\npackage t\nimport rego.v1\ndeny contains \"x\" if { true }\n", "custom.id is required"},
		{"bad severity", strings.Replace(header, "medium", "severe", 1) + "package t\nimport rego.v1\ndeny contains \"x\" if { true }\n", "unknown severity"},
		{"bad scope", strings.Replace(header, "types:", "scope: galaxy\n#   types:", 1) + "package t\nimport rego.v1\ndeny contains \"x\" if { true }\n", "unknown scope"},
		{"duplicate builtin id", strings.Replace(header, "TEST-001", "SFG-APP-001", 1) + "package t\nimport rego.v1\ndeny contains \"x\" if { true }\n", "p.rego:4: rule id SFG-APP-001 is already the id of a built-in rule (rules/"},
		{"syntax error", header + "package t\nimport rego.v1\ndeny contains if {\n", "rego_parse_error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writePolicy(t, map[string]string{"p.rego": tc.body})
			_, err := New(Options{PolicyDirs: []string{dir}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestParams(t *testing.T) {
	body := strings.Replace(header, "reads:", "params: {max_days: 90}\n#   reads:", 1) + "package t\nimport rego.v1\ndefault m := 0\nm := data.sfguard.params.max_days\ndeny contains sprintf(\"max %v\", [m]) if { input.type == \"ConnectedApp\" }\n"
	dir := writePolicy(t, map[string]string{"p.rego": body})
	e, err := New(Options{PolicyDirs: []string{dir}, Params: map[string]any{"max_days": 30}})
	if err != nil {
		t.Fatal(err)
	}
	fs := evalOne(t, e, "connectedApps/A.connectedApp", `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"><label>A</label></ConnectedApp>`)
	if !hasMessage(fs, "max 30") {
		t.Errorf("parameter not visible to the policy: %+v", fs)
	}
	if _, err := New(Options{PolicyDirs: []string{dir}, Params: map[string]any{"max_dayz": 1}}); err == nil || !strings.Contains(err.Error(), `unknown rule parameter "max_dayz"`) {
		t.Errorf("unknown parameter accepted: %v", err)
	}
}

func hasMessage(fs []finding.Finding, msg string) bool {
	for _, f := range fs {
		if f.Message == msg {
			return true
		}
	}
	return false
}

func evalOne(t *testing.T, e *Engine, path, xml string) []finding.Finding {
	t.Helper()
	typ, name, format, ok := sfmeta.Classify(path)
	if !ok {
		t.Fatalf("%s is not a metadata path", path)
	}
	d, err := model.Load(typ, name, path, format, []byte(xml), e.Keep(typ.Name))
	if err != nil {
		t.Fatal(err)
	}
	fs, diags := e.EvalDocuments(context.Background(), []*model.Document{d}, 2)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	return fs
}

// TestFindingPositions: findings point at the element a rule names, or at
// its parent when it is missing. The engine leaves sfguard-ignore comments
// to package suppress.
func TestFindingPositions(t *testing.T) {
	body := header + `package t
import rego.v1
deny contains {"msg": "present", "element": ["oauthPolicy", "refreshTokenPolicy"]} if { input.content.oauthPolicy.refreshTokenPolicy == "infinite" }
deny contains {"msg": "missing", "element": ["oauthPolicy", "ipRelaxation"], "severity": "critical"} if { not input.content.oauthPolicy.ipRelaxation }
`
	dir := writePolicy(t, map[string]string{"p.rego": body})
	e, err := New(Options{PolicyDirs: []string{dir}, Enabled: func(r finding.Rule) bool { return r.ID == "TEST-001" }})
	if err != nil {
		t.Fatal(err)
	}
	xml := `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>A</label>
    <oauthPolicy>
        <!-- sfguard-ignore TEST-001: accepted until the vendor supports rotation -->
        <refreshTokenPolicy>infinite</refreshTokenPolicy>
    </oauthPolicy>
</ConnectedApp>
`
	got := evalOne(t, e, "connectedApps/A.connectedApp", xml)
	type row struct {
		Msg, Path, Suppressed string
		Line, Col             int
		Sev                   finding.Severity
	}
	var rows []row
	for _, f := range got {
		rows = append(rows, row{f.Message, f.ElementPath, f.Suppressed, f.Line, f.Column, f.Severity})
	}
	want := []row{
		{"missing", "/ConnectedApp/oauthPolicy/ipRelaxation", "", 4, 5, finding.Critical},
		{"present", "/ConnectedApp/oauthPolicy/refreshTokenPolicy", "", 6, 9, finding.Medium},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestKeep(t *testing.T) {
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	keep := e.Keep("Profile")
	if keep == nil {
		t.Fatal("built-in profile rules should declare what they read")
	}
	for _, el := range []string{"userPermissions", "loginIpRanges"} {
		if !keep(el) {
			t.Errorf("Profile filter drops %s, which built-in rules read", el)
		}
	}
	for _, el := range []string{"fieldPermissions", "objectPermissions", "classAccesses"} {
		if keep(el) {
			t.Errorf("Profile filter keeps %s, which no built-in rule reads", el)
		}
	}
	dir := writePolicy(t, map[string]string{"p.rego": strings.Replace(strings.Replace(header, "#   reads: [oauthPolicy, label]\n", "", 1), "[ConnectedApp]", "[Profile]", 1) + "package t\nimport rego.v1\ndeny contains \"x\" if { false }\n"})
	e2, err := New(Options{PolicyDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if e2.Keep("Profile") != nil {
		t.Error("a rule that does not declare reads must get the whole document")
	}
}
