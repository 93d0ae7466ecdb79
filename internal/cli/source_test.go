package cli

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/testutil"
)

// These tests build real trees, zips and git repositories and run the
// command line on them: every input reaches both halves of the scan the
// same way (issue 8).

// A fake Ant password with the security token appended; not a credential.
const (
	fakePassword = "Kp3vQ9xT2mW7!" + "Zr8Lq2Nw5Ty1Hb4Kd7Jc0Vx6"
	buildProps   = "sf.username = deploy@acme.com\nsf.password = " + fakePassword + "\nsf.serverurl = https://login.salesforce.com\n"
)

// insecureApp is a connected app the built-in rules report.
func insecureApp(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(orgs, "insecure-mdapi/connectedApps/ERP_Order_Sync.connectedApp"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func zipBytes(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ruleFiles summarises findings as "RULE file" lines, sorted.
func ruleFiles(out jsonOut) []string {
	var got []string
	for _, f := range out.Findings {
		got = append(got, f.RuleID+" "+f.File)
	}
	sort.Strings(got)
	return got
}

func hasRule(out jsonOut, prefix, file string) bool {
	for _, f := range out.Findings {
		if strings.HasPrefix(f.RuleID, prefix) && f.File == file {
			return true
		}
	}
	return false
}

// TestZipInFolderScannedByBothHalves: silent pass 1. A retrieve zip inside
// a scanned folder is opened, and both the metadata rules and the
// credential scan read its entries.
func TestZipInFolderScannedByBothHalves(t *testing.T) {
	dir := t.TempDir()
	zb := zipBytes(t, map[string]string{
		"unpackaged/connectedApps/ERP_Order_Sync.connectedApp": insecureApp(t),
		"unpackaged/build.properties":                          buildProps,
	})
	if err := os.MkdirAll(filepath.Join(dir, "retrieves"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "retrieves", "org.zip"), zb, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, out, stderr := scanJSON(t, ".")
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr %s", code, ExitFindings, stderr)
	}
	if !hasRule(out, "SFG-APP-", "retrieves/org.zip!/unpackaged/connectedApps/ERP_Order_Sync.connectedApp") {
		t.Errorf("no metadata finding in the zip entry: %v", ruleFiles(out))
	}
	if !hasRule(out, "SFG-SEC-", "retrieves/org.zip!/unpackaged/build.properties") {
		t.Errorf("no credential finding in the zip entry: %v", ruleFiles(out))
	}
	// --no-archives keeps them closed: then nothing is found.
	_, out, _ = scanJSON(t, "--no-archives", ".")
	if len(out.Findings) != 0 {
		t.Errorf("--no-archives: %v", ruleFiles(out))
	}
}

// TestNamedNonMetadataFile: a file that is not metadata, named on the
// command line, is scanned for credentials rather than rejected, and a
// missing path is reported once.
func TestNamedNonMetadataFile(t *testing.T) {
	dir := t.TempDir()
	testutil.WriteFile(t, dir, "build.properties", buildProps)
	t.Chdir(dir)
	code, out, stderr := scanJSON(t, "build.properties", "missing.profile")
	if code != ExitError {
		t.Errorf("exit %d, want %d (the missing path)", code, ExitError)
	}
	if !hasRule(out, "SFG-SEC-", "build.properties") {
		t.Errorf("the named file was not scanned for credentials: %v", ruleFiles(out))
	}
	var missing []string
	for _, d := range out.Diagnostics {
		missing = append(missing, d.File+": "+d.Message)
	}
	if diff := cmp.Diff([]string{"missing.profile: no such file or directory"}, missing); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if n := strings.Count(stderr, "missing.profile"); n != 1 {
		t.Errorf("the missing path is on stderr %d times, want once:\n%s", n, stderr)
	}
	if strings.Contains(stderr+ruleFiles2(out), fakePassword[:8]) {
		t.Error("the password is echoed")
	}
}

func ruleFiles2(out jsonOut) string {
	var b strings.Builder
	for _, f := range out.Findings {
		b.WriteString(f.Message)
	}
	return b.String()
}
