package report

import (
	"fmt"

	"github.com/sfguard/sfguard/internal/finding"
)

// NoteLevel says how much a run note asks of the reader.
type NoteLevel string

// Note levels.
const (
	// NoteWarning: something to act on that does not fail the run by
	// itself (an expired or unused suppression, a stale baseline entry, an
	// inline ignore that cannot apply, a skipped file).
	NoteWarning NoteLevel = "warning"
	// NoteInfo: how the run was done (PR mode).
	NoteInfo NoteLevel = "info"
)

// Note is a run-level message that is not a finding. File (and Line,
// Column) place it where there is a place: the config entry of a
// suppression, the comment of an inline ignore, the baseline file.
type Note struct {
	Level  NoteLevel
	File   string
	Line   int
	Column int
	// Message is the text without the location.
	Message string
}

// Warningf makes a warning note at a place; file may be empty.
func Warningf(file string, line int, format string, args ...any) Note {
	return Note{Level: NoteWarning, File: file, Line: line, Message: fmt.Sprintf(format, args...)}
}

// String is "file:line:column: message", without the parts that are unknown.
func (n Note) String() string {
	if n.File == "" {
		return n.Message
	}
	return finding.Diagnostic{File: n.File, Line: n.Line, Column: n.Column, Message: n.Message}.Error()
}

// noteStrings renders notes for formats that keep them as plain text.
func noteStrings(ns []Note) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.String()
	}
	return out
}
