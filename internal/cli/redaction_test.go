package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sfguard/sfguard/internal/report"
	"github.com/sfguard/sfguard/internal/testutil"
)

// TestNoFormatLeaksSecrets scans the planted credentials of
// fixtures/secrets/positive and checks that no output format, nor the
// baseline file, contains any of the values in full.
func TestNoFormatLeaksSecrets(t *testing.T) {
	src := "../../fixtures/secrets/positive"
	dir := filepath.Join(t.TempDir(), "repo")
	testutil.CopyTree(t, src, dir)

	// Every value-like token of the planted files: 16+ characters mixing
	// letters and digits, split at the separators of URLs, JSON and
	// properties so an SFDX auth URL yields its secret and refresh token.
	var values []string
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, tok := range strings.FieldsFunc(string(b), func(r rune) bool { return strings.ContainsRune(" \t\r\n\"'=:<>,();@/", r) }) {
			if len(tok) >= 16 && strings.ContainsAny(tok, "0123456789") && strings.ContainsAny(tok, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
				values = append(values, tok)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d planted values checked", len(values))
	if len(values) < 10 {
		t.Fatalf("only %d planted values found; the heuristic no longer matches the fixtures", len(values))
	}

	outputs := map[string]string{}
	for _, format := range report.Formats() {
		code, stdout, stderr := runCLI(t, nil, "scan", "--no-config", "--show-suppressed", "--format", format, dir)
		if code != ExitFindings {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		outputs[format] = stdout + stderr
	}
	base := filepath.Join(t.TempDir(), "baseline.json")
	if code, _, stderr := runCLI(t, nil, "scan", "--no-config", "-q", "--write-baseline", base, dir); code != ExitOK {
		t.Fatalf("baseline: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	outputs["baseline file"] = string(b)

	if !strings.Contains(outputs["json"], "SFG-SEC-") {
		t.Fatalf("no credential found at all:\n%s", outputs["json"])
	}
	for name, out := range outputs {
		for _, v := range values {
			if strings.Contains(out, v) {
				t.Errorf("%s output contains a planted value in full (%.6s…, %d chars)", name, v, len(v))
			}
		}
	}
}
