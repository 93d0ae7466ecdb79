package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sfguard/sfguard/internal/finding"

	"github.com/sfguard/sfguard/internal/testutil"
)

// ciTestReport is a representative scan shared by the CI reporter tests:
// metadata and secret findings, a finding inside a zip, a file-level
// finding, a path with spaces, suppressions of every kind, related
// locations, a finding whose rule was not passed in, diagnostics and notes.
func ciTestReport() *Report {
	rules := []finding.Rule{
		{ID: "SFG-CA-001", Title: "Refresh tokens never expire", Severity: finding.High, Kind: finding.KindMetadata,
			Description: "The connected app issues refresh tokens that are valid until revoked.",
			Remediation: "Set refreshTokenPolicy to specific_lifetime or specific_inactivity.",
			References:  []string{"https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_oauth.htm"},
			Types:       []string{"ConnectedApp"}, Tags: []string{"oauth", "SBS-OAUTH-002", "security"},
			Examples: map[string]string{"fail": "<refreshTokenPolicy>infinite</refreshTokenPolicy>", "pass": "<refreshTokenPolicy>specific_lifetime:1:DAYS</refreshTokenPolicy>"}},
		{ID: "SFG-CA-002", Title: "Full scope granted", Severity: finding.Critical, Kind: finding.KindMetadata, Tags: []string{"oauth"}},
		{ID: "SFG-PERM-001", Title: "Modify All Data granted", Severity: finding.Medium, Kind: finding.KindMetadata},
		{ID: "SFG-SEC-009", Title: "Unused rule", Severity: finding.Low, Kind: finding.KindMetadata},
		{ID: "SFG-SECRET-001", Title: "Salesforce refresh token", Severity: finding.Critical, Kind: finding.KindSecret, Tags: manyTags(30)},
	}
	findings := []finding.Finding{
		{RuleID: "SFG-CA-001", Severity: finding.High, Title: "Refresh tokens never expire", Message: "refreshTokenPolicy is infinite",
			Kind: finding.KindMetadata, ComponentType: "ConnectedApp", ComponentName: "My App",
			Location:    finding.Location{File: "force-app/main/default/connectedApps/My App.connectedApp-meta.xml", Line: 23, Column: 9, ElementPath: "/ConnectedApp/oauthPolicy/refreshTokenPolicy"},
			Related:     []finding.Location{{File: "force-app/main/default/profiles/Admin.profile-meta.xml", Line: 4, Column: 5, ElementPath: "/Profile"}},
			Fingerprint: "0123456789abcdef0123456789abcdef"},
		{RuleID: "SFG-CA-002", Severity: finding.Critical, Message: "scope Full, line 2\nwith 100% <power>", Kind: finding.KindMetadata,
			ComponentType: "ConnectedApp", ComponentName: "Legacy",
			Location:   finding.Location{File: "retrieve.zip!/unpackaged/connectedApps/Legacy.connectedApp", Line: 12, Column: 9, ElementPath: "/ConnectedApp/oauthConfig/scopes[2]"},
			Suppressed: "config: vendor app, retired in Q3"},
		{RuleID: "SFG-PERM-001", Severity: finding.Medium, Message: "ModifyAllData is enabled", Kind: finding.KindMetadata,
			ComponentType: "Profile", ComponentName: "Admin",
			Location:   finding.Location{File: "force-app/main/default/profiles/Admin.profile-meta.xml", Line: 40, Column: 5, ElementPath: "/Profile/userPermissions[3]/enabled"},
			Suppressed: "inline: approved in SEC-123"},
		{RuleID: "SFG-PERM-001", Severity: finding.Medium, Message: "ModifyAllData is enabled", Kind: finding.KindMetadata,
			ComponentType: "PermissionSet", ComponentName: "Ops",
			Location:   finding.Location{File: "force-app/main/default/permissionsets/Ops.permissionset-meta.xml", Line: 7, Column: 5, ElementPath: "/PermissionSet/userPermissions[1]/enabled"},
			Suppressed: "baseline"},
		{RuleID: "SFG-PERM-001", Severity: finding.Medium, Message: "ModifyAllData is enabled", Kind: finding.KindMetadata,
			ComponentType: "PermissionSet", ComponentName: "Ops",
			Location: finding.Location{File: "force-app/main/default/permissionsets/Ops.permissionset-meta.xml", Line: 30, Column: 5, ElementPath: "/PermissionSet/userPermissions[4]/enabled"}},
		{RuleID: "SFG-SECRET-001", Severity: finding.Critical, Title: "Salesforce refresh token", Message: "refresh token 5Aep86…(87 chars)", Kind: finding.KindSecret,
			Location: finding.Location{File: "scripts/auth,test:1.sh", Line: 3, Column: 14},
			Secret:   &finding.Secret{Redacted: "5Aep86…(87 chars)", Length: 87, Hash: "9f2c"}},
		{RuleID: "SFG-SECRET-002", Severity: finding.Info, Title: "JWT key file", Message: "private key file committed", Kind: finding.KindSecret,
			Location: finding.Location{File: "config/server.key"}},
	}
	return &Report{
		Tool: "sfguard", Version: "0.3.0", Rules: rules, Findings: findings,
		Diagnostics: []finding.Diagnostic{{File: "force-app/main/default/profiles/Broken.profile-meta.xml", Line: 9, Column: 3, Message: "XML syntax error: unexpected EOF"}},
		Notes:       []Note{Warningf(".sfguard.yaml", 12, "suppression SFG-CA-009 matched no finding; remove it or fix its rule, component or path")},
		FailOn:      finding.Medium,
	}
}

func manyTags(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "t" + string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	return out
}

func TestSARIFRegistered(t *testing.T) {
	for _, name := range []string{"x.sarif", "out/x.SARIF.json"} {
		if f, err := FormatForFile(name); err != nil || f != "sarif" {
			t.Errorf("FormatForFile(%q) = %q, %v", name, f, err)
		}
	}
	if _, err := Lookup("sarif"); err != nil {
		t.Error(err)
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	for name, r := range map[string]*Report{"representative": ciTestReport(), "empty": {Tool: "sfguard"}} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteSARIF(&buf, r); err != nil {
				t.Fatal(err)
			}
			sarifValidate(t, buf.Bytes())
		})
	}
}

func sarifValidate(t *testing.T, out []byte) {
	t.Helper()
	sch := testutil.CompileSchema(t, filepath.Join("testdata", "sarif-schema-2.1.0.json"), true)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF does not validate:\n%v", err)
	}
}

// sarifLog is the part of the output the tests look at.
type sarifLog struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID               string                `json:"id"`
					Name             string                `json:"name"`
					ShortDescription struct{ Text string } `json:"shortDescription"`
					FullDescription  struct{ Text string } `json:"fullDescription"`
					Help             struct{ Text, Markdown string }
					HelpURI          string `json:"helpUri"`
					Default          struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
					Properties map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		AutomationDetails struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			RelatedLocations []struct {
				ID               int `json:"id"`
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"relatedLocations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
			Properties map[string]any `json:"properties"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Exec                []struct {
				Level   string `json:"level"`
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
			Conf []struct {
				Message struct{ Text string }
			} `json:"toolConfigurationNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

func TestSARIFContent(t *testing.T) {
	r := ciTestReport()
	r.ShowSuppressed = true
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, r); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "sfguard" || run.Tool.Driver.Version != "0.3.0" || run.AutomationDetails.ID != "sfguard/" {
		t.Errorf("driver/automation = %q %q %q", run.Tool.Driver.Name, run.Tool.Driver.Version, run.AutomationDetails.ID)
	}

	// One descriptor per loaded rule, plus one for the finding whose rule
	// was not loaded.
	var ids []string
	for _, rd := range run.Tool.Driver.Rules {
		ids = append(ids, rd.ID)
	}
	if d := cmp.Diff([]string{"SFG-CA-001", "SFG-CA-002", "SFG-PERM-001", "SFG-SEC-009", "SFG-SECRET-001", "SFG-SECRET-002"}, ids); d != "" {
		t.Errorf("rule ids (-want +got):\n%s", d)
	}
	rd := run.Tool.Driver.Rules[0]
	type ruleView struct {
		Name, Short, Full, HelpURI, Level, SecSev string
		Tags                                      []any
	}
	got := ruleView{rd.Name, rd.ShortDescription.Text, rd.FullDescription.Text, rd.HelpURI, rd.Default.Level,
		rd.Properties["security-severity"].(string), rd.Properties["tags"].([]any)}
	want := ruleView{"RefreshTokensNeverExpire", "Refresh tokens never expire", "The connected app issues refresh tokens that are valid until revoked.",
		"https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_oauth.htm", "error", "8.0",
		[]any{"security", "oauth", "SBS-OAUTH-002"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("descriptor (-want +got):\n%s", d)
	}
	for _, s := range []string{"### Remediation", "specific_lifetime or specific_inactivity", "```xml\n<refreshTokenPolicy>infinite", "### References", "Applies to: ConnectedApp"} {
		if !strings.Contains(rd.Help.Markdown, s) {
			t.Errorf("help.markdown lacks %q:\n%s", s, rd.Help.Markdown)
		}
	}
	if !strings.Contains(rd.Help.Text, "Remediation: Set refreshTokenPolicy") {
		t.Errorf("help.text = %q", rd.Help.Text)
	}
	if tags := run.Tool.Driver.Rules[4].Properties["tags"].([]any); len(tags) != 20 || tags[0] != "security" {
		t.Errorf("tags of a rule with 30 tags: %d, first %v", len(tags), tags[0])
	}
	var sevs []string
	for _, rd := range run.Tool.Driver.Rules {
		sevs = append(sevs, rd.Properties["security-severity"].(string)+"/"+rd.Default.Level)
	}
	if d := cmp.Diff([]string{"8.0/error", "9.5/error", "5.5/warning", "3.0/warning", "9.5/error", "0.0/note"}, sevs); d != "" {
		t.Errorf("severities (-want +got):\n%s", d)
	}

	// Every result has a physical location with a relative URI, a start
	// line and a rule that exists in the run at its index.
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(r.Findings))
	}
	type resView struct {
		Rule, Level, URI string
		Line, Col        int
		Supp             string
	}
	var res []resView
	for i, x := range run.Results {
		if x.RuleIndex < 0 || x.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[x.RuleIndex].ID != x.RuleID {
			t.Errorf("result %d: ruleIndex %d does not point at %s", i, x.RuleIndex, x.RuleID)
		}
		if len(x.Locations) != 1 || x.Locations[0].PhysicalLocation == nil {
			t.Fatalf("result %d has no physical location", i)
		}
		pl := x.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URIBaseID != "%SRCROOT%" || pl.Region.StartLine < 1 {
			t.Errorf("result %d: base %q line %d", i, pl.ArtifactLocation.URIBaseID, pl.Region.StartLine)
		}
		if len(x.PartialFingerprints["sfguard/v1"]) != 32 {
			t.Errorf("result %d: partialFingerprints %v", i, x.PartialFingerprints)
		}
		s := ""
		if len(x.Suppressions) > 0 {
			s = x.Suppressions[0].Kind + ":" + x.Suppressions[0].Justification
		}
		res = append(res, resView{x.RuleID, x.Level, pl.ArtifactLocation.URI, pl.Region.StartLine, pl.Region.StartColumn, s})
	}
	wantRes := []resView{
		{"SFG-CA-001", "error", "force-app/main/default/connectedApps/My%20App.connectedApp-meta.xml", 23, 9, ""},
		{"SFG-CA-002", "error", "retrieve.zip", 1, 0, "external:config: vendor app, retired in Q3"},
		{"SFG-PERM-001", "warning", "force-app/main/default/profiles/Admin.profile-meta.xml", 40, 5, "inSource:inline: approved in SEC-123"},
		{"SFG-PERM-001", "warning", "force-app/main/default/permissionsets/Ops.permissionset-meta.xml", 7, 5, "external:baseline"},
		{"SFG-PERM-001", "warning", "force-app/main/default/permissionsets/Ops.permissionset-meta.xml", 30, 5, ""},
		{"SFG-SECRET-001", "error", "scripts/auth%2Ctest:1.sh", 3, 14, ""},
		{"SFG-SECRET-002", "note", "config/server.key", 1, 0, ""},
	}
	if d := cmp.Diff(wantRes, res); d != "" {
		t.Errorf("results (-want +got):\n%s", d)
	}
	if run.Results[0].PartialFingerprints["sfguard/v1"] != "0123456789abcdef0123456789abcdef" {
		t.Error("the finding's own fingerprint must be used")
	}
	if m := run.Results[1].Message.Text; !strings.Contains(m, "unpackaged/connectedApps/Legacy.connectedApp of retrieve.zip, line 12") {
		t.Errorf("zip member not named in message: %q", m)
	}
	if rl := run.Results[0].RelatedLocations; len(rl) != 1 || rl[0].ID != 1 || rl[0].PhysicalLocation.ArtifactLocation.URI != "force-app/main/default/profiles/Admin.profile-meta.xml" {
		t.Errorf("related locations = %+v", rl)
	}
	wantProps := map[string]any{"severity": "high", "kind": "metadata", "componentType": "ConnectedApp", "componentName": "My App", "elementPath": "/ConnectedApp/oauthPolicy/refreshTokenPolicy"}
	if d := cmp.Diff(wantProps, run.Results[0].Properties); d != "" {
		t.Errorf("result properties (-want +got):\n%s", d)
	}
	if sec := run.Results[5].Properties["secret"]; !cmp.Equal(sec, map[string]any{"redacted": "5Aep86…(87 chars)", "length": float64(87)}) {
		t.Errorf("secret property = %v", sec)
	}
	if strings.Contains(buf.String(), "9f2c") {
		t.Error("the secret hash must not be written")
	}

	inv := run.Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].Exec) != 1 || inv[0].Exec[0].Level != "error" ||
		inv[0].Exec[0].Message.Text != "XML syntax error: unexpected EOF" || len(inv[0].Conf) != 1 {
		t.Errorf("invocation = %+v", inv)
	}

	// Same report, same bytes.
	var again bytes.Buffer
	r2 := ciTestReport()
	r2.ShowSuppressed = true
	if err := WriteSARIF(&again, r2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("SARIF output is not deterministic")
	}
}

// GitHub code scanning ignores result.suppressions and would open alerts
// for suppressed findings, so by default they are counted, not written.
func TestSARIFOmitsSuppressedByDefault(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, ciTestReport()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []any  `json:"suppressions"`
			} `json:"results"`
			Properties map[string]any `json:"properties"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range log.Runs[0].Results {
		if len(x.Suppressions) > 0 {
			t.Errorf("%s: suppressed result written", x.RuleID)
		}
		got = append(got, x.RuleID)
	}
	if d := cmp.Diff([]string{"SFG-CA-001", "SFG-PERM-001", "SFG-SECRET-001", "SFG-SECRET-002"}, got); d != "" {
		t.Errorf("results (-want +got):\n%s", d)
	}
	if n := log.Runs[0].Properties["sfguard/suppressed"]; n != float64(3) {
		t.Errorf("suppressed count = %v, want 3", n)
	}
	sarifValidate(t, buf.Bytes())
}

func TestSARIFURI(t *testing.T) {
	type out struct {
		URI      string
		Relative bool
	}
	tests := map[string]out{
		"force-app/a b/X.profile-meta.xml":    {"force-app/a%20b/X.profile-meta.xml", true},
		"./profiles/R%2FW.profile":            {"profiles/R%252FW.profile", true},
		"/home/u/repo/a.xml":                  {"file:///home/u/repo/a.xml", false},
		"C:\\repo\\a.xml":                     {"file:///C:/repo/a.xml", false},
		"we:ird/a.xml":                        {"we%3Aird/a.xml", true},
		"settings/Security.settings-meta.xml": {"settings/Security.settings-meta.xml", true},
	}
	for in, want := range tests {
		u, rel := sarifURI(in)
		if d := cmp.Diff(want, out{u, rel}); d != "" {
			t.Errorf("sarifURI(%q) (-want +got):\n%s", in, d)
		}
	}
}
