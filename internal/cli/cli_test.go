package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/testutil"
)

const orgs = "../../fixtures/orgs"

// runCLI runs sfguard in-process with only the given environment.
func runCLI(t *testing.T, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}
	code = run(args, e)
	return code, out.String(), errb.String()
}

type jsonFinding struct {
	RuleID        string `json:"ruleId"`
	Severity      string `json:"severity"`
	Message       string `json:"message"`
	File          string `json:"file"`
	Line          int    `json:"line"`
	Column        int    `json:"column"`
	ElementPath   string `json:"elementPath"`
	ComponentType string `json:"componentType"`
	ComponentName string `json:"componentName"`
	Fingerprint   string `json:"fingerprint"`
}

type jsonOut struct {
	Version  string        `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Summary  struct {
		Findings int `json:"findings"`
		Failing  int `json:"failing"`
	} `json:"summary"`
	Diagnostics []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"diagnostics"`
}

func scanJSON(t *testing.T, args ...string) (int, jsonOut, string) {
	t.Helper()
	code, stdout, stderr := runCLI(t, nil, append([]string{"scan", "--format", "json", "--no-config"}, args...)...)
	var out jsonOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s\nstderr: %s", err, stdout, stderr)
	}
	return code, out, stderr
}

// position finds the 1-based line and column of the first line containing
// needle in file, pointing at its first '<'.
func position(t *testing.T, file, needle string) (int, int) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(b), "\n") {
		if strings.Contains(line, needle) {
			return i + 1, strings.IndexByte(line, '<') + 1
		}
	}
	t.Fatalf("%s: %q not found", file, needle)
	return 0, 0
}

// TestDemoFindsFirstRules checks the README's demo: every first-rule finding
// at the exact element of the insecure fixture org.
func TestDemoFindsFirstRules(t *testing.T) {
	root := filepath.Join(orgs, "insecure-mdapi")
	code, out, stderr := scanJSON(t, "--no-secrets", root)
	if code != ExitFindings {
		t.Fatalf("exit code %d, want %d; stderr: %s", code, ExitFindings, stderr)
	}
	tests := []struct {
		rule, file, needle, path string
	}{
		{"SFG-APP-001", "connectedApps/Mail_Marketing_Connector.connectedApp", "<refreshTokenPolicy>infinite", "/ConnectedApp/oauthPolicy/refreshTokenPolicy"},
		{"SFG-APP-001", "extlClntAppOauthPolicies/IGA_Provisioning_oauthPlcy.ecaOauthPlcy", "<refreshTokenPolicyType>Infinite", "/ExtlClntAppOauthConfigurablePolicies/refreshTokenPolicyType"},
		{"SFG-APP-002", "connectedApps/Mail_Marketing_Connector.connectedApp", "<isPkceRequired>false", "/ConnectedApp/oauthConfig/isPkceRequired"},
		{"SFG-APP-002", "connectedApps/Field_Sales_Mobile.connectedApp", "<oauthConfig>", "/ConnectedApp/oauthConfig/isPkceRequired"},
		{"SFG-APP-002", "extlClntAppGlobalOauthSets/IGA_Provisioning_glbloauth.ecaGlblOauth", "<isPkceRequired>false", "/ExtlClntAppGlobalOauthSettings/isPkceRequired"},
		{"SFG-OAUTH-001", "settings/OauthOidc.settings", "<isPkceRequired>false", "/OauthOidcSettings/isPkceRequired"},
		{"SFG-PERM-001", "profiles/Mail Connector Integration.profile", "<name>ApiEnabled", ""},
		{"SFG-NET-001", "settings/Security.settings", "<description>Mail connector", ""},
		{"SFG-NET-002", "profiles/Admin.profile", "<loginIpRanges>", "/Profile/loginIpRanges[1]"},
		{"SFG-APP-003", "connectedApps/Mail_Marketing_Connector.connectedApp", "<ipRelaxation>BYPASS", "/ConnectedApp/oauthPolicy/ipRelaxation"},
		{"SFG-APP-003", "extlClntAppOauthPolicies/IGA_Provisioning_oauthPlcy.ecaOauthPlcy", "<ipRelaxationPolicyType>Bypass", "/ExtlClntAppOauthConfigurablePolicies/ipRelaxationPolicyType"},
		{"SFG-APP-004", "connectedApps/ERP_Order_Sync.connectedApp", "<consumerSecret>", "/ConnectedApp/oauthConfig/consumerSecret"},
		{"SFG-CORS-001", "corsWhitelistOrigins/https_force_com.corsWhitelistOrigin", "<urlPattern>", "/CorsWhitelistOrigin/urlPattern"},
		{"SFG-CSP-001", "cspTrustedSites/Mail_Marketing_Tracking.cspTrustedSite", "<endpointUrl>", "/CspTrustedSite/endpointUrl"},
		{"SFG-RSS-001", "remoteSiteSettings/ERP_Order_Sync.remoteSite", "<disableProtocolSecurity>", "/RemoteSiteSetting/disableProtocolSecurity"},
		{"SFG-SAML-001", "samlssoconfigs/Corporate_ADFS.samlssoconfig", "<requestSignatureMethod>0", "/SamlSsoConfig/requestSignatureMethod"},
		{"SFG-SAML-004", "samlssoconfigs/Corporate_ADFS.samlssoconfig", "<userProvisioning>true", "/SamlSsoConfig/userProvisioning"},
	}
	for _, tc := range tests {
		t.Run(tc.rule+" "+tc.file, func(t *testing.T) {
			file := filepath.ToSlash(filepath.Join(root, tc.file))
			line, col := position(t, file, tc.needle)
			if tc.rule == "SFG-NET-001" {
				line-- // the finding points at the <ipRanges> element the description sits in
				col -= 4
			}
			for _, f := range out.Findings {
				if f.RuleID == tc.rule && f.File == file && f.Line == line && f.Column == col {
					if tc.path != "" && f.ElementPath != tc.path {
						t.Errorf("element path %q, want %q", f.ElementPath, tc.path)
					}
					if f.Fingerprint == "" {
						t.Error("finding has no fingerprint")
					}
					return
				}
			}
			t.Errorf("no %s finding at %s:%d:%d; got:\n%s", tc.rule, file, line, col, dump(out.Findings, tc.rule))
		})
	}
}

func dump(fs []jsonFinding, rule string) string {
	var b strings.Builder
	for _, f := range fs {
		if rule == "" || f.RuleID == rule {
			fmt.Fprintf(&b, "  %s:%d:%d %s\n", f.File, f.Line, f.Column, f.ElementPath)
		}
	}
	return b.String()
}

type key struct {
	Rule, Type, Name, Element, Message string
	Line, Col                          int
}

func keys(fs []jsonFinding) []key {
	out := make([]key, len(fs))
	for i, f := range fs {
		out[i] = key{f.RuleID, f.ComponentType, f.ComponentName, f.ElementPath, f.Message, f.Line, f.Column}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Message+out[i].Element < out[j].Message+out[j].Element })
	return out
}

// TestSameFindingsInEveryLayout: the mdapi folder, its retrieve zip and the
// source-format tree give the same findings apart from paths.
func TestSameFindingsInEveryLayout(t *testing.T) {
	_, mdapi, _ := scanJSON(t, "--no-secrets", filepath.Join(orgs, "insecure-mdapi"))
	_, zipped, _ := scanJSON(t, "--no-secrets", filepath.Join(orgs, "insecure-mdapi.zip"))
	_, source, _ := scanJSON(t, "--no-secrets", filepath.Join(orgs, "insecure-source"))
	if len(mdapi.Findings) == 0 {
		t.Fatal("no findings")
	}
	if diff := cmp.Diff(keys(mdapi.Findings), keys(zipped.Findings)); diff != "" {
		t.Errorf("zip differs from mdapi folder (-mdapi +zip):\n%s", diff)
	}
	if diff := cmp.Diff(keys(mdapi.Findings), keys(source.Findings)); diff != "" {
		t.Errorf("source format differs from mdapi folder (-mdapi +source):\n%s", diff)
	}
	for _, f := range zipped.Findings {
		if !strings.Contains(f.File, "insecure-mdapi.zip!/unpackaged/") {
			t.Errorf("zip finding path %q does not name the archive entry", f.File)
		}
	}
}

// TestHardenedOrgIsSilent: nothing above info. Info findings are the
// inventory of API-capable principals (SFG-PERM-001 lists a profile whose
// login IP ranges restrict it), not problems.
func TestHardenedOrgIsSilent(t *testing.T) {
	code, out, stderr := scanJSON(t, filepath.Join(orgs, "hardened-source"))
	loud := 0
	for _, f := range out.Findings {
		if f.Severity != "info" {
			loud++
		}
	}
	if code != ExitOK || loud != 0 || len(out.Diagnostics) != 0 {
		t.Errorf("exit %d, %d findings above info %v, diagnostics %v; stderr %s", code, loud, dump(out.Findings, ""), out.Diagnostics, stderr)
	}
}

func TestExitCodes(t *testing.T) {
	insecure := filepath.Join(orgs, "insecure-mdapi")
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want int
	}{
		{"findings fail by default", []string{"scan", "--no-secrets", "-q", insecure}, nil, ExitFindings},
		{"no-fail reports only", []string{"scan", "--no-secrets", "-q", "--no-fail", insecure}, nil, ExitOK},
		{"clean org", []string{"scan", "-q", filepath.Join(orgs, "hardened-source")}, nil, ExitOK},
		{"unknown flag", []string{"scan", "--bogus"}, nil, ExitError},
		{"unknown command", []string{"scna"}, nil, ExitError},
		{"no command", nil, nil, ExitError},
		{"bad severity", []string{"scan", "--fail-on", "severe", insecure}, nil, ExitError},
		{"bad format", []string{"scan", "--format", "xml", insecure}, nil, ExitError},
		{"env mirrors flags", []string{"scan", "--no-secrets", "-q", insecure}, map[string]string{"SFGUARD_NO_FAIL": "true"}, ExitOK},
		{"flag beats env", []string{"scan", "--no-secrets", "-q", "--fail-on", "low", insecure}, map[string]string{"SFGUARD_FAIL_ON": "nonsense"}, ExitFindings},
		{"bad env value", []string{"scan", "-q", insecure}, map[string]string{"SFGUARD_JOBS": "many"}, ExitError},
		{"missing path", []string{"scan", "-q", "does/not/exist"}, nil, ExitError},
		{"version", []string{"version"}, nil, ExitOK},
		{"rules", []string{"rules"}, nil, ExitOK},
		{"explain", []string{"explain", "SFG-APP-001"}, nil, ExitOK},
		{"explain unknown", []string{"explain", "SFG-NOPE-999"}, nil, ExitError},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.env, tc.args...)
			if code != tc.want {
				t.Errorf("exit %d, want %d; stderr: %s", code, tc.want, stderr)
			}
		})
	}
}

// TestFailOnThreshold: info findings never fail; the threshold counts.
func TestFailOnThreshold(t *testing.T) {
	dir := t.TempDir()
	testutil.WriteFile(t, dir, "permissionsets/Api.permissionset", `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Api</label>
    <userPermissions>
        <enabled>true</enabled>
        <name>ApiEnabled</name>
    </userPermissions>
</PermissionSet>
`)
	for _, tc := range []struct {
		failOn string
		want   int
	}{{"low", ExitFindings}, {"medium", ExitOK}, {"info", ExitFindings}} {
		code, _, stderr := runCLI(t, nil, "scan", "-q", "--no-config", "--fail-on", tc.failOn, dir)
		if code != tc.want {
			t.Errorf("--fail-on %s: exit %d, want %d (%s)", tc.failOn, code, tc.want, stderr)
		}
	}
}

const infiniteApp = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Good file</label>
    <oauthConfig>
        <callbackUrl>https://x.example.com/cb</callbackUrl>
        <isPkceRequired>true</isPkceRequired>
        <isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>
        <scopes>RefreshToken</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>ENFORCE</ipRelaxation>
        <refreshTokenPolicy>infinite</refreshTokenPolicy>
    </oauthPolicy>
</ConnectedApp>
`

// TestBadInput: every kind of broken file gets a diagnostic naming it (and
// the line where there is one), the scan goes on, the good file's finding
// is kept, and the exit code is 2.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	testutil.WriteFile(t, dir, "connectedApps/Good.connectedApp", infiniteApp)
	testutil.WriteFile(t, dir, "connectedApps/Truncated.connectedApp", infiniteApp[:len(infiniteApp)/2])
	testutil.WriteFile(t, dir, "connectedApps/Mismatched.connectedApp", strings.Replace(infiniteApp, "</oauthPolicy>", "</oauthPolicyy>", 1))
	testutil.WriteFile(t, dir, "connectedApps/WrongRoot.connectedApp", strings.ReplaceAll(infiniteApp, "ConnectedApp", "Profile"))
	testutil.WriteFile(t, dir, "connectedApps/Empty.connectedApp", "")
	testutil.WriteFile(t, dir, "connectedApps/ShiftJis.connectedApp", strings.Replace(infiniteApp, `encoding="UTF-8"`, `encoding="Shift_JIS"`, 1))
	testutil.WriteFile(t, dir, "connectedApps/NotXml.connectedApp", "force://PlatformCLI::token@example.my.salesforce.com\n")
	testutil.WriteFile(t, dir, "profiles/Huge.profile", `<?xml version="1.0" encoding="UTF-8"?>`+"\n<Profile>"+strings.Repeat(" ", 4096)+"</Profile>\n")
	// A retrieve zip with a zip-slip entry next to a good one, and a corrupt zip.
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	for name, body := range map[string]string{"unpackaged/connectedApps/Zipped.connectedApp": infiniteApp, "../../evil/connectedApps/Evil.connectedApp": infiniteApp} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	zipPath := testutil.WriteFile(t, t.TempDir(), "retrieve.zip", zb.String())
	corrupt := testutil.WriteFile(t, t.TempDir(), "corrupt.zip", "PK\x03\x04 this is not really a zip")

	code, out, stderr := scanJSON(t, "--no-secrets", "--max-file-size", "2048", dir, zipPath, corrupt)
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	if !strings.Contains(stderr, "Truncated.connectedApp") {
		t.Errorf("diagnostics are not repeated on stderr for machine-readable output: %s", stderr)
	}
	wantDiag := []struct {
		file    string
		line    bool
		message string
	}{
		{"Truncated.connectedApp", true, ""},
		{"Mismatched.connectedApp", true, ""},
		{"WrongRoot.connectedApp", true, "ConnectedApp"},
		{"Empty.connectedApp", false, ""},
		{"ShiftJis.connectedApp", false, "Shift_JIS"},
		{"NotXml.connectedApp", false, ""},
		{"Huge.profile", false, "limit"},
		{"retrieve.zip", false, "evil"},
		{"corrupt.zip", false, ""},
	}
	for _, w := range wantDiag {
		found := false
		for _, d := range out.Diagnostics {
			if strings.HasSuffix(d.File, w.file) || strings.Contains(d.File, w.file) {
				found = true
				if w.line && d.Line == 0 {
					t.Errorf("%s: diagnostic has no line: %s", w.file, d.Message)
				}
				if w.message != "" && !strings.Contains(d.Message, w.message) && !strings.Contains(d.File, w.message) {
					t.Errorf("%s: diagnostic %q does not mention %q", w.file, d.Message, w.message)
				}
				if strings.Contains(d.Message, "force://PlatformCLI::token") {
					t.Errorf("%s: diagnostic echoes file content", w.file)
				}
			}
		}
		if !found {
			t.Errorf("no diagnostic for %s; got %+v", w.file, out.Diagnostics)
		}
	}
	var good, zipped bool
	for _, f := range out.Findings {
		good = good || (f.RuleID == "SFG-APP-001" && strings.HasSuffix(f.File, "Good.connectedApp"))
		zipped = zipped || (f.RuleID == "SFG-APP-001" && strings.HasSuffix(f.File, "Zipped.connectedApp"))
	}
	if !good || !zipped {
		t.Errorf("findings of good files lost (good=%v zipped=%v): %v", good, zipped, out.Findings)
	}
}

// TestDeterministic: the same input gives the same bytes whatever the
// worker count.
func TestDeterministic(t *testing.T) {
	var outs []string
	for _, jobs := range []string{"1", "2", "8"} {
		_, stdout, _ := runCLI(t, nil, "scan", "--no-config", "--format", "json", "--jobs", jobs, filepath.Join(orgs, "insecure-mdapi"), filepath.Join(orgs, "insecure-mdapi.zip"))
		outs = append(outs, stdout)
	}
	for i := 1; i < len(outs); i++ {
		if outs[i] != outs[0] {
			t.Fatalf("output with different --jobs differs:\n%s", cmp.Diff(outs[0], outs[i]))
		}
	}
}

func TestTextOutput(t *testing.T) {
	_, stdout, _ := runCLI(t, nil, "scan", "--no-config", "--no-secrets", filepath.Join(orgs, "insecure-mdapi"))
	if strings.Contains(stdout, "\x1b[") {
		t.Error("colour codes written to a non-terminal")
	}
	if !regexp.MustCompile(`(?m)^\d+ findings \(.*\) in \d+ files`).MatchString(stdout) {
		t.Errorf("no summary line in:\n%s", stdout)
	}
	if !strings.Contains(stdout, "fixtures/orgs/insecure-mdapi/connectedApps/Mail_Marketing_Connector.connectedApp\n") {
		t.Errorf("findings not grouped under their file:\n%s", stdout)
	}
}

func TestOutputFiles(t *testing.T) {
	dir := t.TempDir()
	jsonPath := filepath.Join(dir, "out", "report.json")
	textPath := filepath.Join(dir, "report.log")
	code, _, stderr := runCLI(t, nil, "scan", "--no-config", "-q", "--no-fail", "--output-file", jsonPath, "--output-file", "text="+textPath, filepath.Join(orgs, "insecure-mdapi"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(jsonPath)
	if err != nil || !json.Valid(b) {
		t.Errorf("json report: %v", err)
	}
	if b, err := os.ReadFile(textPath); err != nil || !strings.Contains(string(b), "SFG-APP-001") {
		t.Errorf("text report: %v", err)
	}
	if code, _, _ := runCLI(t, nil, "scan", "-q", "--output-file", filepath.Join(dir, "report.unknownext"), filepath.Join(orgs, "hardened-source")); code != ExitError {
		t.Errorf("unknown extension: exit %d, want 2", code)
	}
}

// TestInlineIgnoreWithoutReason: an sfguard-ignore comment without a reason
// is not honoured and is reported, so nobody believes it works.
func TestInlineIgnoreWithoutReason(t *testing.T) {
	dir := t.TempDir()
	testutil.WriteFile(t, dir, "connectedApps/A.connectedApp", strings.Replace(infiniteApp,
		"        <refreshTokenPolicy>", "        <!-- sfguard-ignore SFG-APP-001 -->\n        <refreshTokenPolicy>", 1))
	code, out, _ := scanJSON(t, "--no-secrets", dir)
	if code != ExitError {
		t.Errorf("exit %d, want 2", code)
	}
	if len(out.Diagnostics) != 1 || !strings.Contains(out.Diagnostics[0].Message, "no reason") || out.Diagnostics[0].Line != 13 {
		t.Errorf("diagnostics %+v, want one about the missing reason at line 13 (the element it precedes)", out.Diagnostics)
	}
	found := false
	for _, f := range out.Findings {
		found = found || f.RuleID == "SFG-APP-001"
	}
	if !found {
		t.Error("the finding was suppressed by an ignore without a reason")
	}
}

// TestConsumerSecretReportedOnce: a <consumerSecret> in a connected app is
// reported by the metadata rule, not a second time by the credential scan;
// the credential scan alone still reports it, redacted.
func TestConsumerSecretReportedOnce(t *testing.T) {
	// Outside fixtures/, which the secret rules treat as test data.
	src, err := os.ReadFile(filepath.Join(orgs, "insecure-mdapi/connectedApps/ERP_Order_Sync.connectedApp"))
	if err != nil {
		t.Fatal(err)
	}
	app := testutil.WriteFile(t, t.TempDir(), "connectedApps/ERP_Order_Sync.connectedApp", string(src))
	const secret = "7D41C9E2B85A06F3D1E4C7B9A2F5E8D03C6B9A2E5F8D1C4B7A0E3F6D9C2B5A8E"
	_, stdout, _ := runCLI(t, nil, "scan", "--no-config", "--format", "json", app)
	var out jsonOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	line, _ := position(t, app, "<consumerSecret>")
	var rules []string
	for _, f := range out.Findings {
		if f.Line == line {
			rules = append(rules, f.RuleID)
		}
	}
	if diff := cmp.Diff([]string{"SFG-APP-004"}, rules); diff != "" {
		t.Errorf("findings on the consumerSecret line (-want +got):\n%s", diff)
	}
	_, stdout, _ = runCLI(t, nil, "secrets", "--no-config", "--format", "json", app)
	if !strings.Contains(stdout, "SFG-SEC-") || strings.Contains(stdout, secret) {
		t.Errorf("secrets alone must report the consumer secret, redacted:\n%s", stdout)
	}
}
