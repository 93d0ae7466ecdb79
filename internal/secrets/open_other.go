//go:build !unix

package secrets

import (
	"errors"
	"io"
	"os"
)

// openNoFollowBlock checks the file type before opening so that special
// files cannot block the scan.
func openNoFollowBlock(name string) (*os.File, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	return os.Open(name)
}

// readFile reads a regular file into *buf (grown as needed). It returns a
// note instead of data for files it skips on purpose.
func readFile(name string, max int64, ignoreMax bool, buf *[]byte) ([]byte, string, error) {
	f, err := openNoFollowBlock(name)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, "", err
	}
	if !st.Mode().IsRegular() {
		return nil, "skipped: not a regular file", nil
	}
	size := st.Size()
	if size > max && !ignoreMax {
		return nil, overLimit(size, max), nil
	}
	if int64(cap(*buf)) < size {
		*buf = make([]byte, size+size/4)
	}
	data := (*buf)[:size]
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, "", err
	}
	return data, "", nil
}
