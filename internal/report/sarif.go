package report

import (
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
	"unicode"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/sfguard/sfguard/internal/finding"
)

// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers, built with
// github.com/owenrumney/go-sarif (the library Trivy and tfsec use), whose
// typed model keeps the output inside the schema.
//
// GitHub turns properties["security-severity"] into the alert severity:
// >= 9.0 critical, >= 7.0 high, >= 4.0 medium, > 0 low. sfguard's
// severities map to the middle of those bands so a rounding change on
// GitHub's side cannot move a rule to another band: critical 9.5, high 8.0,
// medium 5.5, low 3.0, info 0.0.

func init() {
	Register("sarif", WriteSARIF)
	RegisterExtension(".sarif", "sarif")
	RegisterExtension(".sarif.json", "sarif")
}

// SARIFFingerprintKey is the partialFingerprints key of sfguard's semantic
// fingerprint.
const SARIFFingerprintKey = "sfguard/v1"

// sarifMaxTags is GitHub's limit on tags per rule.
const sarifMaxTags = 20

// SecuritySeverity is the numeric security-severity used in SARIF.
func SecuritySeverity(s finding.Severity) string {
	switch s {
	case finding.Critical:
		return "9.5"
	case finding.High:
		return "8.0"
	case finding.Medium:
		return "5.5"
	case finding.Low:
		return "3.0"
	}
	return "0.0"
}

// SARIFLevel is the SARIF level of a severity: error for critical and high,
// warning for medium and low, note for info.
func SARIFLevel(s finding.Severity) string {
	switch {
	case s >= finding.High:
		return sarif.LevelError
	case s >= finding.Low:
		return sarif.LevelWarning
	}
	return sarif.LevelNote
}

// WriteSARIF writes one SARIF run with the findings Report.Shown selects.
//
// Suppressed findings are left out unless ShowSuppressed is set: GitHub
// code scanning ignores result.suppressions and would open an alert for
// every suppressed or baselined finding. With --show-suppressed they are
// written with a suppressions entry (inSource for inline comments,
// external for the config file and baselines) for consumers that honour
// it. The run's properties always count them.
func WriteSARIF(w io.Writer, r *Report) error {
	log := sarif.NewReport()
	run := sarif.NewRunWithInformationURI(ciOrDefault(r.Tool, "sfguard"), "https://github.com/sfguard/sfguard")
	if r.Version != "" {
		v := r.Version
		run.Tool.Driver.Version = &v
		if sv := strings.TrimPrefix(v, "v"); sv != "" && sv[0] >= '0' && sv[0] <= '9' {
			run.Tool.Driver.SemanticVersion = &sv
		}
	}
	auto := sarif.NewRunAutomationDetails()
	autoID := "sfguard/"
	auto.ID = &autoID
	run.WithAutomationDetails(auto)

	index := map[string]int{}
	addRule := func(rule finding.Rule) {
		if _, ok := index[rule.ID]; ok {
			return
		}
		index[rule.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule(rule))
	}
	for _, rule := range r.Rules {
		addRule(rule)
	}
	// A finding whose rule was not passed in (which would be a pipeline
	// bug) still needs a descriptor: GitHub rejects results whose ruleId
	// is not in the run.
	for _, f := range r.Findings {
		if _, ok := index[f.RuleID]; !ok {
			addRule(finding.Rule{ID: f.RuleID, Title: f.Title, Severity: f.Severity, Kind: f.Kind})
		}
	}

	shown := r.Shown()
	for i := range shown {
		run.AddResult(sarifResult(&shown[i], index[shown[i].RuleID]))
	}
	runProps := sarif.NewPropertyBag()
	runProps.Add("sfguard/suppressed", r.SuppressedCount())
	run.WithProperties(runProps)

	inv := sarif.NewInvocation()
	ok := len(r.Diagnostics) == 0
	inv.ExecutionSuccessful = &ok
	for _, d := range r.Diagnostics {
		n := sarif.NewNotification()
		n.Level = sarif.LevelError
		n.Message = sarifText(d.Message)
		if d.File != "" {
			loc := sarif.NewLocation()
			loc.PhysicalLocation = sarifPhysical(d.File, d.Line, d.Column)
			n.Locations = append(n.Locations, loc)
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, note := range r.Notes {
		n := sarif.NewNotification()
		n.Level = sarif.LevelWarning
		if note.Level == NoteInfo {
			n.Level = sarif.LevelNote
		}
		n.Message = sarifText(note.String())
		if note.File != "" {
			loc := sarif.NewLocation()
			loc.PhysicalLocation = sarifPhysical(note.File, note.Line, note.Column)
			n.Locations = append(n.Locations, loc)
		}
		inv.ToolConfigurationNotifications = append(inv.ToolConfigurationNotifications, n)
	}
	run.AddInvocation(inv)

	log.AddRun(run)
	return log.PrettyWrite(w)
}

func sarifRule(rule finding.Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(rule.ID)
	name := sarifRuleName(rule)
	d.Name = &name
	title := ciOrDefault(rule.Title, rule.ID)
	d.WithShortDescription(sarif.NewMultiformatMessageString().WithText(title))
	d.WithFullDescription(sarif.NewMultiformatMessageString().WithText(ciOrDefault(strings.TrimSpace(rule.Description), title)))
	d.WithHelp(sarif.NewMultiformatMessageString().WithText(sarifHelpText(rule)).WithMarkdown(sarifHelpMarkdown(rule)))
	for _, ref := range rule.References {
		if strings.HasPrefix(ref, "https://") || strings.HasPrefix(ref, "http://") {
			d.WithHelpURI(ref)
			break
		}
	}
	cfg := sarif.NewReportingConfiguration()
	cfg.Level = SARIFLevel(rule.Severity)
	d.WithDefaultConfiguration(cfg)

	props := sarif.NewPropertyBag()
	props.Tags = sarifTags(rule)
	props.Add("security-severity", SecuritySeverity(rule.Severity))
	props.Add("severity", rule.Severity.String())
	if rule.Kind != "" {
		props.Add("kind", string(rule.Kind))
	}
	if len(rule.Types) > 0 {
		props.Add("types", rule.Types)
	}
	props.Add("precision", "high")
	d.WithProperties(props)
	return d
}

// sarifRuleName makes a PascalCase identifier from the title, the form
// SARIF viewers expect in reportingDescriptor.name.
func sarifRuleName(rule finding.Rule) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(rule.Title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		rs := []rune(w)
		rs[0] = unicode.ToUpper(rs[0])
		b.WriteString(string(rs))
	}
	if b.Len() == 0 {
		return strings.NewReplacer("-", "").Replace(rule.ID)
	}
	return b.String()
}

func sarifTags(rule finding.Rule) []string {
	tags := []string{"security"}
	seen := map[string]bool{"security": true}
	for _, t := range rule.Tags {
		t = strings.TrimSpace(t)
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		tags = append(tags, t)
	}
	if len(tags) > sarifMaxTags {
		tags = tags[:sarifMaxTags]
	}
	return tags
}

func sarifHelpText(rule finding.Rule) string {
	var b strings.Builder
	b.WriteString(ciOrDefault(strings.TrimSpace(rule.Description), rule.Title))
	if rem := strings.TrimSpace(rule.Remediation); rem != "" {
		b.WriteString("\n\nRemediation: " + rem)
	}
	if len(rule.References) > 0 {
		b.WriteString("\n\nReferences:")
		for _, ref := range rule.References {
			b.WriteString("\n- " + ref)
		}
	}
	return b.String()
}

func sarifHelpMarkdown(rule finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s, severity %s)\n\n", ciMDInline(ciOrDefault(rule.Title, rule.ID)), rule.ID, rule.Severity)
	if d := strings.TrimSpace(rule.Description); d != "" {
		b.WriteString(d + "\n\n")
	}
	if rem := strings.TrimSpace(rule.Remediation); rem != "" {
		b.WriteString("### Remediation\n\n" + rem + "\n\n")
	}
	if len(rule.Types) > 0 {
		b.WriteString("Applies to: " + strings.Join(rule.Types, ", ") + "\n\n")
	}
	for _, ex := range []struct{ key, label string }{{"fail", "Fails"}, {"pass", "Passes"}} {
		if x := strings.TrimSpace(rule.Examples[ex.key]); x != "" {
			fmt.Fprintf(&b, "### %s\n\n```xml\n%s\n```\n\n", ex.label, x)
		}
	}
	if len(rule.References) > 0 {
		b.WriteString("### References\n\n")
		for _, ref := range rule.References {
			b.WriteString("- " + ref + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func sarifResult(f *finding.Finding, ruleIndex int) *sarif.Result {
	res := sarif.NewRuleResult(f.RuleID).WithRuleIndex(ruleIndex).WithLevel(SARIFLevel(f.Severity))
	file, inner := SplitArchivePath(f.File)
	msg := f.Message
	if msg == "" {
		msg = ciOrDefault(f.Title, f.RuleID)
	}
	line, col := f.Line, f.Column
	if inner != "" {
		// GitHub can only point into files in the repository, so the
		// archive is the location and the member goes into the message.
		msg += fmt.Sprintf(" (in %s of %s, line %d)", inner, file, f.Line)
		line, col = 1, 0
	}
	res.WithMessage(sarifText(msg))
	loc := sarif.NewLocation()
	loc.PhysicalLocation = sarifPhysical(file, line, col)
	res.AddLocation(loc)

	fp := f.Fingerprint
	if fp == "" {
		fp = finding.Fingerprint(f)
	}
	res.WithPartialFingerprints(map[string]string{SARIFFingerprintKey: fp})

	for i, rel := range f.Related {
		rf, rinner := SplitArchivePath(rel.File)
		rl := sarif.NewLocation()
		rl.ID = i + 1
		rline, rcol := rel.Line, rel.Column
		text := rel.ElementPath
		if rinner != "" {
			text = strings.TrimSpace(text + " in " + rinner)
			rline, rcol = 1, 0
		}
		rl.PhysicalLocation = sarifPhysical(rf, rline, rcol)
		if text != "" {
			rl.Message = sarifText(text)
		}
		res.AddRelatedLocation(rl)
	}

	if f.Suppressed != "" {
		s := sarif.NewSuppression()
		kind := "external"
		if strings.HasPrefix(f.Suppressed, "inline:") {
			kind = "inSource"
		}
		just := f.Suppressed
		status := "accepted"
		s.Kind = &kind
		s.Justification = &just
		s.Status = &status
		res.AddSuppression(s)
	}

	props := sarif.NewPropertyBag()
	props.Add("severity", f.Severity.String())
	if f.Kind != "" {
		props.Add("kind", string(f.Kind))
	}
	if f.ComponentType != "" {
		props.Add("componentType", f.ComponentType)
		props.Add("componentName", f.ComponentName)
	}
	if f.ElementPath != "" {
		props.Add("elementPath", f.ElementPath)
	}
	if inner != "" {
		props.Add("archiveMember", inner)
	}
	if f.Secret != nil {
		// Only the redacted form: the raw value never leaves the detector.
		props.Add("secret", map[string]any{"redacted": f.Secret.Redacted, "length": f.Secret.Length})
	}
	if f.Commit != nil {
		props.Add("commit", f.Commit.SHA)
	}
	res.WithProperties(props)
	return res
}

func sarifPhysical(file string, line, col int) *sarif.PhysicalLocation {
	al := sarif.NewArtifactLocation()
	uri, relative := sarifURI(file)
	al.URI = &uri
	if relative {
		base := "%SRCROOT%"
		al.URIBaseID = &base
	}
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(al)
	// GitHub rejects results without region.startLine; file-level findings
	// (a committed key file) point at line 1.
	if line < 1 {
		line, col = 1, 0
	}
	reg := sarif.NewRegion()
	reg.StartLine = &line
	if col > 0 {
		reg.StartColumn = &col
	}
	pl.WithRegion(reg)
	return pl
}

// sarifURI percent-encodes a display path into a URI reference. Relative
// paths stay relative (resolved against %SRCROOT%); absolute ones become
// file URIs.
func sarifURI(p string) (string, bool) {
	p = strings.ReplaceAll(p, "\\", "/")
	abs := strings.HasPrefix(p, "/")
	if len(p) > 2 && p[1] == ':' && p[2] == '/' { // C:/...
		abs = true
		p = "/" + p
	}
	p = strings.TrimPrefix(path.Clean(p), "./")
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
		// A colon in the first segment of a relative reference would read as a scheme.
		if i == 0 && !abs {
			segs[i] = strings.ReplaceAll(segs[i], ":", "%3A")
		}
	}
	u := strings.Join(segs, "/")
	if abs {
		return "file://" + u, false
	}
	return u, true
}

func sarifText(s string) *sarif.Message {
	m := sarif.NewMessage()
	m.Text = &s
	return m
}

// SplitArchivePath splits "archive.zip!/inner/path" into the archive and
// the member path; inner is "" for ordinary files.
func SplitArchivePath(p string) (file, inner string) {
	if i := strings.Index(p, "!/"); i > 0 {
		return p[:i], p[i+2:]
	}
	return p, ""
}

func ciOrDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// mdInline escapes characters that Markdown or GitHub's HTML sanitizer
// would interpret in running text.
func ciMDInline(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]")
	return r.Replace(s)
}
