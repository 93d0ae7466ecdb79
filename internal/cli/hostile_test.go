package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sfguard/sfguard/internal/report"
)

// malformedSecrets are metadata files made malformed by the credential
// they hold (a raw '<' or '&' in the value, a file cut short inside it).
// Each value must be reported by the credential scan, and no output may
// show it or any 8-character piece of it.
var malformedSecrets = []struct{ path, secret, xml string }{
	{
		path:   "force-app/main/default/namedCredentials/Erp.namedCredential-meta.xml",
		secret: "Xq7v<Rt9mWz2Lp4Kd8Ns3Bh6",
		xml: `<?xml version="1.0" encoding="UTF-8"?>
<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
    <endpoint>https://erp.example.com</endpoint>
    <label>Erp</label>
    <password>SECRET</password>
    <principalType>NamedUser</principalType>
    <protocol>Password</protocol>
    <username>svc-erp</username>
</NamedCredential>
`,
	},
	{
		path:   "force-app/main/default/namedCredentials/Billing.namedCredential-meta.xml",
		secret: "Pq3<Wm8>Zt6Lx9Rv2Nc5Hy4",
		xml: `<?xml version="1.0" encoding="UTF-8"?>
<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
    <endpoint>https://billing.example.com</endpoint>
    <label>Billing</label>
    <password>SECRET</password>
    <principalType>NamedUser</principalType>
    <protocol>Password</protocol>
    <username>svc-billing</username>
</NamedCredential>
`,
	},
	{
		path:   "force-app/main/default/connectedApps/Sync.connectedApp-meta.xml",
		secret: "9F3A6C1E0B7D&4E2A8F5C3B9D1E7A0C6F2B8D4E1A9C7F3B5D0E6A2C8F4B1D7",
		xml: `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>ops@example.com</contactEmail>
    <label>Sync</label>
    <oauthConfig>
        <callbackUrl>https://sync.example.com/cb</callbackUrl>
        <consumerKey>3MVG9fTLmJ60pJ5JAzq1bnHXc0r2rTj5Xw8x7rDqbYzVn4Lk2Jh6Gf1Ds3Aq9Wm0Pl8Ok7Ij6Uh5Yg4Tf3</consumerKey>
        <consumerSecret>SECRET</consumerSecret>
        <scopes>Api</scopes>
    </oauthConfig>
</ConnectedApp>
`,
	},
	{
		path:   "force-app/main/default/connectedApps/Cut.connectedApp-meta.xml",
		secret: "2B7E151628AED2A6ABF7158809CF4F3C762E7160F38B4DA56A784D9045190CFE",
		xml: `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Cut</label>
    <oauthConfig>
        <consumerSecret>SECRET
`,
	},
}

func TestMalformedFilesLeakNothing(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "sfdx-project.json"), []byte(`{"packageDirectories":[{"path":"force-app","default":true}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, m := range malformedSecrets {
		p := filepath.Join(dir, filepath.FromSlash(m.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(m.xml, "SECRET", m.secret, 1)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	outputs := map[string]string{}
	for _, format := range report.Formats() {
		_, stdout, stderr := runCLI(t, nil, "scan", "--no-config", "--no-color", "--format", format, dir)
		outputs[format] = stdout
		outputs[format+" (stderr)"] = stderr
	}

	var rep struct {
		Findings    []jsonFinding `json:"findings"`
		Diagnostics []struct {
			File string `json:"file"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(outputs["json"]), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, outputs["json"])
	}
	for _, m := range malformedSecrets {
		found, diagnosed := false, false
		for _, f := range rep.Findings {
			found = found || strings.HasSuffix(f.File, m.path) && strings.HasPrefix(f.RuleID, "SFG-SEC-")
		}
		for _, d := range rep.Diagnostics {
			diagnosed = diagnosed || strings.HasSuffix(d.File, m.path)
		}
		if !found {
			t.Errorf("%s: the credential in the malformed file is not reported", m.path)
		}
		if !diagnosed {
			t.Errorf("%s: the malformed file is not reported as an input problem", m.path)
		}
	}
	for name, out := range outputs {
		plain := unescapeOutput(out)
		for _, m := range malformedSecrets {
			for i := 0; i+8 <= len(m.secret); i++ {
				frag := m.secret[i : i+8]
				if strings.Contains(out, frag) || strings.Contains(plain, frag) {
					t.Errorf("%s output contains characters %d–%d of the secret in %s", name, i+1, i+8, m.path)
					break
				}
			}
		}
	}
}

// unescapeOutput undoes the escaping of the JSON, SARIF, HTML and XML
// formats, so that a fragment holding '<' or '&' is found in them too.
func unescapeOutput(s string) string {
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&", "&lt;", "<", "&gt;", ">", "&amp;", "&",
		"&#39;", "'", "&#34;", `"`, "&quot;", `"`, `\<`, "<", `\>`, ">", `\&`, "&").Replace(s)
}

// TestFileNamesInjectNothing scans files whose names hold an encoded
// newline (%0A, which the component name decodes), a raw newline, ESC and
// BEL, inside a directory whose name is itself a workflow command. No
// format, stderr included, may carry a raw control character, and no line
// may start with "::" except the github format's own annotations.
func TestFileNamesInjectNothing(t *testing.T) {
	parent := t.TempDir()
	root := "::error title=Injected::x"
	app, err := os.ReadFile("../../fixtures/rules/SFG-APP-015/fail/force-app/main/default/connectedApps/Field_Sales_Mobile.connectedApp-meta.xml")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(parent, root, "force-app", "main", "default", "connectedApps")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"Evil%0A::error title=Pwned::gotcha.connectedApp-meta.xml",
		"Raw\n::warning::raw newline.connectedApp-meta.xml",
		"Esc\x1b[2J\x1b]0;title\x07.connectedApp-meta.xml",
		"Broken\n::notice::x.connectedApp-meta.xml",
	} {
		data := app
		if strings.HasPrefix(name, "Broken") {
			data = []byte("<ConnectedApp>\n  <label>x</label>\n")
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(parent)
	annotation := regexp.MustCompile(`^::(error|warning|notice)( [^\n]*)?::`)
	for _, format := range report.Formats() {
		_, stdout, stderr := runCLI(t, nil, "scan", "--no-config", "--format", format, root)
		if !strings.Contains(stdout, "SFG-APP-015") {
			t.Fatalf("%s: no finding at all:\n%s", format, stdout)
		}
		for stream, out := range map[string]string{"stdout": stdout, "stderr": stderr} {
			if i := strings.IndexFunc(out, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f }); i >= 0 {
				t.Errorf("%s %s: raw control character %q at byte %d", format, stream, out[i], i)
			}
			for n, line := range strings.Split(out, "\n") {
				if !strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") {
					continue
				}
				if format != "github" || stream != "stdout" || !annotation.MatchString(line) {
					t.Errorf("%s %s line %d starts a workflow command: %q", format, stream, n+1, line)
				}
			}
		}
	}
}

// TestRuleTimeoutFlag: a user rule that would loop for hours is stopped at
// --rule-timeout and named as an input problem (exit 2); the built-in
// rules' findings are kept. A bad value is a usage error.
func TestRuleTimeoutFlag(t *testing.T) {
	pol := filepath.Join(t.TempDir(), "slow.rego")
	body := `# METADATA
# title: Loops for hours
# custom:
#   id: ACME-SLOW
#   severity: low
#   types: [ConnectedApp]
package acme.slow

import rego.v1

deny contains "never" if {
	some i in numbers.range(1, 60000)
	some j in numbers.range(1, 60000)
	i + j < 0
}
`
	if err := os.WriteFile(pol, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	tree := "../../fixtures/rules/SFG-APP-015/fail"
	code, stdout, stderr := runCLI(t, nil, "scan", "--no-config", "--no-secrets", "--format", "json", "--rule-timeout", "1s", "-p", pol, tree)
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	if !strings.Contains(stdout, `"ruleId": "SFG-APP-015"`) {
		t.Errorf("built-in findings lost:\n%s", stdout)
	}
	if !strings.Contains(stderr, "rule ACME-SLOW: exceeded its evaluation time budget of 1s") {
		t.Errorf("stderr does not name the rule:\n%s", stderr)
	}
	code, _, stderr = runCLI(t, map[string]string{"SFGUARD_RULE_TIMEOUT": "soon"}, "scan", "--no-config", tree)
	if code != ExitError || !strings.Contains(stderr, `SFGUARD_RULE_TIMEOUT: "soon" is not a duration`) {
		t.Errorf("bad timeout: exit %d, stderr %s", code, stderr)
	}
}

// TestPolicyTextInjectsNothing: the rules and explain commands print a
// user policy's title and description; an ESC sequence or a line that is a
// workflow command comes out escaped.
func TestPolicyTextInjectsNothing(t *testing.T) {
	dir := t.TempDir()
	body := "# METADATA\n# title: \"Evil \\e[2J title\"\n# description: |\n#   first line\n#   ::error title=x::injected\n" +
		"# custom:\n#   id: ACME-EVIL\n#   severity: low\n#   types: [ConnectedApp]\npackage acme.evil\n\nimport rego.v1\n\ndeny contains \"x\" if false\n"
	if err := os.WriteFile(filepath.Join(dir, "p.rego"), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"rules", "-p", dir}, {"explain", "-p", dir, "ACME-EVIL"}} {
		code, stdout, stderr := runCLI(t, nil, args...)
		if code != ExitOK || !strings.Contains(stdout, `Evil \x1b[2J title`) {
			t.Fatalf("%v: exit %d\n%s%s", args, code, stdout, stderr)
		}
		for _, line := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") {
				t.Errorf("%v: line starts a workflow command: %q", args, line)
			}
		}
	}
}
