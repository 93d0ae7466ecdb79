package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
)

func meta(rule, typ, name, path, value string, line int) finding.Finding {
	return finding.Finding{
		RuleID: rule, Kind: finding.KindMetadata, ComponentType: typ, ComponentName: name, ValueHash: value,
		Location: finding.Location{File: "force-app/main/default/x/" + name, Line: line, Column: 5, ElementPath: path},
	}
}

func TestWriteLoadApply(t *testing.T) {
	accepted := []finding.Finding{
		meta("SFG-CA-001", "ConnectedApp", "Legacy", "/ConnectedApp/oauthPolicy/refreshTokenPolicy", "infinite", 20),
		meta("SFG-PERM-001", "Profile", "Admin", "/Profile/userPermissions[3]/enabled", "ModifyAllData", 40),
		meta("SFG-PERM-001", "Profile", "Admin", "/Profile/userPermissions[9]/enabled", "ViewAllData", 70),
		func() finding.Finding {
			f := meta("SFG-CA-002", "ConnectedApp", "Legacy", "/ConnectedApp/oauthConfig/scopes[1]", "Full", 9)
			f.Suppressed = "config: governed elsewhere"
			return f
		}(),
		meta("SFG-SEC-001", "SecuritySettings", "Security", "/SecuritySettings/sessionSettings/lockSessionsToIp", "false", 12),
	}
	var buf bytes.Buffer
	if err := Write(&buf, "sfguard test", accepted); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ Rule, Component, Path, File string }
	var rows []row
	for _, e := range b.Findings {
		rows = append(rows, row{e.RuleID, e.Component, e.ElementPath, e.File})
	}
	wantRows := []row{
		{"SFG-PERM-001", "Profile:Admin", "/Profile/userPermissions/enabled", "force-app/main/default/x/Admin"},
		{"SFG-PERM-001", "Profile:Admin", "/Profile/userPermissions/enabled", "force-app/main/default/x/Admin"},
		{"SFG-CA-001", "ConnectedApp:Legacy", "/ConnectedApp/oauthPolicy/refreshTokenPolicy", "force-app/main/default/x/Legacy"},
		{"SFG-SEC-001", "SecuritySettings:Security", "/SecuritySettings/sessionSettings/lockSessionsToIp", "force-app/main/default/x/Security"},
	}
	if d := cmp.Diff(wantRows, rows); d != "" {
		t.Errorf("written entries (-want +got):\n%s", d)
	}
	if b.Version != 1 || b.GeneratedBy != "sfguard test" || b.Path != path {
		t.Errorf("header = %d %q %q", b.Version, b.GeneratedBy, b.Path)
	}
	if !bytes.Contains(buf.Bytes(), []byte("\"fingerprint\"")) || bytes.Contains(buf.Bytes(), []byte("\"line\"")) {
		t.Errorf("baseline must hold fingerprints and no line numbers:\n%s", buf.String())
	}

	// Next run: the XML was reformatted and reordered (lines and indices
	// moved), one accepted problem was fixed, a new one appeared.
	next := []finding.Finding{
		meta("SFG-CA-001", "ConnectedApp", "Legacy", "/ConnectedApp/oauthPolicy/refreshTokenPolicy", "infinite", 31),
		meta("SFG-PERM-001", "Profile", "Admin", "/Profile/userPermissions[1]/enabled", "ViewAllData", 12),
		meta("SFG-PERM-001", "Profile", "Admin", "/Profile/userPermissions[4]/enabled", "ModifyAllData", 25),
		meta("SFG-PERM-001", "Profile", "Admin", "/Profile/userPermissions[5]/enabled", "AuthorApex", 28),
	}
	out, stale := b.Apply(next)
	var sup []string
	for _, f := range out {
		sup = append(sup, f.Suppressed)
	}
	if d := cmp.Diff([]string{"baseline", "baseline", "baseline", ""}, sup); d != "" {
		t.Errorf("Suppressed (-want +got):\n%s", d)
	}
	if len(stale) != 1 || stale[0].RuleID != "SFG-SEC-001" {
		t.Errorf("stale = %+v, want the fixed SFG-SEC-001 entry", stale)
	}
	if !strings.Contains(StaleNote(stale[0]), "SFG-SEC-001 on SecuritySettings:Security") {
		t.Errorf("StaleNote = %q", StaleNote(stale[0]))
	}
	for _, f := range next {
		if f.Suppressed != "" {
			t.Error("Apply modified its input")
		}
	}
}

func TestApplyCountsDuplicates(t *testing.T) {
	f := meta("SFG-X-001", "Profile", "P", "/Profile/x", "", 1)
	var buf bytes.Buffer
	if err := Write(&buf, "t", []finding.Finding{f}); err != nil {
		t.Fatal(err)
	}
	b, err := Parse("b.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	g := f
	g.Line = 50
	out, stale := b.Apply([]finding.Finding{f, g})
	if out[0].Suppressed != Suppressed || out[1].Suppressed != "" || len(stale) != 0 {
		t.Errorf("one entry must accept one finding: %q %q stale=%v", out[0].Suppressed, out[1].Suppressed, stale)
	}
	var nilB *Baseline
	if out, stale := nilB.Apply([]finding.Finding{f}); out[0].Suppressed != "" || stale != nil {
		t.Error("a nil baseline accepts nothing")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"syntax", "{\n  \"version\": 1,\n  \"findings\": [,]\n}", "b.json:3: invalid character ','"},
		{"type", "{\n  \"version\": \"1\"\n}", "b.json:2: version must be int, not a JSON string"},
		{"unknown field", `{"version":1,"fingerprints":[]}`, `b.json: json: unknown field "fingerprints"`},
		{"version", `{"version":2,"findings":[]}`, "b.json: unsupported baseline version 2"},
		{"no fingerprint", `{"version":1,"findings":[{"ruleId":"SFG-CA-001","file":"a"}]}`, "b.json: findings[0] (SFG-CA-001 in a) has no fingerprint"},
	}
	for _, tt := range tests {
		_, err := Parse("b.json", []byte(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want prefix %q", tt.name, err, tt.want)
		}
	}
}
