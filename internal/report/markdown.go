package report

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sfguard/sfguard/internal/finding"
)

// A Markdown summary for $GITHUB_STEP_SUMMARY (and merge-request notes):
// headline, counts by severity, a capped table of findings, suppressed
// counts, diagnostics and notes.
//
// GitHub refuses a step summary over 1 MiB and then shows nothing at all,
// so the writer works to a budget well below that and cuts the findings
// table (and, if needed, the lists) with a note that says how much was
// left out and where the full list is.

func init() {
	Register("markdown", WriteMarkdown)
	RegisterExtension(".md", "markdown")
	RegisterExtension(".markdown", "markdown")
}

// Markdown limits. MarkdownBudget leaves room under GitHub's 1 MiB step
// summary limit for anything else the job appends.
const (
	MarkdownBudget  = 900 * 1024
	MarkdownMaxRows = 500
	markdownMaxCell = 300
	markdownMaxList = 100
)

// WriteMarkdown writes the summary.
func WriteMarkdown(w io.Writer, r *Report) error {
	return writeMarkdown(w, r, MarkdownBudget, MarkdownMaxRows)
}

func writeMarkdown(w io.Writer, r *Report, budget, maxRows int) error {
	var b bytes.Buffer
	tool := ciOrDefault(r.Tool, "sfguard")
	failing := r.Failing()
	counts := r.CountBySeverity()
	active := 0
	for _, c := range counts {
		active += c
	}
	switch {
	case len(r.Diagnostics) > 0:
		fmt.Fprintf(&b, "## ⚠️ %s: %d input %s\n\n", tool, len(r.Diagnostics), ciPlural(len(r.Diagnostics), "problem", "problems"))
	case failing > 0:
		fmt.Fprintf(&b, "## ❌ %s: %d %s at or above %s\n\n", tool, failing, ciPlural(failing, "finding", "findings"), markdownThreshold(r.FailOn))
	default:
		fmt.Fprintf(&b, "## ✅ %s: no findings at or above %s\n\n", tool, markdownThreshold(r.FailOn))
	}

	b.WriteString("| Severity | Findings |\n|---|---:|\n")
	for s := finding.Critical; s >= finding.Info; s-- {
		fmt.Fprintf(&b, "| %s | %d |\n", s, counts[s])
	}
	fmt.Fprintf(&b, "| **total** | **%d** |\n\n", active)

	if n := r.SuppressedCount(); n > 0 {
		fmt.Fprintf(&b, "%d %s suppressed (%s).", n, ciPlural(n, "finding is", "findings are"), markdownSuppressionKinds(r))
		if !r.ShowSuppressed {
			b.WriteString(" Run with `--show-suppressed` to list them.")
		}
		b.WriteString("\n\n")
	}
	if r.Version != "" || len(r.Rules) > 0 || r.Stats.Files > 0 {
		fmt.Fprintf(&b, "<sub>%s · %d rules · %d files · %d metadata documents</sub>\n\n",
			strings.TrimSpace(tool+" "+r.Version), len(r.Rules), r.Stats.Files, r.Stats.Documents)
	}

	// Sections after the table are written to their own buffer first so
	// the table knows how much room it has.
	var tail bytes.Buffer
	markdownList(&tail, "Input problems", len(r.Diagnostics), func(i int) string {
		d := r.Diagnostics[i]
		if d.File == "" {
			return markdownCell(d.Message)
		}
		return "`" + markdownCode(strings.TrimSuffix(d.Error(), ": "+d.Message)) + "` " + markdownCell(d.Message)
	})
	markdownList(&tail, "Notes", len(r.Notes), func(i int) string { return markdownCell(r.Notes[i].String()) })

	shown := append([]finding.Finding(nil), r.Shown()...) // sorted below; the Report stays as it is
	// Most severe first, the pipeline's order within a severity.
	sort.SliceStable(shown, func(i, j int) bool { return shown[i].Severity > shown[j].Severity })
	if len(shown) > 0 {
		var table bytes.Buffer
		table.WriteString("### Findings\n\n| Severity | Rule | Component | Location | Message |\n|---|---|---|---|---|\n")
		room := budget - b.Len() - tail.Len() - 300 // 300: the overflow note
		rows := 0
		for i := range shown {
			f := &shown[i]
			row := markdownRow(f)
			if rows >= maxRows || table.Len()+len(row) > room {
				break
			}
			table.WriteString(row)
			rows++
		}
		table.WriteString("\n")
		if rows < len(shown) {
			fmt.Fprintf(&table, "_… and %d more %s not shown here; the SARIF report and `sfguard scan --format text` list all of them._\n\n",
				len(shown)-rows, ciPlural(len(shown)-rows, "finding", "findings"))
		}
		b.Write(table.Bytes())
	}
	b.Write(tail.Bytes())

	out := b.Bytes()
	if len(out) > budget {
		// Only possible with a tiny budget or enormous diagnostics; cut
		// at a line boundary and say so.
		limit := max(budget-200, 0)
		cut := max(bytes.LastIndexByte(out[:limit], '\n'), 0)
		out = append(out[:cut:cut], []byte("\n\n_Summary truncated to stay under GitHub's 1 MiB step summary limit; see the SARIF report._\n")...)
	}
	_, err := w.Write(out)
	return err
}

func markdownThreshold(s finding.Severity) string {
	if s <= finding.Info {
		return "low"
	}
	return s.String()
}

func markdownSuppressionKinds(r *Report) string {
	kinds := map[string]int{}
	for _, f := range r.Findings {
		if f.Suppressed == "" {
			continue
		}
		k := f.Suppressed
		if i := strings.Index(k, ":"); i > 0 {
			k = k[:i]
		}
		kinds[k]++
	}
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, k := range names {
		parts[i] = fmt.Sprintf("%s: %d", markdownCell(k), kinds[k])
	}
	return strings.Join(parts, ", ")
}

func markdownRow(f *finding.Finding) string {
	comp := ""
	if f.ComponentType != "" {
		comp = f.ComponentType + ":" + f.ComponentName
	}
	loc := f.File
	if f.Line > 0 {
		loc = fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	msg := markdownCell(f.Message)
	if f.Suppressed != "" {
		msg += " _(suppressed: " + markdownCell(f.Suppressed) + ")_"
	}
	return fmt.Sprintf("| %s | %s | %s | `%s` | %s |\n", f.Severity, markdownCell(f.RuleID), markdownCell(comp), markdownCode(loc), msg)
}

func markdownList(b *bytes.Buffer, title string, n int, item func(int) string) {
	if n == 0 {
		return
	}
	fmt.Fprintf(b, "### %s\n\n", title)
	for i := 0; i < n && i < markdownMaxList; i++ {
		b.WriteString("- " + item(i) + "\n")
	}
	if n > markdownMaxList {
		fmt.Fprintf(b, "- _… and %d more_\n", n-markdownMaxList)
	}
	b.WriteString("\n")
}

// markdownCell makes text safe for a table cell or list item: no line
// breaks or pipes, no HTML (XML element names in messages would otherwise
// be swallowed as tags), bounded length.
func markdownCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = markdownTruncate(s, markdownMaxCell)
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "|", "\\|", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]").Replace(s)
}

// markdownCode makes text safe inside a `code span` in a table.
func markdownCode(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = markdownTruncate(s, markdownMaxCell)
	return strings.NewReplacer("`", "'", "|", "\\|").Replace(s)
}

func markdownTruncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
