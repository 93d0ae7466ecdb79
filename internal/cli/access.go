package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/sfguard/sfguard/internal/access"
	"github.com/sfguard/sfguard/internal/scan"
)

// runAccess prints the access matrix: `sfguard access [flags] [PATH...]`.
// Exit codes: 0 printed, 2 usage or input errors (the matrix is still
// printed when some files could not be read, and the problems go to stderr).
func runAccess(args []string, e env) int {
	var f scanFlags
	var width int
	var out string
	fs := pflag.NewFlagSet("access", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(e.stderr)
	fs.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(access.Formats, ", "))
	fs.StringVarP(&out, "output-file", "o", "", "write the matrix to `FILE` instead of stdout")
	fs.IntVar(&width, "width", 0, "wrap text tables to `N` columns (default: the terminal width, else $COLUMNS, else 120)")
	fs.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "number of parallel workers")
	fs.StringArrayVarP(&f.policies, "policy", "p", nil, "load extra Rego rules from `DIR` (or a .rego file); repeatable")
	fs.StringVarP(&f.configPath, "config", "c", "", "config `FILE` (default: .sfguard.yaml found from the scan root upward)")
	fs.BoolVar(&f.noConfig, "no-config", false, "ignore .sfguard.yaml files")
	fs.StringArrayVar(&f.params, "param", nil, "set a rule parameter, `NAME=VALUE`; repeatable")
	fs.StringArrayVar(&f.exclude, "exclude", nil, "skip paths matching this `GLOB` (doublestar, relative); repeatable")
	fs.BoolVar(&f.noIgnore, "no-ignore", false, "do not honour .gitignore and .forceignore")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: sfguard access [flags] [PATH...]\n\nWho can get into the org, from where, with what: every profile, permission set\nand permission set group with its ways in, worst first, and every OAuth app.\n\nFlags:\n%s", fs.FlagUsages())
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	if _, err := applyEnv(fs, e.getenv); err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	if !validFormat(f.format) {
		fmt.Fprintf(e.stderr, "sfguard: --format: unknown format %q (available: %s)\n", f.format, strings.Join(access.Formats, ", "))
		return ExitError
	}
	s, err := accessSettings(&f, fs.Args())
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	res, err := scan.Access(context.Background(), s)
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	if width <= 0 {
		width = terminalWidth(e)
	}
	var buf bytes.Buffer
	if err := access.Write(&buf, res.Matrix, f.format, width); err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	if out != "" {
		err = os.WriteFile(out, buf.Bytes(), 0o644)
	} else {
		_, err = e.stdout.Write(buf.Bytes())
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	for _, d := range res.Diagnostics {
		fmt.Fprintf(e.stderr, "sfguard: %s\n", d.Error())
	}
	if len(res.Diagnostics) > 0 {
		return ExitError
	}
	return ExitOK
}

func validFormat(f string) bool {
	for _, x := range access.Formats {
		if x == f {
			return true
		}
	}
	return false
}

func accessSettings(f *scanFlags, paths []string) (*scan.Settings, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if f.jobs < 1 {
		return nil, fmt.Errorf("--jobs must be at least 1, got %d", f.jobs)
	}
	cfg, err := loadConfig(f, paths[0])
	if err != nil {
		return nil, err
	}
	s := &scan.Settings{
		Paths: paths, Metadata: true, Jobs: f.jobs, PolicyDirs: f.policies, Config: cfg,
		Exclude: f.exclude, NoIgnore: f.noIgnore, Tool: "sfguard", Version: Version(),
	}
	if s.Params, err = parseParams(f.params); err != nil {
		return nil, err
	}
	return s, nil
}

// terminalWidth is stdout's width when it is a terminal, else $COLUMNS,
// else 120.
func terminalWidth(e env) int {
	if fd, ok := e.stdout.(*os.File); ok && term.IsTerminal(int(fd.Fd())) {
		if w, _, err := term.GetSize(int(fd.Fd())); err == nil && w > 20 {
			return w
		}
	}
	if n, err := strconv.Atoi(e.getenv("COLUMNS")); err == nil && n > 20 {
		return n
	}
	return 120
}
