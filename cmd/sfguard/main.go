// Command sfguard checks Salesforce metadata for insecure configuration and
// source trees for leaked Salesforce credentials. See README.md.
package main

import (
	"os"
	"runtime/debug"

	"github.com/sfguard/sfguard/internal/cli"
)

func main() {
	tuneGC()
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC trades memory for speed unless the user set GOGC or GOMEMLIMIT: a
// scan allocates a buffer per file but keeps little alive, so the default
// collector ran far more often than needed (the 600 MB benchmark org took
// 1.4 s at GOGC=100 and 0.85 s at 400, peaking at 160 MiB). The soft limit
// makes the collector work harder before memory grows past it.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
}
