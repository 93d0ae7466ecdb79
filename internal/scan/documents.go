package scan

import (
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/source"
	"github.com/sfguard/sfguard/policy"
)

// Documents walks and parses the metadata under s.Paths the way Run does
// (the same source walk and filters, the same per-type element filter from
// eng's rules) and stops before evaluation. `sfguard inspect` uses it, so
// the input it prints is the input the rules get. A nil keep filter
// (full=true) parses every element, as for a rule that declares no reads.
func Documents(s *Settings, eng *policy.Engine, full bool) ([]*model.Document, []finding.Diagnostic) {
	jobs := max(s.Jobs, 1)
	all, diags := source.Walk(s.Paths, sourceOptions(s))
	diags = append(diags, notMetadata(all)...)
	var docs []*model.Document
	var pdiags []finding.Diagnostic
	if full {
		docs, pdiags, _ = parseAll(nil, source.Metadata(all), jobs)
	} else {
		docs, pdiags, _ = parseAll(eng, source.Metadata(all), jobs)
	}
	return docs, append(diags, pdiags...)
}
