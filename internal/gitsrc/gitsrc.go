// Package gitsrc turns git state into secrets.Blob values: the staged
// content of a pending commit, and the lines added by each commit of a
// history range.
//
// It runs the git command rather than a Go reimplementation: git is present
// wherever a repository is, it is the reference for index, rename and diff
// semantics (sparse checkouts, split indexes, partial clones, replace refs,
// worktrees), and its plumbing output formats are stable.
package gitsrc

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/secrets"
)

// git runs a git command in dir and returns its stdout.
func git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-c", "core.quotepath=off"}, args...)...)
	cmd.Dir = dir
	cmd.Stdin = stdin
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

// Staged returns the staged (index) content of every added, copied,
// modified or renamed file: exactly what the next commit will contain, not
// the working tree. Each blob is the whole staged file, so multi-line
// context is visible to the detectors, with FilterChanged set so that only
// candidates on lines this commit adds are kept. New files are reported
// whole. Submodules and symlinks are skipped.
func Staged(repoDir string) ([]secrets.Blob, error) {
	raw, err := git(repoDir, nil, "diff", "--cached", "--raw", "-z", "--no-abbrev", "--diff-filter=ACMR", "-M")
	if err != nil {
		return nil, err
	}
	type entry struct {
		path, sha, status string
	}
	var entries []entry
	fields := bytes.Split(raw, []byte{0})
	for i := 0; i < len(fields); i++ {
		hdr := string(fields[i])
		if !strings.HasPrefix(hdr, ":") {
			continue
		}
		// :<old mode> <new mode> <old sha> <new sha> <status>
		parts := strings.Fields(hdr[1:])
		if len(parts) != 5 || i+1 >= len(fields) {
			return nil, fmt.Errorf("%s: unexpected git diff --raw line %q", repoDir, hdr)
		}
		status := parts[4][:1]
		p := string(fields[i+1])
		i++
		if status == "R" || status == "C" {
			if i+1 >= len(fields) {
				return nil, fmt.Errorf("%s: truncated git diff --raw output", repoDir)
			}
			p = string(fields[i+1])
			i++
		}
		if mode := parts[1]; mode != "100644" && mode != "100755" {
			continue // symlink (120000) or submodule (160000)
		}
		entries = append(entries, entry{path: p, sha: parts[3], status: status})
	}
	if len(entries) == 0 {
		return nil, nil
	}
	added, err := stagedAddedLines(repoDir)
	if err != nil {
		return nil, err
	}
	shas := make([]string, len(entries))
	for i, e := range entries {
		shas[i] = e.sha
	}
	contents, err := catBlobs(repoDir, shas)
	if err != nil {
		return nil, err
	}
	blobs := make([]secrets.Blob, 0, len(entries))
	for i, e := range entries {
		b := secrets.Blob{Path: e.path, Data: contents[i], Source: secrets.SourceStaged}
		if e.status != "A" {
			b.FilterChanged = true
			b.Changed = added[e.path]
			if len(b.Changed) == 0 {
				continue // a pure rename or a change that only deletes lines
			}
		}
		blobs = append(blobs, b)
	}
	return blobs, nil
}

// stagedAddedLines maps each staged path to the line ranges it adds.
func stagedAddedLines(repoDir string) (map[string][]secrets.LineRange, error) {
	out, err := git(repoDir, nil, "diff", "--cached", "-U0", "--no-color", "--no-ext-diff", "--diff-filter=ACMR", "-M",
		"--src-prefix=a/", "--dst-prefix=b/")
	if err != nil {
		return nil, err
	}
	m := map[string][]secrets.LineRange{}
	cur := ""
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(line, "+++ "):
			cur = diffPath(line[4:])
		case strings.HasPrefix(line, "@@ ") && cur != "":
			start, n, ok := hunkNew(line)
			if ok && n > 0 {
				m[cur] = append(m[cur], secrets.LineRange{Start: start, End: start + n - 1})
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

// catBlobs reads blob contents with one `git cat-file --batch` process.
func catBlobs(repoDir string, shas []string) ([][]byte, error) {
	out, err := git(repoDir, strings.NewReader(strings.Join(shas, "\n")+"\n"), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(bytes.NewReader(out))
	res := make([][]byte, len(shas))
	for i, sha := range shas {
		hdr, err := r.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("%s: git cat-file: reading header for %s: %w", repoDir, sha, err)
		}
		parts := strings.Fields(hdr)
		if len(parts) != 3 || parts[1] != "blob" {
			return nil, fmt.Errorf("%s: git cat-file: unexpected header %q for %s", repoDir, strings.TrimSpace(hdr), sha)
		}
		size, err := strconv.Atoi(parts[2])
		if err != nil {
			return nil, fmt.Errorf("%s: git cat-file: bad size in %q", repoDir, strings.TrimSpace(hdr))
		}
		buf := make([]byte, size+1) // content plus the trailing newline
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, fmt.Errorf("%s: git cat-file: reading %s: %w", repoDir, sha, err)
		}
		res[i] = buf[:size]
	}
	return res, nil
}

// Since returns the lines added by each commit in rev..HEAD.
func Since(repoDir, rev string) ([]secrets.Blob, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("%s: invalid revision %q", repoDir, rev)
	}
	var blobs []secrets.Blob
	err := Log(repoDir, []string{rev + "..HEAD"}, func(b secrets.Blob) error {
		blobs = append(blobs, b)
		return nil
	})
	return blobs, err
}

// History returns the lines added by every commit reachable from any ref
// (a secret pushed on a side branch is as exposed as one on main).
func History(repoDir string) ([]secrets.Blob, error) {
	var blobs []secrets.Blob
	err := Log(repoDir, []string{"--all"}, func(b secrets.Blob) error {
		blobs = append(blobs, b)
		return nil
	})
	return blobs, err
}

// commit header marker in the log format; record separators cannot occur
// in a diff of text files that git prints as text.
const logMarker = "\x1esfguard-commit\x1f"

// Log streams one blob per (commit, file) with the lines that commit adds,
// for the revisions selected by revArgs (as given to git log). Merge
// commits contribute no lines (git log -p prints no diff for them), so
// content introduced only while resolving a conflict is not seen.
// Binary files are skipped. Memory stays bounded by one commit's diff.
func Log(repoDir string, revArgs []string, fn func(secrets.Blob) error) error {
	args := []string{"-c", "core.quotepath=off", "log", "-p", "-U0", "--no-color", "--no-ext-diff", "--no-textconv",
		"--diff-filter=ACMR", "-M", "--src-prefix=a/", "--dst-prefix=b/",
		"--format=format:" + logMarker + "%H%x1f%aI%x1f%an <%ae>"}
	args = append(args, revArgs...)
	args = append(args, "--")
	cmd := exec.Command("git", args...)
	cmd.Dir = repoDir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("%s: git log: %w", repoDir, err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%s: git log: %w", repoDir, err)
	}
	perr := parseLog(stdout, fn)
	if perr != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return fmt.Errorf("%s: git log: %w", repoDir, perr)
	}
	if err := cmd.Wait(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("%s: git log: %s", repoDir, msg)
	}
	return nil
}

// parseLog reads `git log -p -U0` output.
func parseLog(r io.Reader, fn func(secrets.Blob) error) error {
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
	flush := func() error {
		if commit != nil && path != "" && len(lineMap) > 0 {
			b := secrets.Blob{Path: path, Data: data, LineMap: lineMap, Commit: commit, Source: secrets.SourceHistory}
			if err := fn(b); err != nil {
				return err
			}
		}
		data, lineMap, inHunk = nil, nil, false
		return nil
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, logMarker) {
			if err := flush(); err != nil {
				return err
			}
			parts := strings.SplitN(line[len(logMarker):], "\x1f", 3)
			if len(parts) != 3 {
				return fmt.Errorf("unexpected commit header %q", line)
			}
			commit = &finding.Commit{SHA: parts[0], Date: parts[1], Author: parts[2]}
			path = ""
			continue
		}
		switch {
		case strings.HasPrefix(line, "diff --git "):
			if err := flush(); err != nil {
				return err
			}
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
		case inHunk && (strings.HasPrefix(line, "-") || strings.HasPrefix(line, `\`)):
			// removed line or "\ No newline at end of file"
		case inHunk && line == "":
			// blank line between a commit's diff and the next header
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return flush()
}
