// Package baseline records the findings a team has accepted so that only
// new problems fail the build. Entries are matched by the finding's semantic
// fingerprint (finding.Fingerprint), which survives re-retrieval,
// reformatting and reordering of the metadata.
package baseline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
)

// FormatVersion is the version of the baseline file layout.
const FormatVersion = 1

// Suppressed is the value Apply sets on Finding.Suppressed.
const Suppressed = "baseline"

// Entry is one accepted finding. Only Fingerprint is used for matching;
// the rest is there so that people reviewing the file can tell what was
// accepted.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"ruleId"`
	Component   string `json:"component,omitempty"`
	ElementPath string `json:"elementPath,omitempty"`
	File        string `json:"file"`
}

// Baseline is a loaded baseline file.
type Baseline struct {
	Path        string  `json:"-"`
	Version     int     `json:"version"`
	GeneratedBy string  `json:"generatedBy"`
	Findings    []Entry `json:"findings"`
}

// EntryFor describes a finding as a baseline entry.
func EntryFor(f *finding.Finding) Entry {
	fp := f.Fingerprint
	if fp == "" {
		fp = finding.Fingerprint(f)
	}
	e := Entry{Fingerprint: fp, RuleID: f.RuleID, ElementPath: finding.NormalizePath(f.ElementPath), File: f.File}
	if f.ComponentType != "" {
		e.Component = f.ComponentType + ":" + f.ComponentName
	}
	return e
}

// Write writes a baseline of the given findings. Findings suppressed by
// anything other than a baseline (config or inline suppressions) are left
// out: they are governed where they were suppressed. Entries are sorted by
// file, rule, component, element path and fingerprint so that the file
// diffs well in review. generatedBy is e.g. "sfguard 1.2.0".
func Write(w io.Writer, generatedBy string, findings []finding.Finding) error {
	b := Baseline{Version: FormatVersion, GeneratedBy: generatedBy, Findings: []Entry{}}
	for i := range findings {
		f := &findings[i]
		if f.Suppressed != "" && f.Suppressed != Suppressed {
			continue
		}
		b.Findings = append(b.Findings, EntryFor(f))
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		a, c := b.Findings[i], b.Findings[j]
		switch {
		case a.File != c.File:
			return a.File < c.File
		case a.RuleID != c.RuleID:
			return a.RuleID < c.RuleID
		case a.Component != c.Component:
			return a.Component < c.Component
		case a.ElementPath != c.ElementPath:
			return a.ElementPath < c.ElementPath
		}
		return a.Fingerprint < c.Fingerprint
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// Load reads a baseline file. Errors name the file, and the line for
// syntax errors.
func Load(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads baseline bytes; name is used in errors.
func Parse(name string, data []byte) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("%s:%d: %w", name, lineOf(data, se.Offset), err)
		case errors.As(err, &te):
			return nil, fmt.Errorf("%s:%d: %s must be %s, not a JSON %s", name, lineOf(data, te.Offset), te.Field, te.Type, te.Value)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if b.Version != FormatVersion {
		return nil, fmt.Errorf("%s: unsupported baseline version %d (this sfguard reads version %d; regenerate it with --write-baseline)", name, b.Version, FormatVersion)
	}
	for i, e := range b.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: findings[%d] (%s in %s) has no fingerprint", name, i, e.RuleID, e.File)
		}
	}
	b.Path = name
	return &b, nil
}

func lineOf(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return 1 + strings.Count(string(data[:off]), "\n")
}

// Apply marks findings present in the baseline with Suppressed =
// "baseline" and returns the entries that matched nothing (stale: the
// problem was fixed or the component removed) so the file can be pruned.
// Entries are counted: a baseline with one entry for a fingerprint accepts
// one finding with it, so a second identical problem is still new.
// Findings already suppressed otherwise keep their reason but consume
// their entry. Findings without a Fingerprint get one computed. The input
// slice is not modified.
func (b *Baseline) Apply(findings []finding.Finding) (out []finding.Finding, stale []Entry) {
	out = make([]finding.Finding, len(findings))
	copy(out, findings)
	if b == nil {
		return out, nil
	}
	avail := map[string]int{}
	for _, e := range b.Findings {
		avail[e.Fingerprint]++
	}
	for i := range out {
		f := &out[i]
		fp := f.Fingerprint
		if fp == "" {
			fp = finding.Fingerprint(f)
		}
		if avail[fp] > 0 {
			avail[fp]--
			if f.Suppressed == "" {
				f.Suppressed = Suppressed
			}
		}
	}
	for _, e := range b.Findings {
		if avail[e.Fingerprint] > 0 {
			avail[e.Fingerprint]--
			stale = append(stale, e)
		}
	}
	return out, stale
}

// StaleNote is the run note for a stale entry, without the baseline's path
// (the note is placed at the baseline file).
func StaleNote(e Entry) string {
	what := e.RuleID
	if e.Component != "" {
		what += " on " + e.Component
	}
	return fmt.Sprintf("baseline entry %s (%s, %s) no longer matches a finding; regenerate the baseline with --write-baseline to prune it", e.Fingerprint, what, e.File)
}
