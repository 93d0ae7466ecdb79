// Package policy is sfguard's Rego engine. It loads the embedded rule pack
// and the user's --policy directories, compiles them once with OPA's v1 Go
// API (network and runtime builtins removed), and evaluates rules against
// metadata documents (in parallel), the org view, credential candidates and
// PR deltas. It returns findings; it knows nothing of output formats.
//
// Not a Go API for other modules. sfguard is extended with Rego
// (--policy DIR, docs/writing-rules.md), not by importing this package: its
// functions exchange sfguard's internal types (finding, model) and change
// with the command line's needs, with no compatibility promise. It sits at
// the top of the module only because the project's layout puts it there;
// treat it as internal.
package policy

import (
	"context"
	"fmt"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/parallel"
	"github.com/sfguard/sfguard/internal/sfmeta"
)

// Options configure an Engine.
type Options struct {
	// PolicyDirs are user directories (or single .rego files) loaded beside
	// the built-in pack.
	PolicyDirs []string
	// Params override rule parameter defaults (custom.params in METADATA).
	Params map[string]any
	// ResolveParams, when set, receives the declared defaults (with Params
	// applied) and returns the values the policies see; the config file uses
	// it to check names and types against the declarations.
	ResolveParams func(declared map[string]any) (map[string]any, error)
	// Enabled, when set, decides which rules run. Nil enables all.
	Enabled func(finding.Rule) bool
	// Severity, when set, may override a rule's severity (config file).
	Severity func(finding.Rule) (finding.Severity, bool)
	// PRMode says delta rules will run (--diff-base), so what they read
	// must be parsed too.
	PRMode bool
	// Scopes, when set, limits the built-in rules that are loaded to these
	// scopes. A pre-commit secret scan needs only the secret rules, and not
	// compiling the rest is most of its start-up time. User policies are
	// always loaded in full.
	Scopes []string
	// Types, when non-nil, leaves out the built-in rules that read none of
	// these metadata types (custom.types). A pre-commit scan of a few staged
	// files compiles only the rules for their types; compiling the whole
	// pack was most of its time (issue 14). A rule never fires without a
	// document of one of its types (TestRulesNeedTheirTypes), so the
	// findings are the same. Rules without types and users' rules stay;
	// built-in documents that are not rules (the access matrix) go. With
	// any user policy loaded nothing is left out, since a user's rule may
	// read a built-in rule's verdicts.
	Types []string
	// ParseEverything makes Keep parse every element, for documents that
	// are not rules (the access matrix, the audit report's snippets) and
	// read more than the rules declare.
	ParseEverything bool
	// CheckBuiltins type-checks the built-in rules against the input
	// schemas too. The embedded pack cannot change after the build, and its
	// tests compile it this way (TestBuiltinsTypeCheck), so a scan checks
	// only the user's rules: the schema check of the built-ins was a third
	// of compiling the pack, the largest cost of a pre-commit scan (issue 14).
	CheckBuiltins bool
	// RuleTimeout is each rule's evaluation time budget per input (one
	// document, the org view, one credential candidate); 0 means
	// DefaultRuleTimeout. See budget.go.
	RuleTimeout time.Duration
}

// loadedRule is one compiled rule.
type loadedRule struct {
	meta          finding.Rule
	pkg           ast.Ref
	reads         []string
	readsDeclared bool
	detectors     []string
	sevOverride   *finding.Severity
	where         string // file:line of custom.id
	builtin       bool
}

// Engine evaluates compiled rules. It is safe for concurrent use.
type Engine struct {
	compiler *ast.Compiler
	store    storage.Store
	rules    []*loadedRule // enabled rules, sorted by ID
	all      []finding.Rule
	params   map[string]any
	queries  *queryCache
	prMode   bool
	parseAll bool
	timeout  time.Duration
	// enabled are the enabled rules a scan reports as run: e.rules and,
	// in a scan narrowed by type, those it did not need to compile.
	enabled []finding.Rule
	// loaded and narrowed keep what KnownRules needs when Scopes or Types
	// left built-in rules out.
	loaded   []*loadedRule
	narrowed bool
	// ready is closed when the compile has finished, with compiler set or
	// compileErr; see Start.
	ready      chan struct{}
	compileErr error
	// overBudget holds the ids of rules that exceeded the timeout; they
	// are not run again in this scan.
	overBudget sync.Map
}

// deniedBuiltins are removed from the capabilities every policy is compiled
// with: a policy must not reach the network, the host or a clock or random
// source, so that scans are offline and deterministic.
var deniedBuiltins = map[string]string{
	"http.send":          "network access",
	"net.lookup_ip_addr": "network access",
	"opa.runtime":        "host runtime access",
	"time.now_ns":        "a clock (results must be deterministic)",
	"rand.intn":          "randomness (results must be deterministic)",
	"uuid.rfc4122":       "randomness (results must be deterministic)",
}

func capabilities() *ast.Capabilities {
	c := ast.CapabilitiesForThisVersion()
	kept := c.Builtins[:0]
	for _, b := range c.Builtins {
		if _, denied := deniedBuiltins[b.Name]; denied {
			continue
		}
		kept = append(kept, b)
	}
	c.Builtins = kept
	c.AllowNet = []string{}
	return c
}

// NewCompiler returns the compiler every sfguard policy is compiled with:
// the restricted capabilities and the typed input schemas named by keys
// (see schemas.go).
func NewCompiler(schemaKeys map[string]bool) *ast.Compiler {
	return newCompiler(schemaKeys, schemaCache{})
}

func newCompiler(schemaKeys map[string]bool, schemas schemaCache) *ast.Compiler {
	return ast.NewCompiler().
		WithCapabilities(capabilities()).
		WithEnablePrintStatements(false).
		WithSchemas(schemaSet(schemaKeys, schemas)).
		WithUseTypeCheckAnnotations(true)
}

var undefinedFunc = regexp.MustCompile(`undefined function ([A-Za-z0-9_.]+)`)

// New loads, checks and compiles every rule.
func New(opts Options) (*Engine, error) {
	e, err := Start(opts)
	if err != nil {
		return nil, err
	}
	if err := e.Wait(); err != nil {
		return nil, err
	}
	return e, nil
}

// Start loads and parses the rules and returns while OPA compiles them.
// What comes from the rules' METADATA (Rules, Keep) is ready at once, so a
// scan parses its XML on the other core while the compile runs: in a CPU
// profile of a real org's metadata scan the two were serial phases of 50%
// and 35% of the time (issue 14). Evaluating needs Wait first.
func Start(opts Options) (*Engine, error) {
	srcs, err := loadSources(opts.PolicyDirs)
	if err != nil {
		return nil, err
	}
	return start(opts, srcs)
}

// newFromSources compiles the given rule sources (the built-in pack and the
// user's, already read).
func newFromSources(opts Options, srcs []source) (*Engine, error) {
	e, err := start(opts, srcs)
	if err != nil {
		return nil, err
	}
	if err := e.Wait(); err != nil {
		return nil, err
	}
	return e, nil
}

// Wait waits for the compile Start began and returns its error. It is
// safe to call many times and from many goroutines.
func (e *Engine) Wait() error {
	<-e.ready
	return e.compileErr
}

// start does the work of Start on sources already read.
func start(opts Options, srcs []source) (*Engine, error) {
	all := srcs
	srcs = selectTypes(selectScopes(srcs, opts.Scopes), opts.Types)
	narrowed := len(srcs) < len(all)
	if narrowed {
		srcs = dropUnusedLibraries(srcs)
	}
	p, err := loadPack(opts, srcs)
	if err != nil {
		return nil, err
	}
	params, err := mergeParams(p.loaded, opts.Params)
	if err != nil {
		return nil, err
	}
	if opts.ResolveParams != nil {
		if params, err = resolveParams(opts.ResolveParams, params, all, narrowed); err != nil {
			return nil, err
		}
	}
	e := &Engine{store: NewStore(params), params: params, prMode: opts.PRMode, parseAll: opts.ParseEverything, timeout: opts.RuleTimeout,
		loaded: p.loaded, narrowed: narrowed, ready: make(chan struct{})}
	if e.timeout <= 0 {
		e.timeout = DefaultRuleTimeout
	}
	if err := e.pickRules(p.loaded, opts, narrowed); err != nil {
		return nil, err
	}
	e.queries = newQueryCache(e)
	go e.compile(p)
	return e, nil
}

// pack is the rule sources parsed, with what their METADATA says, ready
// for OPA's compiler.
type pack struct {
	modules    map[string]*ast.Module
	loaded     []*loadedRule
	schemaKeys map[string]bool
	schemas    schemaCache
	getErrs    ast.Errors // object.get paths that no schema has
}

// loadPack parses the sources and reads each rule's METADATA. A rule id
// defined twice is an error; a user's rules (and with CheckBuiltins the
// built-in ones) get the input schema of their types.
func loadPack(opts Options, srcs []source) (*pack, error) {
	parsed, err := parseAll(srcs)
	if err != nil {
		return nil, err
	}
	p := &pack{modules: make(map[string]*ast.Module, len(srcs)), schemaKeys: map[string]bool{}, schemas: schemaCache{}}
	ids := map[string]*loadedRule{}
	for i, s := range srcs {
		m := parsed[i]
		p.modules[s.name] = m
		r, ok, err := ruleFromModule(s.name, m, s.builtin)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if prev, dup := ids[r.meta.ID]; dup {
			return nil, duplicateID(r, prev)
		}
		ids[r.meta.ID] = r
		p.loaded = append(p.loaded, r)
		if s.builtin && !opts.CheckBuiltins {
			continue
		}
		if key := annotateInputSchema(m, r); key != "" {
			p.schemaKeys[key] = true
			p.getErrs = append(p.getErrs, checkGetPaths(s.name, m, p.schemas.get(key))...)
		}
	}
	return p, nil
}

func duplicateID(r, prev *loadedRule) error {
	if r.builtin {
		r, prev = prev, r
	}
	if prev.builtin {
		return fmt.Errorf("%s: rule id %s is already the id of a built-in rule (%s); choose another id, or disable the built-in in .sfguard.yaml", r.where, r.meta.ID, prev.where)
	}
	return fmt.Errorf("%s: rule id %s is defined twice: also at %s", r.where, r.meta.ID, prev.where)
}

// pickRules applies the configuration's severities and selection to the
// rules a scan reports (reportedRules) and keeps the enabled compiled ones
// for evaluation.
func (e *Engine) pickRules(loaded []*loadedRule, opts Options, narrowed bool) error {
	compiled := map[string]*loadedRule{}
	for _, r := range loaded {
		compiled[r.meta.ID] = r
	}
	metas, err := reportedRules(loaded, opts, narrowed)
	if err != nil {
		return err
	}
	for _, m := range metas {
		r := compiled[m.ID]
		if opts.Severity != nil {
			if s, ok := opts.Severity(m); ok {
				m.Severity = s
				if r != nil {
					r.sevOverride = &s
					r.meta.Severity = s
				}
			}
		}
		e.all = append(e.all, m)
		if opts.Enabled != nil && !opts.Enabled(m) {
			continue
		}
		e.enabled = append(e.enabled, m)
		if r != nil {
			e.rules = append(e.rules, r)
		}
	}
	return nil
}

// compile runs OPA's compiler over the pack and then releases Wait.
func (e *Engine) compile(p *pack) {
	defer close(e.ready)
	compiler := newCompiler(p.schemaKeys, p.schemas)
	compiler.Compile(p.modules)
	if compiler.Failed() || len(p.getErrs) > 0 {
		e.compileErr = compileError(append(compiler.Errors, p.getErrs...))
		return
	}
	e.compiler = compiler
}

// resolveParams hands the declared parameters to the caller's resolver. A
// configuration is shared by every command: `.sfguard.yaml` may set a
// credential-scan parameter that a `scan --no-secrets` run never compiles.
// So when the resolver rejects the parameters and some scopes were left
// out, the parameters of the whole pack are declared and it is asked again;
// the out-of-scope values reach no compiled rule. The retry keeps the
// common path (no unknown name) free of parsing the rules left out.
func resolveParams(resolve func(map[string]any) (map[string]any, error), declared map[string]any, all []source, narrowed bool) (map[string]any, error) {
	out, err := resolve(declared)
	if err == nil || !narrowed {
		return out, err
	}
	parsed, perr := parseAll(all)
	if perr != nil {
		return nil, err
	}
	var rules []*loadedRule
	for i, s := range all {
		if r, ok, rerr := ruleFromModule(s.name, parsed[i], s.builtin); rerr == nil && ok {
			rules = append(rules, r)
		}
	}
	whole, merr := mergeParams(rules, nil)
	if merr != nil {
		return nil, err
	}
	for k, v := range declared {
		whole[k] = v
	}
	return resolve(whole)
}

// parseAll parses the sources on all cores; parsing is a third of start-up.
func parseAll(srcs []source) ([]*ast.Module, error) {
	out := make([]*ast.Module, len(srcs))
	errs := make([]error, len(srcs))
	parallel.ForEach(len(srcs), runtime.NumCPU(), func(i int) {
		m, err := ast.ParseModuleWithOpts(srcs[i].name, srcs[i].text, ParserOptions())
		if err != nil {
			err = fmt.Errorf("policy %s: %w", srcs[i].name, err)
		}
		out[i], errs[i] = m, err
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func compileError(errs ast.Errors) error {
	var b strings.Builder
	b.WriteString("compiling policies failed:")
	for _, e := range errs {
		b.WriteString("\n  ")
		if m := undefinedFunc.FindStringSubmatch(e.Message); m != nil {
			if reason := deniedBuiltins[m[1]]; reason != "" {
				loc := ""
				if e.Location != nil {
					loc = e.Location.String() + ": "
				}
				fmt.Fprintf(&b, "%s%s is not allowed in sfguard policies (%s)", loc, m[1], reason)
				continue
			}
		}
		if e.Code == ast.TypeErr {
			b.WriteString(typeError(e))
			continue
		}
		b.WriteString(e.Error())
	}
	return fmt.Errorf("%s", b.String())
}

// NewStore holds the data every rule can read: data.sfguard.params (the
// parameters) and data.sfguard.meta (what the metadata registry knows about
// values, such as the documented enums; see rules/lib/enums.rego). Tests of
// the rule pack run against the same store.
func NewStore(params map[string]any) storage.Store {
	return inmem.NewFromObject(map[string]any{"sfguard": map[string]any{"params": params, "meta": sfmeta.RegoData()}})
}

// mergeParams collects declared parameter defaults and applies overrides.
// Parameters share one namespace (data.sfguard.params.<name>) so a config file
// can name them without knowing which rule reads them; two rules declaring
// the same name must agree on the default.
func mergeParams(rules []*loadedRule, overrides map[string]any) (map[string]any, error) {
	out := map[string]any{}
	owner := map[string]string{}
	for _, r := range rules {
		for k, v := range r.meta.Params {
			if prev, ok := out[k]; ok && fmt.Sprint(prev) != fmt.Sprint(v) {
				return nil, fmt.Errorf("rule %s declares parameter %s with default %v, but rule %s declares %v", r.meta.ID, k, v, owner[k], prev)
			}
			out[k] = v
			owner[k] = r.meta.ID
		}
	}
	for k, v := range overrides {
		if _, ok := out[k]; !ok {
			known := make([]string, 0, len(out))
			for n := range out {
				known = append(known, n)
			}
			sort.Strings(known)
			return nil, fmt.Errorf("unknown rule parameter %q (known: %s)", k, strings.Join(known, ", "))
		}
		out[k] = v
	}
	return out, nil
}

// Rules returns every loaded rule (enabled or not), sorted by ID.
func (e *Engine) Rules() []finding.Rule { return e.all }

// KnownRules returns every rule there is: the loaded ones and, when Scopes
// or Types left built-in rules out, those too (from rules.Index). A
// configuration naming a rule this scan does not compile (a pre-commit
// credential scan and a metadata rule in rules.disable) is checked against
// it, so that only an id no rule has is an error.
func (e *Engine) KnownRules() []finding.Rule {
	if !e.narrowed {
		return e.all
	}
	index, err := builtinIndex()
	if err != nil {
		return e.all
	}
	byID := map[string]finding.Rule{}
	for _, m := range index {
		byID[m.ID] = m
	}
	for _, r := range e.loaded {
		byID[r.meta.ID] = r.meta
	}
	out := make([]finding.Rule, 0, len(byID))
	for _, m := range byID {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// EnabledRules returns the enabled rules, sorted by ID: those that will
// run and, in a scan narrowed by type, those left out because no document
// of their types is in it (they could not fire).
func (e *Engine) EnabledRules() []finding.Rule { return e.enabled }

// Keep returns the filter of top-level elements the parser must build for a
// metadata type: the union of what the enabled rules for that type declare
// in custom.reads (delta rules only in PR mode). It returns nil (parse everything) when any such rule does
// not declare what it reads, and a filter that keeps nothing when no rule
// reads the type at all (the file is still checked for well-formedness of
// its root).
func (e *Engine) Keep(typeName string) func(string) bool {
	if e.parseAll {
		return nil
	}
	set := map[string]bool{}
	for _, r := range e.rules {
		if !e.parsesFor(r, typeName) {
			continue
		}
		if !r.readsDeclared {
			return nil
		}
		for _, el := range r.reads {
			set[el] = true
		}
	}
	return func(name string) bool { return set[name] }
}

func appliesTo(r *loadedRule, typeName string) bool {
	if len(r.meta.Types) == 0 {
		return true // org rules that do not narrow read everything
	}
	for _, t := range r.meta.Types {
		if t == typeName || t == "*" {
			return true
		}
	}
	return false
}

// prepare returns a prepared query evaluating the deny sets of rules.
func (e *Engine) prepare(rs []*loadedRule) (*rego.PreparedEvalQuery, error) {
	var q strings.Builder
	for i, r := range rs {
		if i > 0 {
			q.WriteString("; ")
		}
		fmt.Fprintf(&q, "r%d := %s.deny", i, r.pkg.String())
	}
	if err := e.Wait(); err != nil {
		return nil, err
	}
	pq, err := rego.New(
		rego.Query(q.String()),
		rego.Compiler(e.compiler),
		rego.Store(e.store),
	).PrepareForEval(context.Background())
	if err != nil {
		return nil, err
	}
	return &pq, nil
}
