package scan

import (
	"os"
	"path/filepath"
	"strings"
)

// projectPaths maps display paths (relative to the working directory, or
// absolute outside it) to paths from the project root. A credential's
// fingerprint and the path the secret rules see (secret_allow_paths, the
// test and docs hints that lower a severity) use them, so that a baseline
// written in CI matches one written at a desk, and `sfguard scan proj` from
// the parent judges proj/docs/x.md as `sfguard scan .` inside proj does.
type projectPaths struct {
	root, cwd string // absolute; root "" leaves paths as they are
}

// newProjectPaths finds the project root: the git work tree enclosing the
// scanned directory (what a checkout in CI and one at a desk share), else
// the directory of the configuration file, else the scanned directory
// itself (a file's folder for a file).
func newProjectPaths(s *Settings) projectPaths {
	cwd, err := os.Getwd()
	if err != nil {
		return projectPaths{}
	}
	start, err := filepath.Abs(s.GitDir())
	if err != nil {
		return projectPaths{}
	}
	if st, err := os.Stat(start); err == nil && !st.IsDir() {
		start = filepath.Dir(start)
	}
	for dir := start; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return projectPaths{root: dir, cwd: cwd}
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	if s.Config != nil && s.Config.Path != "" {
		if dir, err := filepath.Abs(filepath.Dir(s.Config.Path)); err == nil {
			return projectPaths{root: dir, cwd: cwd}
		}
	}
	return projectPaths{root: start, cwd: cwd}
}

// of returns display's path from the project root, slash-separated; a
// path outside the root, stdin and a path it cannot place stay as they are.
// A zip entry keeps its inner path: "retrieves/org.zip!/unpackaged/x".
func (p projectPaths) of(display string) string {
	if p.root == "" || display == "" || strings.HasPrefix(display, "<") {
		return display
	}
	outer, inner, isEntry := strings.Cut(display, "!/")
	abs := filepath.FromSlash(outer)
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(p.cwd, abs)
	}
	rel, err := filepath.Rel(p.root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return display
	}
	rel = filepath.ToSlash(rel)
	if isEntry {
		rel += "!/" + inner
	}
	return rel
}
