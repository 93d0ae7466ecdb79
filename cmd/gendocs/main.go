// Command gendocs writes docs/rules/: one Markdown page per built-in rule
// and an index, all rendered by internal/ruledoc from the rules' METADATA
// blocks, which stay the single source of rule documentation. It also
// writes docs/schemas/: the JSON Schemas of the Rego input, generated from
// the metadata registry (internal/sfmeta).
//
// Run it from the repository root after changing a rule:
//
//	go run ./cmd/gendocs
//
// It also rewrites the list of metadata types in docs/input.md from the
// registry. The tests in this package fail when any of it is stale.
package main

//go:generate go run . -out ../../docs/rules -schemas ../../docs/schemas -input ../../docs/input.md

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/sfguard/sfguard/internal/ruledoc"
	"github.com/sfguard/sfguard/internal/sfmeta"
	"github.com/sfguard/sfguard/policy"
)

func main() {
	out := flag.String("out", "docs/rules", "folder to write the rule pages to")
	schemas := flag.String("schemas", "docs/schemas", "folder to write the input JSON Schemas to")
	input := flag.String("input", "docs/input.md", "the input reference whose type list is generated")
	index := flag.String("index", "rules/index.json", "the built-in rule index to write")
	flag.Parse()
	err := run(*out)
	if err == nil {
		err = writeIndex(*index)
	}
	if err == nil {
		err = writeAll(*schemas, sfmeta.SchemaFiles(), "*.json")
	}
	if err == nil {
		err = writeTypeList(*input)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

// generate renders the pages of the built-in rule pack.
func generate() (map[string][]byte, error) {
	eng, err := policy.New(policy.Options{})
	if err != nil {
		return nil, err
	}
	return ruledoc.Files(eng.Rules()), nil
}

// run writes the pages and removes pages of rules that no longer exist, so
// a deleted or renamed rule does not leave a stale page behind.
func run(dir string) error {
	files, err := generate()
	if err != nil {
		return err
	}
	return writeAll(dir, files, "*.md")
}

// writeAll writes files into dir and removes the files matching glob that
// are no longer generated.
func writeAll(dir string, files map[string][]byte, glob string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, glob))
	if err != nil {
		return err
	}
	for _, p := range old {
		if _, keep := files[filepath.Base(p)]; !keep {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), files[n], 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("gendocs: wrote %d files to %s\n", len(names), strings.TrimSuffix(dir, "/"))
	return nil
}

// typeRowRE finds the generated list of type names in docs/input.md.
var typeRowRE = regexp.MustCompile("(\\| `type` \\| Metadata API type name: )[^|]*?(\\. Settings files)")

// withTypeList returns doc with its type list generated from the registry,
// in registry order.
func withTypeList(doc []byte) ([]byte, error) {
	if !typeRowRE.Match(doc) {
		return nil, errors.New("docs/input.md: the `type` row is missing")
	}
	names := make([]string, len(sfmeta.Types))
	for i, t := range sfmeta.Types {
		names[i] = "`" + t.Name + "`"
	}
	list := strings.Join(names, ", ")
	return typeRowRE.ReplaceAllFunc(doc, func(m []byte) []byte {
		sub := typeRowRE.FindSubmatch(m)
		return []byte(string(sub[1]) + list + string(sub[2]))
	}), nil
}

func writeTypeList(file string) error {
	doc, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	out, err := withTypeList(doc)
	if err != nil {
		return err
	}
	fmt.Printf("gendocs: wrote the type list of %s\n", file)
	return os.WriteFile(file, out, 0o644)
}

// writeIndex writes rules.Index, the METADATA of every built-in rule.
func writeIndex(path string) error {
	b, err := policy.BuiltinIndex()
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
