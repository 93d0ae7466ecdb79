package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/sfguard/sfguard/internal/finding"
)

// What reaches a reporter comes partly from the scanned tree (file names,
// XML element paths, values quoted in messages) and from user rules (the
// messages and titles a policy returns). Before any format writes it:
//
//   - every message (finding, input problem, note) is cut to MaxMessage
//     characters, in every format: a rule that returns a 20 MB string must
//     not make a 20 MB annotation, SARIF file or terminal screen;
//   - in the formats people read (text, Markdown, GitHub annotations,
//     JUnit, HTML), control characters are written as escapes (\n, \x1b, \u0085):
//     a file name holding a newline or an ESC sequence cannot start a new
//     output line, move the cursor or recolour the terminal;
//   - in those formats no line may start with "::" — GitHub Actions runs such
//     a line on any step's stdout as a workflow command (::error …,
//     ::add-mask::, ::stop-commands::) — except the annotations the github
//     format writes on purpose; a "\" is put before it.
//
// JSON and SARIF keep the text exact (JSON escapes control characters
// itself); only the length cap applies to them.

// MaxMessage is the most characters of a message any format prints; the
// rest is replaced by a note of how much was cut (docs/writing-rules.md).
const MaxMessage = 2000

// humanFormats are the formats whose text is escaped and line-guarded.
var humanFormats = map[string]bool{"text": true, "markdown": true, "github": true, "junit": true, "html": true}

// guarded wraps a registered writer with the preparation above.
func guarded(name string, w Writer) Writer {
	human := humanFormats[name]
	return func(out io.Writer, r *Report) error {
		p := prepare(r, human)
		if !human || name == "github" {
			return w(out, p)
		}
		var buf bytes.Buffer
		if err := w(&buf, p); err != nil {
			return err
		}
		g := LineGuard(out, false)
		_, err := g.Write(buf.Bytes())
		return err
	}
}

// prepare returns a copy of r with messages capped and, for human formats,
// every string from the scanned tree or from rules escaped. r itself is
// left alone: the same Report is written in several formats.
func prepare(r *Report, human bool) *Report {
	line := func(s string) string { return s }
	block := line
	if human {
		line, block = EscapeLine, escapeBlock
	}
	c := *r
	c.Findings = make([]finding.Finding, len(r.Findings))
	for i, f := range r.Findings {
		f.Message = line(capMessage(f.Message))
		f.Title, f.File, f.ElementPath = line(f.Title), line(f.File), line(f.ElementPath)
		f.ComponentType, f.ComponentName, f.Suppressed = line(f.ComponentType), line(f.ComponentName), line(capMessage(f.Suppressed))
		if f.Related != nil {
			rel := make([]finding.Location, len(f.Related))
			for j, l := range f.Related {
				l.File, l.ElementPath = line(l.File), line(l.ElementPath)
				rel[j] = l
			}
			f.Related = rel
		}
		if f.Secret != nil {
			s := *f.Secret
			s.Redacted = line(s.Redacted)
			f.Secret = &s
		}
		if f.Commit != nil {
			cm := *f.Commit
			cm.SHA, cm.Author, cm.Date = line(cm.SHA), line(cm.Author), line(cm.Date)
			f.Commit = &cm
		}
		c.Findings[i] = f
	}
	c.Diagnostics = make([]finding.Diagnostic, len(r.Diagnostics))
	for i, d := range r.Diagnostics {
		d.File, d.Message = line(d.File), line(capMessage(d.Message))
		c.Diagnostics[i] = d
	}
	c.Notes = make([]Note, len(r.Notes))
	for i, n := range r.Notes {
		n.File, n.Message = line(n.File), line(capMessage(n.Message))
		c.Notes[i] = n
	}
	if human {
		c.Rules = make([]finding.Rule, len(r.Rules))
		for i, ru := range r.Rules {
			ru.Title = line(capMessage(ru.Title))
			ru.Description, ru.Remediation = block(ru.Description), block(ru.Remediation)
			c.Rules[i] = ru
		}
	}
	return &c
}

// capMessage cuts s to MaxMessage characters.
func capMessage(s string) string {
	if len(s) <= MaxMessage || utf8.RuneCountInString(s) <= MaxMessage {
		return s
	}
	n := utf8.RuneCountInString(s)
	i := 0
	for k := 0; k < MaxMessage; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return fmt.Sprintf("%s… (message cut: %d more characters)", s[:i], n-MaxMessage)
}

// EscapeLine writes s on one line: control characters (newlines
// included), invalid UTF-8 and the invisible characters that reorder or
// break text (bidi controls, line and paragraph separators) become Go-style
// escapes. A backslash stays as it is.
func EscapeLine(s string) string { return escape(s, false) }

// escapeBlock is EscapeLine keeping newlines, for multi-line rule texts.
func escapeBlock(s string) string { return escape(s, true) }

func escape(s string, keepNewlines bool) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || // C0, DEL, C1 (0x9b is a one-byte CSI)
		r == 0x2028 || r == 0x2029 || // line and paragraph separators
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c // bidi
}

// LineGuard returns a writer that puts a "\" before "::" at the start of a
// line (after any blanks: the Actions runner trims them), so that what it
// writes is never taken for a GitHub Actions workflow command. With
// controls set it also escapes control characters other than newline and
// tab, for streams that carry no formatting of their own (stderr).
func LineGuard(w io.Writer, controls bool) io.Writer {
	return &lineGuard{w: w, controls: controls, start: true}
}

type lineGuard struct {
	w        io.Writer
	controls bool
	start    bool // the next byte starts a line (blanks may follow)
}

func (g *lineGuard) Write(p []byte) (int, error) {
	var b bytes.Buffer
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\n':
			g.start = true
			b.WriteByte(c)
			continue
		case g.start && (c == ' ' || c == '\t'):
			b.WriteByte(c)
			continue
		case g.start && c == ':' && i+1 < len(p) && p[i+1] == ':':
			b.WriteByte('\\')
		}
		g.start = false
		if g.controls && (c < 0x20 && c != '\t' || c == 0x7f) {
			fmt.Fprintf(&b, `\x%02x`, c)
			continue
		}
		b.WriteByte(c)
	}
	if _, err := g.w.Write(b.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}
