package config

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/sfguard/sfguard/internal/testutil"
)

// The documentation is part of the product: these tests keep the example
// configuration, the JSON Schema for editors, the GitHub Action and the
// example workflows in step with the parser.

var docsDir = filepath.Join("..", "..", "docs")

func TestExampleConfigLoads(t *testing.T) {
	c, err := Load(filepath.Join(docsDir, "examples", "sfguard.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Suppressions) != 1 || c.Suppressions[0].Expires.IsZero() || c.Suppressions[0].Reason == "" {
		t.Fatalf("the example must carry one explained, expiring suppression: %+v", c.Suppressions)
	}
	if !c.Suppressions[0].Expires.After(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the example suppression has already expired: %v", c.Suppressions[0].Expires)
	}
	if _, err := c.ResolveParams(map[string]any{"broad_range_addresses": 65536}); err != nil {
		t.Errorf("example params: %v", err)
	}
}

func schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	return testutil.CompileSchema(t, filepath.Join(docsDir, "sfguard.schema.json"), false)
}

// yamlToJSON converts YAML as an editor's YAML 1.2 language server sees it:
// dates stay strings.
func yamlToJSON(t *testing.T, src []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil {
		t.Fatal(err)
	}
	var conv func(*yaml.Node) any
	conv = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			if len(n.Content) == 0 {
				return nil
			}
			return conv(n.Content[0])
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			l := []any{}
			for _, c := range n.Content {
				l = append(l, conv(c))
			}
			return l
		case yaml.AliasNode:
			return conv(n.Alias)
		}
		switch n.Tag {
		case "!!int", "!!float":
			return json.Number(n.Value)
		case "!!bool":
			return n.Value == "true"
		case "!!null":
			return nil
		}
		return n.Value
	}
	b, err := json.Marshal(conv(&n))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSchemaAgreesWithParser checks configurations against both the JSON
// Schema and the parser: both must accept or both must reject.
func TestSchemaAgreesWithParser(t *testing.T) {
	s := schema(t)
	example, err := os.ReadFile(filepath.Join(docsDir, "examples", "sfguard.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"docs example", string(example), true},
		{"full test config", full, true},
		{"empty", "{}", true},
		{"empty sections", "rules:\n  disable:\n  severity:\nparams:\nexclude:\nsuppressions:\n", true},
		{"empty suppression entry", "suppressions:\n  -\n", false},
		{"unknown key", "failon: high\n", false},
		{"unknown rules key", "rules:\n  severty: {}\n", false},
		{"bad failOn", "failOn: severe\n", false},
		{"rule timeout", "ruleTimeout: 1m30s\n", true},
		{"rule timeout without unit", "ruleTimeout: 10\n", false},
		{"rule timeout not a duration", "ruleTimeout: soon\n", false},
		{"bad version", "version: 2\n", false},
		{"bad selector prefix", "rules:\n  disable: [\"owner:me\"]\n", false},
		{"bad severity override", "rules:\n  severity:\n    SFG-APP-001: urgent\n", false},
		{"suppression without reason", "suppressions:\n  - rule: SFG-APP-001\n", false},
		{"suppression without rule", "suppressions:\n  - reason: r\n", false},
		{"blank reason", "suppressions:\n  - rule: X\n    reason: \"  \"\n", false},
		{"component without type", "suppressions:\n  - rule: X\n    reason: r\n    component: My_App\n", false},
		{"bad date", "suppressions:\n  - rule: X\n    reason: r\n    expires: 31/12/2026\n", false},
		{"unknown suppression key", "suppressions:\n  - rule: X\n    reason: r\n    until: 2026-01-01\n", false},
		{"exclude not a list", "exclude: foo\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, perr := Parse("c.yaml", []byte(tt.in))
			serr := s.Validate(yamlToJSON(t, []byte(tt.in)))
			if (perr == nil) != tt.ok {
				t.Errorf("parser: err = %v, want ok=%v", perr, tt.ok)
			}
			if (serr == nil) != tt.ok {
				t.Errorf("schema: err = %v, want ok=%v", serr, tt.ok)
			}
		})
	}
}

type actionFile struct {
	Inputs  map[string]struct{ Default string } `yaml:"inputs"`
	Outputs map[string]any                      `yaml:"outputs"`
	Runs    struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID   string `yaml:"id"`
			Uses string `yaml:"uses"`
			Run  string `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

func TestActionAndExampleWorkflows(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action actionFile
	if err := yaml.Unmarshal(b, &action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if action.Runs.Using != "composite" {
		t.Errorf("action.yml runs.using = %q", action.Runs.Using)
	}
	var inputs []string
	for k := range action.Inputs {
		inputs = append(inputs, k)
	}
	sort.Strings(inputs)
	if d := cmp.Diff([]string{"args", "baseline", "config", "diff-base", "fail-on", "paths", "sarif-file", "setup-go", "version"}, inputs); d != "" {
		t.Errorf("action inputs (-want +got):\n%s", d)
	}
	if _, ok := action.Outputs["sarif-file"]; !ok {
		t.Error("action.yml must output sarif-file for upload-sarif")
	}
	for _, s := range action.Runs.Steps {
		// Inputs go through env, never into the script text.
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q splices an expression into its script", s.ID)
		}
	}

	files, err := filepath.Glob(filepath.Join(docsDir, "examples", "*.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("want the GitHub and GitLab examples, found %v", files)
	}
	usedAction := false
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var wf struct {
			Jobs map[string]struct {
				Steps []struct {
					Uses string         `yaml:"uses"`
					With map[string]any `yaml:"with"`
				} `yaml:"steps"`
			} `yaml:"jobs"`
		}
		if err := yaml.Unmarshal(b, &wf); err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, job := range wf.Jobs {
			for _, st := range job.Steps {
				if !strings.HasPrefix(st.Uses, "sfguard/sfguard@") {
					continue
				}
				usedAction = true
				for k := range st.With {
					if _, ok := action.Inputs[k]; !ok {
						t.Errorf("%s: with.%s is not an input of action.yml", f, k)
					}
				}
			}
		}
	}
	if !usedAction {
		t.Error("no example workflow uses the action")
	}
}
