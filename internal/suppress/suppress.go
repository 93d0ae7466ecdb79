// Package suppress applies deliberate exceptions to findings: suppressions
// from .sfguard.yaml (with a required reason and an optional expiry) and
// inline `<!-- sfguard-ignore RULE-ID: reason -->` comments in metadata XML.
//
// Every exception has to keep earning its place: an expired suppression
// stops suppressing and is reported, and a suppression that matched nothing
// is reported so the configuration does not silently rot.
package suppress

import (
	"fmt"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/finding"
)

// ConfigPrefix starts Finding.Suppressed for config-file suppressions.
const ConfigPrefix = "config: "

// InlinePrefix starts Finding.Suppressed for inline XML comments.
const InlinePrefix = "inline: "

// NoteKind classifies notes.
type NoteKind string

// Note kinds.
const (
	// Expired: the suppression is past its expiry date and no longer applies.
	Expired NoteKind = "expired"
	// Unused: the suppression matched no finding.
	Unused NoteKind = "unused"
	// Expiring: the suppression still applies but expires within
	// ExpiryWarning, so the team can act before the build breaks.
	Expiring NoteKind = "expiring"
)

// ExpiryWarning is how long before its expiry date a suppression that
// still matches findings starts producing an Expiring note.
const ExpiryWarning = 14 * 24 * time.Hour

// Note is a run-level message about a suppression.
type Note struct {
	Kind        NoteKind
	Suppression config.Suppression
	// Matched counts the findings the suppression matched (for an expired
	// one: the findings that are active again because of the expiry).
	Matched int
	// FailsStrict is true when --strict must turn this note into a failure:
	// the suppression is dead configuration (it matched nothing).
	FailsStrict bool
}

// String is the message shown to users, e.g.
// ".sfguard.yaml:12: suppression SFG-CA-001 on ConnectedApp:X expired on
// 2026-01-31; 2 findings are reported again (reason was: …)".
func (n Note) String() string {
	return n.Suppression.Where() + ": " + n.Message()
}

// Message is String without the suppression's file and line.
func (n Note) Message() string {
	s := n.Suppression
	switch n.Kind {
	case Expired:
		if n.Matched == 0 {
			return fmt.Sprintf("suppression %s expired on %s and matches nothing; remove it",
				s.Describe(), s.Expires.Format(config.DateLayout))
		}
		return fmt.Sprintf("suppression %s expired on %s; %s reported again (reason was: %s)",
			s.Describe(), s.Expires.Format(config.DateLayout), plural(n.Matched, "finding is", "findings are"), s.Reason)
	case Expiring:
		return fmt.Sprintf("suppression %s expires on %s; after that %s reported again",
			s.Describe(), s.Expires.Format(config.DateLayout), plural(n.Matched, "finding is", "findings are"))
	default:
		return fmt.Sprintf("suppression %s matched no finding; remove it or fix its rule, component or path", s.Describe())
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Matches reports whether a suppression covers a finding, ignoring expiry.
// Rule is matched against the rule id, Component against
// "ComponentType:ComponentName" (a finding without a component, such as a
// secret in a plain file, never matches a component pattern), Path against
// the finding's file (for files in archives the whole "a.zip!/inner" path).
func Matches(s config.Suppression, f *finding.Finding) bool {
	if s.Rule != "" && !doublestar.MatchUnvalidated(s.Rule, f.RuleID) {
		return false
	}
	if s.Component != "" {
		if f.ComponentType == "" {
			return false
		}
		if !doublestar.MatchUnvalidated(s.Component, f.ComponentType+":"+f.ComponentName) {
			return false
		}
	}
	if !s.MatchesPath(f.File) {
		return false
	}
	return true
}

// Apply marks findings covered by a live suppression with
// Suppressed = "config: <reason>" and returns notes for expired and unused
// suppressions and for used ones that expire within ExpiryWarning, in the
// order the suppressions were written. The first
// matching suppression gives the reason; later ones that match the same
// finding still count as used. Findings that something else (an inline
// comment, the baseline) already suppressed keep their reason but still
// count as matches, so a redundant entry is not mistaken for a dead one.
// The input slice is not modified.
func Apply(findings []finding.Finding, sups []config.Suppression, today time.Time) (out []finding.Finding, notes []Note) {
	out = make([]finding.Finding, len(findings))
	copy(out, findings)
	matched := make([]int, len(sups))
	for i := range out {
		f := &out[i]
		for j, s := range sups {
			if !Matches(s, f) {
				continue
			}
			matched[j]++
			if s.Expired(today) {
				continue
			}
			if f.Suppressed == "" {
				f.Suppressed = ConfigPrefix + s.Reason
			}
		}
	}
	for j, s := range sups {
		switch {
		case s.Expired(today):
			notes = append(notes, Note{Kind: Expired, Suppression: s, Matched: matched[j], FailsStrict: matched[j] == 0})
		case matched[j] == 0:
			notes = append(notes, Note{Kind: Unused, Suppression: s, FailsStrict: true})
		case expiresSoon(s, today):
			notes = append(notes, Note{Kind: Expiring, Suppression: s, Matched: matched[j]})
		}
	}
	return out, notes
}

func expiresSoon(s config.Suppression, today time.Time) bool {
	if s.Expires.IsZero() {
		return false
	}
	y, m, d := today.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return !s.Expires.After(day.Add(ExpiryWarning))
}
