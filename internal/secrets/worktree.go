package secrets

import (
	"path/filepath"

	"github.com/sfguard/sfguard/internal/finding"
)

// WorkFile is one work-tree file to scan: a file on disk, read with a single
// open into a buffer the worker reuses, or content only Read can produce
// (an entry of a retrieve zip).
type WorkFile struct {
	Path   string // display path
	OSPath string // "" when the bytes come from Read
	// Size is the size known without reading (a zip entry's header), -1
	// when unknown.
	Size int64
	Read func() ([]byte, error)
	// Blob carries what a blob from git or stdin knows beyond its bytes
	// (line map, changed lines, commit, source); its Path and Data are
	// set from the fields above.
	Blob Blob
}

// ScanWorkTree scans files inside the workers, so memory stays bounded by
// Jobs × MaxFileSize however big the tree. Files over MaxFileSize and binary
// files are skipped with a Note (path-only detectors still run on them).
func ScanWorkTree(files []WorkFile, opts Options) Result {
	max := opts.maxSize()
	return runBuf(len(files), opts, func(i int, buf *[]byte) (Blob, *Note, *finding.Diagnostic) {
		f := files[i]
		if f.OSPath == "" {
			if f.Size > max && !alwaysRead(f.Path) && f.Blob.Source != SourceStdin {
				// Decided from the header: inflating a 60 MiB entry only
				// to skip it cost seconds per entry.
				return Blob{}, &Note{Path: f.Path, Reason: overLimit(f.Size, max)}, nil
			}
			data, err := f.Read()
			if err != nil {
				return Blob{}, nil, &finding.Diagnostic{File: f.Path, Message: err.Error()}
			}
			b := f.Blob
			b.Path, b.Data = f.Path, data
			if b.Source == "" {
				b.Source = SourceWorktree
			}
			return b, nil, nil
		}
		data, note, err := readFile(f.OSPath, max, alwaysRead(f.Path), buf)
		if err != nil {
			return Blob{}, nil, &finding.Diagnostic{File: f.Path, Message: "cannot read file: " + errText(err)}
		}
		if note != "" {
			return Blob{}, &Note{Path: f.Path, Reason: note}, nil
		}
		return Blob{Path: f.Path, Rel: f.Blob.Rel, Data: data, Source: SourceWorktree}, nil, nil
	})
}

// ScanFiles reads and scans files below root. paths are slash-separated and
// relative to root; they become the display paths.
func ScanFiles(root string, paths []string, opts Options) Result {
	files := make([]WorkFile, len(paths))
	for i, p := range paths {
		files[i] = WorkFile{Path: p, OSPath: filepath.Join(root, filepath.FromSlash(p))}
	}
	return ScanWorkTree(files, opts)
}
