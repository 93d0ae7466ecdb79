package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

const docsDir = "../../docs/rules"

// TestDocsAreCurrent fails when docs/rules differs from what the rules'
// METADATA renders to, so a rule change cannot land without its page.
func TestDocsAreCurrent(t *testing.T) {
	want, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	onDisk, err := filepath.Glob(filepath.Join(docsDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var stale, extra []string
	for _, p := range onDisk {
		name := filepath.Base(p)
		w, ok := want[name]
		if !ok {
			extra = append(extra, name)
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(w), string(got)); diff != "" {
			stale = append(stale, name)
			// The first lines of the diff are enough to see what changed.
			if lines := strings.SplitN(diff, "\n", 41); len(lines) > 40 {
				diff = strings.Join(lines[:40], "\n") + "\n..."
			}
			t.Logf("%s differs (-generated +on disk):\n%s", name, diff)
		}
	}
	var missing []string
	for name := range want {
		if _, err := os.Stat(filepath.Join(docsDir, name)); err != nil {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(stale)+len(extra)+len(missing) > 0 {
		t.Errorf("docs/rules is stale (changed: %v, missing: %v, no longer generated: %v); regenerate with: go run ./cmd/gendocs", stale, missing, extra)
	}
}

// TestRunWritesAndPrunes checks that a run writes every page and removes
// pages of rules that are gone.
func TestRunWritesAndPrunes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "SFG-GONE-001.md"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(dir); err != nil {
		t.Fatal(err)
	}
	want, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	var wantNames []string
	for n := range want {
		wantNames = append(wantNames, n)
	}
	wantNames = append(wantNames, "notes.txt")
	sort.Strings(wantNames)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if diff := cmp.Diff(wantNames, got); diff != "" {
		t.Errorf("files after run (-want +got):\n%s", diff)
	}
	b, err := os.ReadFile(filepath.Join(dir, "SFG-APP-001.md"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want["SFG-APP-001.md"]), string(b)); diff != "" {
		t.Errorf("SFG-APP-001.md (-want +got):\n%s", diff)
	}
}

// TestSchemasAreCurrent fails when docs/schemas differs from what the
// metadata registry generates, so a type or element added to
// internal/sfmeta cannot land without its published schema.
func TestSchemasAreCurrent(t *testing.T) {
	const dir = "../../docs/schemas"
	want := sfmeta.SchemaFiles()
	onDisk, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var problems []string
	for _, p := range onDisk {
		if _, ok := want[filepath.Base(p)]; !ok {
			problems = append(problems, filepath.Base(p)+" is no longer generated")
		}
	}
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		got, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			problems = append(problems, n+" is missing")
			continue
		}
		if diff := cmp.Diff(string(want[n]), string(got)); diff != "" {
			problems = append(problems, n+" differs")
			if lines := strings.SplitN(diff, "\n", 21); len(lines) > 20 {
				diff = strings.Join(lines[:20], "\n") + "\n..."
			}
			t.Logf("%s (-generated +on disk):\n%s", n, diff)
		}
	}
	if len(problems) > 0 {
		t.Errorf("docs/schemas is stale (%s); the registry in internal/sfmeta changed. Regenerate with: go run ./cmd/gendocs", strings.Join(problems, "; "))
	}
}

// TestInputTypeListIsCurrent: docs/input.md lists exactly the registered
// types; regenerate with go run ./cmd/gendocs.
func TestInputTypeListIsCurrent(t *testing.T) {
	doc, err := os.ReadFile("../../docs/input.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := withTypeList(doc)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(doc)); diff != "" {
		t.Errorf("docs/input.md type list is stale; regenerate with: go run ./cmd/gendocs\n%s", diff)
	}
}
