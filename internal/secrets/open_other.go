//go:build !unix

package secrets

import (
	"errors"
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
