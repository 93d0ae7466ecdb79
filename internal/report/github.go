package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
)

// GitHub Actions workflow commands (::error file=…,line=…::message) that
// GitHub shows as annotations on the run and on the pull request's
// "Files changed" tab.
//
// GitHub shows at most 10 annotations of each kind (error, warning,
// notice) per step and 50 per job and silently drops the rest. So the
// most important ones go first — diagnostics, then findings from the most
// severe down, then run notes (a few slots of each kind are kept for them) —
// each kind is capped at 10, and one closing
// notice counts what was left out and points to the step summary and the
// SARIF report.
// The notice slot for that closing line is kept free when there is an
// overflow.

func init() {
	Register("github", WriteGitHub)
}

// GitHub's display limits.
const (
	GitHubPerKindLimit = 10
	GitHubPerJobLimit  = 50
	// GitHubNoteSlots of each kind are kept for run notes.
	GitHubNoteSlots = 3
)

// githubData escapes a command's message.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubProp escapes a property value, which also may not contain ':' or ','.
func githubProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// GitHubKind is the annotation command for a severity.
func GitHubKind(s finding.Severity) string {
	switch {
	case s >= finding.High:
		return "error"
	case s >= finding.Low:
		return "warning"
	}
	return "notice"
}

type githubAnnotation struct {
	kind    string
	file    string
	line    int
	col     int
	title   string
	message string
	note    bool // a run note, not a finding or diagnostic
}

func (a githubAnnotation) String() string {
	var props []string
	if a.file != "" {
		props = append(props, "file="+githubProp(a.file))
		if a.line > 0 {
			props = append(props, "line="+strconv.Itoa(a.line), "endLine="+strconv.Itoa(a.line))
			if a.col > 0 {
				props = append(props, "col="+strconv.Itoa(a.col))
			}
		}
	}
	if a.title != "" {
		props = append(props, "title="+githubProp(a.title))
	}
	s := "::" + a.kind
	if len(props) > 0 {
		s += " " + strings.Join(props, ",")
	}
	return s + "::" + githubData(a.message) + "\n"
}

// WriteGitHub writes annotations for diagnostics and active findings.
// Suppressed findings are never annotated; they are counted in the
// summary and the SARIF report.
func WriteGitHub(w io.Writer, r *Report) error {
	var cands []githubAnnotation
	for _, d := range r.Diagnostics {
		cands = append(cands, githubAnnotation{kind: "error", file: d.File, line: d.Line, col: d.Column, title: "sfguard: input problem", message: d.Message})
	}
	active := r.Active()
	// Most severe first; finding.Less order within a severity.
	sort.SliceStable(active, func(i, j int) bool { return active[i].Severity > active[j].Severity })
	for i := range active {
		f := &active[i]
		file, inner := SplitArchivePath(f.File)
		line, col := f.Line, f.Column
		msg := f.Message
		if inner != "" {
			msg += fmt.Sprintf(" (in %s, line %d)", inner, f.Line)
			line, col = 1, 0
		}
		if line < 1 {
			// Without a line GitHub does not show the annotation on the
			// diff; file-level findings point at line 1.
			line, col = 1, 0
		}
		title := f.RuleID
		if t := ciOrDefault(f.Title, ruleTitle(r, f.RuleID)); t != "" {
			title += " " + t
		}
		title += " (" + f.Severity.String() + ")"
		cands = append(cands, githubAnnotation{kind: GitHubKind(f.Severity), file: file, line: line, col: col, title: title, message: msg})
	}

	// Run notes come last, when there is room: the ones to act on
	// (expired or unused suppressions, stale baseline entries, inline
	// ignores that cannot apply, skipped files) as warnings at their file
	// and line, so they show on the pull request; PR mode as a notice.
	for _, n := range r.Notes {
		a := githubAnnotation{kind: "warning", file: n.File, line: n.Line, col: n.Column, title: "sfguard note", message: n.Message, note: true}
		if n.Level == NoteInfo {
			a.kind = "notice"
		}
		cands = append(cands, a)
	}

	// The first few notes of each kind keep a slot even when findings
	// would fill the kind: a run with many medium findings must still show
	// the expired suppression or stale baseline entry, or no one sees it.
	reserved := map[string]int{}
	for _, a := range cands {
		if a.note && reserved[a.kind] < GitHubNoteSlots {
			reserved[a.kind]++
		}
	}
	counts := map[string]int{}
	total := 0
	var out []githubAnnotation
	var dropped int
	for _, a := range cands {
		limit := GitHubPerKindLimit
		if !a.note {
			limit -= reserved[a.kind]
		}
		if counts[a.kind] >= limit || total >= GitHubPerJobLimit {
			dropped++
			continue
		}
		counts[a.kind]++
		total++
		out = append(out, a)
	}
	if dropped > 0 && counts["notice"] >= GitHubPerKindLimit {
		// Give up the last notice so the overflow notice is shown.
		for i := len(out) - 1; i >= 0; i-- {
			if out[i].kind == "notice" {
				out = append(out[:i], out[i+1:]...)
				dropped++
				break
			}
		}
	}
	for _, a := range out {
		if _, err := io.WriteString(w, a.String()); err != nil {
			return err
		}
	}
	if dropped > 0 {
		n := githubAnnotation{kind: "notice", title: "sfguard",
			message: fmt.Sprintf("%d more sfguard %s not shown (GitHub shows at most %d of each kind per step); see the job summary or the SARIF report for the full list",
				dropped, ciPlural(dropped, "annotation is", "annotations are"), GitHubPerKindLimit)}
		if _, err := io.WriteString(w, n.String()); err != nil {
			return err
		}
	}
	return nil
}

func ruleTitle(r *Report, id string) string {
	if rule, ok := r.RuleByID(id); ok {
		return rule.Title
	}
	return ""
}

func ciPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
