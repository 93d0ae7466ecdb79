package diffbase

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/baseline"
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/testutil"
)

// tree lists the files under dir with their content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMaterialize(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	testutil.Git(t, repo, "init", "-q")
	testutil.WriteFile(t, repo, "force-app/main/default/connectedApps/A.connectedApp-meta.xml", "<ConnectedApp>base</ConnectedApp>\n")
	testutil.WriteFile(t, repo, "force-app/main/default/profiles/Admin.profile-meta.xml", "<Profile/>\n")
	testutil.WriteFile(t, repo, "docs/readme.md", "hello\n")
	// export-ignore must not hide files from the base scan.
	testutil.WriteFile(t, repo, ".gitattributes", "docs/** export-ignore\n")
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "base")
	testutil.Git(t, repo, "tag", "v1")

	// The PR: change one file, add one, delete one, leave uncommitted edits.
	testutil.WriteFile(t, repo, "force-app/main/default/connectedApps/A.connectedApp-meta.xml", "<ConnectedApp>head</ConnectedApp>\n")
	testutil.WriteFile(t, repo, "force-app/main/default/connectedApps/B.connectedApp-meta.xml", "<ConnectedApp>new</ConnectedApp>\n")
	testutil.Git(t, repo, "rm", "-q", "force-app/main/default/profiles/Admin.profile-meta.xml")
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "head")
	testutil.WriteFile(t, repo, "docs/readme.md", "dirty\n")
	statusBefore := testutil.Git(t, repo, "status", "--porcelain")
	worktreesBefore := testutil.Git(t, repo, "worktree", "list", "--porcelain")

	dir, cleanup, err := Materialize(repo, "v1")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		".gitattributes": "docs/** export-ignore\n",
		"docs/readme.md": "hello\n",
		"force-app/main/default/connectedApps/A.connectedApp-meta.xml": "<ConnectedApp>base</ConnectedApp>\n",
		"force-app/main/default/profiles/Admin.profile-meta.xml":       "<Profile/>\n",
	}
	if d := cmp.Diff(want, tree(t, dir)); d != "" {
		t.Errorf("base tree (-want +got):\n%s", d)
	}
	if got := testutil.Git(t, repo, "status", "--porcelain"); got != statusBefore {
		t.Errorf("the repository's index or work tree changed:\nbefore %q\nafter  %q", statusBefore, got)
	}
	if got := testutil.Git(t, repo, "worktree", "list", "--porcelain"); got != worktreesBefore {
		t.Errorf("a worktree was registered:\n%s", got)
	}
	if b, _ := os.ReadFile(filepath.Join(repo, "docs/readme.md")); string(b) != "dirty\n" {
		t.Error("uncommitted work was touched")
	}
	cleanup()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("cleanup left %s behind", dir)
	}

	// From a subdirectory, dir is that subdirectory of the base tree.
	sub := filepath.Join(repo, "force-app")
	dir, cleanup, err = Materialize(sub, "HEAD~1")
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	keys := func(m map[string]string) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	wantSub := []string{"main/default/connectedApps/A.connectedApp-meta.xml", "main/default/profiles/Admin.profile-meta.xml"}
	if d := cmp.Diff(wantSub, keys(tree(t, dir))); d != "" {
		t.Errorf("subdirectory tree (-want +got):\n%s", d)
	}

	// A directory that did not exist at the base revision is an empty base.
	testutil.WriteFile(t, repo, "newdir/x.txt", "x")
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "newdir")
	dir2, cleanup2, err := Materialize(filepath.Join(repo, "newdir"), "v1")
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup2()
	if got := tree(t, dir2); len(got) != 0 {
		t.Errorf("new directory at base = %v, want empty", got)
	}
}

func TestMaterializeErrors(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	testutil.Git(t, repo, "init", "-q")
	testutil.WriteFile(t, repo, "a.txt", "a")
	testutil.Git(t, repo, "add", "-A")
	testutil.Git(t, repo, "commit", "-q", "-m", "one")
	notRepo := t.TempDir()

	tests := []struct {
		name, dir, rev, want string
	}{
		{"unknown revision", repo, "origin/main", `--diff-base: unknown revision "origin/main" in ` + repo + " (in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)"},
		{"option-like revision", repo, "--output=/tmp/x", `--diff-base: invalid revision "--output=/tmp/x"`},
		{"empty revision", repo, "", "--diff-base: empty revision"},
		{"not a repository", notRepo, "HEAD", "--diff-base: " + notRepo + " is not inside a git repository"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, cleanup, err := Materialize(tt.dir, tt.rev)
			if err == nil {
				cleanup()
				t.Fatalf("want an error, got dir %s", dir)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %q, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestNew(t *testing.T) {
	mk := func(rule, comp, path, value string, line int) finding.Finding {
		return finding.Finding{RuleID: rule, Kind: finding.KindMetadata, ComponentType: "ConnectedApp", ComponentName: comp, ValueHash: value,
			Location: finding.Location{File: "connectedApps/" + comp + ".connectedApp-meta.xml", Line: line, ElementPath: path}}
	}
	base := []finding.Finding{
		mk("SFG-CA-001", "A", "/ConnectedApp/oauthPolicy/refreshTokenPolicy", "infinite", 10),
		mk("SFG-CA-002", "A", "/ConnectedApp/oauthConfig/scopes[1]", "Full", 5),
	}
	head := []finding.Finding{
		mk("SFG-CA-002", "A", "/ConnectedApp/oauthConfig/scopes[3]", "Full", 8),               // same problem, moved: old
		mk("SFG-CA-001", "A", "/ConnectedApp/oauthPolicy/refreshTokenPolicy", "infinite", 14), // old
		mk("SFG-CA-001", "B", "/ConnectedApp/oauthPolicy/refreshTokenPolicy", "infinite", 14), // new app: new
		mk("SFG-CA-002", "A", "/ConnectedApp/oauthConfig/scopes[4]", "Full", 9),               // a second Full: new
	}
	baseline.Assign(head)
	got := New(head, base)
	var view []string
	for _, f := range got {
		view = append(view, f.RuleID+" "+f.ComponentName+" "+f.ElementPath)
	}
	want := []string{
		"SFG-CA-001 B /ConnectedApp/oauthPolicy/refreshTokenPolicy",
		"SFG-CA-002 A /ConnectedApp/oauthConfig/scopes[4]",
	}
	if d := cmp.Diff(want, view); d != "" {
		t.Errorf("new findings (-want +got):\n%s", d)
	}
	if got := New(head, nil); len(got) != len(head) {
		t.Errorf("against an empty base every finding is new: %d of %d", len(got), len(head))
	}
}
