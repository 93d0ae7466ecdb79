package cli

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/term"

	"github.com/sfguard/sfguard/internal/finding"
)

// maxRulesWidth is the terminal `sfguard rules` fits: 100 columns, or a
// narrower terminal's width when stdout is one.
const maxRulesWidth = 100

func rulesWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols >= 40 && cols < maxRulesWidth {
			return cols
		}
	}
	return maxRulesWidth
}

// writeRulesText lists rules in at most width columns: the id, severity and
// title on the first line, then what the rule applies to and its tags,
// indented under the title and wrapped at word boundaries.
func writeRulesText(w io.Writer, rules []finding.Rule, width int) {
	idw := len("ID")
	for _, r := range rules {
		idw = max(idw, len(r.ID))
	}
	const sevw = len("critical")
	indent := idw + 2 + sevw + 2
	// One column spare: a line of exactly the terminal's width makes some
	// terminals wrap an empty line after it.
	text := max(width-indent-1, 20)
	pad := strings.Repeat(" ", indent)
	fmt.Fprintf(w, "%-*s  %-*s  %s\n", idw, "ID", sevw, "SEVERITY", "TITLE / APPLIES TO / TAGS")
	for _, r := range rules {
		title := wrap(r.Title, text)
		fmt.Fprintf(w, "%-*s  %-*s  %s\n", idw, r.ID, sevw, r.Severity, title[0])
		lines := title[1:]
		types := strings.Join(r.Types, ", ")
		if types == "" {
			types = r.Scope
		}
		lines = append(lines, wrap("applies to "+types, text)...)
		if len(r.Tags) > 0 {
			lines = append(lines, wrap("tags: "+strings.Join(r.Tags, ", "), text)...)
		}
		for _, l := range lines {
			fmt.Fprintf(w, "%s%s\n", pad, l)
		}
	}
	fmt.Fprintf(w, "\n%d rules. 'sfguard explain RULE-ID' prints one in full; 'sfguard rules --tag TAG' lists a tag's.\n", len(rules))
}

// wrap breaks s at spaces into lines of at most width bytes; a word longer
// than width gets a line of its own.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case len(line)+1+len(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return append(lines, line)
}

func withTag(rules []finding.Rule, tag string) []finding.Rule {
	var out []finding.Rule
	for _, r := range rules {
		if slices.ContainsFunc(r.Tags, func(t string) bool { return strings.EqualFold(t, tag) }) {
			out = append(out, r)
		}
	}
	return out
}
