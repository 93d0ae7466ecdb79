package report

import (
	"crypto/sha256"
	_ "embed" // the page's template, style sheet and script
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/sfguard/sfguard/internal/access"
	"github.com/sfguard/sfguard/internal/finding"
)

// The HTML report is one self-contained file an admin can e-mail: inline
// CSS, a small script that only filters and sorts (every finding is a
// <details> element, so the page reads the same with scripts off), no
// fonts, images or requests, and a Content-Security-Policy that allows only
// its own inline style and script (by hash) so that nothing in the scanned
// metadata can make it load anything.

//go:embed html.tmpl
var htmlTemplate string

//go:embed html.css
var htmlCSS string

//go:embed html.js
var htmlJS string

func init() {
	Register("html", writeHTML)
	RegisterExtension(".html", "html")
	RegisterExtension(".htm", "html")
}

// page is parsed on first use: parsing it at package init was 0.3 ms of
// every command's start-up (GODEBUG=inittrace=1, issue 14), and only the
// html format uses it.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"sev":   func(s finding.Severity) string { return s.String() },
		"join":  strings.Join,
		"plusN": func(a, b int) int { return a + b },
		"addr":  addresses,
	}).Parse(htmlTemplate))
})

func writeHTML(w io.Writer, r *Report) error {
	if r.Audit != nil {
		// The findings were escaped by prepare; the audit data (file names,
		// snippet lines, component names in the matrix) comes from the same
		// scanned tree and is escaped the same way, on a copy.
		c := *r
		a, err := escapedAudit(r.Audit)
		if err != nil {
			return err
		}
		c.Audit = a
		r = &c
	}
	return page().Execute(w, buildView(r))
}

// escapedAudit deep-copies a (through JSON, which the matrix already
// round-trips) and escapes every string in it with EscapeLine.
func escapedAudit(a *Audit) (*Audit, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	var c Audit
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, err
	}
	escapeStrings(reflect.ValueOf(&c).Elem())
	return &c, nil
}

func escapeStrings(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(EscapeLine(v.String()))
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			escapeStrings(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				escapeStrings(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			escapeStrings(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			escapeStrings(e)
			nk := k
			if k.Kind() == reflect.String {
				nk = reflect.ValueOf(EscapeLine(k.String())).Convert(k.Type())
				v.SetMapIndex(k, reflect.Value{})
			}
			v.SetMapIndex(nk, e)
		}
	}
}

// view is everything the template shows, computed here so that the
// template stays a layout.
type view struct {
	Tool, Version string
	Audit         *Audit
	Rules         []finding.Rule
	Stats         Stats
	Counts        []sevCount
	Suppressed    int
	Areas         []area
	Health        []healthRow
	Access        *access.Matrix
	Ways          []wayRow
	Findings      []findingView
	Exceptions    []findingView
	Diagnostics   []finding.Diagnostic
	Notes         []Note
	AreaNames     []string
	RuleIDs       []string
	TypeNames     []string
	CSS           template.CSS
	JS            template.JS
	CSP           string
}

type sevCount struct {
	Name string
	N    int
}

type area struct {
	Name     string
	Rules    int
	Counts   []sevCount
	Worst    string
	Status   string
	Findings int
}

type healthRow struct {
	Setting, Rule, Status, Class string
}

type wayRow struct {
	Principal *access.Principal
	Way       *access.Way
	Anchor    string
}

type findingView struct {
	finding.Finding
	ID        string
	Area      string
	Rule      finding.Rule
	Snippet   *Snippet
	Chain     []chainLink
	Exception *Exception
}

type chainLink struct {
	finding.Location
	Snippet *Snippet
	ID      string
}

func buildView(r *Report) *view {
	v := &view{Tool: r.Tool, Version: r.Version, Audit: r.Audit, Rules: r.Rules, Stats: r.Stats,
		Diagnostics: r.Diagnostics, Notes: r.Notes, Suppressed: r.SuppressedCount()}
	if v.Audit == nil {
		v.Audit = &Audit{}
	}
	v.Access = v.Audit.Access
	c := r.CountBySeverity()
	for s := finding.Critical; s >= finding.Info; s-- {
		v.Counts = append(v.Counts, sevCount{s.String(), c[s]})
	}
	rules := map[string]finding.Rule{}
	for _, ru := range r.Rules {
		rules[ru.ID] = ru
	}
	areas, types, ruleIDs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	anchors := map[string]string{}
	for i, f := range r.Findings {
		fv := findingView{Finding: f, ID: fmt.Sprintf("f%d", i+1), Rule: rules[f.RuleID], Area: areaOf(rules[f.RuleID], f)}
		if sn, ok := v.Audit.Snippets[SnippetKey(f.File, f.Line)]; ok {
			fv.Snippet = &sn
		}
		for j, l := range f.Related {
			link := chainLink{Location: l, ID: fmt.Sprintf("%s-r%d", fv.ID, j+1)}
			if sn, ok := v.Audit.Snippets[SnippetKey(l.File, l.Line)]; ok {
				link.Snippet = &sn
			}
			fv.Chain = append(fv.Chain, link)
		}
		if f.Suppressed != "" {
			e, ok := v.Audit.Exceptions[f.Fingerprint]
			if !ok {
				e = Exception{Kind: "other", Reason: f.Suppressed}
			}
			fv.Exception = &e
			v.Exceptions = append(v.Exceptions, fv)
			continue
		}
		anchors[fmt.Sprintf("%s|%s|%d|%d", f.RuleID, f.File, f.Line, f.Column)] = fv.ID
		v.Findings = append(v.Findings, fv)
		areas[fv.Area], types[typeOf(f)], ruleIDs[f.RuleID] = true, true, true
	}
	sortFindings(v.Findings)
	v.AreaNames, v.TypeNames, v.RuleIDs = keys(areas), keys(types), keys(ruleIDs)
	v.Areas = posture(r, rules)
	v.Health = health(r, v.Audit.Types)
	if v.Access != nil {
		for _, e := range v.Access.Entries() {
			l := e.Way.Location
			v.Ways = append(v.Ways, wayRow{Principal: e.Principal, Way: e.Way,
				Anchor: anchors[fmt.Sprintf("%s|%s|%d|%d", e.Way.Rule, l.File, l.Line, l.Column)]})
		}
	}
	v.CSS, v.JS = template.CSS(htmlCSS), template.JS(htmlJS)
	v.CSP = fmt.Sprintf("default-src 'none'; style-src '%s'; script-src '%s'; img-src data:; base-uri 'none'; form-action 'none'", hash(htmlCSS), hash(htmlJS))
	return v
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// sortFindings puts the worst first, then by file and line (the pipeline's
// order within a severity).
func sortFindings(fs []findingView) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func typeOf(f finding.Finding) string {
	if f.Kind == finding.KindSecret {
		return "Credential"
	}
	if f.ComponentType == "" {
		return "(file)"
	}
	return f.ComponentType
}

// Areas by the rule pack's folders (rules/<group>/), as the admin reads
// them.
var areaNames = map[string]string{
	"apps":        "Connected apps",
	"org":         "OAuth org settings",
	"paths":       "Access paths",
	"network":     "Network",
	"session":     "Sessions",
	"password":    "Passwords",
	"permissions": "Permissions",
	"secrets":     "Credentials",
	"web":         "Web security",
	"delta":       "Changes in this PR",
	"sso":         "Single sign-on",
}

func areaOf(ru finding.Rule, f finding.Finding) string {
	if f.Kind == finding.KindSecret || ru.Kind == finding.KindSecret {
		return "Credentials"
	}
	parts := strings.Split(strings.TrimPrefix(ru.Package, "data."), ".")
	if len(parts) >= 3 && parts[0] == "sfguard" && parts[1] == "rules" {
		if n, ok := areaNames[parts[2]]; ok {
			return n
		}
		return parts[2]
	}
	if ru.Source != "" && ru.Source != "builtin" {
		return "Custom rules"
	}
	return "Other"
}

// posture counts active findings per area over the rules that ran.
func posture(r *Report, rules map[string]finding.Rule) []area {
	by := map[string]*area{}
	get := func(name string) *area {
		if a := by[name]; a != nil {
			return a
		}
		a := &area{Name: name}
		by[name] = a
		return a
	}
	counts := map[string]*[finding.Critical + 1]int{}
	for _, ru := range r.Rules {
		get(areaOf(ru, finding.Finding{Kind: ru.Kind})).Rules++
	}
	for _, f := range r.Findings {
		if f.Suppressed != "" {
			continue
		}
		name := areaOf(rules[f.RuleID], f)
		a := get(name)
		a.Findings++
		if counts[name] == nil {
			counts[name] = &[finding.Critical + 1]int{}
		}
		counts[name][f.Severity]++
	}
	var out []area
	for _, name := range sortedAreaKeys(by) {
		a := by[name]
		a.Status, a.Worst = "no findings", "none"
		if c := counts[name]; c != nil {
			for s := finding.Critical; s >= finding.Info; s-- {
				if c[s] > 0 {
					a.Counts = append(a.Counts, sevCount{s.String(), c[s]})
					if a.Worst == "none" {
						a.Worst = s.String()
					}
				}
			}
			a.Status = "worst: " + a.Worst
		}
		out = append(out, *a)
	}
	return out
}

func sortedAreaKeys(m map[string]*area) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// health lists the Health Check settings the rules cover (tags
// health-check:Group.setting) and how each stands in this scan.
func health(r *Report, types map[string]int) []healthRow {
	active, suppressed := map[string]int{}, map[string]int{}
	for _, f := range r.Findings {
		if f.Suppressed == "" {
			active[f.RuleID]++
		} else {
			suppressed[f.RuleID]++
		}
	}
	var out []healthRow
	for _, ru := range r.Rules {
		for _, t := range ru.Tags {
			setting, ok := strings.CutPrefix(t, "health-check:")
			if !ok {
				continue
			}
			row := healthRow{Setting: setting, Rule: ru.ID}
			switch {
			case active[ru.ID] > 0:
				row.Status, row.Class = fmt.Sprintf("fails (%d %s)", active[ru.ID], plural(active[ru.ID], "finding", "findings")), "fail"
			case suppressed[ru.ID] > 0:
				row.Status, row.Class = "fails, accepted (suppressed)", "accepted"
			case inScan(ru, types):
				row.Status, row.Class = "passes", "pass"
			default:
				row.Status, row.Class = "not in the scan (no "+strings.Join(ru.Types, ", ")+")", "unknown"
			}
			out = append(out, row)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Setting < out[j].Setting })
	return out
}

func inScan(ru finding.Rule, types map[string]int) bool {
	for _, t := range ru.Types {
		if types[t] > 0 {
			return true
		}
	}
	return false
}

// addresses says how many addresses a way works from.
func addresses(n int64) string {
	switch n {
	case -1:
		return "any address"
	case -2:
		return "the holder's profile decides"
	}
	return fmt.Sprintf("%d addresses", n)
}
