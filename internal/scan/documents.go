package scan

import (
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/secrets"
	"github.com/sfguard/sfguard/internal/source"
	"github.com/sfguard/sfguard/policy"
)

// Inspected is what `sfguard inspect` shows: the parsed documents and the
// hashes (secrets.Hash) of the credentials the detectors find in their
// files, so that the printed input can redact them.
type Inspected struct {
	Docs         []*model.Document
	SecretHashes map[string]bool
	Diagnostics  []finding.Diagnostic
}

// Documents walks and parses the metadata under s.Paths the way Run does
// (the same source walk and filters, the same per-type element filter from
// eng's rules) and stops before evaluation, so the input `sfguard inspect`
// prints is the input the rules get. full parses every element, as for a
// rule that declares no custom.reads.
func Documents(s *Settings, eng *policy.Engine, full bool) Inspected {
	jobs := max(s.Jobs, 1)
	all, diags := source.Walk(s.Paths, sourceOptions(s))
	diags = append(diags, notMetadata(all)...)
	files := source.Metadata(all)
	parser := eng
	if full {
		parser = nil
	}
	docs, pdiags, _ := parseAll(parser, files, jobs)
	out := Inspected{Docs: docs, SecretHashes: map[string]bool{}, Diagnostics: append(diags, pdiags...)}
	var blobs []secrets.Blob
	for i := range files {
		if data, err := files[i].Read(); err == nil {
			blobs = append(blobs, secrets.Blob{Path: files[i].Path, Data: data})
		}
	}
	for _, c := range secrets.ScanAll(blobs, secrets.Options{Jobs: jobs}).Candidates {
		if c.Secret != nil {
			out.SecretHashes[c.Secret.Hash] = true
		}
	}
	return out
}
