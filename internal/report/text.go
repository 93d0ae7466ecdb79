package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
)

func init() {
	Register("text", writeText)
	RegisterExtension(".txt", "text")
}

// ANSI colours per severity; only used when Report.Color is set (a terminal,
// and neither NO_COLOR nor --no-color).
var sevColor = [...]string{
	finding.Info:     "\x1b[2m",
	finding.Low:      "\x1b[36m",
	finding.Medium:   "\x1b[33m",
	finding.High:     "\x1b[31m",
	finding.Critical: "\x1b[1;31m",
}

const (
	colorReset = "\x1b[0m"
	colorBold  = "\x1b[1m"
	colorDim   = "\x1b[2m"
)

// writeText prints findings grouped by file, in the order the pipeline
// sorted them, then input problems and a one-line summary.
func writeText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !r.Color {
			return s
		}
		return code + s + colorReset
	}
	shown := r.Shown()
	file := ""
	for _, f := range shown {
		if f.File != file {
			if file != "" {
				fmt.Fprintln(bw)
			}
			file = f.File
			fmt.Fprintln(bw, paint(colorBold, file))
		}
		sev := fmt.Sprintf("%-8s", f.Severity)
		pos := fmt.Sprintf("%d:%d", f.Line, f.Column)
		fmt.Fprintf(bw, "  %-7s %s  %s  %s\n", pos, paint(sevColor[f.Severity], sev), f.RuleID, f.Message)
		var details []string
		if f.ElementPath != "" {
			details = append(details, f.ElementPath)
		}
		if f.Secret != nil {
			details = append(details, "secret "+f.Secret.Redacted)
		}
		if f.Commit != nil {
			c := "commit " + shortSHA(f.Commit.SHA)
			if f.Commit.Date != "" {
				c += " (" + f.Commit.Date + ")"
			}
			details = append(details, c)
		}
		if f.Suppressed != "" {
			details = append(details, "suppressed: "+f.Suppressed)
		}
		if len(details) > 0 {
			fmt.Fprintf(bw, "          %s\n", paint(colorDim, strings.Join(details, "  ·  ")))
		}
		for _, rel := range f.Related {
			fmt.Fprintf(bw, "          %s\n", paint(colorDim, fmt.Sprintf("↳ %s:%d:%d %s", rel.File, rel.Line, rel.Column, rel.ElementPath)))
		}
	}
	if len(shown) > 0 {
		fmt.Fprintln(bw)
	}
	if len(r.Diagnostics) > 0 {
		fmt.Fprintln(bw, paint(colorBold, "Input problems"))
		for _, d := range r.Diagnostics {
			fmt.Fprintf(bw, "  %s\n", d.Error())
		}
		fmt.Fprintln(bw)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(bw, "note: %s\n", n.String())
	}
	fmt.Fprintln(bw, Summary(r))
	return bw.Flush()
}

// Summary is the one-line result of the text format, e.g. "7 findings
// (1 critical, 3 high, 3 medium) in 12 files read, 4 with findings;
// 2 suppressed." It says what it counted: the files read, and of them the
// ones with an active finding.
func Summary(r *Report) string {
	counts := r.CountBySeverity()
	total := 0
	var parts []string
	for s := finding.Critical; s >= finding.Info; s-- {
		total += counts[s]
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	var b strings.Builder
	if total == 0 {
		b.WriteString("No findings")
	} else {
		fmt.Fprintf(&b, "%d %s (%s)", total, plural(total, "finding", "findings"), strings.Join(parts, ", "))
	}
	fmt.Fprintf(&b, " in %d %s read", r.Stats.Files, plural(r.Stats.Files, "file", "files"))
	if total > 0 {
		fmt.Fprintf(&b, ", %d with findings", r.FilesWithFindings())
	}
	if n := r.SuppressedCount(); n > 0 {
		fmt.Fprintf(&b, "; %d suppressed", n)
	}
	if n := len(r.Diagnostics); n > 0 {
		fmt.Fprintf(&b, "; %d input %s", n, plural(n, "problem", "problems"))
	}
	if n := r.Failing(); n > 0 {
		fmt.Fprintf(&b, "; %d at or above %s", n, r.FailOn)
	}
	b.WriteString(".")
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func shortSHA(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}
