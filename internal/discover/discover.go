// Package discover decides which files a scan reads. Arguments are any mix
// of directories, single files and Metadata API retrieve zips; the walk
// honours sfdx-project.json package directories, .gitignore (nested ones and
// .git/info/exclude) and .forceignore, and classifies every path with
// sfmeta.Classify without opening it.
//
// Files are listed, not read: File.Read opens the file (or decompresses the
// zip entry) when the caller asks, so a scan of a large org holds no file
// contents in memory until a worker needs them.
//
// Decomposed permission sets (the SDR "decomposePermissionSetBeta2" preset,
// permissionsets/<Name>/<Name>.permissionset-meta.xml plus one child file
// per element kind) are recognised by their parent file only; the child
// element files (*.userPermission-meta.xml, *.fieldPermission-meta.xml, …)
// are not metadata candidates and are not joined back into the parent here.
package discover

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/sfmeta"
)

// DefaultMaxFileSize is used when Options.MaxFileSize is zero. Real profiles
// reach 20 MB; anything past 64 MiB is far more likely a data dump or an
// archive than metadata.
const DefaultMaxFileSize int64 = 64 << 20

// Options tune a walk.
type Options struct {
	// MaxFileSize: larger files are reported as a Diagnostic and skipped
	// (0 = DefaultMaxFileSize).
	MaxFileSize int64
	// Exclude holds doublestar globs matched against display paths (from
	// the configuration). A matching directory is not descended into. They
	// apply to explicit file arguments and zip entries too.
	Exclude []string
	// NoStat skips the per-file stat of the walk: Size is -1 and
	// MaxFileSize is not applied. For callers that stat the open file
	// anyway (the secret scan); on large trees the stat is a third of the
	// walk.
	NoStat bool
	// NoIgnore disables .gitignore, .git/info/exclude and .forceignore.
	// .git directories are skipped regardless.
	NoIgnore bool
}

// File is one file that passed the ignore rules.
type File struct {
	// Path is the display path: relative to the current directory when the
	// file is under it, else as given; slash-separated. Zip entries read
	// "path/to/x.zip!/unpackaged/connectedApps/A.connectedApp".
	Path string
	// Size in bytes (for a zip entry, the uncompressed size its header
	// declares; Read refuses more); -1 when the walk ran with NoStat.
	Size int64
	// Type is the metadata type, nil when the file is not a metadata
	// candidate (only possible when Walk was called with metadataOnly=false).
	Type     *sfmeta.Type
	FullName string
	Format   sfmeta.Format

	osPath string    // file on disk, absolute; the archive for zip entries
	entry  *zipEntry // set for zip entries
	limit  int64     // most bytes Read will return
}

// OSPath is the file's path on disk, or "" for a zip entry, whose bytes
// only Read can produce.
func (f *File) OSPath() string {
	if f.entry != nil {
		return ""
	}
	return f.osPath
}

// Read returns the file's bytes, from disk or by decompressing the zip
// entry. It never returns more than the size limit the walk was run with;
// errors name the display path.
func (f *File) Read() ([]byte, error) {
	if f.entry != nil {
		return f.entry.read(f.osPath, f.Path)
	}
	fh, err := os.Open(f.osPath)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", f.Path, errText(err))
	}
	defer fh.Close()
	// The size was checked during the walk, but the file may have grown
	// since; the limit still holds. The buffer is sized from the walk so a
	// multi-megabyte profile is read without the repeated growing and
	// copying io.ReadAll would do.
	b, err := readLimited(fh, f.Size, f.limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", f.Path, errText(err))
	}
	if int64(len(b)) > f.limit {
		return nil, fmt.Errorf("%s: file grew past the %s limit while scanning", f.Path, humanBytes(f.limit))
	}
	return b, nil
}

// readLimited reads at most limit+1 bytes (so a file that grew past the
// limit is noticed), starting with a buffer of the expected size.
func readLimited(r io.Reader, expect, limit int64) ([]byte, error) {
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
	buf := make([]byte, 0, n)
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
// "." when args is empty).
//
// With metadataOnly, only metadata candidates are returned (the
// configuration scan); non-candidates found while walking are never opened,
// and an explicit file argument that is not a candidate gets a Diagnostic
// because the user named it. Without it, every non-ignored regular file is
// returned (the secret scan); deciding what is binary is the caller's job.
//
// Rules that hold in both modes:
//   - .git directories are never entered; symlinked directories are not
//     followed (loops), symlinked files are read.
//   - .gitignore files (nested ones too, and .git/info/exclude) and the
//     project's .forceignore apply to walked trees. A .forceignore counts
//     only beside sfdx-project.json (the project root), or in the argument
//     directory when no project encloses it. When an argument directory
//     lies inside a git work tree or an sfdx project, the ignore files of
//     its ancestors up to the repository or project root apply as well,
//     unless they exclude the argument itself (the user asked for it) or
//     the argument is itself a work tree or project root.
//     Explicit file arguments bypass ignore files: pre-commit hooks pass
//     exactly the files they want checked.
//   - An sfdx-project.json in a walked directory makes it a project root:
//     in metadataOnly mode only its packageDirectories are walked.
//   - .zip archives given as arguments are walked like directories (their
//     entries classified by inner path). Archives met inside a directory
//     walk are ordinary files: they are not metadata candidates, and the
//     secret scan gets them as opaque files.
//
// The result is sorted by Path with duplicates (the same file reached
// through two arguments or a symlink) removed; diagnostics are sorted too.
func Walk(args []string, opts Options, metadataOnly bool) ([]File, []finding.Diagnostic) {
	w := &walker{
		opts:         opts,
		metadataOnly: metadataOnly,
		max:          opts.MaxFileSize,
		files:        map[string]File{},
	}
	if w.max <= 0 {
		w.max = DefaultMaxFileSize
	}
	for _, p := range opts.Exclude {
		if !doublestar.ValidatePattern(p) {
			w.diag(p, "invalid exclude pattern (doublestar syntax); ignored")
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
	if len(args) == 0 {
		args = []string{"."}
	}
	for _, arg := range args {
		w.walkArg(arg)
	}
	return w.result()
}

type walker struct {
	opts         Options
	metadataOnly bool
	max          int64
	exclude      []string
	cwd          string
	files        map[string]File // dedupe key (real path) -> file
	diags        []finding.Diagnostic
}

func (w *walker) diag(file, msg string) {
	w.diags = append(w.diags, finding.Diagnostic{File: file, Message: msg})
}

func (w *walker) excluded(display string) bool {
	for _, p := range w.exclude {
		// Patterns were validated, so Match cannot fail.
		if ok, _ := doublestar.Match(p, display); ok {
			return true
		}
	}
	return false
}

// add records a file; when the same file was reached twice the smaller
// display path wins so the outcome does not depend on argument order.
func (w *walker) add(key string, f File) {
	if old, ok := w.files[key]; ok && old.Path <= f.Path {
		return
	}
	w.files[key] = f
}

func (w *walker) result() ([]File, []finding.Diagnostic) {
	out := make([]File, 0, len(w.files))
	for _, f := range w.files {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })

	sort.Slice(w.diags, func(i, j int) bool {
		a, b := w.diags[i], w.diags[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
	diags := w.diags[:0]
	for i, d := range w.diags {
		if i > 0 && d == w.diags[i-1] {
			continue
		}
		diags = append(diags, d)
	}
	if len(diags) == 0 {
		diags = nil
	}
	return out, diags
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
	case w.excluded(disp):
		// The configuration excludes it even when named: a pre-commit hook
		// passes every staged file, including excluded fixtures.
	case isZip(abs):
		w.walkZip(abs, real, disp, st.Size())
	default:
		w.explicitFile(abs, real, disp, st.Size())
	}
}

func isZip(p string) bool { return strings.EqualFold(filepath.Ext(p), ".zip") }

func (w *walker) explicitFile(abs, real, disp string, size int64) {
	// Classify by the absolute path so the parent folder is known even
	// when the argument is a bare file name.
	t, name, format, ok := classify(filepath.ToSlash(abs))
	if w.metadataOnly && !ok {
		w.diag(disp, "not a recognised metadata file (expected e.g. connectedApps/X.connectedApp or profiles/X.profile-meta.xml)")
		return
	}
	if size > w.max {
		w.diag(disp, oversized(size, w.max))
		return
	}
	if err := readable(abs); err != nil {
		w.diag(disp, errText(err))
		return
	}
	w.add(real, File{Path: disp, Size: size, Type: t, FullName: name, Format: format, osPath: abs, limit: w.max})
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
