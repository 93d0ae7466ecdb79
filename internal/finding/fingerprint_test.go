package finding

import (
	"strings"
	"testing"
)

func meta(rule, typ, name, path, value string, line int) Finding {
	return Finding{
		RuleID: rule, Kind: KindMetadata, ComponentType: typ, ComponentName: name, ValueHash: value,
		Location: Location{File: "force-app/main/default/x/" + name, Line: line, Column: 5, ElementPath: path},
	}
}

func TestFingerprintStability(t *testing.T) {
	base := meta("SFG-PERM-001", "Profile", "Admin", "/Profile/userPermissions[3]/enabled", "h-ModifyAllData", 40)
	secret := Finding{RuleID: "SFG-SECRET-001", Kind: KindSecret, Location: Location{File: "scripts/auth.sh", Line: 3, Column: 10},
		Secret: &Secret{Redacted: "5Aep86…(87 chars)", Length: 87, Hash: "aa11"}}

	same := []struct {
		name string
		a, b Finding
	}{
		{"moved to another line and column", base, func() Finding { f := base; f.Line, f.Column = 112, 9; return f }()},
		{"reordered: other index", base, func() Finding { f := base; f.ElementPath = "/Profile/userPermissions[17]/enabled"; return f }()},
		{"message wording changed", base, func() Finding { f := base; f.Message = "reworded"; f.Title = "t"; return f }()},
		{"severity override changed", base, func() Finding { f := base; f.Severity = Critical; return f }()},
		{"file renamed between formats", base, func() Finding {
			f := base
			f.File = "src/profiles/Admin.profile"
			return f
		}()},
		{"secret moved", secret, func() Finding { f := secret; f.Line = 90; return f }()},
	}
	for _, tt := range same {
		if Fingerprint(&tt.a) != Fingerprint(&tt.b) {
			t.Errorf("%s: fingerprints differ", tt.name)
		}
	}

	differ := []struct {
		name string
		a, b Finding
	}{
		{"value changed", base, func() Finding { f := base; f.ValueHash = "h-ViewAllData"; return f }()},
		{"other rule", base, func() Finding { f := base; f.RuleID = "SFG-PERM-002"; return f }()},
		{"other component", base, func() Finding { f := base; f.ComponentName = "Standard"; return f }()},
		{"other type", base, func() Finding { f := base; f.ComponentType = "PermissionSet"; return f }()},
		{"other element", base, func() Finding { f := base; f.ElementPath = "/Profile/userPermissions[3]/name"; return f }()},
		{"secret rotated", secret, func() Finding { f := secret; f.Secret = &Secret{Hash: "bb22"}; return f }()},
		{"secret in another file", secret, func() Finding { f := secret; f.File = "scripts/other.sh"; return f }()},
	}
	for _, tt := range differ {
		if Fingerprint(&tt.a) == Fingerprint(&tt.b) {
			t.Errorf("%s: fingerprints are equal", tt.name)
		}
	}
	if got := Fingerprint(&base); len(got) != 32 || strings.Trim(got, "0123456789abcdef") != "" {
		t.Errorf("fingerprint %q is not 32 hex digits", got)
	}
}

func TestNormalizePath(t *testing.T) {
	tests := map[string]string{
		"/Profile/loginIpRanges[2]/startAddress": "/Profile/loginIpRanges/startAddress",
		"/A[1]/b[10]/c":                          "/A/b/c",
		"/ConnectedApp/oauthPolicy":              "/ConnectedApp/oauthPolicy",
		"":                                       "",
	}
	for in, want := range tests {
		if got := NormalizePath(in); got != want {
			t.Errorf("NormalizePath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAssignFingerprints(t *testing.T) {
	fs := []Finding{meta("A", "Profile", "P", "/p", "", 1), {RuleID: "B", Fingerprint: "keep"}}
	AssignFingerprints(fs, nil)
	if fs[0].Fingerprint != Fingerprint(&fs[0]) || fs[1].Fingerprint != "keep" {
		t.Errorf("AssignFingerprints: %q %q", fs[0].Fingerprint, fs[1].Fingerprint)
	}
	// A credential's identity is its path from the project root, whatever
	// the display path; a metadata finding's has no path in it.
	secret := func(file string) Finding {
		return Finding{RuleID: "SFG-SEC-006", Kind: KindSecret, Location: Location{File: file}, Secret: &Secret{Hash: "h"}}
	}
	rel := map[string]string{"proj/build.properties": "build.properties", "../build.properties": "build.properties"}
	got := []Finding{secret("proj/build.properties"), secret("../build.properties"), meta("A", "Profile", "P", "/p", "", 1)}
	AssignFingerprints(got, func(f string) string { return rel[f] })
	want := secret("build.properties")
	if got[0].Fingerprint != Fingerprint(&want) || got[1].Fingerprint != got[0].Fingerprint {
		t.Errorf("credential fingerprints %q, %q; want both %q", got[0].Fingerprint, got[1].Fingerprint, Fingerprint(&want))
	}
	if m := meta("A", "Profile", "P", "/p", "", 1); got[2].Fingerprint != Fingerprint(&m) {
		t.Error("a metadata fingerprint changed with the path mapping")
	}
}
