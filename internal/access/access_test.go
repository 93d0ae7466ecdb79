package access_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/access"
	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/scan"
)

var orgs = []string{"insecure-mdapi", "insecure-mdapi.zip", "insecure-source", "hardened-source"}

func matrix(t *testing.T, org string) *scan.AccessResult {
	t.Helper()
	r, err := scan.Access(context.Background(), &scan.Settings{
		Paths: []string{"../../fixtures/orgs/" + org}, Config: &config.Config{}, Jobs: 2, NoIgnore: true, // the worktree .git is a file
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", r.Diagnostics)
	}
	return r
}

// TestAgreesWithPathRules: every SFG-PATH finding is a way in carrying the
// rule's id at the finding's location, and every way in that carries a rule
// id is one of its findings.
func TestAgreesWithPathRules(t *testing.T) {
	for _, org := range orgs {
		t.Run(org, func(t *testing.T) {
			r := matrix(t, org)
			var fromFindings, fromWays []string
			for _, f := range r.Findings {
				if strings.HasPrefix(f.RuleID, "SFG-PATH-") {
					fromFindings = append(fromFindings, fmt.Sprintf("%s %s:%d:%d %s %s", f.RuleID, f.File, f.Line, f.Column, f.ElementPath, f.Severity))
				}
			}
			for _, e := range r.Matrix.Entries() {
				if e.Way.Rule != "" {
					l := e.Way.Location
					fromWays = append(fromWays, fmt.Sprintf("%s %s:%d:%d %s %s", e.Way.Rule, l.File, l.Line, l.Column, l.ElementPath, e.Way.Severity))
				}
			}
			sort.Strings(fromFindings)
			sort.Strings(fromWays)
			if diff := cmp.Diff(fromFindings, fromWays); diff != "" {
				t.Errorf("SFG-PATH findings (-) and ways in (+) differ:\n%s", diff)
			}
			checkChainsCarryRules(t, r.Matrix)
		})
	}
}

// checkChainsCarryRules: a way in that has the shape of a path rule's chain
// must carry the rule, so that the matrix cannot show the chain without the
// finding (or the reverse) even if the two drift apart.
func checkChainsCarryRules(t *testing.T, m *access.Matrix) {
	broad := false
	for _, r := range m.TrustedIPRanges {
		broad = broad || r.Broad
	}
	for _, e := range m.Entries() {
		w := e.Way
		switch {
		case w.Kind == "password" && strings.HasPrefix(w.From, "the org's trusted") && broad && w.Rule != "SFG-PATH-001":
			t.Errorf("%s %s: password alone from broad trusted ranges without SFG-PATH-001", e.Principal.Kind, e.Principal.Name)
		case w.Kind == "oauth" && w.Addresses == -1 && w.Lasts == "valid until revoked" && strings.HasSuffix(w.How, "(pre-authorised)") && w.Rule != "SFG-PATH-002" && strings.Contains(w.Summary, "RefreshToken"):
			t.Errorf("%s %s: %s is a permanent token from anywhere without SFG-PATH-002", e.Principal.Kind, e.Principal.Name, w.How)
		}
	}
}

// TestSeedChainsComeFirst: the seeds' two chains are the first rows.
func TestSeedChainsComeFirst(t *testing.T) {
	r := matrix(t, "insecure-mdapi")
	es := r.Matrix.Entries()
	if len(es) < 2 {
		t.Fatalf("want at least 2 ways in, got %d", len(es))
	}
	var got []string
	for _, e := range es[:2] {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s|%s", e.Way.Severity, e.Principal.Name, e.Way.Kind, e.Way.From, e.Way.Lasts, e.Way.Rule))
	}
	// The System Administrator profile's allow-all login range restricts
	// nothing, so its password chain (SFG-PATH-001) is as open as the
	// integration profile's.
	want := []string{
		"critical|Admin|password|the org's trusted IP ranges: 3 ranges, 2147549189 addresses (half the internet)|until the password changes|SFG-PATH-001",
		"critical|Mail Connector Integration|oauth|anywhere (IP restrictions relaxed)|valid until revoked|SFG-PATH-002",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("first ways in (-want +got):\n%s", diff)
	}

	var text bytes.Buffer
	if err := access.Write(&text, r.Matrix, "text", 120); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(text.String(), "\n")
	if !strings.HasPrefix(lines[2], "critical  Profile Admin") || !strings.Contains(lines[2], "SFG-PATH-001") {
		t.Errorf("first table row:\n%s", strings.Join(lines[:4], "\n"))
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > 120 {
			t.Errorf("line of %d runes exceeds width 120: %q", n, l)
		}
	}
}

func TestPrincipalsAndApps(t *testing.T) {
	m := matrix(t, "insecure-mdapi").Matrix
	type row struct {
		Kind, Name, License, Ranges string
		API, MFA, Admin             bool
		Members                     int
	}
	var got []row
	for _, p := range m.Principals {
		got = append(got, row{p.Kind, p.Name, p.License, p.LoginRanges.Class, p.APIEnabled, p.MFAWaived, p.AdminLike, len(p.Members)})
	}
	want := []row{
		{"Profile", "Admin", "Salesforce", "broad", true, false, true, 0},
		{"Profile", "Mail Connector Integration", "Salesforce", "none", true, false, true, 0},
		{"Profile", "ERP Integration API Only", "Salesforce Integration", "specific", true, false, false, 0},
		{"Permission set", "Data_Steward", "", "from the profile", false, true, false, 0},
		{"Permission set", "ERP_Integration_API", "Salesforce API Integration", "from the profile", true, false, false, 0},
		{"Permission set group", "Integration_Bundle", "", "from the profile", true, true, false, 2},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("principals (-want +got):\n%s", diff)
	}
	var apps []string
	for _, a := range m.Apps {
		apps = append(apps, fmt.Sprintf("%s %s %s: %s; self=%v pkce=%v", a.Severity, a.Kind, a.Name, a.Summary, a.SelfAuthorized, a.PKCE.Value))
	}
	wantApps := []string{
		"critical Connected app Mail_Marketing_Connector: refresh token from anywhere, valid until revoked; self=false pkce=false",
		"high Connected app Field_Sales_Mobile: refresh token expires 12 months after issue; self=true pkce=false",
		"high External client app IGA_Provisioning: refresh token from anywhere, valid until revoked; self=true pkce=false",
		"low Connected app ERP_Order_Sync: access tokens only (no RefreshToken scope); self=false pkce=true",
	}
	if diff := cmp.Diff(wantApps, apps); diff != "" {
		t.Errorf("apps (-want +got):\n%s", diff)
	}
}

func TestFormatsAreDeterministicAndParse(t *testing.T) {
	m1 := matrix(t, "insecure-mdapi").Matrix
	m2 := matrix(t, "insecure-mdapi").Matrix
	for _, f := range access.Formats {
		var a, b bytes.Buffer
		if err := access.Write(&a, m1, f, 100); err != nil {
			t.Fatal(err)
		}
		if err := access.Write(&b, m2, f, 100); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s output differs between runs", f)
		}
		switch f {
		case "json":
			var v map[string]any
			if err := json.Unmarshal(a.Bytes(), &v); err != nil {
				t.Fatal(err)
			}
			if v["schema"] != "sfguard-access" || v["schemaVersion"] != access.SchemaVersion {
				t.Errorf("schema fields: %v %v", v["schema"], v["schemaVersion"])
			}
		case "csv":
			rows, err := csv.NewReader(&a).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < 10 || rows[1][1] != "Admin" || rows[1][15] != "SFG-PATH-001" {
				t.Errorf("csv rows: %d, first %q", len(rows), rows[1])
			}
		}
	}
}

func TestCSVDefusesFormulas(t *testing.T) {
	m := &access.Matrix{Principals: []access.Principal{{Kind: "Profile", Name: "=HYPERLINK(\"x\")", Ways: []access.Way{{How: "@x", Addresses: -1}}}}}
	var b bytes.Buffer
	if err := access.WriteCSV(&b, m); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][1] != "'=HYPERLINK(\"x\")" || rows[1][10] != "'@x" || rows[1][13] != "-1" {
		t.Errorf("row: %q", rows[1])
	}
}
