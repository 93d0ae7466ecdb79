// Package config reads .sfguard.yaml: which rules run and how severe they
// are, rule parameters, path excludes, the fail threshold and suppressions.
//
// The file is decoded through the yaml.v3 Node API rather than into structs
// so that every unknown key and every bad value is reported with the file and
// the line it is on; a typo in a security gate's configuration must never be
// silently ignored.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/sfguard/sfguard/internal/finding"
)

// FileName is the name Find looks for.
const FileName = ".sfguard.yaml"

// altFileName is accepted too because editors and people write both.
const altFileName = ".sfguard.yml"

// Version is the only config file version this build understands.
const Version = 1

// DateLayout is the layout of suppression expiry dates.
const DateLayout = "2006-01-02"

// Config is a parsed .sfguard.yaml. The zero value is a valid, empty
// configuration: every loaded rule enabled at its own severity.
type Config struct {
	// Path is the file the configuration was read from ("" if none).
	Path    string
	Version int
	// FailOn is the threshold from the file; nil when the file does not set it.
	FailOn *finding.Severity
	// RuleTimeout is each rule's evaluation budget; 0 when the file does
	// not set it.
	RuleTimeout time.Duration
	Rules       Rules
	// Params are rule parameter values by name, checked against the
	// engine's declarations with ResolveParams.
	Params map[string]Param
	// Exclude are doublestar globs matched against slash-separated paths
	// relative to the scan root.
	Exclude      []Glob
	Suppressions []Suppression
	// Policies are directories (or .rego files) of extra rules loaded
	// beside the built-in pack, as with --policy. Load resolves them
	// against the file's directory, so a shared policy checkout works from
	// any working directory.
	Policies []Glob
}

// Rules selects rules and overrides their severity.
type Rules struct {
	Enable  []Selector
	Disable []Selector
	// Severity overrides by rule id.
	Severity map[string]finding.Severity
	// severityLine remembers where each override was written, so that an
	// override for a rule that does not exist can be reported with a line.
	severityLine map[string]int
}

// SelectorKind says what a selector matches on.
type SelectorKind int

// Selector kinds.
const (
	ByID       SelectorKind = iota // rule id or glob (SFG-CA-*)
	ByTag                          // tag:xyz
	BySeverity                     // severity:info
)

// Selector is one entry of rules.enable or rules.disable.
type Selector struct {
	Kind     SelectorKind
	Value    string           // id glob or tag
	Severity finding.Severity // for BySeverity
	Line     int
}

// Matches reports whether the selector selects the rule.
func (s Selector) Matches(r finding.Rule) bool {
	switch s.Kind {
	case ByTag:
		for _, t := range r.Tags {
			if strings.EqualFold(t, s.Value) {
				return true
			}
		}
		return false
	case BySeverity:
		return r.Severity == s.Severity
	default:
		return globMatch(s.Value, r.ID)
	}
}

func (s Selector) String() string {
	switch s.Kind {
	case ByTag:
		return "tag:" + s.Value
	case BySeverity:
		return "severity:" + s.Severity.String()
	default:
		return s.Value
	}
}

// Param is one rule parameter value with its position.
type Param struct {
	Value any // bool, int64, float64, string, []any or map[string]any
	Line  int
}

// Glob is a doublestar pattern with the line it came from.
type Glob struct {
	Pattern string
	Line    int
}

// Suppression is one entry of the suppressions list.
type Suppression struct {
	// Rule is a rule id or a glob over rule ids ("*" for every rule).
	Rule string
	// Component is "Type:FullName" or a glob over it; empty matches any.
	Component string
	// Path is a doublestar glob over the finding's file, relative to Base;
	// empty matches any.
	Path string
	// Base is the absolute directory Path is anchored at: the directory of
	// the configuration file. Empty: Path is matched against the file as
	// reported.
	Base   string
	Reason string
	// Owner is optional: who answers for the exception.
	Owner string
	// Expires is the last day the suppression applies (inclusive); the zero
	// time means it never expires.
	Expires time.Time
	// File and Line locate the entry for notes and errors.
	File string
	Line int
}

// MatchesPath reports whether a finding's file (as reported: relative to
// the working directory, or absolute; "a.zip!/inner" for archive entries)
// matches Path, anchored at Base.
func (s Suppression) MatchesPath(file string) bool {
	if s.Path == "" {
		return true
	}
	rel := filepath.ToSlash(file)
	if s.Base != "" {
		abs := file
		if !filepath.IsAbs(abs) {
			wd, err := os.Getwd()
			if err != nil {
				return false
			}
			abs = filepath.Join(wd, file)
		}
		prefix := strings.TrimSuffix(filepath.ToSlash(s.Base), "/") + "/"
		var ok bool
		if rel, ok = strings.CutPrefix(filepath.ToSlash(abs), prefix); !ok {
			return false
		}
	}
	return doublestar.MatchUnvalidated(s.Path, rel)
}

// Where is "file:line" for messages.
func (s Suppression) Where() string {
	if s.File == "" {
		return fmt.Sprintf("suppression #%d", s.Line)
	}
	return fmt.Sprintf("%s:%d", s.File, s.Line)
}

// Expired reports whether the suppression no longer applies on the given
// day. The expiry date itself is still covered.
func (s Suppression) Expired(today time.Time) bool {
	if s.Expires.IsZero() {
		return false
	}
	y, m, d := today.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return day.After(s.Expires)
}

// Describe is a short human description such as
// `SFG-CA-001 on ConnectedApp:Legacy in force-app/**`.
func (s Suppression) Describe() string {
	var b strings.Builder
	b.WriteString(s.Rule)
	if s.Component != "" {
		b.WriteString(" on " + s.Component)
	}
	if s.Path != "" {
		b.WriteString(" in " + s.Path)
	}
	return b.String()
}

// Error is a problem in the configuration file, with its position.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Diagnostic converts the error for reports.
func (e *Error) Diagnostic() finding.Diagnostic {
	return finding.Diagnostic{File: e.File, Line: e.Line, Message: e.Msg}
}

// Find looks for .sfguard.yaml (or .sfguard.yml) in startDir and its
// parents. It stops after the first directory that contains .git (the
// repository root) or at the filesystem root, so a file in an unrelated
// parent directory is never picked up. It returns "" and no error when
// there is no file. For a relative startDir the path is relative to the
// working directory, so that messages naming the file (and CI annotations
// built from them) stay short and portable.
func Find(startDir string) (string, error) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return "", err
	}
	for {
		for _, name := range []string{FileName, altFileName} {
			p := filepath.Join(dir, name)
			st, err := os.Stat(p)
			if err == nil && !st.IsDir() {
				return displayPath(startDir, p), nil
			}
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", err
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

func displayPath(startDir, p string) string {
	if filepath.IsAbs(startDir) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil {
		return rel
	}
	return p
}

// Load reads and validates a configuration file.
func Load(file string) (*Config, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	c, err := Parse(file, b)
	if err != nil {
		return nil, err
	}
	// Path patterns are relative to the file's directory, whatever the
	// working directory of the scan.
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		return nil, err
	}
	for i := range c.Suppressions {
		c.Suppressions[i].Base = dir
	}
	for i, pol := range c.Policies {
		p := pol.Pattern
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(file), filepath.FromSlash(p))
		}
		if _, err := os.Stat(p); err != nil {
			return nil, &Error{File: file, Line: pol.Line, Msg: fmt.Sprintf("policies: %s: no such directory or .rego file (paths are relative to this file)", pol.Pattern)}
		}
		c.Policies[i].Pattern = p
	}
	return c, nil
}

// Parse validates configuration bytes; name is used in error messages.
// All problems found are returned together, joined, in file order.
func Parse(name string, data []byte) (*Config, error) {
	c := &Config{Path: name, Version: Version}
	p := &parser{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &Error{File: name, Line: yamlErrLine(err), Msg: yamlErrMsg(err)}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return c, nil // empty file: defaults
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: root.Line, Msg: "the configuration must be a mapping of keys (version, failOn, ruleTimeout, rules, params, exclude, policies, suppressions)"}
	}
	p.mapping(root, "", func(key string, v *yaml.Node) bool {
		switch key {
		case "version":
			n, ok := p.int(v, "version")
			if ok && n != Version {
				p.errf(v, "unsupported version %d (this sfguard reads version %d)", n, Version)
			}
			c.Version = n
		case "failOn":
			if s, ok := p.str(v, "failOn"); ok {
				sev, err := finding.ParseSeverity(s)
				if err != nil {
					p.errf(v, "failOn: %v", err)
				} else {
					c.FailOn = &sev
				}
			}
		case "ruleTimeout":
			if s, ok := p.str(v, "ruleTimeout"); ok {
				d, err := ParseRuleTimeout(s)
				if err != nil {
					p.errf(v, "ruleTimeout: %v", err)
				} else {
					c.RuleTimeout = d
				}
			}
		case "rules":
			p.rules(v, &c.Rules)
		case "params":
			c.Params = map[string]Param{}
			p.mapping(v, "params", func(k string, pv *yaml.Node) bool {
				val, ok := p.value(pv)
				if ok {
					c.Params[k] = Param{Value: val, Line: pv.Line}
				}
				return true
			})
		case "exclude":
			for _, item := range p.seq(v, "exclude") {
				if s, ok := p.str(item, "exclude"); ok && p.glob(item, "exclude", s) {
					c.Exclude = append(c.Exclude, Glob{Pattern: s, Line: item.Line})
				}
			}
		case "policies":
			for _, item := range p.seq(v, "policies") {
				if s, ok := p.str(item, "policies"); ok {
					c.Policies = append(c.Policies, Glob{Pattern: s, Line: item.Line})
				}
			}
		case "suppressions":
			for _, item := range p.seq(v, "suppressions") {
				if s, ok := p.suppression(item); ok {
					c.Suppressions = append(c.Suppressions, s)
				}
			}
		default:
			return false
		}
		return true
	})
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return c, nil
}

// RuleEnabled says whether a loaded rule should run. Every rule runs unless
// a disable selector matches it; an enable selector wins over any disable
// selector, so `disable: [severity:info]` with `enable: [SFG-X-001]` keeps
// that one informational rule.
func (c *Config) RuleEnabled(r finding.Rule) bool {
	if c == nil {
		return true
	}
	for _, s := range c.Rules.Enable {
		if s.Matches(r) {
			return true
		}
	}
	for _, s := range c.Rules.Disable {
		if s.Matches(r) {
			return false
		}
	}
	return true
}

// SeverityFor returns the configured severity of a rule: the override if
// there is one, else the rule's own.
func (c *Config) SeverityFor(r finding.Rule) finding.Severity {
	if c != nil {
		if s, ok := c.Rules.Severity[r.ID]; ok {
			return s
		}
	}
	return r.Severity
}

// CheckRules reports selectors and severity overrides that name no loaded
// rule, which are almost always typos ("SFG-CA-01"). Tag and severity
// selectors are not checked: an unused tag is legitimate.
func (c *Config) CheckRules(rules []finding.Rule) error {
	if c == nil {
		return nil
	}
	var errs []error
	check := func(list string, sels []Selector) {
		for _, s := range sels {
			if s.Kind != ByID {
				continue
			}
			found := false
			for _, r := range rules {
				if s.Matches(r) {
					found = true
					break
				}
			}
			if !found {
				errs = append(errs, &Error{File: c.Path, Line: s.Line, Msg: fmt.Sprintf("rules.%s: %q matches no rule", list, s.Value)})
			}
		}
	}
	check("enable", c.Rules.Enable)
	check("disable", c.Rules.Disable)
	ids := make([]string, 0, len(c.Rules.Severity))
	for id := range c.Rules.Severity {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return c.Rules.severityLine[ids[i]] < c.Rules.severityLine[ids[j]] })
	for _, id := range ids {
		found := false
		for _, r := range rules {
			if r.ID == id {
				found = true
				break
			}
		}
		if !found {
			errs = append(errs, &Error{File: c.Path, Line: c.Rules.severityLine[id], Msg: fmt.Sprintf("rules.severity: no rule has id %q", id)})
		}
	}
	return errors.Join(errs...)
}

// ResolveParams checks the configured parameters against the engine's
// declared parameters (name -> default value) and returns the merged map
// the policies see. A parameter the engine does not declare, or a value of
// the wrong type, is an error naming the file and line. Integers are
// accepted where the default is a float; a list must hold elements of the
// kind the default list holds.
func (c *Config) ResolveParams(declared map[string]any) (map[string]any, error) {
	out := make(map[string]any, len(declared))
	for k, v := range declared {
		out[k] = v
	}
	if c == nil {
		return out, nil
	}
	names := make([]string, 0, len(c.Params))
	for k := range c.Params {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return c.Params[names[i]].Line < c.Params[names[j]].Line })
	var errs []error
	for _, name := range names {
		p := c.Params[name]
		def, ok := declared[name]
		if !ok {
			known := make([]string, 0, len(declared))
			for k := range declared {
				known = append(known, k)
			}
			sort.Strings(known)
			msg := fmt.Sprintf("unknown parameter %q in params", name)
			if len(known) > 0 {
				msg += " (known: " + strings.Join(known, ", ") + ")"
			}
			errs = append(errs, &Error{File: c.Path, Line: p.Line, Msg: msg})
			continue
		}
		if err := sameKind(def, p.Value); err != nil {
			errs = append(errs, &Error{File: c.Path, Line: p.Line, Msg: fmt.Sprintf("params.%s: %v", name, err)})
			continue
		}
		out[name] = p.Value
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

type kind string

const (
	kBool   kind = "a boolean"
	kNumber kind = "a number"
	kString kind = "a string"
	kList   kind = "a list"
	kMap    kind = "a mapping"
	kNull   kind = "null"
)

func kindOf(v any) kind {
	switch v.(type) {
	case bool:
		return kBool
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return kNumber
	case string:
		return kString
	case nil:
		return kNull
	case map[string]any:
		return kMap
	}
	// Declared defaults may use typed slices such as []string.
	if _, ok := asList(v); ok {
		return kList
	}
	return kind(fmt.Sprintf("%T", v))
}

func asList(v any) ([]any, bool) {
	switch l := v.(type) {
	case []any:
		return l, true
	case []string:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out, true
	case []int:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out, true
	case []float64:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out, true
	}
	return nil, false
}

func sameKind(def, got any) error {
	dk, gk := kindOf(def), kindOf(got)
	if dk == kNull {
		return nil // the engine declared no type
	}
	if dk != gk {
		return fmt.Errorf("want %s, got %s", dk, gk)
	}
	if dk == kList {
		dl, _ := asList(def)
		gl, _ := asList(got)
		if len(dl) == 0 {
			return nil
		}
		ek := kindOf(dl[0])
		for i, e := range gl {
			if k := kindOf(e); k != ek {
				return fmt.Errorf("item %d: want %s, got %s", i+1, ek, k)
			}
		}
	}
	return nil
}

// EnvVar is the environment variable that mirrors a flag:
// "fail-on" -> "SFGUARD_FAIL_ON". The CLI applies flags over env over file.
func EnvVar(flag string) string {
	return "SFGUARD_" + strings.ToUpper(strings.ReplaceAll(strings.TrimLeft(flag, "-"), "-", "_"))
}

// parser collects errors while walking the node tree.
type parser struct {
	file string
	errs []error
	// valueNodes counts the parameter nodes converted, aliases expanded;
	// valueRoot is the parameter being converted and valueTooBig records
	// that it hit a bound.
	valueNodes  int
	valueRoot   *yaml.Node
	valueTooBig bool
}

func (p *parser) errf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: n.Line, Msg: fmt.Sprintf(format, args...)})
}

// mapping walks a mapping node; fn returns false for an unknown key.
// section is the dotted path used in "unknown key" messages.
func (p *parser) mapping(n *yaml.Node, section string, fn func(key string, v *yaml.Node) bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" && section != "" && section != "suppressions entry" {
		return // "rules:" with nothing under it is an empty section
	}
	if n.Kind != yaml.MappingNode {
		if section == "" {
			section = "the file"
		}
		p.errf(n, "%s must be a mapping, got %s", section, nodeKind(n))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errf(k, "keys must be plain strings")
			continue
		}
		if first, dup := seen[k.Value]; dup {
			p.errf(k, "duplicate key %q (first at line %d)", k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		if !fn(k.Value, v) {
			where := ""
			if section != "" {
				where = " in " + section
			}
			p.errf(k, "unknown key %q%s", k.Value, where)
		}
	}
}

func (p *parser) seq(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errf(n, "%s must be a list, got %s", what, nodeKind(n))
		return nil
	}
	return n.Content
}

func (p *parser) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errf(n, "%s must be a string, got %s", what, nodeKind(n))
		return "", false
	}
	return n.Value, true
}

func (p *parser) int(n *yaml.Node, what string) (int, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		p.errf(n, "%s must be an integer, got %s", what, nodeKind(n))
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		p.errf(n, "%s: %v", what, err)
		return 0, false
	}
	return v, true
}

func (p *parser) glob(n *yaml.Node, what, pattern string) bool {
	if pattern == "" {
		p.errf(n, "%s: empty pattern", what)
		return false
	}
	if !doublestar.ValidatePattern(pattern) {
		p.errf(n, "%s: invalid glob %q", what, pattern)
		return false
	}
	return true
}

// Bounds on a parameter value once YAML aliases are expanded: a recursive
// alias (`a: &x [*x]`) would otherwise recurse until the stack overflows, and
// nested aliases expand exponentially (a "billion laughs" in YAML).
const (
	maxValueDepth = 64
	maxValueNodes = 100_000
)

// value converts a parameter node into plain Go values.
// A bound hit is reported once, at the parameter being converted.
func (p *parser) value(n *yaml.Node) (any, bool) {
	p.valueRoot, p.valueTooBig = n, false
	return p.valueAt(n, 0)
}

func (p *parser) valueAt(n *yaml.Node, depth int) (any, bool) {
	p.valueNodes++
	if p.valueTooBig {
		return nil, false
	}
	switch {
	case depth > maxValueDepth:
		p.errf(p.valueRoot, "parameter value nested deeper than %d levels (a recursive alias?)", maxValueDepth)
		p.valueTooBig = true
		return nil, false
	case p.valueNodes > maxValueNodes:
		p.errf(p.valueRoot, "parameter values expand to more than %d elements (aliases?)", maxValueNodes)
		p.valueTooBig = true
		return nil, false
	}
	switch n.Kind {
	case yaml.AliasNode:
		return p.valueAt(n.Alias, depth+1)
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			p.errf(n, "parameter value must not be null")
			return nil, false
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				p.errf(n, "%v", err)
				return nil, false
			}
			return b, true
		case "!!int":
			v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
			if err != nil {
				p.errf(n, "bad integer %q", n.Value)
				return nil, false
			}
			return v, true
		case "!!float":
			var f float64
			if err := n.Decode(&f); err != nil {
				p.errf(n, "bad number %q", n.Value)
				return nil, false
			}
			return f, true
		default:
			return n.Value, true
		}
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		ok := true
		for _, c := range n.Content {
			v, good := p.valueAt(c, depth+1)
			ok = ok && good
			out = append(out, v)
		}
		return out, ok
	case yaml.MappingNode:
		out := map[string]any{}
		ok := true
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, good := p.valueAt(n.Content[i+1], depth+1)
			ok = ok && good
			out[n.Content[i].Value] = v
		}
		return out, ok
	}
	p.errf(n, "unsupported value")
	return nil, false
}

func (p *parser) rules(n *yaml.Node, r *Rules) {
	p.mapping(n, "rules", func(key string, v *yaml.Node) bool {
		switch key {
		case "enable", "disable":
			for _, item := range p.seq(v, "rules."+key) {
				s, ok := p.str(item, "rules."+key+" entries")
				if !ok {
					continue
				}
				sel, err := parseSelector(s)
				if err != nil {
					p.errf(item, "rules.%s: %v", key, err)
					continue
				}
				sel.Line = item.Line
				if key == "enable" {
					r.Enable = append(r.Enable, sel)
				} else {
					r.Disable = append(r.Disable, sel)
				}
			}
		case "severity":
			if r.Severity == nil {
				r.Severity = map[string]finding.Severity{}
				r.severityLine = map[string]int{}
			}
			p.mapping(v, "rules.severity", func(id string, sv *yaml.Node) bool {
				s, ok := p.str(sv, "rules.severity."+id)
				if !ok {
					return true
				}
				sev, err := finding.ParseSeverity(s)
				if err != nil {
					p.errf(sv, "rules.severity.%s: %v", id, err)
					return true
				}
				r.Severity[id] = sev
				r.severityLine[id] = sv.Line
				return true
			})
		default:
			return false
		}
		return true
	})
}

func parseSelector(s string) (Selector, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return Selector{}, errors.New("empty selector")
	case strings.HasPrefix(s, "tag:"):
		t := strings.TrimSpace(strings.TrimPrefix(s, "tag:"))
		if t == "" {
			return Selector{}, fmt.Errorf("%q: empty tag", s)
		}
		return Selector{Kind: ByTag, Value: t}, nil
	case strings.HasPrefix(s, "severity:"):
		sev, err := finding.ParseSeverity(strings.TrimSpace(strings.TrimPrefix(s, "severity:")))
		if err != nil {
			return Selector{}, fmt.Errorf("%q: %w", s, err)
		}
		return Selector{Kind: BySeverity, Severity: sev, Value: sev.String()}, nil
	case strings.Contains(s, ":"):
		return Selector{}, fmt.Errorf("%q: unknown selector prefix (use a rule id, tag:NAME or severity:LEVEL)", s)
	}
	if !doublestar.ValidatePattern(s) {
		return Selector{}, fmt.Errorf("%q: invalid glob", s)
	}
	return Selector{Kind: ByID, Value: s}, nil
}

func (p *parser) suppression(n *yaml.Node) (Suppression, bool) {
	s := Suppression{File: p.file, Line: n.Line}
	before := len(p.errs)
	p.mapping(n, "suppressions entry", func(key string, v *yaml.Node) bool {
		switch key {
		case "rule":
			if r, ok := p.str(v, "rule"); ok && p.glob(v, "rule", r) {
				s.Rule = r
			}
		case "component":
			if c, ok := p.str(v, "component"); ok {
				if !strings.Contains(c, ":") && c != "*" {
					p.errf(v, "component %q must be Type:FullName (for example ConnectedApp:My_App) or a glob over it", c)
				} else if p.glob(v, "component", c) {
					s.Component = c
				}
			}
		case "path":
			if g, ok := p.str(v, "path"); ok && p.glob(v, "path", g) {
				s.Path = g
			}
		case "reason":
			if r, ok := p.str(v, "reason"); ok {
				s.Reason = strings.TrimSpace(r)
			}
		case "owner":
			if o, ok := p.str(v, "owner"); ok {
				s.Owner = o
			}
		case "expires":
			if d, ok := p.str(v, "expires"); ok {
				t, err := time.Parse(DateLayout, d)
				if err != nil {
					p.errf(v, "expires: %q is not a date in YYYY-MM-DD form", d)
				} else {
					s.Expires = t
				}
			}
		default:
			return false
		}
		return true
	})
	if n.Kind != yaml.MappingNode {
		return s, false
	}
	if s.Rule == "" && len(p.errs) == before {
		p.errf(n, "suppression needs a rule (a rule id, a glob such as SFG-CA-*, or \"*\")")
	}
	if s.Reason == "" && len(p.errs) == before {
		p.errf(n, "suppression of %s needs a reason", s.Describe())
	}
	return s, len(p.errs) == before
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!int", "!!float":
			return "a number (" + n.Value + ")"
		case "!!bool":
			return "a boolean (" + n.Value + ")"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an unknown node"
}

// globMatch matches rule ids and component names; patterns were validated
// when the file was read.
func globMatch(pattern, s string) bool { return doublestar.MatchUnvalidated(pattern, s) }

// yamlErrMsg drops the "yaml: line N: " prefix because Error carries the line.
func yamlErrMsg(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		if i := strings.Index(msg, ": "); i > 0 {
			msg = msg[i+2:]
		}
	}
	return msg
}

// yamlErrLine digs the line out of a yaml.v3 syntax error ("yaml: line 3: …").
func yamlErrLine(err error) int {
	msg := err.Error()
	i := strings.Index(msg, "line ")
	if i < 0 {
		return 0
	}
	rest := msg[i+5:]
	j := 0
	for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
		j++
	}
	n, _ := strconv.Atoi(rest[:j])
	return n
}

// ParseRuleTimeout reads a rule evaluation budget such as "10s" or "2m"
// (Go duration syntax), for --rule-timeout and ruleTimeout.
func ParseRuleTimeout(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration such as 10s or 2m", s)
	}
	if d <= 0 {
		return 0, fmt.Errorf("%q must be positive", s)
	}
	return d, nil
}
