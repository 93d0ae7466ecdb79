package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/testutil"
)

const examplePolicy = "../../docs/examples/policy"

// TestWritingRulesWorkedExample keeps docs/writing-rules.md true: the rule
// and tests it shows are the files in docs/examples/policy, `sfguard test`
// prints what the page says, and a scan with --policy reports the rule.
func TestWritingRulesWorkedExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/writing-rules.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```rego\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	for _, file := range []string{"contact_email.rego", "contact_email_test.rego"} {
		b, err := os.ReadFile(filepath.Join(examplePolicy, file))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, bl := range blocks {
			found = found || bl[1] == string(b)
		}
		if !found {
			t.Errorf("docs/writing-rules.md does not show docs/examples/policy/%s as it is", file)
		}
	}

	code, out, errOut := runCLI(t, nil, "test", examplePolicy)
	if code != ExitOK {
		t.Fatalf("sfguard test %s: exit %d\n%s%s", examplePolicy, code, out, errOut)
	}
	shown := regexp.MustCompile("(?s)\\$ sfguard test docs/examples/policy\n(.*?)```").FindStringSubmatch(string(doc))
	if shown == nil {
		t.Fatal("docs/writing-rules.md lost the sfguard test output")
	}
	if diff := cmp.Diff(shown[1], strings.ReplaceAll(out, "../../", "")); diff != "" {
		t.Errorf("sfguard test output differs from docs/writing-rules.md (-doc +got):\n%s", diff)
	}

	code, rep, _ := scanJSON(t, "--no-secrets", "--policy", examplePolicy, filepath.Join(examplePolicy, "fixtures", "ACME-APP-001", "fail"))
	n := 0
	for _, f := range rep.Findings {
		if f.RuleID == "ACME-APP-001" {
			n++
		}
	}
	if code != ExitFindings || n != 2 {
		t.Errorf("scan with the example policy: exit %d, %d ACME-APP-001 findings, want 1 and 2", code, n)
	}
}

// TestExamplePolicyWrongWant: the same policy with one want comment on the
// wrong element fails, and the output says where on both sides.
func TestExamplePolicyWrongWant(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "policy")
	testutil.CopyTree(t, examplePolicy, dir)
	fail := filepath.Join(dir, "fixtures", "ACME-PERM-001", "fail", "permissionsets", "Sales_Ops.permissionset")
	b, err := os.ReadFile(fail)
	if err != nil {
		t.Fatal(err)
	}
	// Move the want from the ModifyAllData entry (line 11) to ViewAllData (line 15).
	s := strings.Replace(string(b), "    <!-- want ACME-PERM-001 -->\n", "", 1)
	s = strings.Replace(s, "        <name>ModifyAllData</name>\n    </userPermissions>\n", "        <name>ModifyAllData</name>\n    </userPermissions>\n    <!-- want ACME-PERM-001 -->\n", 1)
	if err := os.WriteFile(fail, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, nil, "test", dir)
	if code != ExitFindings {
		t.Errorf("exit %d, want 1", code)
	}
	rel := filepath.ToSlash(fail)
	for _, want := range []string{
		"--- FAIL: ACME-PERM-001 " + filepath.Join(dir, "fixtures", "ACME-PERM-001", "fail") + "\n",
		"    findings differ from the <!-- want --> comments (-want +got):\n",
		"      + " + rel + ":10:5  Permission set Sales_Ops grants Modify All Data but is not an admin permission set (acme_admin_permission_sets)\n",
		"      - " + rel + ":15:5\n",
		"FAIL\tACME-PERM-001\t",
		"ok  \tACME-APP-001\t",
		"\nFAIL\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
