// Package diffbase is PR mode's comparison: it keeps only the findings
// that are new compared with a scan of the base revision. The base is read
// through the source layer (source.TreeAt), straight from git's objects.
package diffbase

import (
	"github.com/sfguard/sfguard/internal/finding"
)

// New returns the head findings that are not in base, compared by
// fingerprint (computed where missing). Fingerprints are counted, so a
// second occurrence of a problem that existed once at base is new. The
// order of head is kept.
func New(head, base []finding.Finding) []finding.Finding {
	seen := map[string]int{}
	for i := range base {
		fp := base[i].Fingerprint
		if fp == "" {
			fp = finding.Fingerprint(&base[i])
		}
		seen[fp]++
	}
	out := make([]finding.Finding, 0, len(head))
	for i := range head {
		fp := head[i].Fingerprint
		if fp == "" {
			fp = finding.Fingerprint(&head[i])
		}
		if seen[fp] > 0 {
			seen[fp]--
			continue
		}
		out = append(out, head[i])
	}
	return out
}
