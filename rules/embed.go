// Package rules embeds sfguard's built-in Rego rule pack.
//
// Each rule is one Rego package under this folder with a METADATA block on
// the package (see docs/writing-rules.md); *_test.rego files beside a rule are
// its Rego unit tests. Libraries shared by rules live in lib/.
package rules

import "embed"

// FS holds every .rego file of the pack, one folder deep (rules/<group>/<rule>.rego). The engine loads the *.rego files that are
// not tests; the Rego test runner loads all of them.
//
//go:embed */*.rego
var FS embed.FS

// Index is the METADATA of every built-in rule as JSON (a list of
// finding.Rule), generated from the .rego files by `go run ./cmd/gendocs`
// and checked against them by a test. An engine that compiles only some
// rules (a pre-commit scan) still reports and checks configuration against
// all of them without parsing the rest.
//
//go:embed index.json
var Index []byte
