package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/testutil"
)

// TestUserErrors: each mistake a user makes on the command line or in the
// environment gets one line that says what is wrong and what is accepted,
// naming the variable when the value came from one.
func TestUserErrors(t *testing.T) {
	clean := filepath.Join(orgs, "hardened-source")
	notRepo := t.TempDir()
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"bool variable", []string{"scan", "-q", clean}, map[string]string{"SFGUARD_NO_SECRETS": "maybe"},
			`sfguard: SFGUARD_NO_SECRETS="maybe": want true or false (also 1/0, yes/no, on/off)` + "\n"},
		{"number variable", []string{"scan", "-q", clean}, map[string]string{"SFGUARD_JOBS": "many"},
			`sfguard: SFGUARD_JOBS="many": want a whole number` + "\n"},
		{"severity variable", []string{"scan", "-q", clean}, map[string]string{"SFGUARD_FAIL_ON": "severe"},
			`sfguard: SFGUARD_FAIL_ON: unknown severity "severe" (want one of info, low, medium, high, critical)` + "\n"},
		{"severity flag", []string{"scan", "-q", "--fail-on", "severe", clean}, nil,
			`sfguard: --fail-on: unknown severity "severe" (want one of info, low, medium, high, critical)` + "\n"},
		{"format variable", []string{"scan", "-q", clean}, map[string]string{"SFGUARD_FORMAT": "xml"},
			`sfguard: SFGUARD_FORMAT: unknown format "xml" (available: ` + formats() + ")\n"},
		{"jobs variable", []string{"scan", "-q", clean}, map[string]string{"SFGUARD_JOBS": "0"},
			"sfguard: SFGUARD_JOBS must be at least 1, got 0\n"},
		{"unknown extension", []string{"scan", "-q", "-o", "x.pdf", clean}, nil,
			`sfguard: --output-file x.pdf: cannot tell the format from the file name: extension ".pdf" is not one sfguard writes (known extensions: ` + extensions() + "; or write FORMAT=x.pdf with one of " + formats() + ")\n"},
		{"no extension", []string{"scan", "-q", "-o", "report", clean}, nil,
			`sfguard: --output-file report: cannot tell the format from the file name: no extension (known extensions: ` + extensions() + "; or write FORMAT=report with one of " + formats() + ")\n"},
		{"empty path", []string{"scan", "-q", "-o", "markdown=", clean}, nil,
			"sfguard: --output-file markdown=: no file name after '=' (write markdown=FILE)\n"},
		{"empty format", []string{"scan", "-q", "-o", "=out.md", clean}, nil,
			"sfguard: --output-file =out.md: no format before '=' (write FORMAT=FILE; formats: " + formats() + ")\n"},
		{"unknown format", []string{"scan", "-q", "-o", "pdf=out.pdf", clean}, nil,
			`sfguard: --output-file pdf=out.pdf: unknown format "pdf" (available: ` + formats() + ")\n"},
		{"staged outside git", []string{"secrets", "-q", "--staged", notRepo}, nil,
			"sfguard: --staged reads the staged content of the git index, but " + notRepo + " is not inside a git repository\n"},
		{"history outside git", []string{"secrets", "-q", "--history", notRepo}, nil,
			"sfguard: --history reads git history, but " + notRepo + " is not inside a git repository\n"},
		{"diff-base outside git", []string{"scan", "-q", "--diff-base", "main", notRepo}, nil,
			"sfguard: --diff-base compares with a git revision, but " + notRepo + " is not inside a git repository\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.env, tc.args...)
			if code != ExitError {
				t.Errorf("exit %d, want %d", code, ExitError)
			}
			if d := cmp.Diff(tc.want, stderr); d != "" {
				t.Errorf("stderr (-want +got):\n%s", d)
			}
		})
	}
}

// TestEnvBooleans: the spellings CI systems use for booleans all work.
func TestEnvBooleans(t *testing.T) {
	insecure := filepath.Join(orgs, "insecure-mdapi")
	for _, tc := range []struct {
		value string
		want  int
	}{{"true", ExitOK}, {"YES", ExitOK}, {"on", ExitOK}, {"1", ExitOK}, {"no", ExitFindings}, {"off", ExitFindings}, {"0", ExitFindings}, {"False", ExitFindings}} {
		code, _, stderr := runCLI(t, map[string]string{"SFGUARD_NO_FAIL": tc.value}, "scan", "--no-config", "--no-secrets", "-q", insecure)
		if code != tc.want {
			t.Errorf("SFGUARD_NO_FAIL=%s: exit %d, want %d (%s)", tc.value, code, tc.want, stderr)
		}
	}
}

// TestWriteBaselineAndStrict: writing a baseline says what was written and
// succeeds; a run that fails only because of --strict says so.
func TestWriteBaselineAndStrict(t *testing.T) {
	dir := t.TempDir()
	org := filepath.Join(dir, "org")
	testutil.CopyTree(t, filepath.Join(orgs, "insecure-mdapi"), org)
	base := filepath.Join(dir, "baseline.json")
	code, _, stderr := runCLI(t, nil, "scan", "--no-config", "--no-secrets", "-q", "--write-baseline", base, org)
	_, out, _ := scanJSON(t, "--no-secrets", org)
	wantWrote := "sfguard: wrote " + plural(len(out.Findings), "baseline entry", "baseline entries") + " to " + base +
		"; scans with --baseline " + base + " report only findings not in it\n"
	if d := cmp.Diff(wantWrote, stderr); d != "" || code != ExitOK {
		t.Errorf("--write-baseline: exit %d, stderr (-want +got):\n%s", code, d)
	}
	if code, _, stderr := runCLI(t, nil, "scan", "--no-config", "--no-secrets", "-q", "--baseline", base, org); code != ExitOK {
		t.Errorf("scan with the written baseline: exit %d: %s", code, stderr)
	}

	cfg := "version: 1\nsuppressions:\n  - rule: SFG-APP-001\n    component: ConnectedApp:Gone\n    reason: app deleted\n"
	testutil.WriteFile(t, org, ".sfguard.yaml", cfg)
	cfgPath := filepath.Join(org, ".sfguard.yaml")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string
	}{
		{"strict alone fails", []string{"--baseline", base, "--strict"}, ExitFindings,
			"sfguard: --strict fails the run: 1 suppression or baseline entry matched nothing or expired; remove or fix:\n" +
				"  " + cfgPath + ":3: suppression SFG-APP-001 on ConnectedApp:Gone matched no finding; remove it or fix its rule, component or path\n"},
		{"without strict it is a note", []string{"--baseline", base}, ExitOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"scan", "--no-secrets", "-q"}, tc.args...)
			code, _, stderr := runCLI(t, nil, append(args, org)...)
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d", code, tc.wantCode)
			}
			if d := cmp.Diff(tc.want, stderr); d != "" {
				t.Errorf("stderr (-want +got):\n%s", d)
			}
		})
	}
	if err := os.Remove(cfgPath); err != nil {
		t.Fatal(err)
	}
}

func formats() string { return "github, html, json, junit, markdown, sarif, text" }

func extensions() string {
	return ".htm, .html, .json, .junit.xml, .markdown, .md, .sarif, .sarif.json, .txt, .xml"
}

// TestSummaryCounts: the summary says what it counted.
func TestSummaryCounts(t *testing.T) {
	dir := t.TempDir()
	testutil.WriteFile(t, dir, "connectedApps/A.connectedApp", infiniteApp)
	testutil.WriteFile(t, dir, "connectedApps/B.connectedApp", infiniteApp)
	testutil.WriteFile(t, dir, "README.md", "nothing to see\n")
	cfg := testutil.WriteFile(t, t.TempDir(), "sfguard.yaml", "version: 1\nsuppressions:\n  - rule: \"*\"\n    component: ConnectedApp:B\n    reason: test\n")
	cleanDir := t.TempDir()
	testutil.WriteFile(t, cleanDir, "README.md", "nothing to see\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"findings", []string{"scan", "--no-config", dir}, "4 findings (2 high, 2 low) in 3 files read, 2 with findings; 4 at or above low."},
		{"threshold", []string{"scan", "--no-config", "--fail-on", "high", dir}, "4 findings (2 high, 2 low) in 3 files read, 2 with findings; 2 at or above high."},
		{"suppressed", []string{"scan", "--config", cfg, dir}, "2 findings (1 high, 1 low) in 3 files read, 1 with findings; 2 suppressed; 2 at or above low."},
		{"clean", []string{"scan", "--no-config", cleanDir}, "No findings in 1 file read."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, stdout, _ := runCLI(t, nil, tc.args...)
			lines := strings.Split(strings.TrimSpace(stdout), "\n")
			last := lines[len(lines)-1]
			if d := cmp.Diff(tc.want, last); d != "" {
				t.Errorf("summary (-want +got):\n%s", d)
			}
		})
	}
}

// TestInlineIgnoreWarnings: an sfguard-ignore that names an unknown rule or
// trails an element is a warning at its place (a note, a GitHub warning);
// it does not change the exit code. One without a reason is an input error.
func TestInlineIgnoreWarnings(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		wantCode int
		want     string
	}{
		{"unknown rule id", "        <refreshTokenPolicy>", "        <!-- sfguard-ignore SFG-APP-01: typo -->\n        <refreshTokenPolicy>", ExitFindings,
			"::warning file=connectedApps/A.connectedApp,line=13,endLine=13,col=9,title=sfguard note::sfguard-ignore names SFG-APP-01, which is not a loaded rule; it suppresses nothing (misspelt? 'sfguard rules' lists the ids)"},
		{"trailing", "<refreshTokenPolicy>infinite</refreshTokenPolicy>", "<refreshTokenPolicy>infinite</refreshTokenPolicy> <!-- sfguard-ignore SFG-APP-001: vendor -->", ExitFindings,
			"::warning file=connectedApps/A.connectedApp,line=12,endLine=12,col=9,title=sfguard note::sfguard-ignore SFG-APP-001 trails <refreshTokenPolicy> on its line and suppresses nothing; write it on its own line directly before the element"},
		{"no reason", "        <refreshTokenPolicy>", "        <!-- sfguard-ignore SFG-APP-001 -->\n        <refreshTokenPolicy>", ExitError,
			"::error file=connectedApps/A.connectedApp,line=13,endLine=13,col=9,title=sfguard%3A input problem::sfguard-ignore SFG-APP-001 has no reason; it is not applied (write <!-- sfguard-ignore SFG-APP-001: reason -->)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			testutil.WriteFile(t, dir, "connectedApps/A.connectedApp", strings.Replace(infiniteApp, tc.from, tc.to, 1))
			t.Chdir(dir)
			code, stdout, _ := runCLI(t, nil, "scan", "--no-config", "--no-secrets", "--format", "github", ".")
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d", code, tc.wantCode)
			}
			var got []string
			for _, l := range strings.Split(stdout, "\n") {
				if strings.Contains(l, "sfguard-ignore") {
					got = append(got, l)
				}
			}
			if d := cmp.Diff([]string{tc.want}, got); d != "" {
				t.Errorf("annotations (-want +got):\n%s", d)
			}
		})
	}
}
