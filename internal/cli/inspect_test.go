package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/sfmeta"
	"github.com/sfguard/sfguard/policy"
)

const inspectApp = "../../fixtures/rules/SFG-APP-001/fail/connectedApps/Infinite.connectedApp"

// TestInspectPrintsTheRuleInput: inspect prints what model builds with the
// engine's element filter, i.e. what the rules get.
func TestInspectPrintsTheRuleInput(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "inspect", "--no-config", inspectApp)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	data, err := os.ReadFile(inspectApp)
	if err != nil {
		t.Fatal(err)
	}
	typ, name, format, _ := sfmeta.Classify("connectedApps/Infinite.connectedApp")
	eng, err := policy.New(policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Load(typ, name, filepath.ToSlash(inspectApp), format, data, eng.Keep(typ.Name))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(d.JSON())
	var want any
	_ = json.Unmarshal(b, &want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("inspect output (-want +got):\n%s", diff)
	}
	if !strings.HasPrefix(out, "{\n  \"content\": {") {
		t.Errorf("default output is not indented JSON:\n%s", out)
	}
	if strings.Contains(out, "contactEmail") {
		t.Error("an element no rule reads is in the input")
	}
	if _, out, _ = runCLI(t, nil, "inspect", "--no-config", "--full", inspectApp); !strings.Contains(out, `"contactEmail": "owner@example.com"`) {
		t.Errorf("--full drops an element:\n%s", out)
	}
}

func TestInspectOrgAndJSON(t *testing.T) {
	dir := "../../fixtures/rules/SFG-APP-001/fail"
	code, out, errOut := runCLI(t, nil, "inspect", "--no-config", "--org", "--format", "json", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var org struct {
		Documents          []map[string]any
		Types              map[string][]map[string]any
		ExternalClientApps map[string]map[string]any
	}
	if err := json.Unmarshal([]byte(out), &org); err != nil {
		t.Fatal(err)
	}
	if len(org.Documents) != 6 || len(org.Types["ConnectedApp"]) != 3 || len(org.Types["ExtlClntAppOauthConfigurablePolicies"]) != 2 {
		t.Errorf("org view: %d documents, types %v", len(org.Documents), org.Types)
	}
	if strings.Count(strings.TrimSpace(out), "\n") != 0 {
		t.Error("--format json is not one compact document")
	}
	code, out, _ = runCLI(t, nil, "inspect", "--no-config", "--format", "json", dir)
	var docs struct {
		InputVersion string
		Documents    []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &docs); code != ExitOK || err != nil || len(docs.Documents) != 6 || docs.InputVersion != model.InputVersion {
		t.Errorf("exit %d, err %v, %+v", code, err, docs)
	}
}

func TestInspectReads(t *testing.T) {
	code, out, errOut := runCLI(t, nil, "inspect", "--no-config", "--reads", inspectApp)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"ConnectedApp (1 document)", "oauthPolicy", "SFG-APP-001"} {
		if !strings.Contains(out, want) {
			t.Errorf("--reads output lacks %q:\n%s", want, out)
		}
	}
	// A user rule without custom.reads makes the type parse in full.
	pol := t.TempDir()
	rule := "# METADATA\n# title: T\n# custom:\n#   id: ACME-1\n#   severity: low\n#   types: [ConnectedApp]\npackage acme.t\n\nimport rego.v1\n\ndeny contains {\"msg\": \"x\", \"element\": []} if { input.content.label == \"nope\" }\n"
	if err := os.WriteFile(filepath.Join(pol, "t.rego"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ = runCLI(t, nil, "inspect", "--no-config", "--reads", "-p", pol, inspectApp)
	if !strings.Contains(out, "parsed in full: ACME-1 declare no custom.reads") {
		t.Errorf("--reads with a rule without reads:\n%s", out)
	}
}

func TestInspectBadInput(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "connectedApps", "Bad.connectedApp")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("<ConnectedApp><label>x</ConnectedApp>"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, nil, "inspect", "--no-config", dir)
	if code != ExitError || !strings.Contains(errOut, "Bad.connectedApp") {
		t.Errorf("exit %d, stderr %q; want 2 naming the file", code, errOut)
	}
}

// TestInspectRedactsCredentials: inspect prints the rules' input but never
// a credential in it, whatever the format or view.
func TestInspectRedactsCredentials(t *testing.T) {
	dir := "../../fixtures/rules/SFG-APP-004/fail"
	secret := regexp.MustCompile(`<consumerSecret>([^<]+)</consumerSecret>`)
	var values []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		for _, m := range secret.FindAllSubmatch(b, -1) {
			values = append(values, string(m[1]))
		}
		return err
	})
	if err != nil || len(values) == 0 {
		t.Fatalf("no consumer secrets in %s (%v)", dir, err)
	}
	for _, args := range [][]string{{}, {"--full"}, {"--org"}, {"--format", "json", "--full"}, {"--org", "--format", "json"}} {
		_, out, _ := runCLI(t, nil, append(append([]string{"inspect", "--no-config"}, args...), dir)...)
		if !strings.Contains(out, "<redacted ") {
			t.Errorf("%v: nothing redacted:\n%s", args, out)
		}
		for _, v := range values {
			if strings.Contains(out, v) || strings.Contains(out, v[len(v)/2:]) {
				t.Errorf("%v: output contains a consumer secret", args)
			}
		}
	}
}
