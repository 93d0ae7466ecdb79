package access

import (
	"io"
	"strings"
	"unicode/utf8"
)

// table is an aligned text table whose columns wrap so that each line fits
// in width runes. Narrow columns keep their natural width; the widest
// columns give up space first.
type table struct {
	header []string
	rows   [][]string
}

const gap = 2

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer, width int) error {
	widths := t.fit(width)
	var b strings.Builder
	for _, row := range append([][]string{t.header}, t.rows...) {
		wrapped := make([][]string, len(row))
		lines := 1
		for c, cell := range row {
			wrapped[c] = wrap(cell, widths[c])
			lines = max(lines, len(wrapped[c]))
		}
		for l := 0; l < lines; l++ {
			var line strings.Builder
			for c := range row {
				s := ""
				if l < len(wrapped[c]) {
					s = wrapped[c][l]
				}
				line.WriteString(s)
				if c < len(row)-1 {
					line.WriteString(strings.Repeat(" ", widths[c]-utf8.RuneCountInString(s)+gap))
				}
			}
			b.WriteString(strings.TrimRight(line.String(), " "))
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fit gives each column its natural width, then narrows the widest column
// one rune at a time until the table fits or every column is at its floor:
// its header or longest word (up to 16 runes), so words are cut only when
// longer than that, or when the table cannot fit otherwise.
func (t *table) fit(width int) []int {
	n := len(t.header)
	widths := make([]int, n)
	floors := make([]int, n)
	for c, h := range t.header {
		widths[c] = utf8.RuneCountInString(h)
		floors[c] = widths[c]
	}
	for _, r := range t.rows {
		for c, cell := range r {
			widths[c] = max(widths[c], utf8.RuneCountInString(cell))
			for _, word := range strings.Fields(cell) {
				floors[c] = max(floors[c], min(utf8.RuneCountInString(word), 16))
			}
		}
	}
	for c := range floors {
		floors[c] = min(floors[c], widths[c])
	}
	total := func() int {
		s := gap * (n - 1)
		for _, x := range widths {
			s += x
		}
		return s
	}
	shrink := func(floors []int) {
		for total() > width {
			widest := -1
			for c := range widths {
				if widths[c] > floors[c] && (widest < 0 || widths[c] > widths[widest]) {
					widest = c
				}
			}
			if widest < 0 {
				return
			}
			widths[widest]--
		}
	}
	shrink(floors)
	// Still too wide: cut words too, down to 6 runes a column.
	hard := make([]int, n)
	for c := range hard {
		hard[c] = min(6, widths[c])
	}
	shrink(hard)
	return widths
}

// wrap breaks s into lines of at most w runes at spaces, cutting words
// longer than a line.
func wrap(s string, w int) []string {
	if w <= 0 || utf8.RuneCountInString(s) <= w {
		return []string{s}
	}
	var lines []string
	var cur []rune
	for _, word := range strings.Fields(s) {
		r := []rune(word)
		for len(r) > w {
			if len(cur) > 0 {
				lines = append(lines, string(cur))
				cur = nil
			}
			lines = append(lines, string(r[:w]))
			r = r[w:]
		}
		switch {
		case len(cur) == 0:
			cur = r
		case len(cur)+1+len(r) <= w:
			cur = append(append(cur, ' '), r...)
		default:
			lines = append(lines, string(cur))
			cur = r
		}
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, string(cur))
	}
	return lines
}
