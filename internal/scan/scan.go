// Package scan runs sfguard's pipeline for one Settings: source → parse →
// evaluate → suppress/baseline → report. Each stage lives in its own
// package; scan orders them and keeps the joins that belong to no single
// stage: one source feeding both halves, the consumer-key index the
// credential rules read, credential findings a metadata rule already
// reports, PR mode's scan of the base tree, writing the baseline and the
// extras of the audit report. The command line only turns flags into
// Settings.
package scan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sfguard/sfguard/internal/baseline"
	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/diffbase"
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/parallel"
	"github.com/sfguard/sfguard/internal/progress"
	"github.com/sfguard/sfguard/internal/report"
	"github.com/sfguard/sfguard/internal/secrets"
	"github.com/sfguard/sfguard/internal/sfmeta"
	"github.com/sfguard/sfguard/internal/source"
	"github.com/sfguard/sfguard/internal/suppress"
	"github.com/sfguard/sfguard/policy"
)

// Settings is one scan, after flags, environment and config file have been
// merged.
type Settings struct {
	Paths []string
	// Metadata and Secrets select the two halves of a scan.
	Metadata, Secrets bool
	// Secret sources other than the work tree; at most one is set.
	Staged  bool
	Since   string
	History bool
	Stdin   bool
	// StdinReader replaces os.Stdin for --stdin (tests).
	StdinReader io.Reader
	// StdinName is the path stdin is reported (and classified) as; "" is
	// "<stdin>".
	StdinName string
	RepoDir   string // git repository for Staged/Since/History/DiffBase ("" = first path or ".")

	Jobs        int
	RuleTimeout time.Duration // per rule and input; 0 = policy.DefaultRuleTimeout
	PolicyDirs  []string
	Params      map[string]any
	Disable     []string // rule ids or selectors (tag:x, severity:info) to turn off
	Config      *config.Config
	FailOn      finding.Severity
	MaxFileSize int64
	Exclude     []string
	NoIgnore    bool
	// NoArchives leaves zip archives met in the walk closed.
	NoArchives bool

	Baseline      string
	WriteBaseline string
	DiffBase      string
	Strict        bool
	Today         time.Time

	Tool, Version string

	// Audit parses every element and attaches what the HTML report shows
	// beyond findings (access matrix, snippets, posture): see audit.go.
	Audit bool

	// Progress, when set, counts the files and bytes each half reads, for
	// the command line's progress line.
	Progress *progress.Counter
	// QuietCompile switches the garbage collector off while the rules
	// compile (see startEngine). The command line sets it unless the user
	// tuned GOGC; tests, which run scans side by side, leave it off.
	QuietCompile bool

	// project maps display paths to paths from the project root; set by
	// normalized.
	project projectPaths
}

// Result is a finished scan.
type Result struct {
	Report *report.Report
	// StrictFailed is set when --strict turned a note (unused suppression,
	// stale baseline entry) into a failure; StrictNotes are those notes.
	StrictFailed bool
	StrictNotes  []report.Note
	// BaselineEntries counts the entries written to WriteBaseline.
	BaselineEntries int
}

// NewEngine builds the policy engine for the settings.
func NewEngine(s *Settings) (*policy.Engine, error) {
	return newEngine(s, nil)
}

// newEngine builds the engine; types, when non-nil, are the metadata types
// of the files to scan, and only the built-in rules for them are compiled.
func newEngine(s *Settings, types []string) (*policy.Engine, error) {
	e, err := startEngine(s, types)
	if err != nil {
		return nil, err
	}
	if err := e.Wait(); err != nil {
		return nil, err
	}
	return e, nil
}

// startEngine is newEngine returning while the rules compile (policy.Start):
// the scan parses its files meanwhile and waits before evaluating.
//
// With QuietCompile the collector is off until the compile ends. Parsing
// and compiling the pack is most of a scan's garbage while almost nothing
// of it stays alive, and even at GOGC=400 a heap that small was collected
// several times: 25 ms of a 170 ms scan of a real org, and part of why two
// cores gave only 1.66 times one (issue 14). The memory limit main sets
// still bounds the heap; the peak grew from 101 to 111 MiB there.
func startEngine(s *Settings, types []string) (*policy.Engine, error) {
	if !s.QuietCompile || !s.Metadata {
		// The credential rules alone compile in a few milliseconds: too
		// little garbage for the collector to matter.
		return startEngineNow(s, types)
	}
	prev := debug.SetGCPercent(-1)
	eng, err := startEngineNow(s, types)
	if err != nil {
		debug.SetGCPercent(prev)
		return nil, err
	}
	go func() {
		_ = eng.Wait()
		debug.SetGCPercent(prev)
	}()
	return eng, nil
}

func startEngineNow(s *Settings, types []string) (*policy.Engine, error) {
	cfg := s.Config
	disabled := make([]config.Selector, 0, len(s.Disable))
	for _, d := range s.Disable {
		sel, err := config.ParseSelector(d)
		if err != nil {
			return nil, fmt.Errorf("--disable %s: %w", d, err)
		}
		disabled = append(disabled, sel)
	}
	return policy.Start(policy.Options{
		PolicyDirs:      append(configPolicies(cfg), s.PolicyDirs...),
		Params:          s.Params,
		PRMode:          s.DiffBase != "",
		Scopes:          scopes(s),
		Types:           types,
		ParseEverything: s.Audit,
		RuleTimeout:     s.RuleTimeout,
		ResolveParams: func(declared map[string]any) (map[string]any, error) {
			return cfg.ResolveParams(declared)
		},
		Enabled: func(r finding.Rule) bool {
			for _, sel := range disabled {
				if sel.Matches(r) {
					return false
				}
			}
			return cfg.RuleEnabled(r)
		},
		Severity: func(r finding.Rule) (finding.Severity, bool) {
			sev := cfg.SeverityFor(r)
			return sev, sev != r.Severity
		},
	})
}

// configPolicies lists the policy directories of the config file
// (policies:), loaded before those given with --policy.
func configPolicies(cfg *config.Config) []string {
	if cfg == nil {
		return nil
	}
	out := make([]string, len(cfg.Policies))
	for i, p := range cfg.Policies {
		out[i] = p.Pattern
	}
	return out
}

// scopes lists the rule scopes a scan will evaluate, so the engine compiles
// only those built-in rules.
func scopes(s *Settings) []string {
	var out []string
	if s.Metadata {
		out = append(out, policy.ScopeDocument, policy.ScopeOrg)
	}
	if s.Secrets {
		out = append(out, policy.ScopeSecret)
	}
	if s.DiffBase != "" {
		out = append(out, policy.ScopeDelta)
	}
	return out
}

// Run performs the scan. It does not modify *s.
//
// Compiling the rules and listing the files do not depend on each other,
// so they run together: in a CPU profile of scan --no-secrets on a real
// source-format org they were two serial phases of similar length (policy
// compile 23%, walk 20%), and a pre-commit scan waits on git processes
// while the rules compile (issue 14).
func Run(ctx context.Context, settings *Settings) (*Result, error) {
	s := normalized(settings)
	if narrowByTypes(s) {
		return runNarrowed(ctx, s)
	}
	engine := parallel.Go(func() (*policy.Engine, error) { return startEngine(s, nil) })
	s.Progress.Phase("listing files")
	l := list(s)
	eng, err := engine()
	if err != nil {
		return nil, err
	}
	return runListed(ctx, s, eng, l)
}

// narrowByTypes says whether a scan lists its files before compiling the
// rules, to compile only those for the types it found. It pays where the
// listing is a few files and compiling the whole pack is most of the time:
// staged content (the pre-commit hook) and stdin. A work-tree walk instead
// runs beside the compile, and on a real org every type is there anyway.
func narrowByTypes(s *Settings) bool {
	return s.Metadata && (s.Staged || s.Stdin) && s.DiffBase == "" && !s.Audit
}

// runNarrowed compiles only the rules for the types to scan. For staged
// content the types come from the staged names (one quick git process),
// and the compile runs while the content is read; stdin is listed first.
// The collector stays on (no QuietCompile): for a compile this small,
// growing the heap cost more than the collections it saved (scan --staged
// on the fixture repository, 55.2 against 58.8 ms).
func runNarrowed(ctx context.Context, s *Settings) (*Result, error) {
	if !s.Staged {
		s.Progress.Phase("listing files")
		l := list(s)
		eng, err := startEngineNow(s, listedTypes(l.files))
		if err != nil {
			return nil, err
		}
		return runListed(ctx, s, eng, l)
	}
	engine := parallel.Go(func() (*policy.Engine, error) {
		types, ok, err := source.StagedTypes(s.GitDir())
		if err != nil || !ok {
			types = nil // Staged reports the error; compile everything
		}
		return startEngineNow(s, types)
	})
	s.Progress.Phase("listing files")
	l := list(s)
	eng, err := engine()
	if err != nil {
		return nil, err
	}
	return runListed(ctx, s, eng, l)
}

// listedTypes returns the metadata types among files.
func listedTypes(files []source.File) []string {
	types := []string{}
	seen := map[string]bool{}
	for i := range files {
		if t := files[i].Type; t != nil && !seen[t.Name] {
			seen[t.Name] = true
			types = append(types, t.Name)
		}
	}
	return types
}

// RunEngine performs the scan with an engine built once for many scans
// (sfguard test runs every fixture org through the same rules).
func RunEngine(ctx context.Context, settings *Settings, eng *policy.Engine) (*Result, error) {
	s := normalized(settings)
	s.Progress.Phase("listing files")
	return runListed(ctx, s, eng, list(s))
}

// normalized returns a copy of the settings with defaults filled in.
func normalized(settings *Settings) *Settings {
	sc := *settings
	s := &sc
	if s.Jobs < 1 {
		s.Jobs = 1
	}
	if s.Today.IsZero() {
		s.Today = time.Now()
	}
	s.project = newProjectPaths(s)
	return s
}

// listing is what collect found.
type listing struct {
	files []source.File
	diags []finding.Diagnostic
	err   error
}

func list(s *Settings) listing {
	files, diags, err := collect(s)
	return listing{files, diags, err}
}

// runListed evaluates the listed files. Rules that do not compile are
// reported first, then a configuration naming unknown rules, then any
// problem with the input.
func runListed(ctx context.Context, s *Settings, eng *policy.Engine, l listing) (*Result, error) {
	failed := func(err error) (*Result, error) {
		if werr := eng.Wait(); werr != nil {
			return nil, werr
		}
		return nil, err
	}
	if err := s.Config.CheckRules(eng.Rules()); err != nil {
		if err := s.Config.CheckRules(eng.KnownRules()); err != nil {
			return failed(err)
		}
	}
	rep := &report.Report{
		Tool:    s.Tool,
		Version: s.Version,
		Rules:   eng.EnabledRules(),
		FailOn:  s.FailOn,
	}
	// One source feeds both halves, so every input reaches both and each
	// problem with an input is reported once.
	files, diags, err := l.files, l.diags, l.err
	if err != nil {
		return failed(err)
	}
	rep.Diagnostics = append(rep.Diagnostics, diags...)
	if !s.Secrets {
		rep.Diagnostics = append(rep.Diagnostics, notMetadata(files)...)
	}
	var docs []*model.Document
	if s.Metadata {
		var fs []finding.Finding
		if docs, fs, diags, err = scanMetadata(ctx, eng, s, files, rep); err != nil {
			return nil, err
		}
		rep.Findings = append(rep.Findings, fs...)
		rep.Diagnostics = append(rep.Diagnostics, diags...)
	}
	if err := eng.Wait(); err != nil {
		return nil, err
	}
	var changed map[string]bool
	if s.Secrets {
		secretFiles := files
		if s.DiffBase != "" {
			if secretFiles, changed, err = prSecretFiles(s, files); err != nil {
				return nil, err
			}
		}
		apps, moreApps := appIndex(s, files, docs)
		fs, diags, notes := scanSecrets(ctx, eng, s, secretFiles, apps, moreApps, rep)
		fs = dropCoveredSecrets(fs, rep.Findings, rep.Rules)
		rep.Findings = append(rep.Findings, fs...)
		rep.Diagnostics = append(rep.Diagnostics, diags...)
		rep.Notes = append(rep.Notes, notes...)
	}
	if s.DiffBase != "" {
		if err := applyDiffBase(ctx, eng, s, docs, changed, rep); err != nil {
			return nil, err
		}
	}
	policy.SortFindings(rep.Findings)
	finding.AssignFingerprints(rep.Findings, s.project.of)

	res := &Result{Report: rep}
	var notes []suppress.Note
	rep.Findings, notes = suppress.Apply(rep.Findings, s.Config.Suppressions, s.Today)
	partial := partialScan(s)
	for _, n := range notes {
		if n.Kind == suppress.Unused && partial {
			// The findings it covers may be in files this scan did not
			// read (pre-commit on one file, a subfolder, PR mode).
			continue
		}
		note := report.Warningf(n.Suppression.File, n.Suppression.Line, "%s", n.Message())
		rep.Notes = append(rep.Notes, note)
		if s.Strict && n.FailsStrict {
			res.StrictFailed = true
			res.StrictNotes = append(res.StrictNotes, note)
		}
	}
	if s.Baseline != "" {
		b, err := baseline.Load(s.Baseline)
		if err != nil {
			return nil, err
		}
		var stale []baseline.Entry
		rep.Findings, stale = b.Apply(rep.Findings)
		for _, e := range stale {
			note := report.Warningf(s.Baseline, 0, "%s", baseline.StaleNote(e))
			rep.Notes = append(rep.Notes, note)
			if s.Strict {
				res.StrictFailed = true
				res.StrictNotes = append(res.StrictNotes, note)
			}
		}
	}
	if s.WriteBaseline != "" {
		if res.BaselineEntries, err = writeBaseline(s, rep.Findings); err != nil {
			return nil, err
		}
	}
	if s.Audit {
		if err := attachAudit(ctx, eng, s, files, docs, rep); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(rep.Diagnostics, func(i, j int) bool {
		a, b := rep.Diagnostics[i], rep.Diagnostics[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
	return res, nil
}

func writeBaseline(s *Settings, fs []finding.Finding) (int, error) {
	f, err := os.Create(s.WriteBaseline)
	if err != nil {
		return 0, fmt.Errorf("--write-baseline: %w", err)
	}
	active := make([]finding.Finding, 0, len(fs))
	for _, x := range fs {
		if x.Suppressed == "" || strings.HasPrefix(x.Suppressed, "baseline") {
			active = append(active, x)
		}
	}
	werr := baseline.Write(f, s.Tool+" "+s.Version, active)
	cerr := f.Close()
	return len(active), errors.Join(werr, cerr)
}

// notMetadata reports files named on the command line that no half of the
// scan reads: with the credential scan off, a file that is not metadata is
// a mistake the user should hear about.
func notMetadata(files []source.File) []finding.Diagnostic {
	var out []finding.Diagnostic
	for _, f := range files {
		if f.Explicit && f.Type == nil {
			out = append(out, finding.Diagnostic{File: f.Path, Message: "not a recognised metadata file (expected e.g. connectedApps/X.connectedApp or profiles/X.profile-meta.xml)"})
		}
	}
	return out
}

// scanMetadata parses and evaluates the metadata among files.
func scanMetadata(ctx context.Context, eng *policy.Engine, s *Settings, all []source.File, rep *report.Report) ([]*model.Document, []finding.Finding, []finding.Diagnostic, error) {
	files := source.Metadata(all)
	s.Progress.Phase("checking metadata")
	// Parsing needs only what the rules read (Keep), known before the
	// rules finish compiling (policy.Start).
	docs, diags, bytes := parseCounted(eng, files, s.Jobs, s.Progress)
	if rep != nil {
		rep.Stats.Files += len(files)
		rep.Stats.Documents += len(docs)
		rep.Stats.Bytes += bytes
	}
	if err := eng.Wait(); err != nil {
		return nil, nil, nil, err
	}
	fs, ediags := eng.EvalDocuments(ctx, docs, s.Jobs)
	diags = append(diags, ediags...)
	fs, issues := suppress.Inline(fs, docs, knownRule(eng))
	for _, is := range issues {
		switch {
		case is.Invalid:
			diags = append(diags, finding.Diagnostic{File: is.File, Line: is.Line, Column: is.Column, Message: is.Message})
		case rep != nil:
			rep.Notes = append(rep.Notes, report.Note{Level: report.NoteWarning, File: is.File, Line: is.Line, Column: is.Column, Message: is.Message})
		}
	}
	return docs, fs, diags, nil
}

// knownRule tells whether an sfguard-ignore names a loaded rule, enabled or
// not (ignores are matched without regard to case).
func knownRule(eng *policy.Engine) func(string) bool {
	ids := map[string]bool{}
	for _, r := range eng.Rules() {
		ids[strings.ToUpper(r.ID)] = true
	}
	return func(id string) bool { return ids[strings.ToUpper(id)] }
}

// sourceOptions turns the settings into the source layer's filters. Each
// exclude pattern is anchored where it was declared: the command line's at
// the working directory, the configuration's at the directory of the
// configuration file, so a scan means the same from any directory.
func sourceOptions(s *Settings) source.Options {
	ex := source.Anchored(".", s.Exclude...)
	if len(s.Config.Exclude) > 0 {
		globs := make([]string, len(s.Config.Exclude))
		for i, g := range s.Config.Exclude {
			globs[i] = g.Pattern
		}
		ex = append(ex, source.Anchored(configDir(s.Config), globs...)...)
	}
	return source.Options{MaxFileSize: s.MaxFileSize, Exclude: ex, NoIgnore: s.NoIgnore, NoArchives: s.NoArchives,
		CredentialsOnly: !s.Metadata}
}

// partialScan reports whether the scan read less than the whole tree the
// configuration governs, so a suppression that matched nothing may still
// match in the rest of it.
func partialScan(s *Settings) bool {
	if s.Staged || s.Since != "" || s.History || s.Stdin || s.DiffBase != "" {
		return true
	}
	dir, err := filepath.Abs(configDir(s.Config))
	if err != nil {
		return true
	}
	for _, p := range s.Paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if st, err := os.Stat(abs); err != nil || !st.IsDir() {
			continue
		}
		if _, ok := source.RelTo(abs, dir); ok {
			return false
		}
	}
	return true
}

// configDir is the directory a configuration's patterns are relative to.
func configDir(c *config.Config) string {
	if c == nil || c.Path == "" {
		return "."
	}
	return filepath.Dir(c.Path)
}

// parseAll reads and parses metadata files with jobs workers. Each type is
// parsed keeping only the top-level elements the loaded rules read (all of
// them when eng is nil).
func parseAll(eng *policy.Engine, files []source.File, jobs int) ([]*model.Document, []finding.Diagnostic, int64) {
	return parseCounted(eng, files, jobs, nil)
}

// parseCounted is parseAll counting each parsed file in prog.
func parseCounted(eng *policy.Engine, files []source.File, jobs int, prog *progress.Counter) ([]*model.Document, []finding.Diagnostic, int64) {
	type slot struct {
		doc   *model.Document
		diag  *finding.Diagnostic
		probs []finding.Diagnostic
		n     int64
	}
	keeps := map[string]func(string) bool{}
	for _, f := range files {
		if f.Type != nil && eng != nil {
			if _, ok := keeps[f.Type.Name]; !ok {
				keeps[f.Type.Name] = secrets.AppKeep(f.Type.Name, eng.Keep(f.Type.Name))
			}
		}
	}
	slots := make([]slot, len(files))
	// Documents copy what they keep, so a read buffer goes back to the
	// pool once its file is parsed. A fresh buffer per file was 55% of the
	// bytes allocated by a metadata scan (alloc_space profile of a 123 MiB
	// generated org) and, with GOGC=400, most of its peak RSS.
	var bufs sync.Pool
	parallel.ForEach(len(files), jobs, func(i int) {
		f := &files[i]
		if f.Type == nil {
			return
		}
		bp, _ := bufs.Get().(*[]byte)
		if bp == nil {
			bp = new([]byte)
		}
		defer bufs.Put(bp)
		data, err := f.ReadReuse(*bp)
		if cap(data) > cap(*bp) && f.OSPath() != "" {
			*bp = data[:0] // keep the larger buffer (never a zip entry's or stdin's own bytes)
		}
		if err != nil {
			slots[i].diag = &finding.Diagnostic{File: f.Path, Message: err.Error()}
			return
		}
		slots[i].n = int64(len(data))
		defer prog.Add(slots[i].n) // counted once parsed: parsing is the work
		d, err := model.Load(f.Type, f.FullName, f.Path, f.Format, data, keeps[f.Type.Name])
		if err != nil {
			slots[i].diag = parseDiagnostic(f.Path, err)
			return
		}
		slots[i].doc = d
		// Malformed and duplicated values: the rules read them
		// pessimistically, the run still exits 2 (docs/input.md).
		for _, p := range d.Problems() {
			slots[i].probs = append(slots[i].probs, finding.Diagnostic{File: f.Path, Line: p.Line, Column: p.Col, Message: p.Msg})
		}
	})
	var docs []*model.Document
	var diags []finding.Diagnostic
	var total int64
	for _, s := range slots {
		total += s.n
		if s.doc != nil {
			docs = append(docs, s.doc)
		}
		if s.diag != nil {
			diags = append(diags, *s.diag)
		}
		diags = append(diags, s.probs...)
	}
	return docs, diags, total
}

func parseDiagnostic(path string, err error) *finding.Diagnostic {
	var pe *model.ParseError
	if errors.As(err, &pe) {
		return &finding.Diagnostic{File: path, Line: pe.Line, Column: pe.Col, Message: pe.Msg}
	}
	return &finding.Diagnostic{File: path, Message: err.Error()}
}

// GitDir is the directory git runs in for the git modes: RepoDir, else a
// single directory argument, else the current directory.
func (s *Settings) GitDir() string {
	if s.RepoDir != "" {
		return s.RepoDir
	}
	if len(s.Paths) == 1 {
		if st, err := os.Stat(s.Paths[0]); err == nil && st.IsDir() {
			return s.Paths[0]
		}
	}
	return "."
}

// dropCoveredSecrets removes credential findings that a metadata rule
// tagged "secret" already reports on the same line (a <consumerSecret> in a
// ConnectedApp is both a metadata problem and a leaked credential). The
// metadata finding stays: it names the component and element.
func dropCoveredSecrets(secretFs, metadataFs []finding.Finding, rules []finding.Rule) []finding.Finding {
	secretRule := map[string]bool{}
	for _, r := range rules {
		for _, t := range r.Tags {
			if t == "secret" && r.Kind == finding.KindMetadata {
				secretRule[r.ID] = true
			}
		}
	}
	type place struct {
		file string
		line int
	}
	covered := map[place]bool{}
	for _, f := range metadataFs {
		if secretRule[f.RuleID] {
			covered[place{f.File, f.Line}] = true
		}
	}
	if len(covered) == 0 {
		return secretFs
	}
	out := secretFs[:0]
	for _, f := range secretFs {
		if !covered[place{f.File, f.Line}] {
			out = append(out, f)
		}
	}
	return out
}

// collect reads the scan's input through the source layer: the work tree
// (also in PR mode, whose base is read later), the index, commits or
// stdin.
func collect(s *Settings) ([]source.File, []finding.Diagnostic, error) {
	opts := sourceOptions(s)
	switch {
	case s.Stdin:
		in := s.StdinReader
		if in == nil {
			in = os.Stdin
		}
		f, err := source.Stdin(in, s.StdinName)
		if err != nil {
			// Unreadable input is an input problem of the run, like any
			// file that cannot be read.
			return nil, []finding.Diagnostic{{File: "<stdin>", Message: err.Error()}}, nil //nolint:nilerr // reported as a diagnostic
		}
		return []source.File{f}, nil, nil
	case s.Staged:
		return source.Staged(s.GitDir(), s.Paths, opts)
	case s.Since != "":
		return source.Since(s.GitDir(), s.Since, s.Paths, opts)
	case s.History:
		return source.History(s.GitDir(), s.Paths, opts)
	}
	files, diags := source.Walk(s.Paths, opts)
	return files, diags, nil
}

// prSecretFiles selects what PR mode scans for credentials: the work-tree
// files that differ from the base (committed and uncommitted changes), and
// the lines each commit since the base adds, so a credential committed and
// removed again in the change is still reported.
func prSecretFiles(s *Settings, files []source.File) ([]source.File, map[string]bool, error) {
	changed, err := source.ChangedSince(s.GitDir(), s.DiffBase, files)
	if err != nil {
		return nil, nil, err
	}
	var out []source.File
	for i := range files {
		if files[i].IsChanged(changed) {
			out = append(out, files[i])
		}
	}
	commits, _, err := source.Since(s.GitDir(), s.DiffBase, s.Paths, sourceOptions(s))
	if err != nil {
		return nil, nil, err
	}
	return append(out, commits...), changed, nil
}

// appIndex is the consumer key → app map for correlating credentials,
// built from the documents the metadata half parsed and the app files among
// those scanned. A scan that reads less than the project (staged content,
// commits, stdin) also gets a lookup of the project's other apps: the index
// for --staged, the work tree otherwise. Listing them reads the whole
// repository, so it runs only if a consumer key is not found nearer
// (secrets.Options.MoreApps); a scanned version of an app wins.
func appIndex(s *Settings, files []source.File, docs []*model.Document) (map[string]secrets.AppInfo, func() map[string]secrets.AppInfo) {
	workTree := !s.Staged && s.Since == "" && !s.History && !s.Stdin
	if s.Metadata && workTree {
		return secrets.Apps(docs), nil
	}
	have := map[string]bool{}
	for _, d := range docs {
		have[d.Path] = true
	}
	near := secrets.Apps(append(docs, parseApps(files, have)...))
	if workTree {
		return near, nil
	}
	more := func() map[string]secrets.AppInfo {
		var rest []source.File
		if s.Staged {
			rest, _, _ = source.IndexAt(s.GitDir(), s.Paths, sourceOptions(s), isAppFile)
		} else {
			rest, _ = source.Walk(s.Paths, sourceOptions(s))
		}
		apps := secrets.Apps(parseApps(rest, map[string]bool{}))
		for k, v := range near {
			apps[k] = v
		}
		return apps
	}
	return near, more
}

// isAppFile reports whether a path names a file of an app type.
func isAppFile(abs string) bool {
	t, _, _, ok := sfmeta.Classify(filepath.ToSlash(abs))
	return ok && secrets.IsAppType(t.Name)
}

// parseApps parses the app files among files that are not yet parsed.
// Unreadable or malformed ones are left to the metadata scan to report.
func parseApps(files []source.File, have map[string]bool) []*model.Document {
	var docs []*model.Document
	for i := range files {
		f := &files[i]
		if f.Type == nil || have[f.Path] || !secrets.IsAppType(f.Type.Name) {
			continue
		}
		data, err := f.Read()
		if err != nil {
			continue
		}
		if d, err := model.Load(f.Type, f.FullName, f.Path, f.Format, data, nil); err == nil {
			docs = append(docs, d)
		}
	}
	return docs
}

// secretSource maps a file's origin to the credential scan's source name.
func secretSource(k source.Kind) string {
	switch k {
	case source.Index:
		return secrets.SourceStaged
	case source.Commit:
		return secrets.SourceHistory
	case source.StdinKind:
		return secrets.SourceStdin
	}
	return secrets.SourceWorktree
}

// scanSecrets runs the credential detectors over files and lets the secret
// rules decide what is a finding.
func scanSecrets(ctx context.Context, eng *policy.Engine, s *Settings, files []source.File, apps map[string]secrets.AppInfo, moreApps func() map[string]secrets.AppInfo, rep *report.Report) ([]finding.Finding, []finding.Diagnostic, []report.Note) {
	opts := secrets.Options{MaxFileSize: s.MaxFileSize, Jobs: s.Jobs, Apps: apps, MoreApps: moreApps, Progress: s.Progress.Add}
	s.Progress.Phase("scanning for credentials")
	work := make([]secrets.WorkFile, len(files))
	for i := range files {
		f := &files[i]
		changed := make([]secrets.LineRange, len(f.Changed))
		for j, c := range f.Changed {
			changed[j] = secrets.LineRange{Start: c.Start, End: c.End}
		}
		work[i] = secrets.WorkFile{Path: f.Path, OSPath: f.OSPath(), Size: f.Size, Read: f.Read,
			Blob: secrets.Blob{Rel: s.project.of(f.Path), LineMap: f.LineMap, Changed: changed, FilterChanged: f.FilterChanged,
				Commit: f.Origin.Commit, Source: secretSource(f.Origin.Kind)}}
	}
	res := secrets.ScanWorkTree(work, opts)
	if rep != nil {
		// Both halves read the same files, so with both the larger count
		// is the number of files read.
		rep.Stats.Files = max(rep.Stats.Files, res.Files)
		rep.Stats.Bytes = max(rep.Stats.Bytes, res.Bytes)
	}
	inputs := make([]policy.SecretInput, len(res.Candidates))
	for i, c := range res.Candidates {
		inputs[i] = policy.SecretInput{Detector: c.Detector, Location: c.Location, Secret: c.Secret, Commit: c.Commit, Fields: c.Fields}
	}
	fs, ediags := eng.EvalSecrets(ctx, inputs, s.Jobs)
	var notes []report.Note
	for _, n := range res.Notes {
		notes = append(notes, report.Warningf(n.Path, 0, "%s", n.Reason))
	}
	return dropRepeatedCommits(fs), append(res.Diagnostics, ediags...), notes
}

// dropRepeatedCommits removes a credential found in a commit when the same
// credential (same rule, file and value) is found in the files as they are
// now: PR mode reads both, and one finding per credential is enough.
func dropRepeatedCommits(fs []finding.Finding) []finding.Finding {
	current := map[string]bool{}
	for i := range fs {
		if fs[i].Commit == nil {
			current[finding.Fingerprint(&fs[i])] = true
		}
	}
	out := fs[:0]
	for i := range fs {
		if fs[i].Commit != nil && current[finding.Fingerprint(&fs[i])] {
			continue
		}
		out = append(out, fs[i])
	}
	return out
}

// applyDiffBase keeps only findings that are new against the tree at
// s.DiffBase, and adds the privilege deltas the delta rules report. The
// base is read from git through the source layer, with the same filters as
// the work tree: its metadata, and the base version of every file whose
// credentials were scanned.
func applyDiffBase(ctx context.Context, eng *policy.Engine, s *Settings, head []*model.Document, changed map[string]bool, rep *report.Report) error {
	want := func(abs string) bool {
		if changed[abs] {
			return true
		}
		if !s.Metadata {
			return false
		}
		_, _, _, ok := sfmeta.Classify(filepath.ToSlash(abs))
		return ok || strings.EqualFold(filepath.Ext(abs), ".zip")
	}
	baseFiles, _, err := source.TreeAt(s.GitDir(), s.DiffBase, s.Paths, sourceOptions(s), want)
	if err != nil {
		return err
	}
	var baseDocs []*model.Document
	var baseFindings []finding.Finding
	if s.Metadata {
		baseDocs, baseFindings, _, _ = scanMetadata(ctx, eng, s, baseFiles, nil) // the engine is ready: the head was evaluated
	}
	if s.Secrets {
		var scanned []source.File
		for i := range baseFiles {
			if baseFiles[i].IsChanged(changed) {
				scanned = append(scanned, baseFiles[i])
			}
		}
		fs, _, _ := scanSecrets(ctx, eng, s, scanned, secrets.Apps(baseDocs), nil, nil)
		baseFindings = append(baseFindings, fs...)
	}
	// Metadata fingerprints do not depend on the path; credential ones
	// do, and base files carry the paths they have in the work tree.
	finding.AssignFingerprints(baseFindings, s.project.of)
	finding.AssignFingerprints(rep.Findings, s.project.of)
	rep.Findings = diffbase.New(rep.Findings, baseFindings)
	deltas, diags := eng.EvalDelta(ctx, baseDocs, head)
	deltas, _ = suppress.Inline(deltas, head, knownRule(eng)) // issues were reported with the head scan
	rep.Findings = append(rep.Findings, deltas...)
	rep.Diagnostics = append(rep.Diagnostics, diags...)
	rep.Notes = append(rep.Notes, report.Note{Level: report.NoteInfo, Message: fmt.Sprintf("PR mode: only findings new since %s are reported", s.DiffBase)})
	return nil
}
