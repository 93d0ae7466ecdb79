// Command sfguard checks Salesforce metadata for insecure configuration and
// source trees for leaked Salesforce credentials. See README.md.
package main

import (
	"os"

	"github.com/sfguard/sfguard/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
