// Command fixturegen derives the other shapes of the insecure fixture org
// from its Metadata API folder, so the three stay identical apart from
// layout:
//
//   - fixtures/orgs/insecure-mdapi.zip: a retrieve zip (unpackaged/...)
//   - fixtures/orgs/insecure-source/: the sfdx source layout
//     (force-app/main/default/<dir>/<name>.<suffix>-meta.xml)
//
// Run it after editing fixtures/orgs/insecure-mdapi:
//
//	go run ./internal/fixturegen
//
// TestFixturesInSync fails when the derived copies are stale.
package main

import (
	"fmt"
	"os"

	"github.com/sfguard/sfguard/internal/fixturegen/orgs"
)

func main() {
	if err := orgs.Generate("fixtures/orgs"); err != nil {
		fmt.Fprintln(os.Stderr, "fixturegen:", err)
		os.Exit(1)
	}
}
