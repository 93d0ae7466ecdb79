package scan

import (
	"context"
	"fmt"

	"github.com/sfguard/sfguard/internal/access"
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/source"
	"github.com/sfguard/sfguard/policy"
)

// AccessResult is the access matrix of the metadata under the scan paths,
// with the metadata findings of the same documents (the matrix's ways in
// that a path rule reports are among them).
type AccessResult struct {
	Matrix      *access.Matrix
	Findings    []finding.Finding
	Diagnostics []finding.Diagnostic
}

// Access discovers and parses the metadata under s.Paths the way Run does
// (every element kept) and computes the access matrix. Credentials are not
// scanned, and suppressions and baselines do not apply: the matrix shows
// what the metadata allows, whatever has been accepted.
func Access(ctx context.Context, settings *Settings) (*AccessResult, error) {
	sc := *settings
	s := &sc
	s.Metadata, s.Secrets, s.DiffBase, s.Audit = true, false, "", true
	if s.Jobs < 1 {
		s.Jobs = 1
	}
	eng, err := NewEngine(s)
	if err != nil {
		return nil, err
	}
	if err := s.Config.CheckRules(eng.Rules()); err != nil {
		return nil, err
	}
	files, diags := source.Walk(s.Paths, sourceOptions(s))
	docs, fs, mdiags, err := scanMetadata(ctx, eng, s, files, nil)
	if err != nil {
		return nil, err
	}
	diags = append(diags, mdiags...)
	m, err := computeAccess(ctx, eng, docs)
	if err != nil {
		return nil, err
	}
	m.Tool, m.Version = s.Tool, s.Version
	return &AccessResult{Matrix: m, Findings: fs, Diagnostics: diags}, nil
}

func computeAccess(ctx context.Context, eng *policy.Engine, docs []*model.Document) (*access.Matrix, error) {
	v, err := eng.QueryOrg(ctx, docs, access.Query)
	if err != nil {
		return nil, fmt.Errorf("access matrix: %w", err)
	}
	return access.FromRego(v, docs)
}
