package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
)

func TestJUnit(t *testing.T) {
	r := ciTestReport()
	var buf bytes.Buffer
	if err := WriteJUnit(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("missing XML header:\n%s", buf.String())
	}
	var doc junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("output is not well-formed: %v\n%s", err, buf.String())
	}

	type caseView struct {
		Suite, Class, Name, Loc string
		Outcome                 string // pass, failure:<type>, skipped, error
		Detail                  string
	}
	var got []caseView
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			v := caseView{Suite: s.Name, Class: c.Classname, Name: c.Name}
			if c.File != "" {
				v.Loc = c.File
			}
			switch {
			case c.Failure != nil:
				v.Outcome, v.Detail = "failure:"+c.Failure.Type, c.Failure.Message
			case c.Error != nil:
				v.Outcome, v.Detail = "error", c.Error.Message
			case c.Skipped != nil:
				v.Outcome, v.Detail = "skipped", c.Skipped.Message
			default:
				v.Outcome = "pass"
			}
			got = append(got, v)
		}
	}
	want := []caseView{
		{"SFG-CA-001 Refresh tokens never expire", "SFG-CA-001", "ConnectedApp:My App", "force-app/main/default/connectedApps/My App.connectedApp-meta.xml", "failure:high", "refreshTokenPolicy is infinite"},
		{"SFG-CA-002 Full scope granted", "SFG-CA-002", "ConnectedApp:Legacy", "retrieve.zip!/unpackaged/connectedApps/Legacy.connectedApp", "skipped", "config: vendor app, retired in Q3"},
		{"SFG-PERM-001 Modify All Data granted", "SFG-PERM-001", "PermissionSet:Ops", "force-app/main/default/permissionsets/Ops.permissionset-meta.xml", "failure:medium", "ModifyAllData is enabled"},
		{"SFG-PERM-001 Modify All Data granted", "SFG-PERM-001", "Profile:Admin", "force-app/main/default/profiles/Admin.profile-meta.xml", "skipped", "inline: approved in SEC-123"},
		{"SFG-SEC-009 Unused rule", "SFG-SEC-009", "no findings", "", "pass", ""},
		{"SFG-SECRET-001 Salesforce refresh token", "SFG-SECRET-001", "scripts/auth,test:1.sh", "scripts/auth,test:1.sh", "failure:critical", "refresh token 5Aep86…(87 chars)"},
		{"SFG-SECRET-002 JWT key file", "SFG-SECRET-002", "config/server.key", "config/server.key", "pass", ""},
		{"sfguard diagnostics", "sfguard.diagnostics", "force-app/main/default/profiles/Broken.profile-meta.xml:9", "force-app/main/default/profiles/Broken.profile-meta.xml", "error", "XML syntax error: unexpected EOF"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("testcases (-want +got):\n%s", d)
	}

	type counts struct{ Tests, Failures, Errors, Skipped int }
	if d := cmp.Diff(counts{8, 3, 1, 2}, counts{doc.Tests, doc.Failures, doc.Errors, doc.Skipped}); d != "" {
		t.Errorf("totals (-want +got):\n%s", d)
	}

	// The PermissionSet:Ops case fails for the active finding and lists
	// the baselined one in system-out; the failure text carries
	// severity and file:line:col.
	ops := doc.Suites[2].Cases[0]
	if ops.Failure.Text != "medium: force-app/main/default/permissionsets/Ops.permissionset-meta.xml:30:5: ModifyAllData is enabled [/PermissionSet/userPermissions[4]/enabled]" {
		t.Errorf("failure text = %q", ops.Failure.Text)
	}
	if !strings.Contains(ops.SystemOut, ":7:5: ModifyAllData is enabled [/PermissionSet/userPermissions[1]/enabled] (suppressed: baseline)") {
		t.Errorf("system-out = %q", ops.SystemOut)
	}
	// The info finding is below the threshold: listed, not failed.
	if key := doc.Suites[5].Cases[0]; !strings.Contains(key.SystemOut, "info: config/server.key: private key file committed (below the fail-on threshold)") {
		t.Errorf("below-threshold system-out = %q", key.SystemOut)
	}

	var again bytes.Buffer
	if err := WriteJUnit(&again, ciTestReport()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("JUnit output is not deterministic")
	}
}

func TestJUnitSeveralFindingsOneComponent(t *testing.T) {
	r := &Report{
		Rules: []finding.Rule{{ID: "R-1", Title: "t", Severity: finding.High}},
		Findings: []finding.Finding{
			{RuleID: "R-1", Severity: finding.Medium, Message: "first", ComponentType: "Profile", ComponentName: "P", Location: finding.Location{File: "p", Line: 3}},
			{RuleID: "R-1", Severity: finding.Critical, Message: "second", ComponentType: "Profile", ComponentName: "P", Location: finding.Location{File: "p", Line: 9}},
		},
		FailOn: finding.Low,
	}
	var buf bytes.Buffer
	if err := WriteJUnit(&buf, r); err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	f := doc.Suites[0].Cases[0].Failure
	want := &junitProblem{Message: "first (and 1 more)", Type: "critical", Text: "medium: p:3: first\ncritical: p:9: second"}
	if d := cmp.Diff(want, f); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	for _, name := range []string{"a.junit.xml", "b.xml"} {
		if got, err := FormatForFile(name); err != nil || got != "junit" {
			t.Errorf("FormatForFile(%q) = %q, %v", name, got, err)
		}
	}
}
