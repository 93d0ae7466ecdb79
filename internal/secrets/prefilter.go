package secrets

// The prefilter finds every ASCII case-insensitive occurrence of the
// detector keywords in one pass.
//
// Why not a general multi-pattern automaton: the Aho-Corasick DFA
// (petar-dambovaliev/aho-corasick) ran at ~280 MB/s per core on Salesforce
// source and took 28% of a full scan's CPU; with file I/O on top that missed
// the 300 MB/s target on two cores. Here each keyword is anchored on one of
// its byte pairs chosen to be rare in Apex, JavaScript and XML ("sw" for
// password, "yj" for eyJ, "vg" for 3MVG9), and the scan is a single table
// lookup per byte: the folded pair of the previous and the current byte
// indexes a 64 KiB table that is zero for all pairs but the anchors. Only at
// an anchor are the full keywords compared. The tests check that it reports
// exactly what Aho-Corasick reports (prefilter_test.go).

// keywordSpec is one keyword (lower case) and where its anchor pair starts.
type keywordSpec struct {
	lit    string
	anchor int
}

type anchorHit struct {
	kw     int // index into the keyword list
	offset int // anchor offset within the keyword
}

type prefilter struct {
	kws     []keywordSpec
	table   [1 << 16]uint8 // folded pair -> 1 + index into groups, 0 = none
	groups  [][]anchorHit
	minLen  int
	foldTab [256]byte
}

func newPrefilter(kws []keywordSpec) *prefilter {
	p := &prefilter{kws: kws, groups: [][]anchorHit{nil}}
	for i := range p.foldTab {
		c := byte(i)
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		p.foldTab[i] = c
	}
	p.minLen = 1 << 30
	for i, k := range kws {
		if k.anchor < 0 || k.anchor+2 > len(k.lit) {
			panic("secrets: bad anchor for keyword " + k.lit)
		}
		if len(k.lit) < p.minLen {
			p.minLen = len(k.lit)
		}
		pair := uint16(k.lit[k.anchor])<<8 | uint16(k.lit[k.anchor+1])
		g := p.table[pair]
		if g == 0 {
			p.groups = append(p.groups, nil)
			g = uint8(len(p.groups) - 1)
			p.table[pair] = g
		}
		p.groups[g] = append(p.groups[g], anchorHit{kw: i, offset: k.anchor})
	}
	return p
}

// each calls fn(keyword index, start, end) for every occurrence, in order of
// anchor position.
func (p *prefilter) each(d []byte, fn func(kw, start, end int)) {
	n := len(d)
	if n < 2 {
		return
	}
	fold := &p.foldTab
	table := &p.table
	prev := uint16(fold[d[0]])
	for i := 1; i < n; i++ {
		cur := uint16(fold[d[i]])
		g := table[prev<<8|cur]
		prev = cur
		if g == 0 {
			continue
		}
		at := i - 1 // start of the anchor pair
		for _, h := range p.groups[g] {
			s := at - h.offset
			lit := p.kws[h.kw].lit
			e := s + len(lit)
			if s < 0 || e > n {
				continue
			}
			ok := true
			for j := 0; j < len(lit); j++ {
				if fold[d[s+j]] != lit[j] {
					ok = false
					break
				}
			}
			if ok {
				fn(h.kw, s, e)
			}
		}
	}
}
