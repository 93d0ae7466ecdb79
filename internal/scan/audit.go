package scan

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/sfguard/sfguard/internal/baseline"
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/report"
	"github.com/sfguard/sfguard/internal/secrets"
	"github.com/sfguard/sfguard/internal/source"
	"github.com/sfguard/sfguard/internal/suppress"
	"github.com/sfguard/sfguard/policy"
)

// Lines of context a snippet shows before and after the line it is about.
const (
	snippetBefore = 3
	snippetAfter  = 4
	snippetWidth  = 240
)

// attachAudit fills rep.Audit for the HTML report: the access matrix, the
// redacted snippets around every finding and related location, and the
// record behind every suppressed finding. It runs after suppressions and
// the baseline have been applied.
func attachAudit(ctx context.Context, eng *policy.Engine, s *Settings, files []source.File, docs []*model.Document, rep *report.Report) error {
	a := &report.Audit{
		Paths:      append([]string(nil), s.Paths...),
		When:       s.Today.UTC().Format("2006-01-02 15:04 UTC"),
		Types:      map[string]int{},
		Snippets:   map[string]report.Snippet{},
		Exceptions: map[string]report.Exception{},
	}
	for _, d := range docs {
		a.Types[d.Type.Name]++
	}
	if s.Metadata {
		m, err := computeAccess(ctx, eng, docs)
		if err != nil {
			return err
		}
		m.Tool, m.Version = s.Tool, s.Version
		a.Access = m
	}
	a.Snippets = snippets(files, rep.Findings)
	for i := range rep.Findings {
		f := &rep.Findings[i]
		if f.Suppressed != "" {
			a.Exceptions[f.Fingerprint] = exception(s, f)
		}
	}
	rep.Audit = a
	return nil
}

// exception finds the record that suppressed f.
func exception(s *Settings, f *finding.Finding) report.Exception {
	switch {
	case f.Suppressed == baseline.Suppressed:
		return report.Exception{Kind: "baseline", Reason: "recorded in the baseline as accepted", Where: s.Baseline}
	case strings.HasPrefix(f.Suppressed, suppress.InlinePrefix):
		return report.Exception{Kind: "inline", Reason: strings.TrimPrefix(f.Suppressed, suppress.InlinePrefix), Where: fmt.Sprintf("%s:%d", f.File, f.Line)}
	case strings.HasPrefix(f.Suppressed, suppress.ConfigPrefix):
		e := report.Exception{Kind: "config", Reason: strings.TrimPrefix(f.Suppressed, suppress.ConfigPrefix)}
		for _, sup := range s.Config.Suppressions {
			if suppress.Matches(sup, f) && !sup.Expired(s.Today) {
				e.Owner, e.Where = sup.Owner, fmt.Sprintf("%s:%d", sup.File, sup.Line)
				if !sup.Expires.IsZero() {
					e.Expires = sup.Expires.Format("2006-01-02")
				}
				break
			}
		}
		return e
	}
	return report.Exception{Kind: "other", Reason: f.Suppressed}
}

// snippets reads every file a finding or related location points into and
// cuts the lines around those places, with credentials withheld.
func snippets(files []source.File, fs []finding.Finding) map[string]report.Snippet {
	want := map[string][]int{}
	for i := range fs {
		f := &fs[i]
		if f.Commit != nil {
			continue // history: the line is not in the work tree
		}
		want[f.File] = append(want[f.File], f.Line)
		for _, r := range f.Related {
			want[r.File] = append(want[r.File], r.Line)
		}
	}
	byPath := map[string]*source.File{}
	for i := range files {
		byPath[files[i].Path] = &files[i]
	}
	out := map[string]report.Snippet{}
	paths := make([]string, 0, len(want))
	for p := range want {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		sf := byPath[p]
		if sf == nil {
			continue
		}
		data, err := sf.Read()
		if err != nil {
			continue
		}
		lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
		held := withheld(p, data, lines)
		for _, line := range want[p] {
			if line < 1 || line > len(lines) {
				continue
			}
			first, last := max(1, line-snippetBefore), min(len(lines), line+snippetAfter)
			sn := report.Snippet{First: first, Focus: line}
			for n := first; n <= last; n++ {
				sn.Lines = append(sn.Lines, redactLine(lines[n-1], held[n]))
			}
			out[report.SnippetKey(p, line)] = sn
		}
	}
	return out
}

// withheld marks the lines that hold a credential the detectors find, and
// the lines a long credential continues on (a PEM key, a wrapped token).
func withheld(path string, data []byte, lines []string) map[int]bool {
	held := map[int]bool{}
	res := secrets.ScanAll([]secrets.Blob{{Path: path, Data: data}}, secrets.Options{Jobs: 1, MaxFileSize: -1})
	for _, c := range res.Candidates {
		n := c.Location.Line
		if n < 1 {
			continue
		}
		left := 1
		if c.Secret != nil {
			left = c.Secret.Length
		}
		for ; n <= len(lines) && left > 0; n++ {
			held[n] = true
			col := 0
			if n == c.Location.Line {
				col = max(0, c.Location.Column-1)
			}
			left -= max(1, len(lines[n-1])-col)
		}
	}
	return held
}

// Elements whose text is a credential by name, whatever it looks like.
var secretElement = regexp.MustCompile(`(?i)(<(?:[a-z0-9_]+:)?(?:consumerSecret|clientSecret|secret|password|privateKey|apiKey|accessToken|refreshToken|sessionId|authToken|oauthToken|token)\b[^>]*>)([^<]*)(</)`)

// Long tokens: runs of token characters mixing letters and digits.
var tokenRun = regexp.MustCompile(`[A-Za-z0-9+/=_\-.!$~]{16,}`)

// redactLine makes one line safe to show: a withheld line says so, a
// credential element keeps its tags only, and any long high-entropy token
// that could be a credential or an org id (letters and digits, and no
// underscore or dot unless it looks random: API names such as
// Account.Custom_Field_001__c stay readable) is cut to its first four
// characters.
func redactLine(line string, held bool) string {
	if held {
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		return indent + "⋯ line withheld: it holds a credential"
	}
	line = secretElement.ReplaceAllString(line, "${1}[redacted]${3}")
	line = tokenRun.ReplaceAllStringFunc(line, func(t string) string {
		if !mixed(t) || (strings.ContainsAny(t, "_.") && entropy(t) < 4.2) {
			return t
		}
		return t[:4] + "…[redacted]"
	})
	if r := []rune(line); len(r) > snippetWidth {
		line = string(r[:snippetWidth]) + "…"
	}
	return line
}

func mixed(s string) bool {
	return strings.ContainsAny(s, "0123456789") && bytes.ContainsFunc([]byte(s), func(r rune) bool {
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
	})
}

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	var n [256]int
	for i := 0; i < len(s); i++ {
		n[s[i]]++
	}
	h := 0.0
	for _, c := range n {
		if c > 0 {
			p := float64(c) / float64(len(s))
			h -= p * math.Log2(p)
		}
	}
	return h
}
