package suppress

import (
	"fmt"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
)

// Directive is the marker that starts an inline suppression comment.
const Directive = "sfguard-ignore"

// ParseInline reads an XML comment such as
//
//	<!-- sfguard-ignore SFG-CA-001, SFG-CA-004: vendor app, retired in Q3 -->
//
// The comment may be given with or without the <!-- --> delimiters. ok is
// true when the comment is an sfguard-ignore directive at all; a directive
// with no rule ids or no reason comes back with ok true and an empty rules
// or reason, and must be reported with InlineProblem instead of honoured.
func ParseInline(comment string) (rules []string, reason string, ok bool) {
	c := strings.TrimSpace(comment)
	c = strings.TrimPrefix(c, "<!--")
	c = strings.TrimSuffix(c, "-->")
	c = strings.TrimSpace(c)
	if !strings.HasPrefix(c, Directive) {
		return nil, "", false
	}
	rest := c[len(Directive):]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != ':' && rest[0] != '\n' && rest[0] != '\r' {
		return nil, "", false // e.g. "sfguard-ignored", not our directive
	}
	ids := rest
	if i := strings.Index(rest, ":"); i >= 0 {
		ids, reason = rest[:i], strings.TrimSpace(rest[i+1:])
		reason = strings.Join(strings.Fields(reason), " ")
	}
	rules = append(rules, strings.FieldsFunc(ids, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })...)
	return rules, reason, true
}

// InlineProblem explains what is wrong with an sfguard-ignore comment, or
// returns "" when the comment is a valid directive or not a directive.
// Inline reports them as input errors at the comment's element.
func InlineProblem(comment string) string {
	rules, reason, ok := ParseInline(comment)
	switch {
	case !ok:
		return ""
	case len(rules) == 0:
		return "sfguard-ignore comment names no rule id (write <!-- sfguard-ignore RULE-ID: reason -->)"
	case reason == "":
		return fmt.Sprintf("sfguard-ignore %s has no reason; it is not applied (write <!-- sfguard-ignore %s: reason -->)",
			strings.Join(rules, ", "), strings.Join(rules, ", "))
	}
	return ""
}

// MarkInline applies the valid sfguard-ignore directives among comments
// (the comments standing directly before the element the finding points
// at) to the finding: when one names the finding's rule, Suppressed becomes
// "inline: <reason>". It reports whether the finding was suppressed.
// Already-suppressed findings are left alone.
func MarkInline(f *finding.Finding, comments []string) bool {
	if f.Suppressed != "" {
		return false
	}
	for _, c := range comments {
		rules, reason, ok := ParseInline(c)
		if !ok || reason == "" {
			continue
		}
		for _, id := range rules {
			if strings.EqualFold(id, f.RuleID) {
				f.Suppressed = InlinePrefix + reason
				return true
			}
		}
	}
	return false
}

// Issue is a problem with an sfguard-ignore comment, placed at the element
// the comment stands before (or trails, or ends).
type Issue struct {
	File         string
	Line, Column int
	Message      string
	// Invalid marks a directive that cannot be honoured at all (no rule
	// id, no reason): an input error, since its author believes it works.
	// The others (an unknown rule id, a comment in a place where it
	// applies to nothing) are warnings.
	Invalid bool
}

// Inline applies the sfguard-ignore comments in docs to the metadata
// findings about them: a valid directive standing directly before the
// element a finding points at, or before one of its ancestors, suppresses
// the rules it names there. It also lists what is wrong with every
// directive in docs. known reports whether a rule id is loaded. The input
// slice is not modified.
func Inline(findings []finding.Finding, docs []*model.Document, known func(ruleID string) bool) ([]finding.Finding, []Issue) {
	byPath := make(map[string]*model.Document, len(docs))
	var issues []Issue
	for _, d := range docs {
		byPath[d.Path] = d
		if d.Root != nil {
			issues = append(issues, documentIssues(d, d.Root, known)...)
		}
	}
	out := make([]finding.Finding, len(findings))
	copy(out, findings)
	for i := range out {
		f := &out[i]
		d := byPath[f.File]
		if d == nil || f.Kind == finding.KindSecret {
			continue
		}
		nodes := d.Ancestry(f.ElementPath)
		for j := len(nodes) - 1; j >= 0; j-- {
			if MarkInline(f, nodes[j].Comments) {
				break
			}
		}
	}
	return out, issues
}

func documentIssues(d *model.Document, n *model.Node, known func(string) bool) []Issue {
	var out []Issue
	at := func(msg string, invalid bool) {
		out = append(out, Issue{File: d.Path, Line: n.Line, Column: n.Col, Message: msg, Invalid: invalid})
	}
	for _, c := range n.Comments {
		if p := InlineProblem(c); p != "" {
			at(p, true)
			continue
		}
		rules, _, _ := ParseInline(c)
		for _, id := range rules {
			if !known(id) {
				at(fmt.Sprintf("sfguard-ignore names %s, which is not a loaded rule; it suppresses nothing (misspelt? 'sfguard rules' lists the ids)", id), false)
			}
		}
	}
	for _, c := range n.Trailing {
		if rules, _, ok := ParseInline(c); ok {
			at(fmt.Sprintf("sfguard-ignore %s trails <%s> on its line and suppresses nothing; write it on its own line directly before the element", strings.Join(rules, ", "), n.Name), false)
		}
	}
	for _, c := range n.Dangling {
		if rules, _, ok := ParseInline(c); ok {
			at(fmt.Sprintf("sfguard-ignore %s comes after the last element inside <%s>, before no element, and suppresses nothing; write it on its own line directly before the element", strings.Join(rules, ", "), n.Name), false)
		}
	}
	for _, c := range n.Children {
		out = append(out, documentIssues(d, c, known)...)
	}
	return out
}
