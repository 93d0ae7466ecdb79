package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sfguard/sfguard/internal/testutil"
)

// infiniteRefresh turns the hardened JWT app into one that obtains refresh
// tokens valid until revoked (SFG-APP-001 needs both halves).
var infiniteRefresh = []string{
	"<refreshTokenPolicy>specific_inactivity:30:DAYS</refreshTokenPolicy>", "<refreshTokenPolicy>infinite</refreshTokenPolicy>",
	"<scopes>Api</scopes>", "<scopes>Api</scopes>\n        <scopes>RefreshToken</scopes>",
}

func edit(t *testing.T, path string, pairs ...string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%s: %q not found", path, pairs[i])
		}
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDiffBase: in a real repository, --diff-base reports the finding a
// change introduces, not the one already on the base, and states the
// relaxed policy as a delta.
func TestDiffBase(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	testutil.CopyTree(t, filepath.Join(orgs, "hardened-source"), repo)
	app := filepath.Join(repo, "force-app/main/default/connectedApps/Order_Sync_JWT.connectedApp-meta.xml")
	// Already on the base: PKCE off. Must not be reported in PR mode.
	edit(t, app, "<isPkceRequired>true</isPkceRequired>", "<isPkceRequired>false</isPkceRequired>")
	testutil.Git(t, repo, "init", "-q", "-b", "main")
	testutil.Git(t, repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A")
	testutil.Git(t, repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base")
	// The change: refresh tokens, valid until revoked.
	edit(t, app, infiniteRefresh...)

	code, out, stderr := scanJSON(t, "--no-secrets", "--diff-base", "HEAD", repo)
	if code != ExitFindings {
		t.Fatalf("exit %d; stderr %s", code, stderr)
	}
	rules := map[string]bool{}
	for _, f := range out.Findings {
		rules[f.RuleID] = true
		if !strings.HasPrefix(f.File, repo) {
			t.Errorf("finding points outside the working tree: %s", f.File)
		}
	}
	if !rules["SFG-APP-001"] {
		t.Errorf("new finding not reported: %v", rules)
	}
	if rules["SFG-APP-002"] {
		t.Errorf("finding already on the base reported in PR mode: %v", rules)
	}
	delta := false
	for id := range rules {
		delta = delta || strings.HasPrefix(id, "SFG-DELTA-")
	}
	if !delta {
		t.Errorf("relaxed refresh token policy not reported as a delta: %v", rules)
	}
	if code, _, stderr := runCLI(t, nil, "scan", "--no-secrets", "-q", "--diff-base", "no-such-rev", repo); code != ExitError || !strings.Contains(stderr, "no-such-rev") {
		t.Errorf("unknown revision: exit %d, want 2 with a message naming it: %s", code, stderr)
	}
}

// TestBaselineSurvivesReformat: a baseline written for the insecure org still
// matches every finding after the XML is re-indented, its elements reordered
// and lines shifted, and stale entries are reported once a problem is fixed.
func TestBaselineSurvivesReformat(t *testing.T) {
	dir := t.TempDir()
	org := filepath.Join(dir, "org")
	testutil.CopyTree(t, filepath.Join(orgs, "insecure-mdapi"), org)
	base := filepath.Join(dir, "baseline.json")
	if code, _, stderr := runCLI(t, nil, "scan", "--no-config", "-q", "--no-secrets", "--write-baseline", base, org); code != ExitOK {
		t.Fatalf("writing the baseline: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "7D41C9E2B85A06F3D1E4C7B9A2F5E8D03C6B9A2E5F8D1C4B7A0E3F6D9C2B5A8E") {
		t.Fatal("baseline stores a secret")
	}

	// Reformat every file: tabs instead of spaces, a blank line after the
	// root, and the trusted IP ranges in reverse order.
	indent := regexp.MustCompile(`(?m)^( {4})+`)
	err = filepath.WalkDir(org, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := indent.ReplaceAllStringFunc(string(b), func(m string) string { return strings.Repeat("\t", len(m)/4) })
		s = strings.Replace(s, "\n", "\n\n", 2)
		return os.WriteFile(p, []byte(s), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	sec := filepath.Join(org, "settings/Security.settings")
	raw, _ := os.ReadFile(sec)
	ranges := regexp.MustCompile(`(?s)\t\t<ipRanges>.*?</ipRanges>\n`).FindAllString(string(raw), -1)
	if len(ranges) < 2 {
		t.Fatalf("expected several ip ranges, got %d", len(ranges))
	}
	reordered := strings.Join(ranges, "")
	rev := ""
	for i := len(ranges) - 1; i >= 0; i-- {
		rev += ranges[i]
	}
	edit(t, sec, reordered, rev)

	code, out, stderr := scanJSON(t, "--no-secrets", "--baseline", base, org)
	if code != ExitOK || len(out.Findings) != 0 {
		t.Fatalf("after reformatting: exit %d, %d findings not matched by the baseline:\n%s%s", code, len(out.Findings), dump(out.Findings, ""), stderr)
	}

	// Fix one problem: its baseline entry becomes stale and is reported.
	edit(t, filepath.Join(org, "settings/OauthOidc.settings"), "<isPkceRequired>false</isPkceRequired>", "<isPkceRequired>true</isPkceRequired>")
	_, stdout, _ := runCLI(t, nil, "scan", "--no-config", "--no-secrets", "--baseline", base, org)
	if !strings.Contains(stdout, "SFG-OAUTH-001") || !strings.Contains(stdout, "prune") {
		t.Errorf("stale baseline entry not reported:\n%s", stdout)
	}
	if code, _, _ := runCLI(t, nil, "scan", "--no-config", "-q", "--no-secrets", "--strict", "--baseline", base, org); code != ExitFindings {
		t.Errorf("--strict with a stale baseline entry: exit %d, want 1", code)
	}
}

// TestConfigSuppressions: an expiring suppression in .sfguard.yaml silences
// its finding until the date, is reported when expired, and an unused one
// fails --strict.
func TestConfigSuppressions(t *testing.T) {
	dir := t.TempDir()
	org := filepath.Join(dir, "org")
	testutil.CopyTree(t, filepath.Join(orgs, "insecure-mdapi"), org)
	cfg := `version: 1
suppressions:
  - rule: SFG-OAUTH-001
    component: OauthOidcSettings:OauthOidc
    reason: PKCE rollout tracked in SEC-123
    expires: 2999-12-31
  - rule: SFG-NET-002
    component: Profile:Admin
    reason: temporary vendor access
    expires: 2001-01-01
  - rule: SFG-APP-001
    component: ConnectedApp:Does_Not_Exist
    reason: left over from a deleted app
`
	if err := os.WriteFile(filepath.Join(org, ".sfguard.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, nil, "scan", "--no-secrets", "--format", "text", org)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout, "SFG-OAUTH-001") && !strings.Contains(stdout, "suppressed") {
		t.Errorf("suppressed finding still listed:\n%s", stdout)
	}
	for _, want := range []string{"expired", "Does_Not_Exist", "suppressed"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output does not mention %q:\n%s", want, stdout)
		}
	}
	if !regexp.MustCompile(`SFG-NET-002\s+Profile Admin`).MatchString(stdout) && !strings.Contains(stdout, "SFG-NET-002") {
		t.Errorf("finding of an expired suppression is not reported again:\n%s", stdout)
	}
	_, shown, _ := runCLI(t, nil, "scan", "--no-secrets", "--show-suppressed", org)
	if !strings.Contains(shown, "SFG-OAUTH-001") || !strings.Contains(shown, "SEC-123") {
		t.Errorf("--show-suppressed does not list the suppressed finding with its reason:\n%s", shown)
	}
	if code, _, _ := runCLI(t, nil, "scan", "--no-secrets", "-q", "--no-fail", "--strict", org); code != ExitFindings {
		t.Errorf("--strict with an unused suppression: exit %d, want 1", code)
	}
	if err := os.WriteFile(filepath.Join(org, ".sfguard.yaml"), []byte("version: 1\nfailOn: high\nrulez: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, nil, "scan", "--no-secrets", "-q", org)
	if code != ExitError || !strings.Contains(stderr, ".sfguard.yaml:3") {
		t.Errorf("unknown config key: exit %d, stderr %q (want exit 2 naming file and line)", code, stderr)
	}
}
