package report

import (
	"encoding/json"
	"io"

	"github.com/sfguard/sfguard/internal/finding"
)

func init() {
	Register("json", writeJSON)
	RegisterExtension(".json", "json")
}

// jsonReport is the documented JSON layout (docs/json-report.md). Fields are
// only ever added within a schema version.
type jsonReport struct {
	Version     string               `json:"version"`
	Tool        jsonTool             `json:"tool"`
	Summary     jsonSummary          `json:"summary"`
	Findings    []finding.Finding    `json:"findings"`
	Diagnostics []finding.Diagnostic `json:"diagnostics"`
	Notes       []string             `json:"notes"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonSummary struct {
	Findings   int            `json:"findings"`
	Failing    int            `json:"failing"`
	FailOn     string         `json:"failOn"`
	Suppressed int            `json:"suppressed"`
	BySeverity map[string]int `json:"bySeverity"`
	Files      int            `json:"files"`
	Documents  int            `json:"documents"`
	Bytes      int64          `json:"bytes"`
	Rules      int            `json:"rules"`
}

func writeJSON(w io.Writer, r *Report) error {
	counts := r.CountBySeverity()
	by := map[string]int{}
	total := 0
	for s := finding.Info; s <= finding.Critical; s++ {
		by[s.String()] = counts[s]
		total += counts[s]
	}
	out := jsonReport{
		Version: SchemaVersion,
		Tool:    jsonTool{Name: r.Tool, Version: r.Version},
		Summary: jsonSummary{
			Findings:   total,
			Failing:    r.Failing(),
			FailOn:     r.FailOn.String(),
			Suppressed: r.SuppressedCount(),
			BySeverity: by,
			Files:      r.Stats.Files,
			Documents:  r.Stats.Documents,
			Bytes:      r.Stats.Bytes,
			Rules:      len(r.Rules),
		},
		Findings:    r.Shown(),
		Diagnostics: r.Diagnostics,
		Notes:       noteStrings(r.Notes),
	}
	if out.Findings == nil {
		out.Findings = []finding.Finding{}
	}
	if out.Diagnostics == nil {
		out.Diagnostics = []finding.Diagnostic{}
	}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
