package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/sfguard/sfguard/internal/sfmeta"
	"github.com/sfguard/sfguard/policy"
)

const newUsage = `Usage: sfguard new rule RULE-ID --type TYPE [--severity LEVEL] DIR

Scaffolds a rule for metadata type TYPE in DIR: the rule, its Rego tests and
a fail/pass fixture pair that 'sfguard test DIR' passes. The rule reports a
TYPE without one of its elements; edit its condition, then the fixtures.

Flags:
`

var ruleIDPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)+$`)

func runNew(args []string, e env) int {
	if len(args) == 0 || args[0] != "rule" {
		fmt.Fprint(e.stderr, newUsage)
		return ExitError
	}
	fs := pflag.NewFlagSet("new rule", pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	typeName := fs.StringP("type", "t", "", "metadata `TYPE` the rule checks (docs/input.md lists them)")
	severity := fs.StringP("severity", "s", "medium", "`LEVEL`: critical, high, medium, low or info")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, newUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		return ExitError
	}
	if fs.NArg() != 2 || *typeName == "" {
		fs.Usage()
		return ExitError
	}
	id, dir := fs.Arg(0), fs.Arg(1)
	files, err := scaffold(id, *typeName, *severity)
	if err == nil {
		err = writeNew(dir, files)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard new rule: %v\n", err)
		return ExitError
	}
	for _, f := range files {
		fmt.Fprintf(e.stdout, "created %s\n", filepath.Join(dir, f.path))
	}
	fmt.Fprintf(e.stdout, "\nNext: edit the deny rule in %s, then run\n  sfguard test %s\n  sfguard inspect PATH   (to see the input your rule gets)\n", filepath.Join(dir, files[0].path), dir)
	return ExitOK
}

type newFile struct{ path, text string }

// scaffold renders the files of a new rule. The rule reports a document of
// the type without a top-level element, so the fixtures are one element
// apart and the scaffold passes its own tests before any edit.
func scaffold(id, typeName, severity string) ([]newFile, error) {
	if !ruleIDPattern.MatchString(id) {
		return nil, fmt.Errorf("rule id %q: want letters and digits in dash-separated parts, like ACME-001", id)
	}
	t, ok := sfmeta.ByName(typeName)
	if !ok {
		return nil, fmt.Errorf("unknown metadata type %q (known: %s)", typeName, strings.Join(sfmeta.Names(), ", "))
	}
	switch severity {
	case "critical", "high", "medium", "low", "info":
	default:
		return nil, fmt.Errorf("--severity %q: want critical, high, medium, low or info", severity)
	}
	eng, err := policy.New(policy.Options{})
	if err != nil {
		return nil, err
	}
	for _, r := range eng.Rules() {
		if strings.EqualFold(r.ID, id) {
			return nil, fmt.Errorf("rule id %s is a built-in rule's id; choose another", id)
		}
	}
	name := strings.ToLower(strings.ReplaceAll(id, "-", "_"))
	el, typed := scaffoldElement(t)
	v := scaffoldVars{ID: id, Type: t.Name, Root: t.Root, Element: el, Typed: typed, Severity: severity, Pkg: "custom." + name, Name: name, HasLabel: t.Schema().Child("label") != nil}
	fixture := t.Dir + "/" + fixtureName(t) + "." + t.Suffix + "-meta.xml"
	return []newFile{
		{name + ".rego", v.rule()},
		{name + "_test.rego", v.test()},
		{filepath.Join("fixtures", id, "fail", filepath.FromSlash(fixture)), v.fixture(false)},
		{filepath.Join("fixtures", id, "pass", filepath.FromSlash(fixture)), v.fixture(true)},
	}, nil
}

func fixtureName(t *sfmeta.Type) string {
	if t.SettingsName != "" {
		return t.SettingsName
	}
	return "Example"
}

// scaffoldElement picks the top-level string element the scaffolded rule
// checks: a contact or description field when the type has one. typed is
// false for types whose content the registry does not type.
func scaffoldElement(t *sfmeta.Type) (string, bool) {
	for _, pref := range []string{"contactEmail", "description", "label"} {
		if f := t.Schema().Child(pref); f != nil && f.Kind == sfmeta.KindString && !f.Repeated {
			return pref, true
		}
	}
	for _, f := range t.Schema().Children() {
		if f.Kind == sfmeta.KindString && !f.Repeated {
			return f.Name, true
		}
	}
	return "description", false
}

type scaffoldVars struct {
	ID, Type, Root, Element, Severity, Pkg, Name string
	Typed, HasLabel                              bool
}

func (v scaffoldVars) read() string {
	if v.Typed {
		return "not input.content." + v.Element
	}
	return fmt.Sprintf("unknown.get(input.content, %q, \"\") == \"\"", v.Element)
}

func (v scaffoldVars) rule() string {
	imp := ""
	if !v.Typed {
		imp = "\nimport data.sfguard.lib.unknown\n"
	}
	return fmt.Sprintf(`# METADATA
# title: %[2]s without %[3]s
# description: |
#   What the rule checks and why it matters, in Salesforce terms. Scaffolded by
#   sfguard new rule: it reports a %[2]s that has no <%[3]s>; change the
#   condition below, then the fixtures under fixtures/%[1]s/.
# custom:
#   id: %[1]s
#   severity: %[4]s
#   types: [%[2]s]
#   reads: [%[3]s]
#   tags: [custom]
#   remediation: Set %[3]s on the %[2]s.
package %[5]s

import rego.v1
%[6]s
deny contains f if {
	%[7]s
	f := {
		"msg": sprintf("%%s %%s has no %[3]s", [input.type, input.fullName]),
		"element": [%[3]q],
	}
}
`, v.ID, v.Type, v.Element, v.Severity, v.Pkg, imp, v.read())
}

func (v scaffoldVars) test() string {
	doc := func(content string) string {
		return fmt.Sprintf(`{"type": %q, "fullName": "Example", "path": "example", "format": "source", "content": %s}`, v.Type, content)
	}
	return fmt.Sprintf(`package %[1]s_test

import rego.v1

import data.%[1]s

test_reports_a_missing_%[3]s if {
	count(%[2]s.deny) == 1 with input as %[4]s
}

test_silent_when_%[3]s_is_set if {
	count(%[2]s.deny) == 0 with input as %[5]s
}
`, v.Pkg, v.Name, v.Element, doc("{}"), doc(fmt.Sprintf(`{%q: %q}`, v.Element, exampleValue(v.Element))))
}

func exampleValue(el string) string {
	if strings.Contains(strings.ToLower(el), "email") {
		return "integration-admin@example.com"
	}
	return "Example value"
}

// fixture is a minimal document of the type: with the element (pass) or
// without it and a want comment before the root element, where a finding
// about a missing top-level element points (fail).
func (v scaffoldVars) fixture(pass bool) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	if !pass {
		fmt.Fprintf(&b, "<!-- want %s -->\n", v.ID)
	}
	fmt.Fprintf(&b, "<%s xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n", v.Root)
	// Salesforce writes elements in alphabetical order; a label makes the
	// document look like a real one where the type has one.
	els := [][2]string{}
	if v.HasLabel && v.Element != "label" {
		els = append(els, [2]string{"label", "Example"})
	}
	if pass {
		els = append(els, [2]string{v.Element, exampleValue(v.Element)})
	}
	sort.Slice(els, func(i, j int) bool { return els[i][0] < els[j][0] })
	for _, el := range els {
		fmt.Fprintf(&b, "    <%[1]s>%[2]s</%[1]s>\n", el[0], el[1])
	}
	fmt.Fprintf(&b, "</%s>\n", v.Root)
	return b.String()
}

// writeNew writes the files, refusing to overwrite any.
func writeNew(dir string, files []newFile) error {
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f.path)); err == nil {
			return fmt.Errorf("%s exists; not overwriting", filepath.Join(dir, f.path))
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, f.path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(f.text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
