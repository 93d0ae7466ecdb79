// Package ruledoc renders a rule's documentation from its METADATA, the
// single source of rule docs: `sfguard explain`, the generated docs/rules/
// pages and SARIF help all come from here.
package ruledoc

import (
	"fmt"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
)

// Markdown renders one rule as a Markdown page: what it checks and why it
// matters, a failing and a passing example, how to fix it, references.
func Markdown(r finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "| | |\n|---|---|\n| Severity | %s |\n", r.Severity)
	if len(r.Types) > 0 {
		fmt.Fprintf(&b, "| Applies to | %s |\n", strings.Join(r.Types, ", "))
	}
	fmt.Fprintf(&b, "| Scope | %s |\n", r.Scope)
	if len(r.Tags) > 0 {
		fmt.Fprintf(&b, "| Tags | %s |\n", strings.Join(r.Tags, ", "))
	}
	if len(r.Params) > 0 {
		fmt.Fprintf(&b, "| Parameters | %s |\n", params(r))
	}
	b.WriteString("\n## What it checks and why it matters\n\n")
	b.WriteString(strings.TrimSpace(r.Description))
	b.WriteString("\n")
	if ex := r.Examples["fail"]; ex != "" {
		fmt.Fprintf(&b, "\n## Example that is reported\n\n```%s\n%s\n```\n", fence(ex), strings.TrimRight(ex, "\n"))
	}
	if ex := r.Examples["pass"]; ex != "" {
		fmt.Fprintf(&b, "\n## Example that passes\n\n```%s\n%s\n```\n", fence(ex), strings.TrimRight(ex, "\n"))
	}
	if r.Remediation != "" {
		b.WriteString("\n## How to fix\n\n")
		b.WriteString(strings.TrimSpace(r.Remediation))
		b.WriteString("\n")
	}
	if len(r.Params) > 0 {
		b.WriteString("\n## Parameters\n\n")
		b.WriteString("Thresholds are data, not code: set them under `params:` in `.sfguard.yaml` or with `--param NAME=VALUE`.\n\n")
		names := make([]string, 0, len(r.Params))
		for k := range r.Params {
			names = append(names, k)
		}
		sortStrings(names)
		for _, k := range names {
			fmt.Fprintf(&b, "- `%s` (default `%v`)\n", k, r.Params[k])
		}
	}
	if len(r.References) > 0 {
		b.WriteString("\n## References\n\n")
		for _, ref := range r.References {
			fmt.Fprintf(&b, "- <%s>\n", ref)
		}
	}
	return b.String()
}

// Text renders a rule for a terminal: the Markdown page without the table
// syntax, which reads well enough as plain text.
func Text(r finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n", r.ID, r.Title)
	fmt.Fprintf(&b, "severity: %s", r.Severity)
	if len(r.Types) > 0 {
		fmt.Fprintf(&b, "   applies to: %s", strings.Join(r.Types, ", "))
	}
	b.WriteString("\n")
	if len(r.Params) > 0 {
		fmt.Fprintf(&b, "parameters: %s\n", params(r))
	}
	section := func(title, body string) {
		if strings.TrimSpace(body) == "" {
			return
		}
		fmt.Fprintf(&b, "\n%s\n", title)
		for _, line := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
			fmt.Fprintf(&b, "  %s\n", line)
		}
	}
	section("What it checks and why it matters", r.Description)
	section("Reported", r.Examples["fail"])
	section("Passes", r.Examples["pass"])
	section("How to fix", r.Remediation)
	section("References", strings.Join(r.References, "\n"))
	return b.String()
}

func params(r finding.Rule) string {
	names := make([]string, 0, len(r.Params))
	for k := range r.Params {
		names = append(names, k)
	}
	sortStrings(names)
	parts := make([]string, len(names))
	for i, k := range names {
		parts[i] = fmt.Sprintf("`%s` (default `%v`)", k, r.Params[k])
	}
	return strings.Join(parts, ", ")
}

func fence(ex string) string {
	if strings.HasPrefix(strings.TrimSpace(ex), "<") {
		return "xml"
	}
	return ""
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
