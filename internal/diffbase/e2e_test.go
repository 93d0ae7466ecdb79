package diffbase_test

import (
	"context"
	"fmt"
	"os/exec"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/scan"
	"github.com/sfguard/sfguard/internal/testutil"
)

const app = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>ops@example.com</contactEmail>
    <label>%s</label>
    <oauthConfig>
        <callbackUrl>https://%s.example.com/oauth/callback</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <isPkceRequired>true</isPkceRequired>
        <isRefreshTokenRotationEnabled>true</isRefreshTokenRotationEnabled>
        <scopes>Api</scopes>
        <scopes>RefreshToken</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>%s</ipRelaxation>
        <refreshTokenPolicy>infinite</refreshTokenPolicy>
    </oauthPolicy>
</ConnectedApp>
`

// TestPRMode runs the pipeline in PR mode on a repository the test creates:
// a problem that already existed at the base is not reported, one the
// change introduces is, and a policy the change relaxes is reported as a
// privilege delta.
func TestPRMode(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	testutil.Git(t, repo, "init", "-q")
	dir := "force-app/main/default/connectedApps/"
	testutil.WriteFile(t, repo, dir+"Legacy.connectedApp-meta.xml", fmt.Sprintf(app, "Legacy", "legacy", "ENFORCE"))
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "base")
	testutil.Git(t, repo, "tag", "base")

	// The change: reformat the old app and relax its IP restrictions, and
	// add a new app with the same refresh-token problem.
	testutil.WriteFile(t, repo, dir+"Legacy.connectedApp-meta.xml", "<!-- edited -->\n"+fmt.Sprintf(app, "Legacy", "legacy", "BYPASS"))
	testutil.WriteFile(t, repo, dir+"Fresh.connectedApp-meta.xml", fmt.Sprintf(app, "Fresh", "fresh", "ENFORCE"))
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "head")

	run := func(diffBase string) []string {
		t.Helper()
		res, err := scan.Run(context.Background(), &scan.Settings{
			Paths: []string{repo}, RepoDir: repo, Metadata: true, Jobs: 1, Config: &config.Config{},
			FailOn: finding.Low, Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
			DiffBase: diffBase, Tool: "sfguard", Version: "test",
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Report.Diagnostics) > 0 {
			t.Fatalf("diagnostics: %v", res.Report.Diagnostics)
		}
		var got []string
		for _, f := range res.Report.Active() {
			got = append(got, f.RuleID+" "+f.ComponentName)
		}
		sort.Strings(got)
		return got
	}

	full := run("")
	pr := run("base")

	has := func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	type check struct {
		What         string
		InFull, InPR bool
	}
	got := []check{
		{"SFG-APP-001 Legacy", has(full, "SFG-APP-001 Legacy"), has(pr, "SFG-APP-001 Legacy")},
		{"SFG-APP-001 Fresh", has(full, "SFG-APP-001 Fresh"), has(pr, "SFG-APP-001 Fresh")},
		{"SFG-DELTA-004 Legacy", has(full, "SFG-DELTA-004 Legacy"), has(pr, "SFG-DELTA-004 Legacy")},
	}
	want := []check{
		{"SFG-APP-001 Legacy", true, false}, // existed at base: not blamed on the change
		{"SFG-APP-001 Fresh", true, true},   // introduced by the change
		{"SFG-DELTA-004 Legacy", false, true},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s\nfull scan: %v\nPR mode: %v", d, full, pr)
	}
}
