// Package access is the access matrix: who can get into the org, from
// where, with what. The matrix itself is computed in Rego (the
// sfguard.access document beside the SFG-PATH rules, rules/paths/access.rego)
// from the same org input, helpers and rule verdicts as the findings; this
// package only decodes it, places its references on file lines and sorts
// and prints it. The JSON layout is documented in docs/access.md.
package access

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
)

// SchemaVersion is the version of the JSON layout (docs/access.md). Within a
// version fields are only added.
const SchemaVersion = "1"

// Query is the Rego document the matrix is read from.
const Query = "data.sfguard.access.matrix"

// Matrix is the whole access matrix.
type Matrix struct {
	Schema          string      `json:"schema"`
	SchemaVersion   string      `json:"schemaVersion"`
	Tool            string      `json:"tool"`
	Version         string      `json:"version"`
	TrustedIPRanges []Range     `json:"trustedIpRanges"`
	Principals      []Principal `json:"principals"`
	Apps            []App       `json:"apps"`
}

// Range is one IP range: a trusted range of the org or a login range.
type Range struct {
	Start       string `json:"start"`
	End         string `json:"end"`
	Description string `json:"description,omitempty"`
	Addresses   int64  `json:"addresses"`
	// Public is false for private, CGNAT and unreadable ranges, which never
	// match the address Salesforce sees.
	Public bool `json:"public"`
	// Broad is set for public ranges at least as large as SFG-PATH-001's
	// broad_range_addresses parameter.
	Broad    bool             `json:"broad"`
	Ref      *ref             `json:"at,omitempty"`
	Location finding.Location `json:"location"`
}

// RangeSet is a principal's own login IP ranges.
type RangeSet struct {
	// Class is none, broad, specific, or "from the profile" for permission
	// sets and groups.
	Class     string  `json:"class"`
	Ranges    []Range `json:"ranges"`
	Addresses int64   `json:"addresses"`
}

// Member is a permission set of a group.
type Member struct {
	Name   string `json:"name"`
	InScan bool   `json:"inScan"`
}

// Principal is a profile, permission set or permission set group.
type Principal struct {
	Kind        string   `json:"kind"`
	Name        string   `json:"name"`
	Label       string   `json:"label"`
	Document    string   `json:"document"`
	License     string   `json:"license"`
	Custom      bool     `json:"custom"`
	APIEnabled  bool     `json:"apiEnabled"`
	APIOnly     bool     `json:"apiOnly"`
	MFAWaived   bool     `json:"mfaWaived"`
	AdminPowers []string `json:"adminPowers"`
	AdminLike   bool     `json:"adminLike"`
	LoginRanges RangeSet `json:"loginIpRanges"`
	Members     []Member `json:"members,omitempty"`
	Ways        []Way    `json:"ways"`
	// Worst is the severity of the worst way in; nil without ways in.
	Worst *finding.Severity `json:"worst"`
}

// Way is one way into the org for one principal.
type Way struct {
	// Kind is password, password+token, ui-password or oauth.
	Kind    string `json:"kind"`
	How     string `json:"how"`
	App     string `json:"app,omitempty"`
	AppKind string `json:"appKind,omitempty"`
	From    string `json:"from"`
	// Addresses counts the addresses the way works from: -1 anywhere, -2
	// decided by the holder's profile.
	Addresses int64            `json:"addresses"`
	Lasts     string           `json:"lasts"`
	Summary   string           `json:"summary"`
	Severity  finding.Severity `json:"severity"`
	// Rule is the SFG-PATH rule that reports this way in, if any; Location
	// is then that finding's location.
	Rule     string           `json:"rule,omitempty"`
	Ref      *ref             `json:"at,omitempty"`
	Location finding.Location `json:"location"`
}

// Switch is an app setting read from metadata.
type Switch struct {
	Value   bool   `json:"value"`
	As      string `json:"as"`
	Default bool   `json:"default"`
}

// Refresh is an app's refresh token policy.
type Refresh struct {
	Kind    string `json:"kind"`
	Raw     string `json:"raw"`
	Default bool   `json:"default"`
	Text    string `json:"text"`
}

// IPRelaxation is an app's IP relaxation policy.
type IPRelaxation struct {
	Raw     string `json:"raw"`
	Mode    string `json:"mode"`
	Default bool   `json:"default"`
	Text    string `json:"text"`
}

// App is a connected app or external client app with OAuth.
type App struct {
	Kind            string           `json:"kind"`
	Name            string           `json:"name"`
	Label           string           `json:"label"`
	Document        string           `json:"document"`
	SelfAuthorized  bool             `json:"selfAuthorized"`
	PermittedUsers  string           `json:"permittedUsers"`
	Who             string           `json:"who"`
	Profiles        []string         `json:"profiles"`
	PermissionSets  []string         `json:"permissionSets"`
	Scopes          []string         `json:"scopes"`
	Flows           []string         `json:"flows"`
	RefreshToken    Refresh          `json:"refreshToken"`
	IPRelaxation    IPRelaxation     `json:"ipRelaxation"`
	PKCE            Switch           `json:"pkce"`
	SecretWebServer Switch           `json:"secretWebServer"`
	SecretRefresh   Switch           `json:"secretRefresh"`
	Summary         string           `json:"summary"`
	Severity        finding.Severity `json:"severity"`
	Ref             *ref             `json:"at,omitempty"`
	Location        finding.Location `json:"location"`
}

// ref is a Rego element reference, resolved to a Location after decoding.
type ref struct {
	Document string `json:"document"`
	Element  []any  `json:"element"`
}

// FromRego decodes the value of Query evaluated over docs (the pipeline
// evaluates it: policy.Engine.QueryOrg), places its references on the lines
// of docs and sorts it.
func FromRego(v any, docs []*model.Document) (*Matrix, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("access matrix: %w", err)
	}
	m := &Matrix{Schema: "sfguard-access", SchemaVersion: SchemaVersion}
	if err := json.Unmarshal(b, m); err != nil {
		return nil, fmt.Errorf("access matrix: decoding: %w", err)
	}
	byPath := make(map[string]*model.Document, len(docs))
	for _, d := range docs {
		byPath[d.Path] = d
	}
	m.place(byPath)
	m.sort()
	return m, nil
}

// place turns every element reference into a file location.
func (m *Matrix) place(byPath map[string]*model.Document) {
	at := func(r **ref, loc *finding.Location) {
		if *r == nil {
			return
		}
		*loc = locate(byPath, **r)
		*r = nil
	}
	for i := range m.TrustedIPRanges {
		at(&m.TrustedIPRanges[i].Ref, &m.TrustedIPRanges[i].Location)
	}
	for i := range m.Principals {
		p := &m.Principals[i]
		for j := range p.LoginRanges.Ranges {
			at(&p.LoginRanges.Ranges[j].Ref, &p.LoginRanges.Ranges[j].Location)
		}
		for j := range p.Ways {
			at(&p.Ways[j].Ref, &p.Ways[j].Location)
		}
		if p.Ways == nil {
			p.Ways = []Way{}
		}
	}
	for i := range m.Apps {
		at(&m.Apps[i].Ref, &m.Apps[i].Location)
	}
}

func locate(byPath map[string]*model.Document, r ref) finding.Location {
	loc := finding.Location{File: r.Document}
	d := byPath[r.Document]
	if d == nil {
		return loc
	}
	path := make([]any, 0, len(r.Element))
	for _, x := range r.Element {
		switch t := x.(type) {
		case float64:
			path = append(path, int(t))
		case json.Number:
			if i, err := t.Int64(); err == nil {
				path = append(path, int(i))
			}
		case string:
			path = append(path, t)
		}
	}
	n, xpath, _ := d.Resolve(path)
	loc.ElementPath = xpath
	if n != nil {
		loc.Line, loc.Column = n.Line, n.Col
	}
	return loc
}

var kindOrder = map[string]int{"Profile": 0, "Permission set": 1, "Permission set group": 2}

// sort puts the worst first: principals by their worst way in, ways by
// severity with the ones a path rule reports first, apps by severity.
func (m *Matrix) sort() {
	for i := range m.Principals {
		SortWays(m.Principals[i].Ways)
	}
	sort.SliceStable(m.Principals, func(i, j int) bool {
		a, b := &m.Principals[i], &m.Principals[j]
		if wa, wb := worst(a), worst(b); wa != wb {
			return wa > wb
		}
		if kindOrder[a.Kind] != kindOrder[b.Kind] {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		return a.Name < b.Name
	})
	sort.SliceStable(m.Apps, func(i, j int) bool {
		a, b := &m.Apps[i], &m.Apps[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Name < b.Name
	})
	sort.SliceStable(m.TrustedIPRanges, func(i, j int) bool {
		a, b := &m.TrustedIPRanges[i], &m.TrustedIPRanges[j]
		if a.Location.File != b.Location.File {
			return a.Location.File < b.Location.File
		}
		return a.Location.Line < b.Location.Line
	})
}

func worst(p *Principal) int {
	if p.Worst == nil {
		return -1
	}
	return int(*p.Worst)
}

// SortWays orders ways worst first; a way a rule reports comes before an
// equally severe one no rule reports.
func SortWays(ws []Way) {
	sort.SliceStable(ws, func(i, j int) bool { return wayLess(&ws[i], &ws[j]) })
}

func wayLess(a, b *Way) bool {
	if a.Severity != b.Severity {
		return a.Severity > b.Severity
	}
	if (a.Rule != "") != (b.Rule != "") {
		return a.Rule != ""
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return a.How < b.How
}

// Entry is one way in with its principal, for flat listings.
type Entry struct {
	Principal *Principal
	Way       *Way
}

// Entries lists every way in of every principal, worst first.
func (m *Matrix) Entries() []Entry {
	var out []Entry
	for i := range m.Principals {
		p := &m.Principals[i]
		for j := range p.Ways {
			out = append(out, Entry{Principal: p, Way: &p.Ways[j]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Way.Severity != b.Way.Severity || (a.Way.Rule != "") != (b.Way.Rule != "") {
			return wayLess(a.Way, b.Way)
		}
		if a.Principal.Name != b.Principal.Name {
			return a.Principal.Name < b.Principal.Name
		}
		return wayLess(a.Way, b.Way)
	})
	return out
}
