package source

import (
	"bufio"
	"bytes"
	"crypto/sha1" //nolint:gosec // git's object names are SHA-1; used to compare, not to protect.
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/parallel"
)

// The git modes run the git command rather than a Go reimplementation: git
// is present wherever a repository is, it is the reference for index,
// rename and diff semantics (sparse checkouts, split indexes, partial
// clones, worktrees), and its plumbing output formats are stable.
//
// A scanner must not run commands chosen by the repository it scans, so
// every call disables the fsmonitor hook, diffs run without external diff
// drivers or textconv, and blob contents come from `git cat-file --batch`,
// which applies no smudge, clean or textconv filter. The work tree is
// compared with a revision by hashing its files here, not with `git diff`,
// which would run clean filters on modified files.

// gitArgs come before every git command.
var gitArgs = []string{"-c", "core.quotepath=off", "-c", "core.fsmonitor=false"}

// git runs a git command in dir and returns its stdout.
func git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append(append([]string{}, gitArgs...), args...)...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_PAGER=cat", "GIT_EXTERNAL_DIFF=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("%s: git %s: %s", dir, args[0], msg)
	}
	return out, nil
}

// repoTop is the absolute root of the work tree that contains dir, spelt
// through dir as the user gave it (git's --show-toplevel resolves
// symlinks, and patterns are anchored at unresolved paths). The nearest
// folder holding a .git entry is the root, as git finds it, unless the
// environment points git elsewhere (GIT_DIR, GIT_WORK_TREE, as in some
// hooks); then git is asked. One git process less on the pre-commit path.
func repoTop(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if os.Getenv("GIT_DIR") == "" && os.Getenv("GIT_WORK_TREE") == "" {
		for d := abs; ; d = filepath.Dir(d) {
			if filepath.Base(d) == ".git" {
				break // inside the git directory itself: let git say
			}
			if looksLikeGitDir(filepath.Join(d, ".git")) {
				return d, nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	out, err := git(dir, nil, "rev-parse", "--show-cdup")
	if err != nil {
		return "", err
	}
	return filepath.Join(abs, filepath.FromSlash(strings.TrimSpace(string(out)))), nil
}

// looksLikeGitDir applies git's own test for a .git entry it stops at: a
// directory with a HEAD file, or a file starting "gitdir:" (a linked
// worktree or a submodule). git passes over anything else and looks
// further up, and so must repoTop.
func looksLikeGitDir(p string) bool {
	st, err := os.Stat(p)
	switch {
	case err != nil:
		return false
	case st.IsDir():
		_, err := os.Stat(filepath.Join(p, "HEAD"))
		return err == nil
	}
	b := make([]byte, len("gitdir:"))
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	n, _ := io.ReadFull(f, b)
	return string(b[:n]) == "gitdir:"
}

// blob is one file read from git: its path from the top of the work tree
// and its object name.
type blob struct {
	path, sha string
	added     []LineRange
	filter    bool // only the added lines count
}

// gitWalker is a walker over blobs: the same filters as a work-tree walk,
// with ignore files read from the work tree.
type gitWalker struct {
	*walker
	top string
	pf  *pathFilter
}

func newGitWalker(repoDir string, args []string, opts Options, origin Origin) (*gitWalker, error) {
	top, err := repoTop(repoDir)
	if err != nil {
		return nil, err
	}
	w := newWalker(opts)
	w.origin = origin
	pf := newPathFilter(w, top, args)
	for _, a := range pf.args {
		if _, ok := RelTo(top, a.abs); !ok {
			// Nothing of it can come from this repository: say so
			// rather than scan nothing.
			return nil, fmt.Errorf("%s is outside the git repository %s", a.abs, top)
		}
	}
	return &gitWalker{walker: w, top: top, pf: pf}, nil
}

// addBlobs reads the accepted blobs with one cat-file process and adds
// them (archives are opened like those in a walk).
func (g *gitWalker) addBlobs(blobs []blob) error {
	keep, contents, err := g.readBlobs(blobs)
	if err != nil {
		return err
	}
	for i, b := range keep {
		g.addBlob(b, contents[i])
	}
	return nil
}

// readBlobs filters blobs and reads those accepted with one cat-file.
func (g *gitWalker) readBlobs(blobs []blob) ([]blob, [][]byte, error) {
	var keep []blob
	for _, b := range blobs {
		if g.pf.accept(filepath.Join(g.top, filepath.FromSlash(b.path))) {
			keep = append(keep, b)
		}
	}
	shas := make([]string, len(keep))
	for i, b := range keep {
		shas[i] = b.sha
	}
	contents, err := catBlobs(g.top, shas)
	return keep, contents, err
}

func (g *gitWalker) addBlob(b blob, data []byte) {
	abs := filepath.Join(g.top, filepath.FromSlash(b.path))
	disp := g.display(abs, abs)
	if !g.opts.NoArchives && isZip(abs) {
		g.walkArchive(archive{open: bytesOpener(data), size: int64(len(data)), abs: abs, key: abs, disp: disp, depth: 1})
		return
	}
	t, name, format, ok := classify(filepath.ToSlash(abs))
	if ok && !g.pf.inScope(abs) {
		t, name, format = nil, "", ""
	}
	if t != nil && int64(len(data)) > g.max {
		g.diag(disp, oversized(int64(len(data)), g.max))
		return
	}
	if data == nil {
		data = []byte{}
	}
	g.add(abs, File{Path: disp, Abs: abs, Size: int64(len(data)), Type: t, FullName: name, Format: format,
		Changed: b.added, FilterChanged: b.filter, osPath: abs, data: data, limit: g.max})
}

// Staged lists the staged (index) content of every added, copied, modified
// or renamed file under args: exactly what the next commit will contain,
// not the working tree. Each file is the whole staged blob, so the metadata
// rules see the document and multi-line context is visible to the
// credential detectors; FilterChanged restricts credentials to the lines
// this commit adds (new files count whole). Submodules and symlinks are
// skipped.
func Staged(repoDir string, args []string, opts Options) ([]File, []finding.Diagnostic, error) {
	// git diff prints paths from the top of the work tree wherever it
	// runs, so nothing waits for rev-parse to find the top, and the blobs
	// are read while git still computes the added lines: the -U0 diff of a
	// large profile is the slowest git process of a pre-commit scan, and
	// the four ran one after another (issue 14).
	entries := parallel.Go(func() ([]rawEntry, error) { return stagedEntries(repoDir) })
	lines := parallel.Go(func() (map[string][]LineRange, error) { return stagedAddedLines(repoDir) })
	configs := parallel.Go(func() (*gitConfig, error) {
		if opts.CredentialsOnly {
			return nil, nil
		}
		return indexConfig(repoDir)
	})
	g, err := newGitWalker(repoDir, args, opts, Origin{Kind: Index})
	raw, rawErr := entries()
	cfg, cfgErr := configs()
	if err == nil {
		err = errors.Join(rawErr, cfgErr)
	}
	if err != nil {
		_, _ = lines() // let the diff finish before returning
		return nil, nil, err
	}
	if cfg != nil {
		cfg.top = g.top
		g.cfg = cfg
	}
	blobs := make([]blob, len(raw))
	for i, e := range raw {
		blobs[i] = blob{path: e.path, sha: e.sha}
	}
	keep, contents, err := g.readBlobs(blobs)
	added, linesErr := lines()
	if err == nil {
		err = linesErr
	}
	if err != nil {
		return nil, nil, err
	}
	status := map[string]string{}
	for _, e := range raw {
		status[e.path] = e.status
	}
	for i, b := range keep {
		if status[b.path] != "A" {
			b.filter = true
			b.added = added[b.path]
		}
		g.addBlob(b, contents[i])
	}
	files, diags := g.result()
	return files, diags, nil
}

// StagedTypes returns the metadata types of the staged files, from their
// names alone, so that a pre-commit scan can compile the rules for them
// while Staged reads the content. It may name more types than Staged
// lists (it applies no path arguments or ignore files), never fewer; ok is
// false when a staged archive could hold any type.
func StagedTypes(repoDir string) (types []string, ok bool, err error) {
	out, err := git(repoDir, nil, "diff", "--cached", "--no-relative", "--name-only", "-z", "--diff-filter=ACMR", "-M", "--no-ext-diff")
	if err != nil {
		return nil, false, err
	}
	seen := map[string]bool{}
	types = []string{}
	for _, p := range strings.Split(string(out), "\x00") {
		if p == "" {
			continue
		}
		if isZip(p) {
			return nil, false, nil
		}
		if t, _, _, isMeta := classify(p); isMeta && !seen[t.Name] {
			seen[t.Name] = true
			types = append(types, t.Name)
		}
	}
	return types, true, nil
}

// stagedEntries lists the staged files; dir is anywhere in the work tree.
func stagedEntries(dir string) ([]rawEntry, error) {
	raw, err := git(dir, nil, "diff", "--cached", "--no-relative", "--raw", "-z", "--no-abbrev", "--diff-filter=ACMR", "-M", "--no-ext-diff", "--no-textconv")
	if err != nil {
		return nil, err
	}
	return parseRaw(dir, raw)
}

type rawEntry struct{ path, sha, status string }

// parseRaw reads `git diff --raw -z` output, keeping regular files.
func parseRaw(dir string, raw []byte) ([]rawEntry, error) {
	var entries []rawEntry
	fields := bytes.Split(raw, []byte{0})
	for i := 0; i < len(fields); i++ {
		hdr := string(fields[i])
		if !strings.HasPrefix(hdr, ":") {
			continue
		}
		// :<old mode> <new mode> <old sha> <new sha> <status>
		parts := strings.Fields(hdr[1:])
		if len(parts) != 5 || i+1 >= len(fields) {
			return nil, fmt.Errorf("%s: unexpected git diff --raw line %q", dir, hdr)
		}
		status := parts[4][:1]
		p := string(fields[i+1])
		i++
		if status == "R" || status == "C" {
			if i+1 >= len(fields) {
				return nil, fmt.Errorf("%s: truncated git diff --raw output", dir)
			}
			p = string(fields[i+1])
			i++
		}
		if mode := parts[1]; mode != "100644" && mode != "100755" {
			continue // symlink (120000) or submodule (160000)
		}
		entries = append(entries, rawEntry{path: p, sha: parts[3], status: status})
	}
	return entries, nil
}

// stagedAddedLines maps each staged path to the line ranges it adds.
func stagedAddedLines(dir string) (map[string][]LineRange, error) {
	out, err := git(dir, nil, "diff", "--cached", "--no-relative", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--diff-filter=ACMR", "-M",
		"--src-prefix=a/", "--dst-prefix=b/")
	if err != nil {
		return nil, err
	}
	m := map[string][]LineRange{}
	cur := ""
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(line, "+++ "):
			cur = diffPath(line[4:])
		case strings.HasPrefix(line, "@@ ") && cur != "":
			start, n, ok := hunkNew(line)
			if ok && n > 0 {
				m[cur] = append(m[cur], LineRange{Start: start, End: start + n - 1})
			}
		}
	}
	return m, nil
}

// diffPath extracts the path from a "+++ b/path" header, unquoting git's
// C-style quoting of unusual names.
func diffPath(s string) string {
	// git ends the name with a tab when it contains a space, so that a
	// trailing timestamp-like suffix cannot be confused with the name.
	s = strings.TrimSuffix(s, "\t")
	if s == "/dev/null" {
		return ""
	}
	if strings.HasPrefix(s, `"`) {
		if u, err := strconv.Unquote(s); err == nil {
			s = u
		}
	}
	return strings.TrimPrefix(s, "b/")
}

// hunkNew parses "@@ -a[,b] +c[,d] @@" and returns c and d (d defaults to 1).
func hunkNew(line string) (start, n int, ok bool) {
	i := strings.Index(line, " +")
	if i < 0 {
		return 0, 0, false
	}
	rest := line[i+2:]
	if j := strings.IndexByte(rest, ' '); j >= 0 {
		rest = rest[:j]
	}
	n = 1
	if k := strings.IndexByte(rest, ','); k >= 0 {
		v, err := strconv.Atoi(rest[k+1:])
		if err != nil {
			return 0, 0, false
		}
		n = v
		rest = rest[:k]
	}
	start, err := strconv.Atoi(rest)
	if err != nil {
		return 0, 0, false
	}
	return start, n, true
}

// catBlobs reads blob contents with one `git cat-file --batch` process,
// which applies no filters.
func catBlobs(dir string, shas []string) ([][]byte, error) {
	if len(shas) == 0 {
		return nil, nil
	}
	out, err := git(dir, strings.NewReader(strings.Join(shas, "\n")+"\n"), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(bytes.NewReader(out))
	res := make([][]byte, len(shas))
	for i, sha := range shas {
		hdr, err := r.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("%s: git cat-file: reading header for %s: %w", dir, sha, err)
		}
		parts := strings.Fields(hdr)
		if len(parts) != 3 || parts[1] != "blob" {
			return nil, fmt.Errorf("%s: git cat-file: unexpected header %q for %s", dir, strings.TrimSpace(hdr), sha)
		}
		size, err := strconv.Atoi(parts[2])
		if err != nil {
			return nil, fmt.Errorf("%s: git cat-file: bad size in %q", dir, strings.TrimSpace(hdr))
		}
		buf := make([]byte, size+1) // content plus the trailing newline
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, fmt.Errorf("%s: git cat-file: reading %s: %w", dir, sha, err)
		}
		res[i] = buf[:size]
	}
	return res, nil
}

// treeBlobs lists the regular files of the tree at rev: path from the top
// -> object name.
func treeBlobs(top, rev string) (map[string]string, error) {
	out, err := git(top, nil, "ls-tree", "-r", "-z", "--full-tree", "--end-of-options", rev)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, rec := range bytes.Split(out, []byte{0}) {
		// <mode> SP <type> SP <object> TAB <path>
		meta, p, ok := strings.Cut(string(rec), "\t")
		if !ok {
			continue
		}
		f := strings.Fields(meta)
		if len(f) != 3 || f[1] != "blob" || (f[0] != "100644" && f[0] != "100755") {
			continue
		}
		m[p] = f[2]
	}
	return m, nil
}

// checkRev refuses a revision that could be read as an option and one git
// does not know.
func checkRev(top, flag, rev string) error {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return fmt.Errorf("%s: invalid revision %q", flag, rev)
	}
	if _, err := git(top, nil, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{tree}"); err != nil {
		return fmt.Errorf("%s: unknown revision %q in %s (in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)", flag, rev, top)
	}
	return nil
}

// TreeAt lists the files under args as they are in the tree of rev (PR
// mode's base): the same filters as a walk of the work tree, read with
// the ignore files of the work tree. Only files want accepts (by path from
// the top of the work tree) are read, so a base scan reads what it
// compares and no more.
func TreeAt(repoDir, rev string, args []string, opts Options, want func(abs string) bool) ([]File, []finding.Diagnostic, error) {
	g, err := newGitWalker(repoDir, args, opts, Origin{Kind: Tree})
	if err != nil {
		return nil, nil, err
	}
	if err := checkRev(g.top, "--diff-base", rev); err != nil {
		return nil, nil, err
	}
	tree, err := treeBlobs(g.top, rev)
	if err != nil {
		return nil, nil, err
	}
	g.cfg = treeConfig(g.top, tree)
	var blobs []blob
	for p, sha := range tree {
		if want == nil || want(filepath.Join(g.top, filepath.FromSlash(p))) {
			blobs = append(blobs, blob{path: p, sha: sha})
		}
	}
	if err := g.addBlobs(blobs); err != nil {
		return nil, nil, err
	}
	files, diags := g.result()
	return files, diags, nil
}

// IndexAt lists the files under args as the index holds them (what the
// next commit will contain, changed or not), with the filters of a walk.
// Only files want accepts (by absolute path) are read: a pre-commit scan
// uses it to find the apps that own a leaked consumer key without reading
// the rest of the repository or the work tree.
func IndexAt(repoDir string, args []string, opts Options, want func(abs string) bool) ([]File, []finding.Diagnostic, error) {
	g, err := newGitWalker(repoDir, args, opts, Origin{Kind: Index})
	if err != nil {
		return nil, nil, err
	}
	out, err := git(g.top, nil, "ls-files", "-s", "-z")
	if err != nil {
		return nil, nil, err
	}
	cfg, err := indexConfig(g.top)
	if err != nil {
		return nil, nil, err
	}
	cfg.top = g.top
	g.cfg = cfg
	var blobs []blob
	for _, rec := range bytes.Split(out, []byte{0}) {
		// <mode> SP <object> SP <stage> TAB <path>
		meta, p, ok := strings.Cut(string(rec), "\t")
		if !ok {
			continue
		}
		f := strings.Fields(meta)
		if len(f) != 3 || f[2] != "0" || (f[0] != "100644" && f[0] != "100755") {
			continue // submodules, symlinks and unmerged entries
		}
		if want == nil || want(filepath.Join(g.top, filepath.FromSlash(p))) {
			blobs = append(blobs, blob{path: p, sha: f[1]})
		}
	}
	if err := g.addBlobs(blobs); err != nil {
		return nil, nil, err
	}
	files, diags := g.result()
	return files, diags, nil
}

// ChangedSince returns the work-tree files (and archives) whose content
// differs from the tree at rev or that rev does not have: committed and
// uncommitted changes alike. Contents are hashed here as git would store
// them without filters, so no filter configured in the repository runs.
func ChangedSince(repoDir, rev string, files []File) (map[string]bool, error) {
	top, err := repoTop(repoDir)
	if err != nil {
		return nil, err
	}
	if err := checkRev(top, "--diff-base", rev); err != nil {
		return nil, err
	}
	tree, err := treeBlobs(top, rev)
	if err != nil {
		return nil, err
	}
	changed := map[string]bool{} // OS path of the file or archive
	for i := range files {
		p := files[i].osPath
		if _, done := changed[p]; done || p == "" {
			continue
		}
		rel, ok := RelTo(top, p)
		if !ok {
			changed[p] = true // outside the repository: nothing to compare
			continue
		}
		sha, ok := tree[rel]
		changed[p] = !ok || !sameBlob(p, sha)
	}
	return changed, nil
}

// IsChanged reports whether a file is in the set ChangedSince returned.
func (f *File) IsChanged(changed map[string]bool) bool { return changed[f.osPath] }

func sameBlob(p, sha string) bool {
	b, err := os.ReadFile(p)
	if err != nil {
		return false
	}
	h := sha1.New() //nolint:gosec // see the import
	fmt.Fprintf(h, "blob %d\x00", len(b))
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)) == sha
}

// Commits lists, for the revisions selected by revArgs (as given to git
// log), one file per (commit, path) under args holding the lines that
// commit adds; LineMap gives their real line numbers. Merge commits
// contribute no lines (git log -p prints no diff for them), so content
// introduced only while resolving a conflict is not seen. Other binary
// files are skipped; a zip archive a commit adds or changes is opened and
// its entries are read whole, carrying the commit.
func Commits(repoDir string, revArgs, args []string, opts Options) ([]File, []finding.Diagnostic, error) {
	g, err := newGitWalker(repoDir, args, opts, Origin{Kind: Commit})
	if err != nil {
		return nil, nil, err
	}
	type zipBlob struct {
		c        *finding.Commit
		abs, sha string
	}
	var zips []zipBlob
	err = logBlobs(g.top, revArgs, func(c *finding.Commit, p string, data []byte, lineMap []int) {
		abs := filepath.Join(g.top, filepath.FromSlash(p))
		if !g.pf.accept(abs) {
			return
		}
		disp := g.display(abs, abs)
		g.add(c.SHA+"\x00"+abs, File{Path: disp, Abs: abs, Size: int64(len(data)), LineMap: lineMap,
			Origin: Origin{Kind: Commit, Commit: c}, data: data, limit: math.MaxInt64})
	}, func(c *finding.Commit, p, sha string) {
		abs := filepath.Join(g.top, filepath.FromSlash(p))
		if !g.opts.NoArchives && g.pf.accept(abs) {
			zips = append(zips, zipBlob{c, abs, sha})
		}
	})
	if err != nil {
		return nil, nil, err
	}
	shas := make([]string, len(zips))
	for i, z := range zips {
		shas[i] = z.sha
	}
	contents, err := catBlobs(g.top, shas)
	if err != nil {
		return nil, nil, err
	}
	for i, z := range zips {
		// The entries of an archive a commit adds are read whole, and
		// carry that commit.
		g.origin.Commit = z.c
		g.walkArchive(archive{open: bytesOpener(contents[i]), size: int64(len(contents[i])),
			abs: z.abs, key: z.c.SHA + "\x00" + z.abs, disp: g.display(z.abs, z.abs), depth: 1})
	}
	g.origin.Commit = nil
	files, diags := g.result()
	return files, diags, nil
}

// Since lists the lines added by each commit in rev..HEAD.
func Since(repoDir, rev string, args []string, opts Options) ([]File, []finding.Diagnostic, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, nil, fmt.Errorf("--since: invalid revision %q", rev)
	}
	return Commits(repoDir, []string{rev + "..HEAD"}, args, opts)
}

// History lists the lines added by every commit reachable from any ref (a
// secret pushed on a side branch is as exposed as one on main).
func History(repoDir string, args []string, opts Options) ([]File, []finding.Diagnostic, error) {
	return Commits(repoDir, []string{"--all"}, args, opts)
}

// commit header marker in the log format; record separators cannot occur
// in a diff of text files that git prints as text.
const logMarker = "\x1esfguard-commit\x1f"

// logBlobs streams (commit, path, added lines) from `git log -p -U0`, and
// (commit, path, object) for every zip archive a commit adds or changes:
// git prints no diff for binary files, so archives are read whole.
// Memory stays bounded by one commit's diff plus what the callbacks keep.
func logBlobs(top string, revArgs []string, fn lineFunc, archive archiveFunc) error {
	args := append(append([]string{}, gitArgs...), "log", "-p", "--raw", "--no-abbrev", "-U0", "--no-color", "--no-ext-diff", "--no-textconv",
		"--diff-filter=ACMR", "-M", "--src-prefix=a/", "--dst-prefix=b/",
		"--format=format:"+logMarker+"%H%x1f%aI%x1f%an <%ae>")
	args = append(args, revArgs...)
	args = append(args, "--")
	cmd := exec.Command("git", args...)
	cmd.Dir = top
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_PAGER=cat", "GIT_EXTERNAL_DIFF=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("%s: git log: %w", top, err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%s: git log: %w", top, err)
	}
	perr := parseLog(stdout, fn, archive)
	if perr != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return fmt.Errorf("%s: git log: %w", top, perr)
	}
	if err := cmd.Wait(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("%s: git log: %s", top, msg)
	}
	return nil
}

type (
	lineFunc    func(c *finding.Commit, path string, data []byte, lineMap []int)
	archiveFunc func(c *finding.Commit, path, sha string)
)

// parseLog reads `git log -p --raw -U0` output.
func parseLog(r io.Reader, fn lineFunc, archive archiveFunc) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var (
		commit  *finding.Commit
		path    string
		data    []byte
		lineMap []int
		next    int
		inHunk  bool
	)
	flush := func() {
		if commit != nil && path != "" && len(lineMap) > 0 {
			fn(commit, path, data, lineMap)
		}
		data, lineMap, inHunk = nil, nil, false
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, logMarker) {
			flush()
			parts := strings.SplitN(line[len(logMarker):], "\x1f", 3)
			if len(parts) != 3 {
				return fmt.Errorf("unexpected commit header %q", line)
			}
			commit = &finding.Commit{SHA: parts[0], Date: parts[1], Author: parts[2]}
			path = ""
			continue
		}
		switch {
		case !inHunk && strings.HasPrefix(line, ":"):
			if p, sha, ok := rawArchive(line); ok && commit != nil {
				archive(commit, p, sha)
			}
		case strings.HasPrefix(line, "diff --git "):
			flush()
			path = ""
		case !inHunk && strings.HasPrefix(line, "+++ "):
			path = diffPath(line[4:])
		case !inHunk && strings.HasPrefix(line, "Binary files "):
			path = ""
		case strings.HasPrefix(line, "@@ "):
			start, _, ok := hunkNew(line)
			if !ok {
				return fmt.Errorf("unexpected hunk header %q", line)
			}
			next, inHunk = start, true
		case inHunk && strings.HasPrefix(line, "+"):
			data = append(data, line[1:]...)
			data = append(data, '\n')
			lineMap = append(lineMap, next)
			next++
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	flush()
	return nil
}

// rawArchive reads a `--raw` line and reports a zip archive the commit
// adds, copies, modifies or renames: its new path and object name.
func rawArchive(line string) (path, sha string, ok bool) {
	meta, paths, found := strings.Cut(line[1:], "\t")
	f := strings.Fields(meta)
	if !found || len(f) != 5 || (f[1] != "100644" && f[1] != "100755") || !strings.ContainsAny(f[4][:1], "ACMR") {
		return "", "", false
	}
	if _, to, two := strings.Cut(paths, "\t"); two {
		paths = to // renames and copies list the old path first
	}
	if strings.HasPrefix(paths, `"`) {
		if u, err := strconv.Unquote(paths); err == nil {
			paths = u
		}
	}
	if !isZip(paths) {
		return "", "", false
	}
	return paths, f[3], true
}

// Stdin is standard input as one file, named <stdin> or name. A name is
// a path relative to the working directory and is classified like any
// file, so metadata piped in reaches the metadata rules.
func Stdin(r io.Reader, name string) (File, error) {
	disp := "<stdin>"
	if name != "" {
		disp = filepath.ToSlash(filepath.Clean(name))
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", disp, err)
	}
	if data == nil {
		data = []byte{}
	}
	f := File{Path: disp, Size: int64(len(data)), Origin: Origin{Kind: StdinKind}, data: data, limit: math.MaxInt64}
	if name != "" {
		if abs, err := filepath.Abs(name); err == nil {
			f.Abs = abs
			f.Type, f.FullName, f.Format, _ = classify(filepath.ToSlash(abs))
			f.limit = DefaultMaxFileSize
		}
	}
	return f, nil
}
