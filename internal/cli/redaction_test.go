package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
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

// TestRedactionPerKind: what each kind of credential may show. Passwords,
// security tokens and every value found by its key show no character at
// all (kind, length, fingerprint); structured tokens show only their
// non-secret part. It also checks that no output carries any six-character
// stretch of a planted password or security token.
func TestRedactionPerKind(t *testing.T) {
	src := "../../fixtures/secrets/positive"
	dir := filepath.Join(t.TempDir(), "repo")
	testutil.CopyTree(t, src, dir)
	code, stdout, stderr := runCLI(t, nil, "secrets", "--no-config", "--format", "json", dir)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Findings []struct {
			RuleID  string `json:"ruleId"`
			Message string `json:"message"`
			Secret  struct {
				Redacted string `json:"redacted"`
			} `json:"secret"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	byKey := regexp.MustCompile(`^\[(password|security token|consumer secret|secret|CLI credential|private key|access token|refresh token), \d+ chars, fp [0-9a-f]{8}\]$`)
	allowed := map[string]*regexp.Regexp{
		"SFG-SEC-001": regexp.MustCompile(`^(00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?!|eyJ)…\(\d+ chars\)$|` + byKey.String()),
		"SFG-SEC-002": regexp.MustCompile(`^5Aep86[12]…\(\d+ chars\)$|` + byKey.String()),
		"SFG-SEC-003": regexp.MustCompile(`^force://…@[a-z0-9.-]+ \(\d+ chars\)$`),
		"SFG-SEC-004": byKey,
		"SFG-SEC-005": regexp.MustCompile(`^3MVG9[A-Za-z0-9]?…\(\d+ chars\)$`),
		"SFG-SEC-006": regexp.MustCompile(`^\[(password|security token), \d+ chars, fp [0-9a-f]{8}\]$`),
		"SFG-SEC-007": byKey,
		"SFG-SEC-008": byKey,
		"SFG-SEC-009": byKey,
		"SFG-SEC-010": regexp.MustCompile(`^(sk_live_|sk_test_|rk_live_|rk_test_|AKIA|xox[bpars]-|ghp_|gho_|github_pat_|AIza)…\(\d+ chars\)$`),
	}
	seen := map[string]bool{}
	for _, f := range rep.Findings {
		re, ok := allowed[f.RuleID]
		if !ok {
			continue
		}
		seen[f.RuleID] = true
		if !re.MatchString(f.Secret.Redacted) {
			t.Errorf("%s: redacted form %q shows more than its kind allows", f.RuleID, f.Secret.Redacted)
		}
	}
	for _, id := range []string{"SFG-SEC-001", "SFG-SEC-002", "SFG-SEC-003", "SFG-SEC-004", "SFG-SEC-006", "SFG-SEC-009"} {
		if !seen[id] {
			t.Errorf("no %s finding in the planted tree; the test no longer covers that kind", id)
		}
	}

	// Passwords and tokens planted under their keys: no six-character
	// stretch with a digit or symbol may appear in any output.
	keyed := regexp.MustCompile(`(?i)(?:password|security_token)"?\s*[=:]?\s*(?:value=)?"?([^"\s<]{8,})|<password>([^<]+)</password>`)
	var pw []string
	_ = filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		for _, m := range keyed.FindAllStringSubmatch(string(b), -1) {
			pw = append(pw, m[1]+m[2])
		}
		return nil
	})
	t.Logf("%d planted passwords and tokens checked", len(pw))
	if len(pw) < 4 {
		t.Fatalf("only %d planted passwords found: %q", len(pw), pw)
	}
	outputs := map[string]string{"json": stdout}
	for _, format := range []string{"text", "sarif", "markdown", "github"} {
		_, out, errOut := runCLI(t, nil, "secrets", "--no-config", "--show-suppressed", "--format", format, dir)
		outputs[format] = out + errOut
	}
	for _, v := range pw {
		for i := 0; i+6 <= len(v); i++ {
			w := v[i : i+6]
			if !strings.ContainsAny(w, "0123456789!$%#&*@") {
				continue
			}
			for name, out := range outputs {
				if strings.Contains(out, w) {
					t.Errorf("%s output contains six characters of a planted password (at %d of %d)", name, i, len(v))
				}
			}
		}
	}
}
