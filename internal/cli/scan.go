package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/progress"
	"github.com/sfguard/sfguard/internal/report"
	"github.com/sfguard/sfguard/internal/scan"
)

type mode int

const (
	modeScan mode = iota
	modeSecrets
)

func osGetenv(k string) string { return os.Getenv(k) }

// scanFlags are the flags of `scan` and `secrets`.
type scanFlags struct {
	format         string
	outputs        []string
	failOn         string
	noFail         bool
	jobs           int
	ruleTimeout    string
	policies       []string
	configPath     string
	noConfig       bool
	noColor        bool
	quiet          bool
	noProgress     bool
	showSuppressed bool
	strict         bool
	baseline       string
	writeBaseline  string
	diffBase       string
	noSecrets      bool
	noMetadata     bool
	staged         bool
	since          string
	history        bool
	stdin          bool
	stdinName      string
	maxFileSize    int64
	exclude        []string
	noIgnore       bool
	noArchives     bool
	params         []string
	disable        []string
	profile        profileFlags
}

func newScanFlagSet(m mode, f *scanFlags) *pflag.FlagSet {
	name := "scan"
	if m == modeSecrets {
		name = "secrets"
	}
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.StringVarP(&f.format, "format", "f", "text", "output format on stdout: "+strings.Join(report.Formats(), ", "))
	fs.StringArrayVarP(&f.outputs, "output-file", "o", nil, "also write a report to `FILE`, format from the extension (.sarif, .json, .junit.xml, .md, .html, .txt) or FORMAT=FILE; repeatable")
	fs.StringVar(&f.failOn, "fail-on", "low", "exit 1 when an active finding is at or above this `SEVERITY` (info, low, medium, high, critical); info never fails")
	fs.BoolVar(&f.noFail, "no-fail", false, "report only: exit 0 even with findings (input errors still exit 2)")
	fs.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "number of parallel workers")
	fs.StringArrayVarP(&f.policies, "policy", "p", nil, "load extra Rego rules from `DIR` (or a .rego file); repeatable")
	fs.StringVar(&f.ruleTimeout, "rule-timeout", "", "stop a rule that runs longer than `DURATION` on one input (10s, 2m) and report it (default 10s)")
	fs.StringVarP(&f.configPath, "config", "c", "", "config `FILE` (default: .sfguard.yaml found from the scan root upward)")
	fs.BoolVar(&f.noConfig, "no-config", false, "ignore .sfguard.yaml files")
	fs.StringArrayVar(&f.disable, "disable", nil, "turn off rules by `SELECTOR`: an id (SFG-APP-003), a glob (SFG-PWD-*), tag:NAME or severity:LEVEL; repeatable")
	fs.StringArrayVar(&f.params, "param", nil, "set a rule parameter, `NAME=VALUE` (VALUE is JSON or a plain string); repeatable")
	fs.StringVar(&f.baseline, "baseline", "", "ignore findings recorded in this baseline `FILE`")
	fs.StringVar(&f.writeBaseline, "write-baseline", "", "write the current findings to a baseline `FILE`")
	fs.StringVar(&f.diffBase, "diff-base", "", "PR mode: report only findings that are new since git `REV`, plus privilege deltas")
	fs.BoolVar(&f.showSuppressed, "show-suppressed", false, "list suppressed and baselined findings too")
	fs.BoolVar(&f.strict, "strict", false, "fail when a suppression or baseline entry matched nothing")
	if m == modeScan {
		fs.BoolVar(&f.noSecrets, "no-secrets", false, "check metadata only; skip the credential scan")
		fs.BoolVar(&f.noMetadata, "no-metadata", false, "scan for credentials only (same as 'sfguard secrets')")
	}
	fs.BoolVar(&f.staged, "staged", false, "scan exactly the staged content of the git index (pre-commit): metadata rules and credentials")
	fs.StringVar(&f.since, "since", "", "credentials: scan lines added in commits after git `REV`")
	fs.BoolVar(&f.history, "history", false, "credentials: scan lines added in every commit of every branch and tag (git log --all)")
	fs.BoolVar(&f.stdin, "stdin", false, "scan standard input (credentials; metadata rules too when --stdin-filename names a metadata file)")
	fs.StringVar(&f.stdinName, "stdin-filename", "", "report standard input as this `PATH` (relative to the current directory); a metadata path such as connectedApps/X.connectedApp also runs the metadata rules")
	fs.Int64Var(&f.maxFileSize, "max-file-size", 0, "skip files larger than `BYTES` with a note (default 64 MiB for metadata, 10 MiB for the credential scan)")
	fs.StringArrayVar(&f.exclude, "exclude", nil, "skip paths matching this `GLOB` (doublestar, relative); repeatable")
	fs.BoolVar(&f.noIgnore, "no-ignore", false, "do not honour .gitignore and .forceignore")
	fs.BoolVar(&f.noArchives, "no-archives", false, "do not open .zip archives found in scanned folders (archives named as arguments are still read)")
	fs.BoolVar(&f.noColor, "no-color", false, "no colours in text output (also NO_COLOR)")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print nothing on stdout; use the exit code and --output-file")
	fs.BoolVar(&f.noProgress, "no-progress", false, "no progress line on stderr (it appears only on a terminal, after a second, for text output outside CI)")
	addProfileFlags(fs, &f.profile)
	return fs
}

func runScan(args []string, e env, m mode) int {
	var f scanFlags
	fs := newScanFlagSet(m, &f)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		verb := "scan"
		if m == modeSecrets {
			verb = "secrets"
		}
		fmt.Fprintf(e.stderr, "Usage: sfguard %s [flags] [PATH...]\n\nFlags:\n%s", verb, fs.FlagUsages())
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	fromEnv, err := applyEnv(fs, e.getenv)
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	stopProfile, err := f.profile.start()
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	defer func() {
		if err := stopProfile(); err != nil {
			fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		}
	}()
	s, err := settingsFrom(&f, fs, m, fromEnv)
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	s.StdinReader = e.stdin
	outs, err := parseOutputs(f.outputs)
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	stdoutWriter, err := report.Lookup(f.format)
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %s: %v\n", origin(fromEnv, "format"), err)
		return ExitError
	}
	if needsAudit(f.format, outs) {
		s.Audit, s.Today = true, reportTime(e.getenv)
	}
	if err := checkGitRepo(s); err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}

	var meter *progress.Meter
	if showProgress(&f, isTerminal(e.progress), e.getenv) {
		s.Progress = &progress.Counter{}
		meter = progress.Start(e.progress, s.Progress)
	}
	res, err := scan.Run(context.Background(), s)
	meter.Stop() // the line is erased before anything else is printed
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	rep := res.Report
	rep.ShowSuppressed = f.showSuppressed
	rep.Color = f.format == "text" && !f.noColor && e.getenv("NO_COLOR") == "" && isTerminal(e.stdout)

	code := ExitOK
	for _, o := range outs {
		if err := writeFile(o, rep); err != nil {
			fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
			code = ExitError
		}
	}
	if !f.quiet {
		if err := stdoutWriter(e.stdout, rep); err != nil {
			fmt.Fprintf(e.stderr, "sfguard: writing %s output: %v\n", f.format, err)
			return ExitError
		}
	}
	if f.quiet || f.format != "text" {
		// Input problems must not go unnoticed when stdout is machine-readable.
		for _, d := range rep.Diagnostics {
			fmt.Fprintf(e.stderr, "sfguard: %s\n", d.Error())
		}
	}
	if f.writeBaseline != "" {
		fmt.Fprintf(e.stderr, "sfguard: wrote %s to %s; scans with --baseline %s report only findings not in it\n",
			plural(res.BaselineEntries, "baseline entry", "baseline entries"), f.writeBaseline, f.writeBaseline)
	}
	if res.StrictFailed {
		writeStrict(e.stderr, res.StrictNotes)
	}
	switch {
	case code != ExitOK:
	case len(rep.Diagnostics) > 0:
		code = ExitError
	case res.StrictFailed:
		code = ExitFindings
	case f.writeBaseline != "":
		// The findings just became the baseline; failing on them would
		// make the command that adopts sfguard look broken.
	case rep.Failing() > 0 && !f.noFail:
		code = ExitFindings
	}
	return code
}

// writeStrict says that --strict, not a finding, fails the run, and why.
func writeStrict(w io.Writer, notes []report.Note) {
	what := plural(len(notes), "suppression or baseline entry", "suppressions or baseline entries")
	fmt.Fprintf(w, "sfguard: --strict fails the run: %s matched nothing or expired; remove or fix:\n", what)
	for _, n := range notes {
		fmt.Fprintf(w, "  %s\n", n.String())
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// showProgress decides whether a person is watching stderr: a terminal,
// text output, no --quiet or --no-progress, and not CI (CI=true is set by
// GitHub Actions, GitLab CI and most others; their logs keep every redraw).
func showProgress(f *scanFlags, stderrTTY bool, getenv func(string) string) bool {
	if !stderrTTY || f.quiet || f.noProgress || f.format != "text" {
		return false
	}
	v := strings.ToLower(strings.TrimSpace(getenv("CI")))
	return v == "" || envBools[v] == "false"
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

type output struct{ format, path string }

func parseOutputs(specs []string) ([]output, error) {
	var out []output
	for _, s := range specs {
		o, err := parseOutput(s)
		if err != nil {
			return nil, fmt.Errorf("--output-file %s: %w", s, err)
		}
		out = append(out, o)
	}
	return out, nil
}

// parseOutput reads one --output-file: FORMAT=FILE, or FILE with a
// registered extension. Errors list what is registered, so a format added
// later is offered without touching this code.
func parseOutput(s string) (output, error) {
	if name, path, ok := strings.Cut(s, "="); ok && !strings.ContainsAny(name, `/\.`) {
		if name == "" {
			return output{}, fmt.Errorf("no format before '=' (write FORMAT=FILE; formats: %s)", strings.Join(report.Formats(), ", "))
		}
		if _, err := report.Lookup(name); err != nil {
			return output{}, err
		}
		if path == "" {
			return output{}, fmt.Errorf("no file name after '=' (write %s=FILE)", name)
		}
		return output{format: name, path: path}, nil
	}
	if s == "" {
		return output{}, errors.New("empty file name")
	}
	format, err := report.FormatForFile(s)
	if err != nil {
		return output{}, err
	}
	return output{format: format, path: s}, nil
}

// writeFile renders into memory first so a failing reporter never leaves a
// half-written file behind.
func writeFile(o output, rep *report.Report) error {
	w, err := report.Lookup(o.format)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	saved := rep.Color
	rep.Color = false
	err = w(&buf, rep)
	rep.Color = saved
	if err != nil {
		return fmt.Errorf("writing %s: %w", o.path, err)
	}
	if dir := filepath.Dir(o.path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("writing %s: %w", o.path, err)
		}
	}
	if err := os.WriteFile(o.path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", o.path, err)
	}
	return nil
}

// settingsFrom merges flags (already over env) with the config file.
func settingsFrom(f *scanFlags, fs *pflag.FlagSet, m mode, fromEnv map[string]bool) (*scan.Settings, error) {
	s := &scan.Settings{
		Paths:    fs.Args(),
		Metadata: m == modeScan && !f.noMetadata,
		Secrets:  m == modeSecrets || !f.noSecrets,
		Staged:   f.staged,
		// main tunes the collector unless GOGC is set; so does this.
		QuietCompile: os.Getenv("GOGC") == "",
		Since:        f.since,
		History:      f.history,
		Stdin:        f.stdin,
		StdinName:    f.stdinName,

		Jobs:          f.jobs,
		PolicyDirs:    f.policies,
		Disable:       f.disable,
		MaxFileSize:   f.maxFileSize,
		Exclude:       f.exclude,
		NoIgnore:      f.noIgnore,
		NoArchives:    f.noArchives,
		Baseline:      f.baseline,
		WriteBaseline: f.writeBaseline,
		DiffBase:      f.diffBase,
		Strict:        f.strict,
		Tool:          "sfguard",
		Version:       Version(),
	}
	if len(s.Paths) == 0 {
		s.Paths = []string{"."}
	}
	if !s.Metadata && !s.Secrets {
		return nil, errors.New("--no-secrets and --no-metadata together leave nothing to scan")
	}
	sources := 0
	for _, on := range []bool{f.staged, f.since != "", f.history, f.stdin} {
		if on {
			sources++
		}
	}
	if sources > 1 {
		return nil, errors.New("choose one credential source: --staged, --since, --history or --stdin")
	}
	if f.stdinName != "" && !f.stdin {
		return nil, errors.New("--stdin-filename names what --stdin reads; add --stdin")
	}
	if sources == 1 && !f.staged && f.stdinName == "" && s.Metadata {
		// Commits, and stdin without a name, hold lines, not documents:
		// only the credential scan reads them. Staged blobs and named stdin
		// are whole files, and both halves read them.
		s.Metadata = false
		s.Secrets = true
	}
	if s.Jobs < 1 {
		return nil, fmt.Errorf("%s must be at least 1, got %d", origin(fromEnv, "jobs"), s.Jobs)
	}
	cfg, err := loadConfig(f, s.Paths[0])
	if err != nil {
		return nil, err
	}
	s.Config = cfg
	s.FailOn, err = finding.ParseSeverity(f.failOn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", origin(fromEnv, "fail-on"), err)
	}
	if !fs.Changed("fail-on") && !fromEnv["fail-on"] && cfg.FailOn != nil {
		s.FailOn = *cfg.FailOn
	}
	s.RuleTimeout = cfg.RuleTimeout
	if f.ruleTimeout != "" {
		if s.RuleTimeout, err = config.ParseRuleTimeout(f.ruleTimeout); err != nil {
			return nil, fmt.Errorf("%s: %w", origin(fromEnv, "rule-timeout"), err)
		}
	}
	if s.Params, err = parseParams(f.params); err != nil {
		return nil, err
	}
	return s, nil
}

func loadConfig(f *scanFlags, root string) (*config.Config, error) {
	if f.noConfig {
		return &config.Config{}, nil
	}
	path := f.configPath
	if path == "" {
		start := root
		if st, err := os.Stat(root); err != nil || !st.IsDir() {
			start = filepath.Dir(root)
		}
		found, err := config.Find(start)
		if err != nil {
			return nil, err
		}
		if found == "" {
			return &config.Config{}, nil
		}
		path = found
	}
	return config.Load(path)
}
