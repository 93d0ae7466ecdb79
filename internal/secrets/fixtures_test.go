package secrets_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/secrets"
	"github.com/sfguard/sfguard/policy"
)

const fixtureRoot = "../../fixtures/secrets"

// listFiles returns the slash paths of every file below root, sorted.
func listFiles(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// evalTree scans a fixture tree the way the CLI does: collect apps for
// correlation, scan every file, run the built-in secret rules.
func evalTree(t *testing.T, root string) []string {
	t.Helper()
	paths := listFiles(t, root)
	var appBlobs []secrets.Blob
	for _, p := range paths {
		if secrets.IsAppMetadata(p) {
			data, err := os.ReadFile(filepath.Join(root, p))
			if err != nil {
				t.Fatal(err)
			}
			appBlobs = append(appBlobs, secrets.Blob{Path: p, Data: data})
		}
	}
	apps, diags := secrets.CollectApps(appBlobs)
	if len(diags) != 0 {
		t.Fatalf("app diagnostics: %v", diags)
	}
	res := secrets.ScanFiles(root, paths, secrets.Options{Apps: apps})
	if len(res.Diagnostics) != 0 || len(res.Notes) != 0 {
		t.Fatalf("diagnostics %v notes %v", res.Diagnostics, res.Notes)
	}
	eng, err := policy.New(policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in := make([]policy.SecretInput, len(res.Candidates))
	for i, c := range res.Candidates {
		in[i] = policy.SecretInput{Detector: c.Detector, Location: c.Location, Secret: c.Secret, Commit: c.Commit, Fields: c.Fields}
	}
	fs, pdiags := eng.EvalSecrets(context.Background(), in, 2)
	if len(pdiags) != 0 {
		t.Fatalf("policy diagnostics: %v", pdiags)
	}
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%d %s %s | %s", f.File, f.Line, f.RuleID, f.Severity, f.Message))
	}
	return out
}

// TestFixturesPositive: every planted credential in fixtures/secrets/positive
// is reported once, by the right rule, with the right severity.
func TestFixturesPositive(t *testing.T) {
	got := evalTree(t, filepath.Join(fixtureRoot, "positive"))
	var short []string
	for _, g := range got {
		short = append(short, g[:strings.Index(g, " | ")])
	}
	want := []string{
		".env.ci:3 SFG-SEC-006 critical",
		".env.ci:4 SFG-SEC-006 critical",
		".env.ci:5 SFG-SEC-003 critical",
		"build.properties:3 SFG-SEC-006 critical",
		"certs/server.key:1 SFG-SEC-007 critical",
		"config/prod-auth.json:8 SFG-SEC-003 critical",
		"dataloader/config.properties:3 SFG-SEC-005 info",
		"dataloader/config.properties:4 SFG-SEC-004 critical",
		"dataloader/config.properties:5 SFG-SEC-001 critical",
		"dataloader/config.properties:6 SFG-SEC-002 critical",
		"dataloader/encrypted/process-conf.xml:7 SFG-SEC-006 low",
		"dataloader/process-conf.xml:10 SFG-SEC-006 critical",
		"force-app/main/default/authproviders/Okta.authprovider-meta.xml:5 SFG-SEC-004 critical",
		"force-app/main/default/customMetadata/Integration_Setting.Erp.md-meta.xml:11 SFG-SEC-009 high",
		"force-app/main/default/externalCredentials/Erp.externalCredential-meta.xml:14 SFG-SEC-009 high",
		"force-app/main/default/namedCredentials/Erp_Legacy.namedCredential-meta.xml:8 SFG-SEC-009 high",
		"home/.sfdx/ci-bot@acme.com.json:2 SFG-SEC-008 high",
		"home/.sfdx/key.json:1 SFG-SEC-008 critical",
		"integration/mule.properties:2 SFG-SEC-005 info",
		"integration/mule.properties:3 SFG-SEC-004 critical",
		"ops/curl-limits.sh:3 SFG-SEC-001 critical",
		"scripts/export.js:6 SFG-SEC-006 critical",
		"scripts/sync_accounts.py:7 SFG-SEC-006 critical",
		"scripts/sync_accounts.py:8 SFG-SEC-006 critical",
	}
	if d := cmp.Diff(want, short); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	// Correlation names the connected app defined in the same tree.
	wantMsg := "integration/mule.properties:3 SFG-SEC-004 critical | OAuth consumer secret [consumer secret, 64 chars, fp db12d671] under salesforce.consumer_secret: " +
		"with the consumer key it authenticates as the app. It belongs to connected app Mule_Integration (scopes: Api, Full, RefreshToken; " +
		"refresh tokens: infinite; IP relaxation: BYPASS; all users may self-authorize)."
	found := false
	for _, g := range got {
		found = found || g == wantMsg
	}
	if !found {
		t.Errorf("no finding reads %q", wantMsg)
	}
	// No message carries more of a secret than its redacted prefix.
	for _, p := range listFiles(t, filepath.Join(fixtureRoot, "positive")) {
		data, err := os.ReadFile(filepath.Join(fixtureRoot, "positive", p))
		if err != nil {
			t.Fatal(err)
		}
		for _, tok := range strings.FieldsFunc(string(data), func(r rune) bool { return strings.ContainsRune(" \t\n\"'=:<>,()", r) }) {
			if len(tok) < 12 || !strings.ContainsAny(tok, "0123456789") {
				continue
			}
			for _, g := range got {
				if strings.Contains(g, tok) {
					t.Errorf("%s: a message contains the file's value %.4s…", p, tok)
				}
			}
		}
	}
}

// TestFixturesNegative: a corpus of realistic files without credentials
// (Apex tests with fake ids, LWC jest mocks, docs explaining token formats,
// .env.example, CI files reading secrets from the environment, merge fields,
// a UTF-16 script) yields nothing above info.
func TestFixturesNegative(t *testing.T) {
	root := filepath.Join(fixtureRoot, "negative")
	if n := len(listFiles(t, root)); n < 30 {
		t.Fatalf("the negative corpus has %d files; keep at least 30", n)
	}
	var above []string
	for _, g := range evalTree(t, root) {
		if !strings.Contains(g, " info | ") {
			above = append(above, g)
		}
	}
	if d := cmp.Diff([]string(nil), above); d != "" {
		t.Errorf("negative fixtures must give nothing above info (-want +got):\n%s", d)
	}
}
