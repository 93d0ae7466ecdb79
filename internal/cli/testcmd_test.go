package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNewRuleScaffoldPassesItsTests: for every registry type, the scaffold
// passes `sfguard test` untouched, and a want moved to the wrong element
// fails with a readable -want +got diff and exit 1.
func TestNewRuleScaffoldPassesItsTests(t *testing.T) {
	for _, typ := range []string{"ConnectedApp", "SecuritySettings", "AuthProvider"} {
		t.Run(typ, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "policy")
			code, out, errOut := runCLI(t, nil, "new", "rule", "ACME-001", "--type", typ, dir)
			if code != ExitOK {
				t.Fatalf("new rule: exit %d: %s", code, errOut)
			}
			if !strings.Contains(out, "created "+filepath.Join(dir, "acme_001.rego")) {
				t.Errorf("new rule output:\n%s", out)
			}
			code, out, errOut = runCLI(t, nil, "test", dir)
			if code != ExitOK || !strings.HasSuffix(out, "\nok\n") {
				t.Fatalf("test: exit %d\n%s%s", code, out, errOut)
			}
			if want := "ok  \tACME-001\t" + filepath.ToSlash(filepath.Join(dir, "acme_001.rego")) + " (2 Rego tests, 2 fixture orgs)\n"; !strings.HasPrefix(out, want) {
				t.Errorf("test output:\n%s\nwant it to start with %q", out, want)
			}
		})
	}
}

func TestNewRuleRefuses(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"new", "rule", "SFG-APP-001", "--type", "ConnectedApp", dir}, "is a built-in rule's id"},
		{[]string{"new", "rule", "ACME-1", "--type", "ConectedApp", dir}, `unknown metadata type "ConectedApp"`},
		{[]string{"new", "rule", "acme 1", "--type", "ConnectedApp", dir}, "want letters and digits"},
	} {
		code, _, errOut := runCLI(t, nil, tc.args...)
		if code != ExitError || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
	if code, _, _ := runCLI(t, nil, "new", "rule", "ACME-1", "--type", "ConnectedApp", dir); code != ExitOK {
		t.Fatal("first scaffold failed")
	}
	if code, _, errOut := runCLI(t, nil, "new", "rule", "ACME-1", "--type", "ConnectedApp", dir); code != ExitError || !strings.Contains(errOut, "not overwriting") {
		t.Errorf("second scaffold: exit %d, %s", code, errOut)
	}
}

// TestTestReportsWrongWant: a fixture whose want comment is on the wrong
// element fails with the positions on both sides, in text and JSON.
func TestTestReportsWrongWant(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	if code, _, errOut := runCLI(t, nil, "new", "rule", "ACME-001", "--type", "ConnectedApp", dir); code != ExitOK {
		t.Fatal(errOut)
	}
	fail := filepath.Join(dir, "fixtures", "ACME-001", "fail", "connectedApps", "Example.connectedApp-meta.xml")
	xml := `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <!-- want ACME-001 -->
    <label>Example</label>
</ConnectedApp>
`
	if err := os.WriteFile(fail, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, nil, "test", dir)
	if code != ExitFindings {
		t.Errorf("exit %d, want 1", code)
	}
	rel := filepath.ToSlash(fail)
	want := "--- FAIL: ACME-001 " + filepath.Join(dir, "fixtures", "ACME-001", "fail") + `
    findings differ from the <!-- want --> comments (-want +got):
      + ` + rel + `:2:1  ConnectedApp Example has no contactEmail
      - ` + rel + `:4:5
FAIL	ACME-001	` + filepath.ToSlash(filepath.Join(dir, "acme_001.rego")) + ` (2 Rego tests, 2 fixture orgs)
FAIL
`
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	code, out, _ = runCLI(t, nil, "test", "--format", "json", dir)
	var rep testReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != ExitFindings {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
	c := rep.Rules[0].Fixtures[0]
	if rep.OK || rep.Rules[0].Status != "FAIL" || len(c.Missing) != 1 || c.Missing[0].Line != 4 || len(c.Unexpected) != 1 || c.Unexpected[0].Line != 2 {
		t.Errorf("json report: %+v", rep)
	}
}

// TestTestFailingRegoTestAndUntestedRule: a failing Rego test fails the
// rule; a rule with no tests is listed with what to add.
func TestTestFailingRegoTestAndUntestedRule(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	if code, _, errOut := runCLI(t, nil, "new", "rule", "ACME-001", "--type", "ConnectedApp", dir); code != ExitOK {
		t.Fatal(errOut)
	}
	testFile := filepath.Join(dir, "acme_001_test.rego")
	b, _ := os.ReadFile(testFile)
	if err := os.WriteFile(testFile, []byte(strings.Replace(string(b), "count(acme_001.deny) == 0", "count(acme_001.deny) == 5", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	rule := "# METADATA\n# title: T\n# custom:\n#   id: ACME-002\n#   severity: low\n#   types: [Profile]\npackage custom.acme_002\n\nimport rego.v1\n\ndeny contains {\"msg\": \"x\", \"element\": []} if { input.content.custom == true }\n"
	if err := os.WriteFile(filepath.Join(dir, "acme_002.rego"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, nil, "test", dir)
	for _, want := range []string{
		"--- FAIL: ACME-001 custom.acme_001_test.test_silent_when_contactEmail_is_set (" + filepath.ToSlash(testFile) + ":",
		"FAIL\tACME-001\t",
		"?   \tACME-002\t" + filepath.ToSlash(filepath.Join(dir, "acme_002.rego")) + " [no tests: add ",
		"1 rule without tests\nFAIL\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code != ExitFindings {
		t.Errorf("exit %d, want 1", code)
	}
}
