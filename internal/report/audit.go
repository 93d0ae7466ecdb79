package report

import (
	"strconv"

	"github.com/sfguard/sfguard/internal/access"
)

// Audit is what the HTML report shows beyond findings. The pipeline fills
// it (scan.Settings.Audit) so that the reporter still only reads: it never
// opens a file or evaluates a rule.
type Audit struct {
	// Paths are the scan paths as given; When is the report time, already
	// formatted (from SOURCE_DATE_EPOCH or SFGUARD_REPORT_TIME when set, so
	// that tests get the same bytes).
	Paths []string
	When  string
	// Access is the access matrix of the scanned metadata; nil when the
	// scan read no metadata.
	Access *access.Matrix
	// Types counts the metadata documents scanned per type, so the posture
	// can tell "passes" from "not in the scan".
	Types map[string]int
	// Snippets are the redacted lines around findings and related
	// locations, by file and line (SnippetKey).
	Snippets map[string]Snippet
	// Exceptions say why suppressed findings are suppressed, by
	// fingerprint.
	Exceptions map[string]Exception
}

// Snippet is a few lines of a file around one line, with every credential
// already withheld.
type Snippet struct {
	First int      // line number of Lines[0]
	Focus int      // the line the snippet is about
	Lines []string // redacted
}

// Exception is the accepted-risk record behind a suppressed finding.
type Exception struct {
	Kind    string // baseline, config or inline
	Reason  string
	Owner   string
	Expires string // YYYY-MM-DD, "" = never
	Where   string // file:line of the suppression, or the baseline file
}

// SnippetKey is the key of Audit.Snippets.
func SnippetKey(file string, line int) string {
	return file + "#L" + strconv.Itoa(line)
}
