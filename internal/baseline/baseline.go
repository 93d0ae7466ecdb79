// Package baseline records the findings a team has accepted so that only
// new problems fail the build, and computes the semantic fingerprints that
// make such a record survive re-retrieval.
//
// A fingerprint is built from what a finding means — rule, kind, metadata
// type, component full name, the element path without positional indices
// and a hash of the offending value — never from line numbers or element
// order. Salesforce tooling rewrites, reorders and reformats metadata XML on
// every retrieve; a fingerprint built from positions would call every
// accepted finding new again (the failure users report for gitleaks'
// baselines).
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
)

// FormatVersion is the version of the baseline file layout.
const FormatVersion = 1

// Suppressed is the value Apply sets on Finding.Suppressed.
const Suppressed = "baseline"

// fingerprintVersion is hashed first so that a future change of the recipe
// can never collide with old fingerprints.
const fingerprintVersion = "sfguard/v1"

var indexRE = regexp.MustCompile(`\[[0-9]+\]`)

// NormalizePath removes positional indices from an element path:
// "/Profile/loginIpRanges[2]/startAddress" -> "/Profile/loginIpRanges/startAddress".
func NormalizePath(p string) string { return indexRE.ReplaceAllString(p, "") }

// Fingerprint is the semantic identity of a finding as 32 hex digits.
//
// Metadata findings hash the rule id, kind, component type and full name,
// the element path without [n] indices and f.ValueHash. Secret findings hash
// the rule id, the file and the secret's hash, so the same credential moved
// to another line keeps its identity while a rotated one does not. Two
// findings that differ only in which repeated element they sit on (two
// userPermissions entries) are told apart by ValueHash, which the engine
// derives from the offending value.
func Fingerprint(f *finding.Finding) string {
	h := sha256.New()
	add := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	add(fingerprintVersion)
	add(f.RuleID)
	if f.Kind == finding.KindSecret {
		add(string(finding.KindSecret))
		add(f.File)
		if f.Secret != nil {
			add(f.Secret.Hash)
		} else {
			add(f.ValueHash)
		}
	} else {
		add(string(f.Kind))
		add(f.ComponentType)
		add(f.ComponentName)
		add(NormalizePath(f.ElementPath))
		add(f.ValueHash)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Assign sets Fingerprint on every finding that has none.
func Assign(findings []finding.Finding) {
	for i := range findings {
		if findings[i].Fingerprint == "" {
			findings[i].Fingerprint = Fingerprint(&findings[i])
		}
	}
}

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
		fp = Fingerprint(f)
	}
	e := Entry{Fingerprint: fp, RuleID: f.RuleID, ElementPath: NormalizePath(f.ElementPath), File: f.File}
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
			fp = Fingerprint(f)
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
