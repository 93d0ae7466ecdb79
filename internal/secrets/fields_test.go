package secrets_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/sfguard/sfguard/internal/secrets"
	"github.com/sfguard/sfguard/internal/sfmeta"
)

// TestCandidateFieldsAreDeclared: every field a detector puts in a
// candidate's Rego input is declared in sfmeta.CandidateFields, from which
// docs/schemas/secret.json and the type checker's schema for secret rules
// are generated. A new field must be added there (with its kind) and to
// docs/secrets.md, then `go run ./cmd/gendocs`.
func TestCandidateFieldsAreDeclared(t *testing.T) {
	kinds := map[string]string{}
	for _, f := range sfmeta.CandidateFields {
		kinds[f.Name] = f.Kind
	}
	var blobs []secrets.Blob
	err := filepath.WalkDir("../../fixtures/secrets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		blobs = append(blobs, secrets.Blob{Path: filepath.ToSlash(p), Data: b})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	res := secrets.ScanAll(blobs, secrets.Options{Jobs: 2})
	if len(res.Candidates) == 0 {
		t.Fatal("no candidates in fixtures/secrets")
	}
	seen := map[string]bool{}
	for _, c := range res.Candidates {
		for k, v := range c.Fields {
			seen[k] = true
			kind, ok := kinds[k]
			if !ok {
				t.Errorf("detector %s sets field %q, which sfmeta.CandidateFields does not declare", c.Detector, k)
				continue
			}
			if !kindMatches(kind, v) {
				t.Errorf("detector %s sets %s = %T, declared %s", c.Detector, k, v, kind)
			}
		}
	}
	var never []string
	for k := range kinds {
		if !seen[k] {
			never = append(never, k)
		}
	}
	sort.Strings(never)
	t.Logf("declared fields no fixture produced: %v", never)
}

func kindMatches(kind string, v any) bool {
	switch v.(type) {
	case nil:
		return true
	case string:
		return kind == "string"
	case bool:
		return kind == "boolean"
	case int, int64, float64:
		return kind == "integer" || kind == "number"
	case []string, []any:
		return kind == "array"
	case map[string]any:
		return kind == "object"
	}
	return true
}
