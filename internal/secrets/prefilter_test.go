package secrets

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
)

type kwMatch struct{ Kw, Start, End int }

// oracle finds all keyword occurrences with Aho-Corasick (overlapping,
// case-insensitive): the reference the hand-rolled prefilter must equal.
func oracle(text []byte) []kwMatch {
	lits := make([]string, len(keywords))
	for i, k := range keywords {
		lits[i] = k.lit
	}
	b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{AsciiCaseInsensitive: true, MatchKind: ahocorasick.StandardMatch})
	ac := b.Build(lits)
	var out []kwMatch
	it := ac.IterOverlappingByte(text)
	for m := it.Next(); m != nil; m = it.Next() {
		out = append(out, kwMatch{m.Pattern(), m.Start(), m.End()})
	}
	return out
}

func prefiltered(text []byte) []kwMatch {
	var out []kwMatch
	defaultDetector().pf.each(text, func(kw, s, e int) { out = append(out, kwMatch{kw, s, e}) })
	return out
}

func sortMatches(m []kwMatch) []kwMatch {
	out := append([]kwMatch(nil), m...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (out[j].Start < out[j-1].Start || out[j].Start == out[j-1].Start && out[j].Kw < out[j-1].Kw); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func TestPrefilterMatchesAhoCorasick(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	// Random text built from keyword fragments, mixed case and noise, so
	// that overlaps, prefixes and boundaries all occur.
	var parts []string
	for _, k := range keywords {
		parts = append(parts, k.lit, strings.ToUpper(k.lit), k.lit[:len(k.lit)/2], k.lit[len(k.lit)/2:])
	}
	parts = append(parts, " ", "\n", "=", "'", "_", "x", "0", "sw", "ok", "SECRET_PASSWORD", "force://3MVG9", "00D00D")
	for round := 0; round < 200; round++ {
		var b strings.Builder
		for b.Len() < 2000 {
			p := parts[r.Intn(len(parts))]
			if r.Intn(3) == 0 {
				p = strings.ToUpper(p)
			}
			b.WriteString(p)
		}
		text := []byte(b.String())
		if d := cmp.Diff(sortMatches(oracle(text)), sortMatches(prefiltered(text))); d != "" {
			t.Fatalf("round %d: prefilter differs from Aho-Corasick (-want +got):\n%s", round, d)
		}
	}
	f := newFakes(77)
	real := []byte("sf.password=" + f.Password + "\nSFDX_AUTH_URL=force://PlatformCLI::" + f.RefreshToken + "@x.my.salesforce.com\n")
	if d := cmp.Diff(sortMatches(oracle(real)), sortMatches(prefiltered(real))); d != "" {
		t.Fatalf("realistic text (-want +got):\n%s", d)
	}
	if len(prefiltered(real)) < 3 {
		t.Fatalf("expected password, force:// and 5Aep86 hits, got %v", prefiltered(real))
	}
}
