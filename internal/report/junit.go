package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
)

// JUnit XML for CI test-report views (GitLab, Jenkins, Azure DevOps):
// one testsuite per rule and one testcase per rule x component, so a
// component that is fixed shows as a test that started passing.
//
// A testcase fails only for findings that fail the run (active and at or
// above the fail-on threshold), so the test report agrees with the exit
// code; active findings below the threshold are listed in the testcase's
// system-out. A testcase whose findings are all suppressed is skipped.
// Rules without findings appear as one passing testcase.

func init() {
	Register("junit", WriteJUnit)
	RegisterExtension(".junit.xml", "junit")
	RegisterExtension(".xml", "junit")
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Properties *junitPropsList `xml:"properties,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitPropsList struct {
	Props []junitProp `xml:"property"`
}

type junitProp struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// junitComponent names the thing a finding is about: Type:FullName for
// metadata, the file for secrets and anything without a component.
func junitComponent(f *finding.Finding) string {
	if f.ComponentType != "" {
		return f.ComponentType + ":" + f.ComponentName
	}
	return f.File
}

func junitLocation(f *finding.Finding) string {
	var b strings.Builder
	b.WriteString(f.File)
	if f.Line > 0 {
		fmt.Fprintf(&b, ":%d", f.Line)
		if f.Column > 0 {
			fmt.Fprintf(&b, ":%d", f.Column)
		}
	}
	return b.String()
}

// WriteJUnit writes the JUnit report.
func WriteJUnit(w io.Writer, r *Report) error {
	fails := func(f *finding.Finding) bool {
		return f.Suppressed == "" && f.Severity >= r.FailOn && f.Severity > finding.Info
	}

	byRule := map[string][]*finding.Finding{}
	for i := range r.Findings {
		f := &r.Findings[i]
		byRule[f.RuleID] = append(byRule[f.RuleID], f)
	}
	type ruleRef struct {
		ID, Title string
		Severity  finding.Severity
	}
	var rules []ruleRef
	seen := map[string]bool{}
	for _, rule := range r.Rules {
		if !seen[rule.ID] {
			seen[rule.ID] = true
			rules = append(rules, ruleRef{rule.ID, rule.Title, rule.Severity})
		}
	}
	for id, fs := range byRule {
		if !seen[id] {
			seen[id] = true
			rules = append(rules, ruleRef{id, fs[0].Title, fs[0].Severity})
		}
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })

	doc := junitSuites{Name: ciOrDefault(r.Tool, "sfguard"), Time: "0"}
	for _, rule := range rules {
		suite := junitSuite{Name: strings.TrimSpace(rule.ID + " " + rule.Title), Time: "0"}
		suite.Properties = &junitPropsList{Props: []junitProp{{"severity", rule.Severity.String()}}}
		fs := byRule[rule.ID]
		if len(fs) == 0 {
			suite.Cases = append(suite.Cases, junitCase{Name: "no findings", Classname: rule.ID, Time: "0"})
		}
		byComp := map[string][]*finding.Finding{}
		var comps []string
		for _, f := range fs {
			c := junitComponent(f)
			if _, ok := byComp[c]; !ok {
				comps = append(comps, c)
			}
			byComp[c] = append(byComp[c], f)
		}
		sort.Strings(comps)
		for _, c := range comps {
			suite.Cases = append(suite.Cases, junitCaseFor(rule.ID, c, byComp[c], fails))
		}
		for _, tc := range suite.Cases {
			suite.Tests++
			switch {
			case tc.Failure != nil:
				suite.Failures++
			case tc.Skipped != nil:
				suite.Skipped++
			}
		}
		doc.Suites = append(doc.Suites, suite)
	}

	if len(r.Diagnostics) > 0 {
		// Input and configuration problems make the run exit 2; a suite of
		// errors makes that visible in test views too.
		suite := junitSuite{Name: "sfguard diagnostics", Time: "0"}
		for _, d := range r.Diagnostics {
			loc := d.File
			if d.Line > 0 {
				loc = fmt.Sprintf("%s:%d", d.File, d.Line)
			}
			suite.Cases = append(suite.Cases, junitCase{
				Name: ciOrDefault(loc, "sfguard"), Classname: "sfguard.diagnostics", File: d.File, Line: d.Line, Time: "0",
				Error: &junitProblem{Message: d.Message, Type: "diagnostic", Text: d.Error()},
			})
			suite.Tests++
			suite.Errors++
		}
		doc.Suites = append(doc.Suites, suite)
	}

	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func junitCaseFor(ruleID, component string, fs []*finding.Finding, fails func(*finding.Finding) bool) junitCase {
	tc := junitCase{Name: component, Classname: ruleID, File: fs[0].File, Line: fs[0].Line, Time: "0"}
	var failing, below, suppressed []*finding.Finding
	for _, f := range fs {
		switch {
		case f.Suppressed != "":
			suppressed = append(suppressed, f)
		case fails(f):
			failing = append(failing, f)
		default:
			below = append(below, f)
		}
	}
	line := func(f *finding.Finding) string {
		s := fmt.Sprintf("%s: %s: %s", f.Severity, junitLocation(f), f.Message)
		if f.ElementPath != "" {
			s += " [" + f.ElementPath + "]"
		}
		if f.Suppressed != "" {
			s += " (suppressed: " + f.Suppressed + ")"
		}
		return s
	}
	var out []string
	if len(failing) > 0 {
		first := failing[0]
		tc.File, tc.Line = first.File, first.Line
		msg := first.Message
		if len(failing) > 1 {
			msg = fmt.Sprintf("%s (and %d more)", msg, len(failing)-1)
		}
		worst := first.Severity
		var text []string
		for _, f := range failing {
			if f.Severity > worst {
				worst = f.Severity
			}
			text = append(text, line(f))
		}
		tc.Failure = &junitProblem{Message: msg, Type: worst.String(), Text: strings.Join(text, "\n")}
	} else if len(below) == 0 {
		tc.Skipped = &junitSkipped{Message: suppressed[0].Suppressed}
	}
	for _, f := range below {
		out = append(out, line(f)+" (below the fail-on threshold)")
	}
	for _, f := range suppressed {
		if tc.Skipped == nil || len(suppressed) > 1 {
			out = append(out, line(f))
		}
	}
	tc.SystemOut = strings.Join(out, "\n")
	return tc
}
