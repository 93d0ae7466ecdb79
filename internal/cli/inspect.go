package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/spf13/pflag"

	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/scan"
	"github.com/sfguard/sfguard/internal/secrets"
	"github.com/sfguard/sfguard/internal/sfmeta"
	"github.com/sfguard/sfguard/policy"
)

// inspectFlags are the flags of `sfguard inspect`.
type inspectFlags struct {
	format     string
	org        bool
	reads      bool
	full       bool
	policies   []string
	configPath string
	noConfig   bool
	noIgnore   bool
	exclude    []string
}

const inspectUsage = `Usage: sfguard inspect [flags] PATH...

Prints the Rego input sfguard builds from the metadata under PATH, exactly as
the rules receive it: one object per document ({type, fullName, path, format,
content}), or with --org the org view org-scope rules receive. Elements that
no loaded rule reads (custom.reads) are skipped, as in a scan; --full keeps
them, --reads shows which rules make the parser keep which elements.

Flags:
`

func runInspect(args []string, e env) int {
	var f inspectFlags
	fs := pflag.NewFlagSet("inspect", pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.SortFlags = false
	fs.StringVarP(&f.format, "format", "f", "pretty", "pretty (indented JSON, one object per document) or json (one JSON document)")
	fs.BoolVar(&f.org, "org", false, "print the org input (every document, by type, external client apps joined)")
	fs.BoolVar(&f.reads, "reads", false, "print which top-level elements the loaded rules make the parser keep, per type")
	fs.BoolVar(&f.full, "full", false, "parse every element, as for a rule without custom.reads")
	fs.StringArrayVarP(&f.policies, "policy", "p", nil, "load extra Rego rules from `DIR` (or a .rego file); repeatable")
	fs.StringVarP(&f.configPath, "config", "c", "", "config `FILE` (default: .sfguard.yaml found from the first PATH upward)")
	fs.BoolVar(&f.noConfig, "no-config", false, "ignore .sfguard.yaml files")
	fs.StringArrayVar(&f.exclude, "exclude", nil, "skip paths matching this `GLOB`; repeatable")
	fs.BoolVar(&f.noIgnore, "no-ignore", false, "do not honour .gitignore and .forceignore")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, inspectUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		return ExitError
	}
	if f.format != "pretty" && f.format != "json" {
		fmt.Fprintf(e.stderr, "sfguard inspect: --format: want pretty or json, got %q\n", f.format)
		return ExitError
	}
	if f.org && f.reads {
		fmt.Fprintln(e.stderr, "sfguard inspect: choose --org or --reads")
		return ExitError
	}
	s, err := inspectSettings(&f, fs.Args())
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard inspect: %v\n", err)
		return ExitError
	}
	eng, err := scan.NewEngine(s)
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard inspect: %v\n", err)
		return ExitError
	}
	ins := scan.Documents(s, eng, f.full || f.reads)
	docs, diags := ins.Docs, ins.Diagnostics
	red := redactor{hashes: ins.SecretHashes}
	for _, d := range diags {
		fmt.Fprintf(e.stderr, "sfguard inspect: %s\n", d.Error())
	}
	switch {
	case f.reads:
		err = writeReads(e.stdout, f.format, eng, docs)
	case f.org:
		err = writeValue(e.stdout, f.format, policy.OrgInput(docs), red)
	default:
		err = writeDocuments(e.stdout, f.format, docs, red)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard inspect: %v\n", err)
		return ExitError
	}
	if len(diags) > 0 {
		return ExitError
	}
	return ExitOK
}

func inspectSettings(f *inspectFlags, paths []string) (*scan.Settings, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	cfg, err := loadConfig(&scanFlags{configPath: f.configPath, noConfig: f.noConfig}, paths[0])
	if err != nil {
		return nil, err
	}
	return &scan.Settings{
		Paths:      paths,
		Metadata:   true,
		Jobs:       runtime.NumCPU(),
		PolicyDirs: f.policies,
		Config:     cfg,
		Exclude:    f.exclude,
		NoIgnore:   f.noIgnore,
		Tool:       "sfguard",
		Version:    Version(),
	}, nil
}

// writeDocuments prints the per-document inputs, sorted by path: indented
// objects one after the other (a stream jq reads), or one JSON document
// {"inputVersion", "documents": [...]}.
func writeDocuments(w io.Writer, format string, docs []*model.Document, red redactor) error {
	sorted := append([]*model.Document(nil), docs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	if format == "json" {
		inputs := make([]any, len(sorted))
		for i, d := range sorted {
			inputs[i] = red.value("", d.JSON())
		}
		return encode(w, "", map[string]any{"inputVersion": model.InputVersion, "documents": inputs})
	}
	for i, d := range sorted {
		if i > 0 {
			if _, err := fmt.Fprintln(w); err != nil {
				return err
			}
		}
		if err := encode(w, "  ", red.value("", d.JSON())); err != nil {
			return err
		}
	}
	return nil
}

func writeValue(w io.Writer, format string, v ast.Value, red redactor) error {
	x, err := ast.JSON(v)
	if err != nil {
		return err
	}
	x = red.value("", x)
	if format == "json" {
		return encode(w, "", x)
	}
	return encode(w, "  ", x)
}

func encode(w io.Writer, indent string, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	return enc.Encode(v)
}

// redactor keeps credentials out of inspect's output (nothing sfguard
// prints may echo a secret): a string is replaced by its redacted form when
// a secret detector found it in the scanned files, or when its element is
// named like a credential. Rules still get the value; only the printout
// hides it.
type redactor struct{ hashes map[string]bool }

// secretElements are element names whose value is a credential whatever it
// looks like (consumer secrets, Named Credential passwords, …).
var secretElements = map[string]bool{
	"consumersecret": true, "clientsecret": true, "password": true, "secret": true,
	"privatekey": true, "token": true, "accesstoken": true, "refreshtoken": true,
	"securitytoken": true, "apikey": true, "parametervalue": true, "oauthrefreshtoken": true,
}

func (r redactor) value(key string, v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			x[k] = r.value(k, c)
		}
	case []any:
		for i, c := range x {
			x[i] = r.value(key, c)
		}
	case string:
		if x != "" && (r.hashes[secrets.Hash(x)] || secretElements[strings.ToLower(key)]) {
			return "<redacted " + secrets.Redact(x).Redacted + ">"
		}
	}
	return v
}

// typeReads is one type's line of `inspect --reads`.
type typeReads struct {
	policy.Reads
	Documents int `json:"documents"`
	// Skipped are the top-level elements present in the documents that no
	// loaded rule reads, so the parser drops them.
	Skipped []string `json:"skipped"`
	Full    bool     `json:"parsedInFull"`
}

func collectReads(eng *policy.Engine, docs []*model.Document) []typeReads {
	byType := map[string]*typeReads{}
	present := map[string]map[string]bool{}
	for _, d := range docs {
		name := d.Type.Name
		tr, ok := byType[name]
		if !ok {
			tr = &typeReads{Reads: eng.ReadsOf(name), Full: eng.Keep(name) == nil}
			byType[name] = tr
			present[name] = map[string]bool{}
		}
		tr.Documents++
		if d.Root != nil {
			for _, c := range d.Root.Children {
				present[name][c.Name] = true
			}
		}
	}
	var out []typeReads
	for name, tr := range byType {
		keep := eng.Keep(name)
		tr.Skipped = []string{}
		// Org rules declare one reads list for every type they look at;
		// show only the elements this type can have.
		if t, ok := sfmeta.ByName(name); ok {
			for el := range tr.Elements {
				if t.Schema().Child(el) == nil && !present[name][el] {
					delete(tr.Elements, el)
				}
			}
		}
		for el := range present[name] {
			if keep != nil && !keep(el) {
				tr.Skipped = append(tr.Skipped, el)
			}
		}
		sort.Strings(tr.Skipped)
		out = append(out, *tr)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Type < out[j].Type })
	return out
}

func writeReads(w io.Writer, format string, eng *policy.Engine, docs []*model.Document) error {
	trs := collectReads(eng, docs)
	if format == "json" {
		if trs == nil {
			trs = []typeReads{}
		}
		return encode(w, "", map[string]any{"types": trs})
	}
	var b strings.Builder
	for i, tr := range trs {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s (%s)\n", tr.Type, plural(tr.Documents, "document", "documents"))
		switch {
		case tr.Full:
			fmt.Fprintf(&b, "  parsed in full: %s declare no custom.reads\n", strings.Join(tr.Whole, ", "))
		case len(tr.Elements) == 0:
			b.WriteString("  no loaded rule reads this type; only the root element is checked\n")
		}
		els := make([]string, 0, len(tr.Elements))
		width := 0
		for el := range tr.Elements {
			els = append(els, el)
			width = max(width, len(el))
		}
		sort.Strings(els)
		for _, el := range els {
			fmt.Fprintf(&b, "  %-*s  %s\n", width, el, strings.Join(tr.Elements[el], ", "))
		}
		if len(tr.Skipped) > 0 {
			fmt.Fprintf(&b, "  skipped: %s\n", strings.Join(tr.Skipped, ", "))
		}
	}
	if len(trs) == 0 {
		b.WriteString("no metadata documents found\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
