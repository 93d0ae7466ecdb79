package model_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/source"
	"github.com/sfguard/sfguard/internal/testutil"
)

// TestFixturesMatchPublishedSchemas validates the input of every fixture
// document against docs/schemas/<Type>.json: the schemas the type checker
// enforces must describe what the parser really produces from realistic
// XML. An element found here that the schema lacks belongs in the registry
// (internal/sfmeta), then `go run ./cmd/gendocs`.
func TestFixturesMatchPublishedSchemas(t *testing.T) {
	all, diags := source.Walk([]string{"../../fixtures/rules", "../../fixtures/orgs"}, source.Options{NoIgnore: true})
	files := source.Metadata(all)
	for _, d := range diags {
		t.Logf("discover: %s", d.Error())
	}
	schemas := map[string]*jsonschema.Schema{}
	n := 0
	for i := range files {
		f := &files[i]
		if f.Type == nil {
			continue
		}
		data, err := f.Read()
		if err != nil {
			t.Fatal(err)
		}
		d, err := model.Load(f.Type, f.FullName, f.Path, f.Format, data, nil)
		if err != nil {
			continue // malformed on purpose; reported by the scan
		}
		s, ok := schemas[f.Type.Name]
		if !ok {
			s = testutil.CompileSchema(t, filepath.Join("../../docs/schemas", f.Type.Name+".json"), false)
			schemas[f.Type.Name] = s
		}
		b, err := json.Marshal(d.JSON())
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); err != nil {
			t.Errorf("%s: %v", f.Path, err)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no fixture documents")
	}
	t.Logf("%d documents valid", n)
}
