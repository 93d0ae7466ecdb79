package source

import (
	"os"
	"path/filepath"
)

// pathFilter applies a walk's filters to paths that come from git rather
// than from listing directories: under a path argument, not excluded, and —
// for the metadata classification — inside a package directory and not in
// .forceignore. Directory states are computed once, from the top of the
// work tree down, the way walkDir builds them.
//
// .gitignore and .git/info/exclude do not apply: they keep untracked files
// out of git, and every blob here is in git (staged with `git add -f`, or
// committed before the pattern was added) and will be pushed.
type pathFilter struct {
	w    *walker
	top  string
	args []pathArg
	dirs map[string]*dirState
}

type pathArg struct {
	abs   string
	isDir bool
}

// dirState is what a walk would know on entering a directory.
type dirState struct {
	ig  ignores
	sc  scope
	out bool // ignored or excluded: nothing below it is read
}

func newPathFilter(w *walker, top string, args []string) *pathFilter {
	pf := &pathFilter{w: w, top: top, dirs: map[string]*dirState{}}
	if len(args) == 0 {
		args = []string{"."}
	}
	for _, a := range args {
		abs, err := filepath.Abs(a)
		if err != nil {
			abs = a
		}
		st, err := os.Stat(abs)
		pf.args = append(pf.args, pathArg{abs: abs, isDir: err == nil && st.IsDir()})
	}
	return pf
}

// accept reports whether the file at abs passes the filters. A file named
// as an argument bypasses ignore files, as in a walk.
func (pf *pathFilter) accept(abs string) bool {
	disp := pf.w.display(abs, abs)
	under := false
	for _, a := range pf.args {
		if !a.isDir && a.abs == abs {
			return !pf.w.excluded(abs, disp)
		}
		if _, ok := RelTo(a.abs, abs); a.isDir && ok {
			under = true
		}
	}
	if !under {
		return false
	}
	st := pf.state(filepath.Dir(abs))
	if st.out || pf.w.excluded(abs, disp) {
		return false
	}
	return pf.w.opts.NoIgnore || !st.ig.skip(splitComps(abs), false)
}

// inScope reports whether a metadata file lies in a package directory of
// its project.
func (pf *pathFilter) inScope(abs string) bool {
	st := pf.state(filepath.Dir(abs))
	return st.sc.covers(abs) && !st.ig.undeployed(splitComps(abs), false)
}

func (pf *pathFilter) state(dir string) *dirState {
	if st, ok := pf.dirs[dir]; ok {
		return st
	}
	var st dirState
	comps := splitComps(dir)
	parent := filepath.Dir(dir)
	_, inside := RelTo(pf.top, dir)
	switch {
	case dir == pf.top || !inside || parent == dir:
		// The work tree's root starts a new scope, as in a walk of it.
		pf.load(&st, dir, comps, true)
	default:
		up := pf.state(parent)
		st = dirState{ig: up.ig, sc: up.sc, out: up.out}
		if !st.out {
			st.out = (!pf.w.opts.NoIgnore && st.ig.skip(comps, true)) || pf.w.excluded(dir, pf.w.display(dir, dir))
		}
		if !st.out && st.ig.undeployed(comps, true) {
			st.sc = noMetadata
		}
		if !st.out {
			pf.load(&st, dir, comps, false)
		}
	}
	pf.dirs[dir] = &st
	return &st
}

// load adds the ignore files and project scope of one directory.
func (pf *pathFilter) load(st *dirState, dir string, comps []string, root bool) {
	project := pf.w.cfgExists(filepath.Join(dir, sfdxProject))
	disp := pf.w.display(dir, dir)
	if !pf.w.opts.NoIgnore && (project || root) {
		st.ig.force = pf.w.load(st.ig.force, filepath.Join(dir, forceignore), joinDisplay(disp, forceignore), comps)
	}
	if project {
		st.sc = pf.w.projectScope(dir, joinDisplay(disp, sfdxProject))
	}
}
