// Package cli is sfguard's command line: it parses flags (with SFGUARD_*
// environment variables and the config file beneath them), runs the
// pipeline of package scan and writes the reports. Exit codes: 0 nothing at
// or above the threshold, 1 findings, 2 usage, configuration or input errors.
package cli

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/sfguard/sfguard/internal/report"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitError    = 2
)

// version is set at build time with -ldflags "-X ...cli.version=v1.2.3";
// otherwise the module version from the build info is used.
var version = ""

// Version returns sfguard's version string.
func Version() string {
	if version != "" {
		return version
	}
	bi, _ := debug.ReadBuildInfo()
	return versionFrom(bi)
}

// versionFrom reads the version the Go toolchain stamped into the binary:
// `go install github.com/sfguard/sfguard/cmd/sfguard@v1.2.3` stamps
// v1.2.3 (a pseudo-version for a commit). A build from a checkout stamps
// "(devel)" and, unless built with -buildvcs=false, the commit; that is
// the most precise answer there is.
func versionFrom(bi *debug.BuildInfo) string {
	if bi == nil {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified == "true" {
		rev += "-dirty"
	}
	return "dev-" + rev
}

type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// progress is stderr as given, before the control-character guard:
	// only the progress line writes to it (it needs \r and carries
	// nothing from the scanned tree, only counts).
	progress io.Writer
}

// Main runs sfguard with args (without the program name) and returns the
// exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(args, env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: osGetenv})
}

func run(args []string, e env) int {
	// stderr carries file names and messages from the scanned tree: no
	// raw control characters, no line a CI runner would execute.
	e.progress = e.stderr
	e.stderr = report.LineGuard(e.stderr, true)
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return ExitError
	}
	cmd, rest := args[0], args[1:]
	if cmd != "scan" && cmd != "secrets" {
		// The other commands print names from the tree (access) and text
		// from user policies (rules, explain, test) as they are; the scan
		// reports guard themselves (the github format writes "::" lines).
		e.stdout = report.LineGuard(e.stdout, true)
	}
	switch cmd {
	case "scan":
		return runScan(rest, e, modeScan)
	case "secrets":
		return runScan(rest, e, modeSecrets)
	case "access":
		return runAccess(rest, e)
	case "manifest":
		return runManifest(rest, e)
	case "rules":
		return runRules(rest, e)
	case "explain":
		return runExplain(rest, e)
	case "inspect":
		return runInspect(rest, e)
	case "test":
		return runTest(rest, e)
	case "new":
		return runNew(rest, e)
	case "version", "--version", "-v":
		fmt.Fprintf(e.stdout, "sfguard %s\n", Version())
		return ExitOK
	case "help", "--help", "-h":
		fmt.Fprint(e.stdout, usage)
		return ExitOK
	default:
		if strings.HasPrefix(cmd, "-") {
			fmt.Fprintf(e.stderr, "sfguard: a command comes first (scan, secrets, rules, explain, version), got %s\n\n%s", cmd, usage)
		} else {
			fmt.Fprintf(e.stderr, "sfguard: unknown command %q\n\n%s", cmd, usage)
		}
		return ExitError
	}
}

const usage = `sfguard — security checks for Salesforce metadata and Salesforce credentials

Usage:
  sfguard scan [flags] [PATH...]     check metadata (directories, files, retrieve .zip) and scan for credentials
  sfguard secrets [flags] [PATH...]  scan for Salesforce credentials only (--staged for pre-commit)
  sfguard access [flags] [PATH...]   who can get in, from where, with what (text, json, csv)
  sfguard manifest                   print a package.xml that retrieves what sfguard reads
  sfguard rules [--format text|json] list the rules
  sfguard explain RULE-ID            print a rule's documentation
  sfguard inspect [flags] PATH...    print the Rego input the rules receive (--org, --reads)
  sfguard test [DIR...]              run the Rego tests and fixture orgs of your rules
  sfguard new rule ID --type TYPE DIR  scaffold a rule, its tests and fixtures
  sfguard version                    print the version

Run 'sfguard scan --help' for the flags. Exit codes: 0 clean, 1 findings at or
above --fail-on, 2 usage, configuration or input errors.
`
