// Package source is sfguard's one way in. Every input — a work tree, the
// git index, the tree of a revision, the lines each commit adds, standard
// input, and the entries of zip archives met anywhere in those — becomes a
// File with a display path, lazily read content and an Origin. Both halves
// of a scan consume the same files: the metadata half keeps those with a
// Type, the credential scan reads them all. Filtering happens here and only
// here: path arguments, .gitignore/.forceignore, exclude patterns (each
// anchored at the directory that declares it) and size limits.
//
// Work-tree files are listed, not read: File.Read opens the file (or
// decompresses the zip entry) when the caller asks, so a scan of a large org
// holds no file contents in memory until a worker needs them.
//
// Decomposed permission sets (the SDR "decomposePermissionSetBeta2" preset,
// permissionsets/<Name>/<Name>.permissionset-meta.xml plus one child file
// per element kind) are recognised by their parent file only; the child
// element files (*.userPermission-meta.xml, *.fieldPermission-meta.xml, …)
// are not metadata candidates and are not joined back into the parent here.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/sfmeta"
)

// DefaultMaxFileSize is used when Options.MaxFileSize is zero. Real profiles
// reach 20 MB; anything past 64 MiB is far more likely a data dump or an
// archive than metadata.
const DefaultMaxFileSize int64 = 64 << 20

// Kind says where a file's bytes come from.
type Kind string

// Kinds of origin.
const (
	WorkTree  Kind = "worktree" // a file on disk
	Index     Kind = "index"    // a staged blob (--staged)
	Tree      Kind = "tree"     // a blob of the tree at a revision (--diff-base)
	Commit    Kind = "commit"   // the lines one commit adds (--since, --history)
	StdinKind Kind = "stdin"    // standard input
)

// Origin is where a file came from. Archive is set for a zip entry: the
// display path of the archive holding it (the file's own Kind is the
// archive's).
type Origin struct {
	Kind    Kind
	Commit  *finding.Commit
	Archive string
}

// LineRange is an inclusive range of 1-based lines.
type LineRange struct{ Start, End int }

// Pattern is an exclude or path glob (doublestar syntax) together with the
// directory it is relative to: the directory of the configuration file
// that declares it, or the working directory for a command-line pattern.
// Base is absolute; an empty Base matches against display paths.
type Pattern struct {
	Glob string
	Base string
}

// Anchored returns globs anchored at dir (made absolute).
func Anchored(dir string, globs ...string) []Pattern {
	base, err := filepath.Abs(dir)
	if err != nil {
		base = dir
	}
	out := make([]Pattern, len(globs))
	for i, g := range globs {
		out[i] = Pattern{Glob: g, Base: base}
	}
	return out
}

// Match reports whether the file at abs (absolute; a zip entry is
// "/abs/a.zip!/inner") or, without a Base, at display path disp matches. A
// pattern also matches everything below a matching directory.
func (p Pattern) Match(abs, disp string) bool {
	rel := disp
	if p.Base != "" {
		var ok bool
		if rel, ok = RelTo(p.Base, abs); !ok {
			return false
		}
	}
	if ok, _ := doublestar.Match(p.Glob, rel); ok {
		return true
	}
	ok, _ := doublestar.Match(strings.TrimSuffix(p.Glob, "/")+"/**", rel)
	return ok
}

// RelTo is abs relative to the directory base, slash-separated; ok is false
// when abs is not below base.
func RelTo(base, abs string) (string, bool) {
	abs, base = filepath.ToSlash(abs), filepath.ToSlash(base)
	if abs == base {
		return ".", true
	}
	prefix := strings.TrimSuffix(base, "/") + "/"
	if !strings.HasPrefix(abs, prefix) {
		return "", false
	}
	return abs[len(prefix):], true
}

// Options tune a walk.
type Options struct {
	// MaxFileSize: larger metadata files are reported as a Diagnostic and
	// skipped (0 = DefaultMaxFileSize). Other files are passed on with
	// their size; the credential scan applies its own limit.
	MaxFileSize int64
	// Exclude holds the exclude patterns of the command line and the
	// configuration. A matching directory is not descended into. They
	// apply to explicit file arguments, zip entries and git blobs too.
	Exclude []Pattern
	// NoIgnore disables .gitignore, .git/info/exclude and .forceignore.
	// .git directories are skipped regardless.
	NoIgnore bool
	// NoArchives treats .zip files met in a walk as opaque files instead of
	// listing their entries. A zip named as an argument is always opened.
	NoArchives bool
	// CredentialsOnly says only the credential scan reads the listing, so
	// which files are metadata does not matter: --staged then leaves the
	// index's sfdx-project.json and .forceignore unread (two git
	// processes a pre-commit credential scan would wait on).
	CredentialsOnly bool
}

// File is one file that passed the filters.
type File struct {
	// Path is the display path: relative to the current directory when the
	// file is under it, else as given; slash-separated. Zip entries read
	// "path/to/x.zip!/unpackaged/connectedApps/A.connectedApp".
	Path string
	// Abs is the absolute path patterns are matched against (for a zip
	// entry "/abs/x.zip!/inner"; for a git blob, where it sits in the work
	// tree).
	Abs string
	// Size in bytes (for a zip entry, the uncompressed size its header
	// declares; Read refuses more); -1 when the walk did not stat the file
	// (only metadata candidates and archives are stat'ed).
	Size int64
	// Type is the metadata type, nil when the file is not a metadata
	// candidate.
	Type     *sfmeta.Type
	FullName string
	Format   sfmeta.Format
	// Explicit is set for a file named on the command line.
	Explicit bool
	Origin   Origin

	// LineMap, when non-nil, maps the 0-based line index of the content to
	// the real 1-based line: a commit blob holds only the added lines.
	LineMap []int
	// Changed lists the lines a staged blob adds; FilterChanged says only
	// those count (the whole blob is read for multi-line context).
	Changed       []LineRange
	FilterChanged bool

	key    string    // identity for de-duplication and tie-breaking
	osPath string    // file on disk, absolute; the archive for zip entries
	entry  *zipEntry // set for zip entries
	data   []byte    // content of a blob already in memory
	limit  int64     // most bytes Read will return
}

// OSPath is the file's path on disk, or "" when only Read can produce its
// bytes (a zip entry, a git blob, stdin).
func (f *File) OSPath() string {
	if f.entry != nil || f.data != nil {
		return ""
	}
	return f.osPath
}

// Read returns the file's bytes, from memory, from disk or by decompressing
// the zip entry. It never returns more than the size limit the walk was run
// with; errors name the display path.
func (f *File) Read() ([]byte, error) {
	return f.ReadReuse(nil)
}

// ReadReuse is Read reading a file from disk into buf's storage when it is
// large enough, so a worker that is done with one file's bytes before it
// reads the next allocates once instead of per file. The result may alias
// buf: the caller must not keep it (nor anything sharing its memory) past
// the next ReadReuse with the same buf.
func (f *File) ReadReuse(buf []byte) ([]byte, error) {
	if f.data != nil {
		return f.data, nil
	}
	if f.entry != nil {
		if f.Size > f.limit {
			// Decided from the header, before inflating anything.
			return nil, fmt.Errorf("%s: %s", f.Path, oversized(f.Size, f.limit))
		}
		return f.entry.read(f.Path)
	}
	fh, err := os.Open(f.osPath)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", f.Path, errText(err))
	}
	defer fh.Close()
	// The size may not be known, or the file may have grown since the
	// walk; the limit still holds. The buffer is sized from the walk so a
	// multi-megabyte profile is read without the repeated growing and
	// copying io.ReadAll would do.
	b, err := readLimited(fh, f.Size, f.limit, buf)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", f.Path, errText(err))
	}
	if int64(len(b)) > f.limit {
		if f.Size < 0 {
			return nil, fmt.Errorf("%s: skipped: over the %s limit", f.Path, humanBytes(f.limit))
		}
		return nil, fmt.Errorf("%s: file grew past the %s limit while scanning", f.Path, humanBytes(f.limit))
	}
	return b, nil
}

// Metadata returns the files that are metadata candidates.
func Metadata(files []File) []File {
	var out []File
	for _, f := range files {
		if f.Type != nil {
			out = append(out, f)
		}
	}
	return out
}

// readLimited reads at most limit+1 bytes (so a file that grew past the
// limit is noticed), starting with a buffer of the expected size: buf's
// storage when it holds that much.
func readLimited(r io.Reader, expect, limit int64, reuse []byte) ([]byte, error) {
	max := limit
	if max < math.MaxInt64 {
		max++
	}
	n := expect + 1 // one more byte to see EOF without growing the buffer
	if n <= 0 || n > max {
		n = max
	}
	if n > 64<<20 {
		n = 64 << 20 // grow past this only if the file really is larger
	}
	buf := reuse[:0]
	if int64(cap(buf)) < n {
		buf = make([]byte, 0, n)
	}
	lr := io.LimitReader(r, max)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// Walk lists the files under args (directories, files and .zip archives;
// "." when args is empty): every regular file that passes the filters,
// metadata candidates classified, the rest with a nil Type for the
// credential scan. Non-candidates are never opened by the walk.
//
// Rules:
//   - .git directories are never entered; symlinked directories are not
//     followed (loops), symlinked files are read.
//   - .gitignore files (nested ones too, and .git/info/exclude) and the
//     project's .forceignore apply to walked trees: what git ignores is not
//     read at all; what .forceignore lists is never deployed, so it is not
//     classified as metadata, but it is committed and still reaches the
//     credential scan. A .forceignore counts
//     only beside sfdx-project.json (the project root), or in the argument
//     directory when no project encloses it. When an argument directory
//     lies inside a git work tree or an sfdx project, the ignore files of
//     its ancestors up to the repository or project root apply as well,
//     unless they exclude the argument itself (the user asked for it) or
//     the argument is itself a work tree or project root.
//     Explicit file arguments bypass ignore files: pre-commit hooks pass
//     exactly the files they want checked.
//   - An sfdx-project.json in a walked directory makes it a project root:
//     only files in its packageDirectories are classified as metadata
//     (the rest of the project is still read by the credential scan).
//   - .zip archives, given as arguments or met anywhere in the walk, are
//     listed like directories (entries classified by inner path; archives
//     inside archives up to MaxArchiveDepth), unless NoArchives is set for
//     those met in the walk. The archive itself is not passed on.
//
// The result is sorted by Path with duplicates (the same file reached
// through two arguments or a symlink) removed; diagnostics are sorted too.
func Walk(args []string, opts Options) ([]File, []finding.Diagnostic) {
	w := newWalker(opts)
	if len(args) == 0 {
		args = []string{"."}
	}
	for _, arg := range args {
		w.walkArg(arg)
	}
	return w.result()
}

func newWalker(opts Options) *walker {
	w := &walker{
		opts:  opts,
		max:   opts.MaxFileSize,
		files: map[string]File{},
		dirs:  make(chan struct{}, runtime.GOMAXPROCS(0)),
		cfg:   diskConfig{},
	}
	if w.max <= 0 {
		w.max = DefaultMaxFileSize
	}
	for _, p := range opts.Exclude {
		if !doublestar.ValidatePattern(p.Glob) {
			w.diag(p.Glob, "invalid exclude pattern (doublestar syntax); ignored")
			continue
		}
		w.exclude = append(w.exclude, p)
	}
	cwd, err := os.Getwd()
	if err != nil {
		// Without a working directory display paths fall back to the
		// arguments as given, which is still correct, only longer.
		cwd = ""
	}
	w.cwd = cwd
	return w
}

type walker struct {
	opts    Options
	max     int64
	exclude []Pattern
	cwd     string
	// mu guards files and diags: directories are walked concurrently.
	mu    sync.Mutex
	files map[string]File // dedupe key (real path) -> file
	diags []finding.Diagnostic
	// origin is stamped on every file the walk adds.
	origin Origin
	// dirs bounds the directories walked on goroutines of their own; busy
	// tells result when they are done. See spawn.
	dirs chan struct{}
	busy sync.WaitGroup
	// tracked tells ignored paths that git tracks anyway.
	tracked tracked
	// cfg reads sfdx-project.json and .forceignore (configFiles).
	cfg configFiles
}

// spawn walks a subdirectory on a goroutine of its own when one is free,
// else on the caller's. Listing directories is most of a large tree's walk
// (getdents), and walked one after another it kept the second core idle
// until the credential workers started (issue 14). The outcome does not
// depend on the order: result sorts, add keeps the smallest path.
func (w *walker) spawn(walk func()) {
	select {
	case w.dirs <- struct{}{}:
		w.busy.Add(1)
		go func() {
			defer func() { <-w.dirs; w.busy.Done() }()
			walk()
		}()
	default:
		walk()
	}
}

func (w *walker) diag(file, msg string) {
	w.addDiag(finding.Diagnostic{File: file, Message: msg})
}

func (w *walker) addDiag(d finding.Diagnostic) {
	w.mu.Lock()
	w.diags = append(w.diags, d)
	w.mu.Unlock()
}

// excluded matches the exclude patterns against a file's absolute path
// (anchored patterns) or display path.
func (w *walker) excluded(abs, display string) bool {
	for _, p := range w.exclude {
		if p.Match(abs, display) {
			return true
		}
	}
	return false
}

// add records a file; when the same file was reached twice the smaller
// display path wins so the outcome does not depend on argument order.
func (w *walker) add(key string, f File) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if old, ok := w.files[key]; ok && old.Path <= f.Path {
		return
	}
	f.key = key
	if f.Origin.Kind == "" {
		f.Origin.Kind = w.origin.Kind
		f.Origin.Commit = w.origin.Commit
	}
	w.files[key] = f
}

func (w *walker) result() ([]File, []finding.Diagnostic) {
	w.busy.Wait()
	out := make([]File, 0, len(w.files))
	for _, f := range w.files {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].key < out[j].key
	})
	return out, sortDiags(w.diags)
}

// sortDiags orders diagnostics and drops exact repeats.
func sortDiags(ds []finding.Diagnostic) []finding.Diagnostic {
	sort.Slice(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
	out := ds[:0]
	for i, d := range ds {
		if i > 0 && d == ds[i-1] {
			continue
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// display turns an OS path into the display path: relative to the working
// directory when under it, else the argument as given.
func (w *walker) display(abs, given string) string {
	if w.cwd != "" {
		if rel, err := filepath.Rel(w.cwd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Clean(given))
}

// joinClean joins an already clean directory path and an entry name from
// its listing. filepath.Join would clean the result again, which was a fifth
// of the walk on large trees.
func joinClean(dir, name string) string {
	if dir == "" {
		return name
	}
	if os.IsPathSeparator(dir[len(dir)-1]) {
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

func joinDisplay(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

func (w *walker) walkArg(arg string) {
	abs, err := filepath.Abs(arg)
	if err != nil {
		w.diag(filepath.ToSlash(arg), errText(err))
		return
	}
	disp := w.display(abs, arg)
	// Stat follows a symlinked argument: the user named it, so there is no
	// loop to fear at this level.
	st, err := os.Stat(abs)
	if err != nil {
		w.diag(disp, errText(err))
		return
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		w.diag(disp, errText(err))
		return
	}
	switch {
	case st.IsDir():
		w.walkRootDir(abs, real, disp)
	case !st.Mode().IsRegular():
		w.diag(disp, "not a regular file, directory or zip archive")
	case w.excluded(abs, disp):
		// The configuration excludes it even when named: a pre-commit hook
		// passes every staged file, including excluded fixtures.
	case isZip(abs):
		w.walkZipFile(abs, real, disp, st.Size())
	default:
		w.explicitFile(abs, real, disp, st.Size())
	}
}

func isZip(p string) bool { return strings.EqualFold(filepath.Ext(p), ".zip") }

func (w *walker) explicitFile(abs, real, disp string, size int64) {
	// Classify by the absolute path so the parent folder is known even
	// when the argument is a bare file name; a named file with a metadata
	// suffix is metadata wherever it sits.
	t, name, format, ok := classify(filepath.ToSlash(abs))
	if !ok {
		t, name, format, _ = sfmeta.ClassifyNamed(filepath.ToSlash(abs), func() string { return rootElement(abs) })
	}
	if t != nil && size > w.max {
		w.diag(disp, oversized(size, w.max))
		return
	}
	if err := readable(abs); err != nil {
		w.diag(disp, errText(err))
		return
	}
	w.add(real, File{Path: disp, Abs: abs, Size: size, Type: t, FullName: name, Format: format, Explicit: true, osPath: abs, limit: w.max})
}

// rootElement is the name of the first element of an XML file, read from
// its first 4 KiB; "" when there is none there.
func rootElement(p string) string {
	f, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer f.Close()
	buf := make([]byte, 4096)
	n, _ := io.ReadFull(f, buf)
	return firstElement(buf[:n])
}

// firstElement skips the declaration, comments and processing instructions
// and returns the local name of the first start tag.
func firstElement(b []byte) string {
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 || i+1 >= len(b) {
			return ""
		}
		b = b[i+1:]
		switch b[0] {
		case '?', '!':
			continue
		}
		end := bytes.IndexAny(b, " \t\r\n/>")
		if end < 0 {
			return ""
		}
		name := string(b[:end])
		if c := strings.IndexByte(name, ':'); c >= 0 {
			name = name[c+1:]
		}
		return name
	}
}

// readable opens and closes the file so that permission problems surface
// as diagnostics during the walk, where the rest of the scan still runs,
// rather than as a worker error later. Only files the scan will read get
// here.
func readable(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	return f.Close()
}

func oversized(size, max int64) string {
	return fmt.Sprintf("skipped: %d bytes exceeds the %s limit", size, humanBytes(max))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d-byte", n)
}

// errText drops the path an *fs.PathError carries (callers name the file
// by its display path) and keeps the reason.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// classify is sfmeta.Classify plus the decomposed permission-set layout,
// permissionsets/<Name>/<Name>.permissionset-meta.xml, whose parent folder
// is the set's own name rather than the type folder.
func classify(p string) (*sfmeta.Type, string, sfmeta.Format, bool) {
	if t, name, format, ok := sfmeta.Classify(p); ok {
		return t, name, format, ok
	}
	dir, base := path.Split(p)
	dir = strings.TrimSuffix(dir, "/")
	parentDir, parent := path.Split(dir)
	grand := path.Base(strings.TrimSuffix(parentDir, "/"))
	if !strings.EqualFold(grand, "permissionsets") {
		return nil, "", "", false
	}
	stem, ok := strings.CutSuffix(base, ".permissionset-meta.xml")
	if !ok || stem != parent {
		return nil, "", "", false
	}
	return sfmeta.Classify("permissionsets/" + base)
}
