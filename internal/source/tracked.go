package source

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// tracked knows which ignored paths git tracks anyway. .gitignore keeps
// untracked files out of git; a file committed before its pattern was added,
// or added with `git add -f`, is still in every clone. The walk skips what
// .gitignore matches unless git tracks it (or, for a folder, something in
// it): `git ls-files --cached --ignored --exclude-standard`, once per work
// tree and only when the walk meets an ignored path.
type tracked struct {
	mu    sync.Mutex
	tops  map[string]string          // directory -> its work tree's top ("" = none)
	paths map[string]map[string]bool // top -> tracked ignored files and their folders
}

// keeps reports whether git tracks the ignored path real (a file, or for
// a folder anything below it), so the walk must read it anyway.
func (t *tracked) keeps(w *walker, real string, isDir bool) bool {
	dir := real
	if !isDir {
		dir = filepath.Dir(real)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	top := t.top(dir)
	if top == "" {
		return false
	}
	set, ok := t.paths[top]
	if !ok {
		set = trackedIgnored(w, top)
		if t.paths == nil {
			t.paths = map[string]map[string]bool{}
		}
		t.paths[top] = set
	}
	return set[real]
}

// top returns the work tree enclosing dir, walking up to the first .git.
func (t *tracked) top(dir string) string {
	if top, ok := t.tops[dir]; ok {
		return top
	}
	top := ""
	if exists(filepath.Join(dir, gitDir)) {
		top = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		top = t.top(parent)
	}
	if t.tops == nil {
		t.tops = map[string]string{}
	}
	t.tops[dir] = top
	return top
}

// trackedIgnored lists the files of the work tree at top that git tracks
// although its ignore rules match them, with every folder leading to them.
// Without git installed the walk says so (once per work tree) and skips
// ignored paths as before; a .git that git does not take for a repository
// tracks nothing.
func trackedIgnored(w *walker, top string) map[string]bool {
	set := map[string]bool{}
	if _, err := exec.LookPath("git"); err != nil {
		w.diag(w.display(top, top), "git is not installed, so files that .gitignore matches are skipped even if they are committed")
		return set
	}
	out, err := git(top, nil, "ls-files", "-z", "--cached", "--ignored", "--exclude-standard")
	if err != nil {
		return set
	}
	for _, p := range bytes.Split(out, []byte{0}) {
		if len(p) == 0 {
			continue
		}
		abs := filepath.Join(top, filepath.FromSlash(string(p)))
		for d := abs; d != top && strings.HasPrefix(d, top); d = filepath.Dir(d) {
			set[d] = true
		}
	}
	return set
}
