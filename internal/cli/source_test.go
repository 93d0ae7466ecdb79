package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
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

const hardenedApp = "force-app/main/default/connectedApps/Order_Sync_JWT.connectedApp-meta.xml"

// hardenedRepo is a git repository holding the hardened source org,
// committed on main; the working directory is its root.
func hardenedRepo(t *testing.T) string {
	t.Helper()
	repo := t.TempDir()
	testutil.CopyTree(t, filepath.Join(orgs, "hardened-source"), repo)
	testutil.Git(t, repo, "init", "-q")
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "base")
	t.Chdir(repo)
	return repo
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestStagedMetadataReadsIndex: silent pass 2. An insecure app is staged,
// then the file on disk is reverted without re-staging: the commit would
// hold the insecure content, and --staged reports it from the index.
func TestStagedMetadataReadsIndex(t *testing.T) {
	repo := hardenedRepo(t)
	app := filepath.Join(repo, hardenedApp)
	secure := readFile(t, app)
	edit(t, app, infiniteRefresh...)
	testutil.Git(t, repo, "add", "-A")
	testutil.WriteFile(t, repo, hardenedApp, secure)

	code, out, stderr := scanJSON(t, "--staged")
	if code != ExitFindings || !hasRule(out, "SFG-APP-001", hardenedApp) {
		t.Errorf("--staged: exit %d, findings %v; stderr %s", code, ruleFiles(out), stderr)
	}
	// The hook's form: metadata only, no file names.
	code, out, _ = scanJSON(t, "--staged", "--no-secrets")
	if code != ExitFindings || !hasRule(out, "SFG-APP-001", hardenedApp) {
		t.Errorf("--staged --no-secrets: exit %d, findings %v", code, ruleFiles(out))
	}
	// The work tree itself is secure.
	if _, out, _ = scanJSON(t, "."); hasRule(out, "SFG-APP-001", hardenedApp) {
		t.Errorf("the work tree scan reports the staged content: %v", ruleFiles(out))
	}
}

// TestGitIgnoreDoesNotHideGitContent: .gitignore keeps untracked files out
// of git; it does not apply to what is in git. A credential staged with
// `git add -f` despite a .gitignore pattern is reported by --staged, and
// one committed that way by PR mode.
func TestGitIgnoreDoesNotHideGitContent(t *testing.T) {
	repo := hardenedRepo(t)
	testutil.WriteFile(t, repo, ".gitignore", "*.properties\n")
	testutil.Git(t, repo, "add", ".gitignore")
	testutil.Git(t, repo, "commit", "-q", "-m", "ignore properties")
	testutil.Git(t, repo, "tag", "base")
	testutil.WriteFile(t, repo, "config/build.properties", buildProps)
	testutil.Git(t, repo, "add", "-f", "config/build.properties")

	code, out, stderr := scanJSON(t, "--staged")
	if code != ExitFindings || !hasRule(out, "SFG-SEC-", "config/build.properties") {
		t.Errorf("--staged: exit %d, findings %v; stderr %s", code, ruleFiles(out), stderr)
	}
	testutil.Git(t, repo, "commit", "-q", "-m", "force-added")
	code, out, stderr = scanJSON(t, "--diff-base", "base", ".")
	if code != ExitFindings || !hasRule(out, "SFG-SEC-", "config/build.properties") {
		t.Errorf("--diff-base: exit %d, findings %v; stderr %s", code, ruleFiles(out), stderr)
	}
	code, out, stderr = scanJSON(t, "--since", "base")
	if code != ExitFindings || !hasRule(out, "SFG-SEC-", "config/build.properties") {
		t.Errorf("--since: exit %d, findings %v; stderr %s", code, ruleFiles(out), stderr)
	}
}

// TestStagedReadsProjectFilesFromIndex: what decides which staged files
// are metadata (sfdx-project.json, .forceignore) is read from the index
// too. An unstaged local edit that would hide the staged insecure app from
// the metadata rules (a .forceignore line, a package directory elsewhere)
// does not hide it; a staged one does.
func TestStagedReadsProjectFilesFromIndex(t *testing.T) {
	repo := hardenedRepo(t)
	edit(t, filepath.Join(repo, hardenedApp), infiniteRefresh...)
	testutil.Git(t, repo, "add", "-A")
	forceignore := readFile(t, filepath.Join(repo, ".forceignore"))
	project := readFile(t, filepath.Join(repo, "sfdx-project.json"))

	testutil.WriteFile(t, repo, ".forceignore", forceignore+"\n**/connectedApps/**\n")
	testutil.WriteFile(t, repo, "sfdx-project.json", strings.Replace(project, `"path": "force-app"`, `"path": "elsewhere"`, 1))
	code, out, stderr := scanJSON(t, "--staged", "--no-secrets")
	if code != ExitFindings || !hasRule(out, "SFG-APP-001", hardenedApp) {
		t.Errorf("unstaged project edits hid the staged app: exit %d, findings %v; stderr %s", code, ruleFiles(out), stderr)
	}

	testutil.WriteFile(t, repo, "sfdx-project.json", project)
	testutil.Git(t, repo, "add", ".forceignore", "sfdx-project.json")
	if _, out, _ = scanJSON(t, "--staged", "--no-secrets"); hasRule(out, "SFG-APP-001", hardenedApp) {
		t.Errorf("a staged .forceignore line did not keep the app from the metadata rules: %v", ruleFiles(out))
	}
}

// TestDiffBaseUncommittedCredentials: silent pass 3. PR mode reports a
// credential in a file that is not committed yet, not one that was already
// on the base, and one committed and removed again within the change.
func TestDiffBaseUncommittedCredentials(t *testing.T) {
	repo := hardenedRepo(t)
	old := strings.Replace(buildProps, "Kp3vQ9", "Mx8rT2", 1)
	testutil.WriteFile(t, repo, "config/old.properties", old)
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "old credential")
	testutil.Git(t, repo, "tag", "base")
	gone := strings.Replace(buildProps, "Kp3vQ9", "Qw4eR5", 1)
	testutil.WriteFile(t, repo, "config/gone.properties", gone)
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "oops")
	testutil.Git(t, repo, "rm", "-q", "config/gone.properties")
	testutil.Git(t, repo, "commit", "-q", "-m", "remove it")
	testutil.WriteFile(t, repo, "build.properties", buildProps) // untracked

	code, out, stderr := scanJSON(t, "--diff-base", "base", ".")
	if code != ExitFindings {
		t.Fatalf("exit %d; stderr %s", code, stderr)
	}
	if !hasRule(out, "SFG-SEC-", "build.properties") {
		t.Errorf("uncommitted credential not reported: %v", ruleFiles(out))
	}
	if !hasRule(out, "SFG-SEC-", "config/gone.properties") {
		t.Errorf("credential committed and removed in the change not reported: %v", ruleFiles(out))
	}
	if hasRule(out, "SFG-SEC-", "config/old.properties") {
		t.Errorf("credential already on the base reported: %v", ruleFiles(out))
	}
}

// TestGitModesFilterPaths: silent pass 4. In --diff-base, --since and
// --history the credential scan honours path arguments, --exclude and the
// configuration's exclude.
func TestGitModesFilterPaths(t *testing.T) {
	repo := hardenedRepo(t)
	testutil.Git(t, repo, "tag", "base")
	testutil.WriteFile(t, repo, ".sfguard.yaml", "version: 1\nexclude:\n  - scripts/**\n")
	for _, dir := range []string{"scripts", "ci", "force-app"} {
		testutil.WriteFile(t, repo, dir+"/deploy.properties", strings.Replace(buildProps, "Kp3vQ9", dir[:2]+"3vQ9", 1))
	}
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "credentials")

	files := func(args ...string) []string {
		t.Helper()
		_, stdout, stderr := runCLI(t, nil, append([]string{"secrets", "--format", "json"}, args...)...)
		var out jsonOut
		if err := json.Unmarshal([]byte(stdout), &out); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
		seen := map[string]bool{}
		var got []string
		for _, f := range out.Findings {
			if !seen[f.File] {
				seen[f.File] = true
				got = append(got, f.File)
			}
		}
		sort.Strings(got)
		return got
	}
	for _, mode := range [][]string{{"--history"}, {"--since", "base"}, {"--diff-base", "base"}} {
		t.Run(mode[0], func(t *testing.T) {
			if diff := cmp.Diff([]string{"ci/deploy.properties", "force-app/deploy.properties"}, files(mode...)); diff != "" {
				t.Errorf("config exclude (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"force-app/deploy.properties"}, files(append(mode, "--exclude", "ci/**")...)); diff != "" {
				t.Errorf("--exclude (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"ci/deploy.properties"}, files(append(mode, "ci")...)); diff != "" {
				t.Errorf("path argument (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSameScanFromThreeDirectories: silent pass 5. Exclude and suppression
// patterns are anchored at the configuration file's directory, so the same
// scan from the project's parent, its root and a subfolder finds the same
// things, and --strict does not fail on a suppression that matched. The
// credential half too: fingerprints, secret_allow_paths and the docs hint
// that lowers a severity see the path from the project root, not from the
// working directory.
func TestSameScanFromThreeDirectories(t *testing.T) {
	parent := t.TempDir()
	proj := filepath.Join(parent, "proj")
	testutil.CopyTree(t, filepath.Join(orgs, "insecure-source"), proj)
	testutil.WriteFile(t, proj, ".sfguard.yaml", `version: 1
exclude:
  - force-app/main/default/profiles/**
suppressions:
  - rule: SFG-APP-*
    path: force-app/**/Mail_Marketing*
    reason: retired app, removal tracked in OPS-12
params:
  secret_allow_paths: [config/allowed/**]
`)
	testutil.WriteFile(t, proj, "config/allowed/build.properties", buildProps)
	testutil.WriteFile(t, proj, "docs/deploy/build.properties", buildProps)
	testutil.WriteFile(t, proj, "build.properties", buildProps)
	type run struct{ cwd, arg string }
	runs := []run{{parent, "proj"}, {proj, "."}, {filepath.Join(proj, "force-app"), ".."}}
	var first []string
	for i, r := range runs {
		t.Chdir(r.cwd)
		code, stdout, stderr := runCLI(t, nil, "scan", "--format", "json", "--strict", "--show-suppressed", r.arg)
		var out jsonOut
		if err := json.Unmarshal([]byte(stdout), &out); err != nil {
			t.Fatalf("from %s: %v\n%s", r.cwd, err, stderr)
		}
		if code == ExitError || strings.Contains(stderr, "unused") || strings.Contains(stderr, "matched no finding") {
			t.Errorf("from %s: exit %d; stderr %s", r.cwd, code, stderr)
		}
		var got []string
		for _, f := range out.Findings {
			rel, err := filepath.Rel(proj, filepath.Join(r.cwd, f.File))
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(rel, "force-app/main/default/profiles/") {
				t.Errorf("from %s: excluded file reported: %s", r.cwd, rel)
			}
			if strings.HasPrefix(rel, "config/allowed/") {
				t.Errorf("from %s: allowlisted file reported: %s", r.cwd, rel)
			}
			got = append(got, strings.Join([]string{f.RuleID, f.Severity, filepath.ToSlash(rel), f.ComponentName, f.Fingerprint}, " "))
		}
		sort.Strings(got)
		if i == 0 {
			first = got
			if len(got) == 0 {
				t.Fatal("no findings at all")
			}
			var secrets []string
			for _, g := range got {
				if strings.Contains(g, "build.properties") {
					secrets = append(secrets, g)
				}
			}
			if len(secrets) != 2 {
				t.Errorf("want the credential reported in build.properties and docs/deploy/build.properties, got %q", secrets)
			}
			continue
		}
		if diff := cmp.Diff(first, got); diff != "" {
			t.Errorf("from %s vs from %s (-first +this):\n%s", runs[0].cwd, r.cwd, diff)
		}
	}
}

// TestWalkDiagnosticsOnce (issue 11.7): a problem found while listing the
// input is reported once, not once per half of the scan, in every format.
func TestWalkDiagnosticsOnce(t *testing.T) {
	dir := t.TempDir()
	testutil.WriteFile(t, dir, "sfdx-project.json", `{"packageDirectories": [`)
	testutil.WriteFile(t, dir, "force-app/profiles/Admin.profile-meta.xml", "<Profile/>")
	t.Chdir(dir)
	for _, format := range []string{"text", "json", "github"} {
		code, stdout, stderr := runCLI(t, nil, "scan", "--no-config", "--format", format, ".", "missing")
		if code != ExitError {
			t.Errorf("%s: exit %d, want %d", format, code, ExitError)
		}
		all := stdout + stderr
		for _, needle := range []string{"malformed sfdx-project.json", "missing"} {
			n := strings.Count(all, needle)
			if format != "text" {
				// The report has it once; stderr repeats it once so a
				// machine-readable stdout does not hide it.
				n -= strings.Count(stderr, needle)
			}
			if n != 1 {
				t.Errorf("%s: %q appears %d times:\n%s", format, needle, n, all)
			}
		}
	}
}

// TestGitRunsNoRepositoryCommands (issue 11.6): the scanned repository's
// own configuration cannot make sfguard run commands: no fsmonitor hook,
// no smudge, clean or textconv filter, in any git mode.
func TestGitRunsNoRepositoryCommands(t *testing.T) {
	repo := hardenedRepo(t)
	marker := filepath.Join(t.TempDir(), "ran")
	hook := testutil.WriteFile(t, t.TempDir(), "hook.sh", "#!/bin/sh\necho \"$0 $*\" >> "+marker+"\ncat\n")
	if err := os.Chmod(hook, 0o755); err != nil {
		t.Fatal(err)
	}
	testutil.WriteFile(t, repo, ".gitattributes", "*.properties filter=evil diff=evil\n*.xml filter=evil diff=evil\n")
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "attributes")
	testutil.Git(t, repo, "tag", "base")
	for _, kv := range [][2]string{
		{"core.fsmonitor", hook},
		{"filter.evil.smudge", hook},
		{"filter.evil.clean", hook},
		{"filter.evil.required", "true"},
		{"diff.evil.textconv", hook},
		{"diff.external", hook},
	} {
		testutil.Git(t, repo, "config", kv[0], kv[1])
	}
	if err := os.Remove(marker); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	testutil.WriteFile(t, repo, "build.properties", buildProps)
	edit(t, filepath.Join(repo, hardenedApp), infiniteRefresh...)
	// Staging runs the clean filter in the test's own git; that is not
	// sfguard's doing, so the marker is cleared afterwards.
	testutil.Git(t, repo, "-c", "filter.evil.clean=cat", "-c", "core.fsmonitor=false", "add", "build.properties")
	for _, args := range [][]string{
		{"scan", "--staged"},
		{"scan", "--diff-base", "base", "."},
		{"secrets", "--since", "base"},
		{"secrets", "--history"},
	} {
		_ = os.Remove(marker)
		code, _, stderr := runCLI(t, nil, append(args, "--no-config", "-q")...)
		if code == ExitError {
			t.Errorf("%v: exit 2: %s", args, stderr)
		}
		if b, err := os.ReadFile(marker); err == nil {
			t.Errorf("%v ran a command configured by the scanned repository:\n%s", args, b)
		}
	}
}

// runIn runs sfguard in dir with stdin and returns stdout, failing on exit
// code 2.
func runIn(t *testing.T, dir, stdin string, args ...string) string {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	e := env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	if code := run(append([]string{"scan", "--format", "json", "--no-config"}, args...), e); code == ExitError {
		t.Fatalf("%v in %s: exit 2: %s", args, dir, errb.String())
	}
	return out.String()
}

// TestSameBytesFromEverySource: the same content gives byte-identical JSON
// whether it is read from the work tree, the index, a zip or stdin. A zip
// entry's path necessarily names the archive ("org.zip!/…"), and a
// credential's fingerprint includes its path, so for the zip those two are
// normalised and everything else is compared byte for byte.
func TestSameBytesFromEverySource(t *testing.T) {
	files := map[string]string{
		"connectedApps/ERP_Order_Sync.connectedApp": insecureApp(t),
		"config/build.properties":                   buildProps,
	}
	work := t.TempDir()
	for p, c := range files {
		testutil.WriteFile(t, work, p, c)
	}
	want := runIn(t, work, "", ".")
	if !strings.Contains(want, "SFG-SEC-") || !strings.Contains(want, "SFG-APP-") {
		t.Fatalf("the work tree scan misses a half:\n%s", want)
	}

	index := t.TempDir()
	for p, c := range files {
		testutil.WriteFile(t, index, p, c)
	}
	testutil.Git(t, index, "init", "-q")
	testutil.Git(t, index, "add", "-A")
	for p := range files {
		// The work tree differs from the index; only the index counts.
		testutil.WriteFile(t, index, p, "changed after staging\n")
	}
	if diff := cmp.Diff(want, runIn(t, index, "", "--staged")); diff != "" {
		t.Errorf("index vs work tree (-work +index):\n%s", diff)
	}

	zdir := t.TempDir()
	if err := os.WriteFile(filepath.Join(zdir, "org.zip"), zipBytes(t, files), 0o644); err != nil {
		t.Fatal(err)
	}
	fromZip := runIn(t, zdir, "", "org.zip")
	if diff := cmp.Diff(normaliseZip(t, want), normaliseZip(t, strings.ReplaceAll(fromZip, "org.zip!/", ""))); diff != "" {
		t.Errorf("zip vs work tree (-work +zip):\n%s", diff)
	}

	for p, c := range files {
		single := runIn(t, work, "", p)
		if diff := cmp.Diff(single, runIn(t, work, c, "--stdin", "--stdin-filename", p)); diff != "" {
			t.Errorf("%s: stdin vs work tree (-work +stdin):\n%s", p, diff)
		}
	}
}

// normaliseZip blanks the fingerprints of credential findings, which hash
// the file path.
func normaliseZip(t *testing.T, s string) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	fs, _ := v["findings"].([]any)
	for _, f := range fs {
		m := f.(map[string]any)
		if strings.HasPrefix(m["ruleId"].(string), "SFG-SEC-") {
			m["fingerprint"] = ""
		}
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPartialScanKeepsSuppressions: a pre-commit style scan of one file
// does not call the suppressions for the rest of the tree unused, and
// --strict does not fail on them; a scan of the whole tree still does.
func TestPartialScanKeepsSuppressions(t *testing.T) {
	proj := t.TempDir()
	testutil.CopyTree(t, filepath.Join(orgs, "insecure-source"), proj)
	testutil.WriteFile(t, proj, ".sfguard.yaml", `version: 1
suppressions:
  - rule: SFG-APP-*
    path: force-app/**/No_Such_App*
    reason: kept for the test
`)
	testutil.WriteFile(t, proj, "build.properties", "sf.username = deploy@acme.com\n")
	t.Chdir(proj)
	code, _, stderr := runCLI(t, nil, "scan", "--strict", "-q", "build.properties")
	if code != ExitOK || strings.Contains(stderr, "matched no finding") {
		t.Errorf("partial scan: exit %d; stderr %s", code, stderr)
	}
	code, _, stderr = runCLI(t, nil, "scan", "--strict", "--no-fail", "-q", ".")
	if code != ExitFindings || !strings.Contains(stderr, "matched no finding") {
		t.Errorf("whole tree: exit %d, want the unused suppression to fail --strict; stderr %s", code, stderr)
	}
}

// TestZipDuplicateEntriesBothChecked (issue 11.2): the second copy of a
// duplicated entry name, the one unzip keeps, is checked too, and the run
// reports the archive as an input problem.
func TestZipDuplicateEntriesBothChecked(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	hardened := readFile(t, filepath.Join(orgs, "hardened-source", hardenedApp))
	for _, content := range []string{hardened, insecureApp(t)} {
		w, err := zw.Create("unpackaged/connectedApps/ERP_Order_Sync.connectedApp")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	testutil.WriteFile(t, dir, "org.zip", buf.String())
	t.Chdir(dir)
	code, out, _ := scanJSON(t, "org.zip")
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	if !hasRule(out, "SFG-APP-", "org.zip!/unpackaged/connectedApps/ERP_Order_Sync.connectedApp") {
		t.Errorf("the second copy was not checked: %v", ruleFiles(out))
	}
	found := false
	for _, d := range out.Diagnostics {
		found = found || strings.Contains(d.Message, "duplicate entry name")
	}
	if !found {
		t.Errorf("no input problem for the duplicate: %+v", out.Diagnostics)
	}
}

// TestStagedZipScannedByBothHalves: an archive in the index is opened like
// one in the work tree.
func TestStagedZipScannedByBothHalves(t *testing.T) {
	zb := zipBytes(t, map[string]string{
		"unpackaged/connectedApps/ERP_Order_Sync.connectedApp": insecureApp(t),
		"unpackaged/build.properties":                          buildProps,
	})
	repo := hardenedRepo(t)
	testutil.WriteFile(t, repo, "retrieves/org.zip", string(zb))
	testutil.Git(t, repo, "add", "-A")
	code, out, stderr := scanJSON(t, "--staged")
	if code != ExitFindings {
		t.Fatalf("exit %d; stderr %s", code, stderr)
	}
	if !hasRule(out, "SFG-APP-", "retrieves/org.zip!/unpackaged/connectedApps/ERP_Order_Sync.connectedApp") ||
		!hasRule(out, "SFG-SEC-", "retrieves/org.zip!/unpackaged/build.properties") {
		t.Errorf("findings %v", ruleFiles(out))
	}
}

// TestHistoryOpensCommittedZips: git prints no diff for an archive, so a
// zip a commit adds is opened and its entries are scanned with the commit.
func TestHistoryOpensCommittedZips(t *testing.T) {
	zb := zipBytes(t, map[string]string{"unpackaged/build.properties": buildProps})
	repo := hardenedRepo(t)
	testutil.WriteFile(t, repo, "retrieves/org.zip", string(zb))
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "add a retrieve")
	sha := strings.TrimSpace(testutil.Git(t, repo, "rev-parse", "HEAD"))
	testutil.Git(t, repo, "rm", "-q", "retrieves/org.zip")
	testutil.Git(t, repo, "commit", "-q", "-m", "remove it")
	_, stdout, stderr := runCLI(t, nil, "secrets", "--history", "--format", "json")
	if !strings.Contains(stdout, `"file": "retrieves/org.zip!/unpackaged/build.properties"`) || !strings.Contains(stdout, sha) {
		t.Errorf("the credential in the committed zip is not reported with its commit:\n%s\n%s", stdout, stderr)
	}
}
