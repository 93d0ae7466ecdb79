//go:build unix

package secrets

import (
	"os"
	"syscall"
)

// openNoFollowBlock opens name for reading without blocking on FIFOs or
// devices (the fstat that follows rejects them), saving the separate stat a
// check before opening would cost.
func openNoFollowBlock(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
