package source

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/secrets"
	"github.com/sfguard/sfguard/internal/testutil"
)

// repo is a real git repository in a temp dir.
type repo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	r := &repo{t: t, dir: t.TempDir()}
	t.Chdir(r.dir)
	r.git("init", "-q", "-b", "main")
	r.git("config", "user.name", "Dev One")
	r.git("config", "user.email", "dev1@example.com")
	r.git("config", "commit.gpgsign", "false")
	return r
}

func (r *repo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2026-01-02T03:04:05Z", "GIT_COMMITTER_DATE=2026-01-02T03:04:05Z")
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func (r *repo) write(p, content string) {
	r.t.Helper()
	full := filepath.Join(r.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *repo) commit(msg string) string {
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
	return r.git("rev-parse", "HEAD")
}

type blobView struct {
	Path          string
	Data          string
	LineMap       []int
	Changed       []LineRange
	FilterChanged bool
	SHA           string
	Date          string
	Author        string
	Source        string
}

func view(fs []File) []blobView {
	out := []blobView{}
	for _, f := range fs {
		data, _ := f.Read()
		v := blobView{Path: f.Path, Data: string(data), LineMap: f.LineMap, Changed: f.Changed,
			FilterChanged: f.FilterChanged, Source: string(f.Origin.Kind)}
		if f.Origin.Commit != nil {
			v.SHA, v.Date, v.Author = f.Origin.Commit.SHA, f.Origin.Commit.Date, f.Origin.Commit.Author
		}
		out = append(out, v)
	}
	return out
}

func staged(dir string) ([]File, error) {
	fs, _, err := Staged(dir, nil, Options{})
	return fs, err
}

func since(dir, rev string) ([]File, error) {
	fs, _, err := Since(dir, rev, nil, Options{})
	return fs, err
}

func TestStagedReadsIndexNotWorkTree(t *testing.T) {
	r := newRepo(t)
	r.write("build.properties", "sf.username=admin@acme.com\nsf.serverurl=https://login.salesforce.com\n")
	r.write("old name.txt", "unchanged\n")
	r.write("docs/notes.md", "line1\nline2\nline3\n")
	r.commit("base")

	// Staged: a new line in the middle, a new file, a rename, a deletion-only change.
	r.write("build.properties", "sf.username=admin@acme.com\nsf.password=staged-value\nsf.serverurl=https://login.salesforce.com\n")
	r.write("config/new.env", "SF_PASSWORD=abc\n")
	r.git("mv", "old name.txt", "new name.txt")
	r.write("docs/notes.md", "line1\nline3\n")
	r.git("add", "-A")
	// Then the work tree moves on; Staged must not see it.
	r.write("build.properties", "WORKTREE ONLY\n")
	r.write("config/new.env", "WORKTREE ONLY\n")

	got, err := staged(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []blobView{
		{Path: "build.properties", Data: "sf.username=admin@acme.com\nsf.password=staged-value\nsf.serverurl=https://login.salesforce.com\n",
			Changed: []LineRange{{Start: 2, End: 2}}, FilterChanged: true, Source: "index"},
		{Path: "config/new.env", Data: "SF_PASSWORD=abc\n", Source: "index"},
		// A change that only deletes lines, and a rename, add no lines for
		// the credential scan, but the metadata rules must see them:
		// deleting <isAdminApproved> makes an app insecure.
		{Path: "docs/notes.md", Data: "line1\nline3\n", FilterChanged: true, Source: "index"},
		{Path: "new name.txt", Data: "unchanged\n", FilterChanged: true, Source: "index"},
	}
	if d := cmp.Diff(want, view(got)); d != "" {
		t.Errorf("Staged (-want +got):\n%s", d)
	}
}

func TestStagedInitialCommitAndNothingStaged(t *testing.T) {
	r := newRepo(t)
	got, err := staged(r.dir)
	if err != nil || len(got) != 0 {
		t.Fatalf("empty repo: got %v, %v", view(got), err)
	}
	r.write("a.txt", "x\n")
	r.git("add", "a.txt")
	got, err = staged(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]blobView{{Path: "a.txt", Data: "x\n", Source: "index"}}, view(got)); d != "" {
		t.Errorf("unborn branch (-want +got):\n%s", d)
	}
}

func TestStagedNotARepo(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	_, err := staged(dir)
	if err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("want an error naming %s, got %v", dir, err)
	}
}

func TestSinceAndHistory(t *testing.T) {
	r := newRepo(t)
	r.write("a.properties", "one\ntwo\n")
	base := r.commit("base")
	r.write("a.properties", "one\nsf.password=first\ntwo\nthree\n")
	c1 := r.commit("add password")
	r.write("a.properties", "one\nsf.password=first\ntwo\n")
	r.write("sub dir/b.yaml", "key: value\n")
	r.write("bin.dat", "\x00\x01\x02binary")
	c2 := r.commit("remove a line, add files")

	got, err := since(r.dir, base)
	if err != nil {
		t.Fatal(err)
	}
	date := "2026-01-02T03:04:05Z"
	author := "Dev One <dev1@example.com>"
	want := []blobView{
		{Path: "a.properties", Data: "sf.password=first\nthree\n", LineMap: []int{2, 4}, SHA: c1, Date: date, Author: author, Source: "commit"},
		{Path: "sub dir/b.yaml", Data: "key: value\n", LineMap: []int{1}, SHA: c2, Date: date, Author: author, Source: "commit"},
	}
	gv := view(got)
	for i := range gv {
		gv[i].Date = strings.Replace(gv[i].Date, "+00:00", "Z", 1)
	}
	if d := cmp.Diff(want, gv); d != "" {
		t.Errorf("Since (-want +got):\n%s", d)
	}

	all, _, err := History(r.dir, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, b := range all {
		paths = append(paths, b.Path+"@"+b.Origin.Commit.SHA[:7])
	}
	sort.Strings(paths)
	wantPaths := []string{"a.properties@" + base[:7], "a.properties@" + c1[:7], "sub dir/b.yaml@" + c2[:7]}
	sort.Strings(wantPaths)
	if d := cmp.Diff(wantPaths, paths); d != "" {
		t.Errorf("History (-want +got):\n%s", d)
	}

	if _, err := since(r.dir, "--output=/tmp/x"); err == nil {
		t.Error("an option passed as revision must be refused")
	}
	if _, err := since(r.dir, "no-such-rev"); err == nil || !strings.Contains(err.Error(), r.dir) {
		t.Errorf("unknown revision: want an error naming the repo, got %v", err)
	}
}

// TestStagedScanEndToEnd runs the secret scanner on staged blobs: a secret
// already committed is not reported again, the newly staged one is, on its
// real line.
func TestStagedScanEndToEnd(t *testing.T) {
	r := newRepo(t)
	token := "5Aep861" + "kR2vX9tLm4PqW7sZ3nB8cD1fG6hJ0yU5iO2eA7wS4dF9gH3jK8lZ1xC6vB0nM5qT2rY7uI4oP9aS"
	r.write("ci/env.sh", "export SF_USERNAME=ci@acme.com\nexport OLD_REFRESH="+token+"\n")
	r.commit("base")
	other := strings.Replace(token, "kR2", "zZ8", 1)
	r.write("ci/env.sh", "export SF_USERNAME=ci@acme.com\nexport OLD_REFRESH="+token+"\nexport NEW_REFRESH="+other+"\n")
	r.git("add", "-A")
	blobs, err := staged(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	var bs []secrets.Blob
	for _, f := range blobs {
		data, _ := f.Read()
		rs := make([]secrets.LineRange, len(f.Changed))
		for i, c := range f.Changed {
			rs[i] = secrets.LineRange{Start: c.Start, End: c.End}
		}
		bs = append(bs, secrets.Blob{Path: f.Path, Data: data, Changed: rs, FilterChanged: f.FilterChanged, Source: secrets.SourceStaged})
	}
	cands, diags := secrets.Scan(bs, secrets.Options{})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	var got []string
	for _, c := range cands {
		got = append(got, c.String())
	}
	want := []string{"ci/env.sh:3:20: salesforce-refresh-token 5Aep861…(83 chars)"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// TestTreeAt reads the base of PR mode from git's objects: attributes such
// as export-ignore hide nothing, path arguments and excludes apply, an
// archive in the tree is opened, and the work tree and index are untouched.
func TestTreeAt(t *testing.T) {
	r := newRepo(t)
	r.write(".gitattributes", "docs/** export-ignore\n")
	r.write("docs/readme.md", "hello\n")
	r.write("force-app/profiles/Admin.profile", "<Profile/>\n")
	r.write("force-app/legacy/profiles/Old.profile", "<Profile/>\n")
	base := r.commit("base")
	r.write("force-app/profiles/Admin.profile", "<Profile>head</Profile>\n")
	r.write("docs/readme.md", "dirty\n")
	status := r.git("status", "--porcelain")

	files, diags, err := TreeAt(r.dir, base, nil, Options{Exclude: Anchored(r.dir, "force-app/legacy")}, nil)
	if err != nil || len(diags) != 0 {
		t.Fatalf("TreeAt: %v %v", err, diags)
	}
	got := view(files)
	want := []blobView{
		{Path: ".gitattributes", Data: "docs/** export-ignore\n", Source: "tree"},
		{Path: "docs/readme.md", Data: "hello\n", Source: "tree"},
		{Path: "force-app/profiles/Admin.profile", Data: "<Profile/>\n", Source: "tree"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("TreeAt (-want +got):\n%s", d)
	}
	if files[2].Type == nil || files[2].Type.Name != "Profile" {
		t.Errorf("the profile is not classified: %+v", files[2])
	}
	sub, _, err := TreeAt(r.dir, base, []string{"docs"}, Options{}, nil)
	if err != nil || len(sub) != 1 || sub[0].Path != "docs/readme.md" {
		t.Errorf("path argument: %v %v", view(sub), err)
	}
	if got := r.git("status", "--porcelain"); got != status {
		t.Errorf("the work tree or index changed:\nbefore %q\nafter  %q", status, got)
	}
	for _, rev := range []string{"--output=/tmp/x", "no-such-rev"} {
		if _, _, err := TreeAt(r.dir, rev, nil, Options{}, nil); err == nil {
			t.Errorf("revision %q: want an error", rev)
		}
	}
}

// TestGitPathOutsideRepository: a path argument outside the repository is
// an error, not an empty scan.
func TestGitPathOutsideRepository(t *testing.T) {
	r := newRepo(t)
	outside := t.TempDir()
	if _, _, err := Staged(r.dir, []string{outside}, Options{}); err == nil || !strings.Contains(err.Error(), "outside the git repository") {
		t.Errorf("Staged: %v", err)
	}
}

// TestRepoTopAgreesWithGit: the .git lookup that saves a git process finds
// the root git finds, from the root, a subfolder, a linked worktree and
// past a .git folder git would pass over.
func TestRepoTopAgreesWithGit(t *testing.T) {
	root := t.TempDir()
	testutil.WriteFile(t, root, "main/force-app/a.txt", "a\n")
	testutil.WriteFile(t, root, "main/empty/.git/placeholder", "not a repository\n")
	testutil.WriteFile(t, root, "main/empty/sub/b.txt", "b\n")
	main := filepath.Join(root, "main")
	testutil.Git(t, main, "init", "-q")
	testutil.Git(t, main, "add", "force-app")
	testutil.Git(t, main, "commit", "-q", "-m", "base")
	testutil.Git(t, main, "worktree", "add", "-q", filepath.Join(root, "wt"))
	for _, dir := range []string{main, filepath.Join(main, "force-app"), filepath.Join(main, "empty", "sub"), filepath.Join(root, "wt")} {
		got, err := repoTop(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		want := strings.TrimSpace(testutil.Git(t, dir, "rev-parse", "--show-toplevel"))
		if filepath.Clean(got) != filepath.Clean(want) {
			t.Errorf("repoTop(%s) = %s; git says %s", dir, got, want)
		}
	}
}
