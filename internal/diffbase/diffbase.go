// Package diffbase is PR mode's plumbing: it materialises the tree of a git
// revision in a temporary directory so the same scan can run over it, and
// keeps only the findings that are new compared with that scan.
//
// The tree is written with real git through a throwaway index:
//
//	GIT_INDEX_FILE=<tmp>/index git read-tree <rev>
//	GIT_INDEX_FILE=<tmp>/index git checkout-index --all --prefix=<tmp>/tree/
//
// rather than `git archive | tar -x` or `git worktree add`. git archive
// honours export-ignore and export-subst attributes, so files a project
// keeps out of release tarballs would silently vanish from the base scan
// and every finding in them would look new; it also needs tar. A worktree
// registers itself in .git/worktrees, takes the repository's locks and is
// left behind (needing `git worktree prune`) when the process is killed.
// read-tree into a private index file touches neither the repository's
// index nor its working tree nor its worktree list, and checkout-index
// applies the checkout filters (line endings, LFS smudge) the working tree
// gets, so both sides of the comparison see the same bytes.
package diffbase

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/sfguard/sfguard/internal/baseline"
	"github.com/sfguard/sfguard/internal/finding"
)

// Materialize writes the tree of rev (any revision git understands: a
// branch, origin/main, a tag, a SHA, HEAD~1) into a new temporary
// directory and returns the directory that corresponds to repoDir in that
// tree: if repoDir is a subdirectory of the repository ("force-app"), dir
// is that subdirectory of the materialised tree, so paths relative to
// repoDir are the same on both sides. cleanup removes everything; call it
// when done, also on later errors.
func Materialize(repoDir, rev string) (dir string, cleanup func(), err error) {
	if rev == "" {
		return "", nil, errors.New("--diff-base: empty revision")
	}
	if strings.HasPrefix(rev, "-") {
		// Never let a revision be read as an option.
		return "", nil, fmt.Errorf("--diff-base: invalid revision %q", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return "", nil, errors.New("--diff-base needs git on PATH")
	}
	prefix, err := gitOut(repoDir, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return "", nil, fmt.Errorf("--diff-base: %s is not inside a git repository: %w", repoDir, err)
	}
	prefix = strings.TrimSpace(prefix)
	tree, err := gitOut(repoDir, nil, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{tree}")
	if err != nil {
		return "", nil, fmt.Errorf("--diff-base: unknown revision %q in %s (in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)", rev, repoDir)
	}
	tree = strings.TrimSpace(tree)

	tmp, err := os.MkdirTemp("", "sfguard-base-")
	if err != nil {
		return "", nil, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	root := filepath.Join(tmp, "tree")
	env := []string{"GIT_INDEX_FILE=" + filepath.Join(tmp, "index")}
	if _, err := gitOut(repoDir, env, "read-tree", tree); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("--diff-base: reading %s: %w", rev, err)
	}
	// checkout-index runs from the top of the work tree so that --all
	// covers the whole tree, whatever subdirectory repoDir is.
	top, err := gitOut(repoDir, nil, "rev-parse", "--show-toplevel")
	if err != nil {
		cleanup()
		return "", nil, fmt.Errorf("--diff-base: %w", err)
	}
	if _, err := gitOut(strings.TrimSpace(top), env, "checkout-index", "--all", "--force", "--prefix="+root+string(filepath.Separator)); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("--diff-base: writing the tree of %s: %w", rev, err)
	}
	dir = filepath.Join(root, filepath.FromSlash(prefix))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		// The subdirectory did not exist at rev: an empty base.
		cleanup()
		return "", nil, err
	}
	return dir, cleanup, nil
}

func gitOut(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	// Keep the user's hooks, pager and prompts out of it.
	cmd.Env = append(cmd.Env, "GIT_TERMINAL_PROMPT=0", "GIT_PAGER=cat")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			return "", fmt.Errorf("git %s: %w", args[0], err)
		}
		return "", fmt.Errorf("git %s: %s", args[0], msg)
	}
	return stdout.String(), nil
}

// New returns the head findings that are not in base, compared by
// fingerprint (computed where missing). Fingerprints are counted, so a
// second occurrence of a problem that existed once at base is new. The
// order of head is kept.
func New(head, base []finding.Finding) []finding.Finding {
	seen := map[string]int{}
	for i := range base {
		fp := base[i].Fingerprint
		if fp == "" {
			fp = baseline.Fingerprint(&base[i])
		}
		seen[fp]++
	}
	out := make([]finding.Finding, 0, len(head))
	for i := range head {
		fp := head[i].Fingerprint
		if fp == "" {
			fp = baseline.Fingerprint(&head[i])
		}
		if seen[fp] > 0 {
			seen[fp]--
			continue
		}
		out = append(out, head[i])
	}
	return out
}
