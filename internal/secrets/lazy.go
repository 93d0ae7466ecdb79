package secrets

import "github.com/sfguard/sfguard/internal/finding"

// ScanLazy scans n blobs that get produces on demand inside the workers, so
// a caller with its own file list (work tree, zip entries) keeps memory
// bounded by Jobs × MaxFileSize. A get error becomes a Diagnostic naming the
// path get returns with it.
func ScanLazy(n int, opts Options, get func(i int) (Blob, error)) Result {
	return runBuf(n, opts, func(i int, _ *[]byte) (Blob, *Note, *finding.Diagnostic) {
		b, err := get(i)
		if err != nil {
			return Blob{}, nil, &finding.Diagnostic{File: b.Path, Message: err.Error()}
		}
		return b, nil, nil
	})
}
