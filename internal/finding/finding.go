// Package finding holds the types every stage after evaluation shares:
// severities, rule descriptions and findings. It has no dependencies so that
// detectors, the policy engine, suppression, baselines and reporters can all
// speak it without importing each other.
package finding

import (
	"fmt"
	"strings"
)

// Severity orders findings. The zero value is Info.
type Severity int

// Severities, lowest first.
const (
	Info Severity = iota
	Low
	Medium
	High
	Critical
)

var severityNames = [...]string{"info", "low", "medium", "high", "critical"}

func (s Severity) String() string {
	if s < Info || s > Critical {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity accepts the lower- or upper-case names.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return Info, fmt.Errorf("unknown severity %q (want one of %s)", s, strings.Join(severityNames[:], ", "))
}

// MarshalText writes the lower-case name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Kind separates configuration findings from leaked credentials.
type Kind string

// Kinds of finding.
const (
	KindMetadata Kind = "metadata"
	KindSecret   Kind = "secret"
)

// Rule is the documentation and identity of one rule, taken from its Rego
// METADATA block. Reporters use it for SARIF descriptors, docs and `rules`.
type Rule struct {
	ID          string            `json:"id"`
	Title       string            `json:"title"`
	Severity    Severity          `json:"severity"`
	Kind        Kind              `json:"kind"`
	Description string            `json:"description"`
	Remediation string            `json:"remediation"`
	References  []string          `json:"references,omitempty"`
	Types       []string          `json:"types,omitempty"`
	Tags        []string          `json:"tags,omitempty"`
	Scope       string            `json:"scope"` // "document" or "org"
	Package     string            `json:"package"`
	Params      map[string]any    `json:"params,omitempty"`
	Examples    map[string]string `json:"examples,omitempty"` // "fail"/"pass" XML snippets
	Source      string            `json:"source"`             // "builtin" or the policy file path
}

// Location is a place in a file. Line and Column are 1-based; Column counts
// bytes, like the Go toolchain's positions.
type Location struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	// ElementPath is an XPath-like path such as
	// /ConnectedApp/oauthPolicy/refreshTokenPolicy or
	// /Profile/loginIpRanges[2]/startAddress (1-based indices).
	ElementPath string `json:"elementPath,omitempty"`
}

// Secret describes a redacted credential. The raw value never leaves the
// detector: only a prefix short enough to be useless, the length and a
// hash are kept.
type Secret struct {
	Redacted string `json:"redacted"` // e.g. "5Aep86…(87 chars)"
	Length   int    `json:"length"`
	Hash     string `json:"hash"` // hex SHA-256 of the secret, truncated
}

// Commit is set on findings from git history scans.
type Commit struct {
	SHA    string `json:"sha"`
	Author string `json:"author,omitempty"`
	Date   string `json:"date,omitempty"` // RFC 3339
}

// Finding is one reported problem.
type Finding struct {
	RuleID   string   `json:"ruleId"`
	Severity Severity `json:"severity"`
	Title    string   `json:"title"`
	Message  string   `json:"message"`
	Kind     Kind     `json:"kind"`
	Location
	ComponentType string `json:"componentType,omitempty"`
	ComponentName string `json:"componentName,omitempty"`
	// Related points at other elements that take part in the finding, such
	// as the links of an access-path chain.
	Related []Location `json:"related,omitempty"`
	// ValueHash is a short hash of the offending value; with the rule,
	// component and element path it makes the semantic fingerprint.
	ValueHash   string  `json:"-"`
	Fingerprint string  `json:"fingerprint"`
	Secret      *Secret `json:"secret,omitempty"`
	Commit      *Commit `json:"commit,omitempty"`
	// Suppressed is set (with the reason) when a suppression or baseline
	// matched; suppressed findings are counted but do not fail the run.
	Suppressed string `json:"suppressed,omitempty"`
}

// Less orders findings deterministically: by file, line, column, rule, message.
func Less(a, b *Finding) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	if a.RuleID != b.RuleID {
		return a.RuleID < b.RuleID
	}
	if a.ElementPath != b.ElementPath {
		return a.ElementPath < b.ElementPath
	}
	return a.Message < b.Message
}

// Diagnostic is a problem with the input or the configuration rather than
// with the org: a malformed file, an unreadable archive, a bad policy. It is
// reported beside findings and makes the run exit 2.
type Diagnostic struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

func (d Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Column > 0 {
			fmt.Fprintf(&b, ":%d", d.Column)
		}
	}
	b.WriteString(": ")
	b.WriteString(d.Message)
	return b.String()
}
