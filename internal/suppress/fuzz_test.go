package suppress

import (
	"strings"
	"testing"

	"github.com/sfguard/sfguard/internal/finding"
)

// FuzzParseInline: whatever the comment, a directive yields clean rule ids
// (no separators, never empty) and a normalised reason, InlineProblem and
// MarkInline agree with ParseInline, and only a directive with ids and a
// reason suppresses.
func FuzzParseInline(f *testing.F) {
	for _, s := range []string{
		"<!-- sfguard-ignore SFG-CA-001, SFG-CA-004: vendor app, retired in Q3 -->",
		"sfguard-ignore SFG-CA-001",
		"sfguard-ignore: no ids",
		"sfguard-ignored SFG-CA-001: x",
		"  <!--sfguard-ignore\tSFG-X-1 ,, SFG-X-2 :  two\n reasons  -->",
		"sfguard-ignore SFG-A-1: a: b",
		"",
	} {
		f.Add(s, "SFG-CA-001")
	}
	f.Fuzz(func(t *testing.T, comment, ruleID string) {
		rules, reason, ok := ParseInline(comment)
		if !ok && (len(rules) > 0 || reason != "") {
			t.Fatalf("not a directive but rules %q reason %q", rules, reason)
		}
		for _, r := range rules {
			if r == "" || strings.ContainsAny(r, ", \t\r\n") {
				t.Fatalf("rule id %q not split cleanly", r)
			}
		}
		if reason != strings.Join(strings.Fields(reason), " ") {
			t.Fatalf("reason %q not normalised", reason)
		}
		problem := InlineProblem(comment)
		valid := ok && len(rules) > 0 && reason != ""
		if (problem == "") != (!ok || valid) {
			t.Fatalf("InlineProblem %q disagrees with ParseInline (ok %v rules %q reason %q)", problem, ok, rules, reason)
		}
		f := &finding.Finding{RuleID: ruleID}
		named := false
		for _, r := range rules {
			named = named || strings.EqualFold(r, ruleID)
		}
		if got := MarkInline(f, []string{comment}); got != (valid && named) {
			t.Fatalf("MarkInline = %v, want %v", got, valid && named)
		}
		if f.Suppressed != "" && f.Suppressed != InlinePrefix+reason {
			t.Fatalf("suppressed %q, want reason %q", f.Suppressed, reason)
		}
	})
}
