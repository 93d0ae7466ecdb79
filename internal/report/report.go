// Package report turns a finished scan into bytes: human text, JSON and the
// CI formats. Reporters only read a Report; they never evaluate, filter or
// reorder findings (the pipeline has sorted them already), so the same Report
// always gives the same bytes.
package report

import (
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
)

// SchemaVersion is the version of the JSON report layout (docs/json-report.md).
const SchemaVersion = "1"

// Stats are counts gathered by the pipeline.
type Stats struct {
	Files     int   `json:"files"`     // files read
	Documents int   `json:"documents"` // metadata documents parsed
	Bytes     int64 `json:"bytes"`     // bytes read
}

// Report is everything a reporter may print.
type Report struct {
	Tool    string
	Version string
	// Rules are the rules that were loaded (enabled), sorted by ID.
	Rules []finding.Rule
	// Findings are sorted with finding.Less. Suppressed findings are
	// included with Suppressed set; reporters count them and show them only
	// when ShowSuppressed is true.
	Findings    []finding.Finding
	Diagnostics []finding.Diagnostic
	// Notes are run-level messages that are not findings: expired or unused
	// suppressions, stale baseline entries, skipped files.
	Notes []Note
	Stats Stats
	// FailOn is the threshold: findings at or above it fail the run.
	FailOn         finding.Severity
	ShowSuppressed bool
	Color          bool
	// Audit is set for the HTML report (audit.go); nil otherwise.
	Audit *Audit
}

// Active returns the findings that are not suppressed.
func (r *Report) Active() []finding.Finding {
	out := make([]finding.Finding, 0, len(r.Findings))
	for _, f := range r.Findings {
		if f.Suppressed == "" {
			out = append(out, f)
		}
	}
	return out
}

// Shown returns the findings a reporter should list: the active ones, plus
// the suppressed ones when ShowSuppressed is set.
func (r *Report) Shown() []finding.Finding {
	if r.ShowSuppressed {
		return r.Findings
	}
	return r.Active()
}

// SuppressedCount counts suppressed findings.
func (r *Report) SuppressedCount() int {
	n := 0
	for _, f := range r.Findings {
		if f.Suppressed != "" {
			n++
		}
	}
	return n
}

// Failing counts active findings at or above the threshold.
func (r *Report) Failing() int {
	n := 0
	for _, f := range r.Findings {
		if f.Suppressed == "" && f.Severity >= r.FailOn && f.Severity > finding.Info {
			n++
		}
	}
	return n
}

// FilesWithFindings counts the distinct files (archive entries apart) that
// have an active finding.
func (r *Report) FilesWithFindings() int {
	files := map[string]bool{}
	for _, f := range r.Findings {
		if f.Suppressed == "" {
			files[f.File] = true
		}
	}
	return len(files)
}

// RuleByID finds a loaded rule.
func (r *Report) RuleByID(id string) (finding.Rule, bool) {
	i := sort.Search(len(r.Rules), func(i int) bool { return r.Rules[i].ID >= id })
	if i < len(r.Rules) && r.Rules[i].ID == id {
		return r.Rules[i], true
	}
	return finding.Rule{}, false
}

// CountBySeverity returns active finding counts indexed by severity.
func (r *Report) CountBySeverity() [finding.Critical + 1]int {
	var c [finding.Critical + 1]int
	for _, f := range r.Findings {
		if f.Suppressed == "" {
			c[f.Severity]++
		}
	}
	return c
}

// Writer writes one format.
type Writer func(w io.Writer, r *Report) error

var writers = map[string]Writer{}

// Register makes a format available by name; called from init functions of
// the files that implement formats.
func Register(name string, w Writer) {
	if _, dup := writers[name]; dup {
		panic("report: format registered twice: " + name)
	}
	writers[name] = guarded(name, w)
}

// Formats lists the registered format names, sorted.
func Formats() []string {
	out := make([]string, 0, len(writers))
	for n := range writers {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the writer for a format name.
func Lookup(name string) (Writer, error) {
	w, ok := writers[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (available: %s)", name, strings.Join(Formats(), ", "))
	}
	return w, nil
}

// extensions maps output-file extensions to formats for --output-file.
var extensions = map[string]string{}

// RegisterExtension maps a file extension (with the dot) to a format.
func RegisterExtension(ext, format string) { extensions[ext] = format }

// Extensions lists the registered output-file extensions, sorted.
func Extensions() []string {
	out := make([]string, 0, len(extensions))
	for e := range extensions {
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

// FormatForFile picks a format from an output file name's extension.
func FormatForFile(name string) (string, error) {
	lower := strings.ToLower(name)
	// Longest match first so ".junit.xml" wins over ".xml".
	best := ""
	for ext := range extensions {
		if strings.HasSuffix(lower, ext) && len(ext) > len(best) {
			best = ext
		}
	}
	if best == "" {
		what := "no extension"
		if ext := path.Ext(name); ext != "" {
			what = fmt.Sprintf("extension %q is not one sfguard writes", ext)
		}
		return "", fmt.Errorf("cannot tell the format from the file name: %s (known extensions: %s; or write FORMAT=%s with one of %s)",
			what, strings.Join(Extensions(), ", "), name, strings.Join(Formats(), ", "))
	}
	return extensions[best], nil
}
