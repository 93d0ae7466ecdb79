package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/sfguard/sfguard/internal/finding"
)

const (
	gitDir        = ".git"
	gitignoreFile = ".gitignore"
	forceignore   = ".forceignore"
	sfdxProject   = "sfdx-project.json"
)

// ignores holds the patterns in force for one directory. Patterns carry
// their domain as absolute path components, so patterns from ancestors,
// nested .gitignore files and the project .forceignore can all be matched
// against the same absolute component path.
//
// git and force are separate sets: a file is skipped when either excludes
// it, and a negation in one does not re-include what the other excludes.
type ignores struct {
	git   []pattern // increasing priority: info/exclude, then shallow to deep .gitignore
	force []pattern
}

// pattern wraps a go-git pattern to correct one divergence from git:
// go-git lets "dir/**" match dir itself, so a negation such as
// "!dir/Keep.xml" could never re-include a file. In git "dir/**" matches
// only what is inside dir, which is exactly "the parent is dir or below
// it" — so such patterns are matched against the parent's path.
type pattern struct {
	p      gitignore.Pattern
	inside bool // the pattern ends in "/**"
	// depth and lits are a quick reject: go-git matches each glob with
	// filepath.Match against every component below the pattern's folder
	// (depth components), which was 40% of the CPU of a scan of a real
	// source-format org with a 39-line .forceignore (issue 14 profile).
	// A glob matches a name only if the name contains each of its
	// literal runs, so a path where some run appears in no component
	// cannot match and go-git is not asked.
	depth int
	lits  []string
}

func newPattern(line string, domain []string) pattern {
	trimmed := strings.TrimRight(strings.TrimPrefix(line, "!"), " ")
	return pattern{
		p:      gitignore.ParsePattern(line, domain),
		inside: strings.HasSuffix(trimmed, "/**"),
		depth:  len(domain),
		lits:   literalRuns(line),
	}
}

// literalRuns returns the runs of plain characters of a gitignore line's
// globs: text that a matching path component must contain. Components
// with escapes or character classes give none (no quick reject for them).
func literalRuns(line string) []string {
	p := strings.TrimPrefix(line, "!")
	var runs []string
	for _, c := range strings.Split(p, "/") {
		if strings.ContainsAny(c, `\[`) {
			continue
		}
		for _, r := range strings.FieldsFunc(c, func(r rune) bool { return r == '*' || r == '?' }) {
			if r = strings.TrimRight(r, " "); r != "" {
				runs = append(runs, r)
			}
		}
	}
	return runs
}

func (p pattern) match(comps []string, isDir bool) gitignore.MatchResult {
	if p.inside {
		if len(comps) == 0 {
			return gitignore.NoMatch
		}
		comps, isDir = comps[:len(comps)-1], true
	}
	if len(comps) <= p.depth {
		return gitignore.NoMatch
	}
	for _, lit := range p.lits {
		if !anyContains(comps[p.depth:], lit) {
			return gitignore.NoMatch
		}
	}
	return p.p.Match(comps, isDir)
}

func anyContains(comps []string, lit string) bool {
	for _, c := range comps {
		if strings.Contains(c, lit) {
			return true
		}
	}
	return false
}

// skip reports whether git's ignore rules match the path: unless git tracks
// it anyway (walker.tracked), nothing below it is read, by either half.
func (ig ignores) skip(comps []string, isDir bool) bool {
	return excludedBy(ig.git, comps, isDir)
}

// undeployed reports whether .forceignore keeps the path out of deploys:
// the metadata rules do not apply to it, but it is still committed, so the
// credential scan reads it.
func (ig ignores) undeployed(comps []string, isDir bool) bool {
	return excludedBy(ig.force, comps, isDir)
}

// excludedBy applies gitignore precedence: the last matching pattern
// decides.
func excludedBy(ps []pattern, comps []string, isDir bool) bool {
	for i := len(ps) - 1; i >= 0; i-- {
		switch ps[i].match(comps, isDir) {
		case gitignore.Exclude:
			return true
		case gitignore.Include:
			return false
		}
	}
	return false
}

// readPatterns parses a gitignore-syntax file. A missing file yields no
// patterns; other errors are returned for a diagnostic.
func readPatterns(cfg configFiles, file string, domain []string) ([]pattern, error) {
	b, err := cfg.readFile(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // editors on Windows add a BOM
	var ps []pattern
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), len(b)+1)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		ps = append(ps, newPattern(line, domain))
	}
	return ps, nil
}

// load appends the patterns of an ignore file to set, reporting an
// unreadable file. The result never aliases set's spare capacity, so
// sibling directories cannot see each other's patterns.
func (w *walker) load(set []pattern, file, display string, domain []string) []pattern {
	ps, err := readPatterns(w.cfg, file, domain)
	if err != nil {
		w.diag(display, errText(err))
		return set
	}
	if len(ps) == 0 {
		return set
	}
	return append(slices.Clip(set), ps...)
}

func splitComps(p string) []string {
	var comps []string
	for _, c := range strings.Split(filepath.ToSlash(p), "/") {
		if c != "" {
			comps = append(comps, c)
		}
	}
	return comps
}

func appendComp(comps []string, name string) []string {
	return append(slices.Clip(comps), name)
}

// walkRootDir walks a directory argument. abs is used to open files, real
// (symlinks resolved) for ignore domains and duplicate detection.
func (w *walker) walkRootDir(abs, real, disp string) {
	comps := splitComps(real)
	var ig ignores
	projectAbove := false
	if !w.opts.NoIgnore {
		ig, projectAbove = w.ancestorIgnores(real, comps)
	}
	// Without an enclosing project, the argument directory counts as the
	// project root for its .forceignore.
	// A directory named inside a project is classified whole: the user
	// asked for it, package directories or not.
	w.walkDir(abs, real, disp, comps, ig, !projectAbove, nil)
}

// scope lists the package directories (real, absolute) whose files are
// classified as metadata; nil means everywhere.
type scope []string

// noMetadata is the scope of a folder .forceignore keeps out of deploys:
// it covers nothing, so its files reach only the credential scan.
var noMetadata = scope{}

func (s scope) covers(real string) bool {
	if s == nil {
		return true
	}
	for _, d := range s {
		if _, ok := RelTo(d, real); ok {
			return true
		}
	}
	return false
}

// projectScope reads the package directories of the project rooted at
// real and reports those that do not exist.
func (w *walker) projectScope(real, projDisp string) scope {
	pkgs, ok := w.packageDirs(filepath.Join(real, sfdxProject), projDisp)
	if !ok || pkgs[0] == "." {
		return nil
	}
	var sc scope
	for _, p := range pkgs {
		dir := filepath.Join(real, filepath.FromSlash(p))
		isDir, err := w.cfg.dirExists(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			w.diag(projDisp, "package directory "+quote(p)+" does not exist")
		case err != nil:
			w.diag(projDisp, "package directory "+quote(p)+": "+errText(err))
		case !isDir:
			w.diag(projDisp, "package directory "+quote(p)+" is not a directory")
		}
		sc = append(sc, dir)
	}
	return sc
}

// ancestorIgnores collects the ignore files above an argument directory:
// .git/info/exclude and every .gitignore from the enclosing work tree's
// root down, and the .forceignore of the enclosing sfdx project (found the
// way the sf CLI finds it, by looking upwards for sfdx-project.json). They
// are dropped when they exclude the argument itself. projectAbove reports
// whether an enclosing sfdx project was found.
func (w *walker) ancestorIgnores(real string, comps []string) (ig ignores, projectAbove bool) {
	var ancestors []string // nearest first
	for dir := real; ; {
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		ancestors = append(ancestors, parent)
		dir = parent
	}
	// An argument that is itself a work tree or project root starts a new
	// scope: a dotfiles repository in $HOME must not impose its ignore
	// rules on a clone below it, and the sf CLI stops at the nearest
	// sfdx-project.json.
	ownRepo := exists(filepath.Join(real, gitDir))
	ownProject := exists(filepath.Join(real, sfdxProject))
	repo, project := -1, -1
	for i, a := range ancestors {
		if !ownProject && project < 0 && exists(filepath.Join(a, sfdxProject)) {
			project = i
		}
		if !ownRepo && repo < 0 && exists(filepath.Join(a, gitDir)) {
			repo = i
		}
	}
	if repo >= 0 {
		for i := repo; i >= 0; i-- {
			a := ancestors[i]
			dom := splitComps(a)
			if f := excludeFile(a); i == repo && f != "" {
				ig.git = w.load(ig.git, f, w.display(f, f), dom)
			}
			f := filepath.Join(a, gitignoreFile)
			ig.git = w.load(ig.git, f, w.display(f, f), dom)
		}
	}
	if project >= 0 {
		f := filepath.Join(ancestors[project], forceignore)
		ig.force = w.load(ig.force, f, w.display(f, f), splitComps(ancestors[project]))
	}
	if excludedBy(ig.git, comps, true) {
		ig.git = nil
	}
	if excludedBy(ig.force, comps, true) {
		ig.force = nil
	}
	return ig, project >= 0
}

// excludeFile is the info/exclude file git reads for the work tree rooted
// at root. In a linked worktree or a submodule .git is a file ("gitdir:
// <dir>") and the exclude file lives in the repository's common git
// directory, named by <dir>/commondir. "" when .git cannot be followed.
func excludeFile(root string) string {
	dotgit := filepath.Join(root, gitDir)
	st, err := os.Stat(dotgit)
	if err != nil || st.IsDir() {
		return filepath.Join(dotgit, "info", "exclude")
	}
	b, err := os.ReadFile(dotgit)
	if err != nil {
		return ""
	}
	dir, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "gitdir:")
	if !ok {
		return ""
	}
	dir = resolveFrom(root, strings.TrimSpace(dir))
	if c, err := os.ReadFile(filepath.Join(dir, "commondir")); err == nil {
		dir = resolveFrom(dir, strings.TrimSpace(string(c)))
	}
	return filepath.Join(dir, "info", "exclude")
}

func resolveFrom(base, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(base, p)
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// walkDir lists one directory (a single ReadDir) and recurses. Ignored and
// excluded subdirectories are pruned before anything inside them is
// touched. forceRoot says a .forceignore here applies even without an
// sfdx-project.json beside it.
func (w *walker) walkDir(abs, real, disp string, comps []string, ig ignores, forceRoot bool, sc scope) {
	entries, err := os.ReadDir(abs)
	if err != nil {
		w.diag(disp, "cannot read directory: "+errText(err))
		return
	}
	var hasGit, hasGitignore, hasForceignore, hasProject bool
	for _, e := range entries {
		switch e.Name() {
		case gitDir:
			hasGit = e.IsDir()
		case gitignoreFile:
			hasGitignore = true
		case forceignore:
			hasForceignore = true
		case sfdxProject:
			hasProject = true
		}
	}
	if !w.opts.NoIgnore {
		if hasGit {
			f := filepath.Join(abs, gitDir, "info", "exclude")
			ig.git = w.load(ig.git, f, joinDisplay(disp, ".git/info/exclude"), comps)
		}
		if hasGitignore {
			ig.git = w.load(ig.git, filepath.Join(abs, gitignoreFile), joinDisplay(disp, gitignoreFile), comps)
		}
		if (hasProject || forceRoot) && hasForceignore {
			ig.force = w.load(ig.force, filepath.Join(abs, forceignore), joinDisplay(disp, forceignore), comps)
		}
	}
	if hasProject {
		sc = w.projectScope(real, joinDisplay(disp, sfdxProject))
	}
	for _, e := range entries {
		name := e.Name()
		if name == gitDir {
			// Git's own files; a .git file (worktree, submodule) only
			// points elsewhere.
			continue
		}
		w.visit(joinClean(abs, name), joinClean(real, name), joinDisplay(disp, name), appendComp(comps, name), e.Type(), ig, sc)
	}
}

// visit handles one directory entry given its type bits from the listing.
func (w *walker) visit(abs, real, disp string, comps []string, typ fs.FileMode, ig ignores, sc scope) {
	symlink := typ&fs.ModeSymlink != 0
	if symlink {
		st, err := os.Stat(abs)
		if err != nil {
			// Dangling links are common (editor lock files, build
			// outputs) and point at nothing to scan.
			return
		}
		if st.IsDir() {
			return // not followed: a link to an ancestor would loop
		}
		typ = st.Mode().Type()
	}
	switch {
	case typ.IsDir():
		if ig.skip(comps, true) && !w.tracked.keeps(w, real, true) || w.excluded(abs, disp) {
			return
		}
		if ig.undeployed(comps, true) {
			sc = noMetadata
		}
		w.spawn(func() { w.walkDir(abs, real, disp, comps, ig, false, sc) })
	case typ.IsRegular():
		w.walkFile(abs, real, disp, comps, symlink, ig, sc)
	}
	// Devices, sockets and FIFOs are skipped: opening a FIFO would block.
}

func (w *walker) walkFile(abs, real, disp string, comps []string, symlink bool, ig ignores, sc scope) {
	if ig.skip(comps, false) && !w.tracked.keeps(w, real, false) || w.excluded(abs, disp) {
		return
	}
	// real is the entry's own path (a symlink is not resolved here): a
	// link is classified by its own name and folder, the target only
	// supplies the content. Using the resolved argument directory keeps
	// the type folder right when the argument itself is a symlink.
	t, name, format, ok := classify(filepath.ToSlash(real))
	if ok && (!sc.covers(real) || ig.undeployed(comps, false)) {
		t, name, format, ok = nil, "", "", false
	}
	key := real
	if symlink {
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			key = r
		}
	}
	archive := !w.opts.NoArchives && isZip(abs)
	if !ok && !archive {
		// Only the credential scan reads it, and it stats the open file
		// anyway; a stat here was a third of the walk on large trees.
		w.add(key, File{Path: disp, Abs: abs, Size: -1, osPath: abs, limit: w.max})
		return
	}
	// One stat gives the size (of the link target, too). Readability is
	// not checked here: Read reports an unreadable file with its path, and
	// opening every file twice doubled the cost of walking large trees.
	st, err := os.Stat(abs)
	if err != nil {
		w.diag(disp, errText(err))
		return
	}
	if archive {
		w.walkZipFile(abs, key, disp, st.Size())
		return
	}
	if st.Size() > w.max {
		w.diag(disp, oversized(st.Size(), w.max))
		return
	}
	w.add(key, File{Path: disp, Abs: abs, Size: st.Size(), Type: t, FullName: name, Format: format, osPath: abs, limit: w.max})
}

// packageDirs reads sfdx-project.json. ok is false (and the whole directory
// is walked) when the file is malformed or declares no package
// directories.
func (w *walker) packageDirs(file, disp string) ([]string, bool) {
	b, err := w.cfg.readFile(file)
	if err != nil {
		w.diag(disp, errText(err)+"; walking the whole directory")
		return nil, false
	}
	var proj struct {
		PackageDirectories []struct {
			Path string `json:"path"`
		} `json:"packageDirectories"`
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if err := json.Unmarshal(b, &proj); err != nil {
		w.addDiag(finding.Diagnostic{File: disp, Line: jsonErrLine(b, err),
			Message: "malformed sfdx-project.json: " + err.Error() + "; walking the whole directory"})
		return nil, false
	}
	var dirs []string
	for _, d := range proj.PackageDirectories {
		// Projects edited on Windows sometimes use backslashes.
		p := strings.ReplaceAll(strings.TrimSpace(d.Path), `\`, "/")
		if p == "" {
			continue
		}
		clean := path.Clean(filepath.ToSlash(p))
		if path.IsAbs(clean) || filepath.IsAbs(p) || clean == ".." || strings.HasPrefix(clean, "../") {
			w.diag(disp, "package directory "+quote(p)+" is outside the project; skipped")
			continue
		}
		dirs = append(dirs, clean)
	}
	if len(dirs) == 0 {
		return nil, false
	}
	// A package directory nested in another is already covered; dropping
	// it saves walking the subtree twice. "." covers everything.
	if slices.Contains(dirs, ".") {
		return []string{"."}, true
	}
	slices.Sort(dirs)
	var out []string
	for _, d := range dirs {
		if !slices.ContainsFunc(out, func(o string) bool { return d == o || strings.HasPrefix(d, o+"/") }) {
			out = append(out, d)
		}
	}
	return out, true
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// jsonErrLine finds the line of a JSON error (0 when unknown), since a
// diagnostic about a hand-edited project file is only useful if it says
// where.
func jsonErrLine(b []byte, err error) int {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return 0
	}
	return 1 + bytes.Count(b[:min(int(off), len(b))], []byte("\n"))
}
