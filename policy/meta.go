package policy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

// metaBlock is the package METADATA comment block of a rule, kept so that
// errors can name the line of the key they are about.
type metaBlock struct {
	file  string
	id    string
	ann   *ast.Annotations
	lines []metaLine
}

type metaLine struct {
	row    int
	indent int    // spaces after the '#'
	key    string // "key" of a "key: value" line, else ""
}

// annotationKeys are the top-level keys of an OPA METADATA block.
var annotationKeys = []string{"authors", "compile", "custom", "description", "entrypoint", "organizations", "related_resources", "schemas", "scope", "title"}

// customKeys are the keys sfguard reads under custom (docs/writing-rules.md).
var customKeys = []string{"detectors", "examples", "id", "params", "reads", "remediation", "scope", "severity", "tags", "types"}

func newMetaBlock(file string, m *ast.Module, ann *ast.Annotations) *metaBlock {
	mb := &metaBlock{file: file, ann: ann}
	if ann.Location == nil {
		return mb
	}
	start, end := ann.Location.Row, ann.EndLoc().Row
	for _, c := range m.Comments {
		if c.Location == nil || c.Location.Row < start || c.Location.Row > end {
			continue
		}
		text := string(c.Text)
		trimmed := strings.TrimLeft(text, " ")
		l := metaLine{row: c.Location.Row, indent: len(text) - len(trimmed)}
		if k, _, found := strings.Cut(trimmed, ":"); found && isKey(k) {
			l.key = k
		}
		mb.lines = append(mb.lines, l)
	}
	return mb
}

func isKey(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// line returns the row of a custom key (indented), else of a top-level key,
// else of the METADATA line itself.
func (mb *metaBlock) line(key string) int {
	if key != "" {
		for _, l := range mb.lines {
			if l.key == key && l.indent > 1 {
				return l.row
			}
		}
		for _, l := range mb.lines {
			if l.key == key {
				return l.row
			}
		}
	}
	if mb.ann.Location != nil {
		return mb.ann.Location.Row
	}
	return 0
}

// errorf formats a load error as file:line: rule ID: message.
func (mb *metaBlock) errorf(key, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if mb.id != "" {
		msg = "rule " + mb.id + ": " + msg
	}
	return fmt.Errorf("%s:%d: %s", mb.file, mb.line(key), msg)
}

// checkKeys rejects METADATA keys sfguard does not know, at the top level
// (OPA ignores them silently) and under custom.
func (mb *metaBlock) checkKeys() error {
	if id, ok := mb.ann.Custom["id"].(string); ok {
		mb.id = strings.TrimSpace(id)
	}
	for _, l := range mb.lines {
		if l.key != "" && l.indent == 1 && !contains(annotationKeys, l.key) && l.key != "METADATA" {
			return mb.errorf(l.key, "unknown METADATA key %q%s", l.key, suggest(l.key, annotationKeys))
		}
	}
	keys := make([]string, 0, len(mb.ann.Custom))
	for k := range mb.ann.Custom {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !contains(customKeys, k) {
			return mb.errorf(k, "unknown METADATA key custom.%s%s", k, suggest(k, customKeys))
		}
	}
	return nil
}

// checkTypeNames rejects custom.types entries that are not registry types:
// a rule for "ConnectdApp" would otherwise never run.
func checkTypeNames(types []string) error {
	names := sfmeta.Names()
	for _, t := range types {
		if t == "*" {
			continue
		}
		if _, ok := sfmeta.ByName(t); !ok {
			return fmt.Errorf("unknown metadata type %q%s (docs/input.md lists the types)", t, suggest(t, names))
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest returns "; did you mean X?" for the closest plausible candidate.
func suggest(have string, cands []string) string {
	best, bestDist := "", -1
	for _, c := range cands {
		d := nameDistance(strings.ToLower(have), strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist > max(2, len(have)/2) {
		return ""
	}
	return "; did you mean " + best + "?"
}
