package gitsrc

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/secrets"
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
	Changed       []secrets.LineRange
	FilterChanged bool
	SHA           string
	Date          string
	Author        string
	Source        string
}

func view(bs []secrets.Blob) []blobView {
	out := []blobView{}
	for _, b := range bs {
		v := blobView{Path: b.Path, Data: string(b.Data), LineMap: b.LineMap, Changed: b.Changed,
			FilterChanged: b.FilterChanged, Source: b.Source}
		if b.Commit != nil {
			v.SHA, v.Date, v.Author = b.Commit.SHA, b.Commit.Date, b.Commit.Author
		}
		out = append(out, v)
	}
	return out
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

	got, err := Staged(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []blobView{
		{Path: "build.properties", Data: "sf.username=admin@acme.com\nsf.password=staged-value\nsf.serverurl=https://login.salesforce.com\n",
			Changed: []secrets.LineRange{{Start: 2, End: 2}}, FilterChanged: true, Source: "staged"},
		{Path: "config/new.env", Data: "SF_PASSWORD=abc\n", Source: "staged"},
	}
	if d := cmp.Diff(want, view(got)); d != "" {
		t.Errorf("Staged (-want +got):\n%s", d)
	}
}

func TestStagedInitialCommitAndNothingStaged(t *testing.T) {
	r := newRepo(t)
	got, err := Staged(r.dir)
	if err != nil || len(got) != 0 {
		t.Fatalf("empty repo: got %v, %v", view(got), err)
	}
	r.write("a.txt", "x\n")
	r.git("add", "a.txt")
	got, err = Staged(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]blobView{{Path: "a.txt", Data: "x\n", Source: "staged"}}, view(got)); d != "" {
		t.Errorf("unborn branch (-want +got):\n%s", d)
	}
}

func TestStagedNotARepo(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	_, err := Staged(dir)
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

	got, err := Since(r.dir, base)
	if err != nil {
		t.Fatal(err)
	}
	date := "2026-01-02T03:04:05Z"
	author := "Dev One <dev1@example.com>"
	want := []blobView{
		{Path: "sub dir/b.yaml", Data: "key: value\n", LineMap: []int{1}, SHA: c2, Date: date, Author: author, Source: "history"},
		{Path: "a.properties", Data: "sf.password=first\nthree\n", LineMap: []int{2, 4}, SHA: c1, Date: date, Author: author, Source: "history"},
	}
	gv := view(got)
	for i := range gv {
		gv[i].Date = strings.Replace(gv[i].Date, "+00:00", "Z", 1)
	}
	if d := cmp.Diff(want, gv); d != "" {
		t.Errorf("Since (-want +got):\n%s", d)
	}

	all, err := History(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, b := range all {
		paths = append(paths, b.Path+"@"+b.Commit.SHA[:7])
	}
	wantPaths := []string{"sub dir/b.yaml@" + c2[:7], "a.properties@" + c1[:7], "a.properties@" + base[:7]}
	if d := cmp.Diff(wantPaths, paths); d != "" {
		t.Errorf("History (-want +got):\n%s", d)
	}

	if _, err := Since(r.dir, "--output=/tmp/x"); err == nil {
		t.Error("an option passed as revision must be refused")
	}
	if _, err := Since(r.dir, "no-such-rev"); err == nil || !strings.Contains(err.Error(), r.dir) {
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
	blobs, err := Staged(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	cands, diags := secrets.Scan(blobs, secrets.Options{})
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
