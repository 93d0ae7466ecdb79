package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/report"
	"github.com/sfguard/sfguard/internal/scan"

	"github.com/sfguard/sfguard/internal/testutil"
)

// TestSARIFOfFixtureOrgs scans every shipped fixture org (directories and
// the retrieve zip) with metadata and credential checks, and validates the
// SARIF against the official 2.1.0 schema, checking what GitHub's upload
// needs: every result has a physical location with a relative URI and a
// start line, and a ruleId that exists in the run at ruleIndex.
func TestSARIFOfFixtureOrgs(t *testing.T) {
	orgs, err := filepath.Glob(filepath.Join("..", "..", "fixtures", "orgs", "*"))
	if err != nil || len(orgs) == 0 {
		t.Skip("no fixture orgs", err)
	}
	sch := compileSARIFSchema(t)
	total := 0
	for _, org := range orgs {
		t.Run(filepath.Base(org), func(t *testing.T) {
			res, err := scan.Run(context.Background(), &scan.Settings{
				Paths: []string{org}, Metadata: true, Secrets: true, Jobs: 1, Config: &config.Config{},
				FailOn: finding.Low, Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
				Tool: "sfguard", Version: "test", NoIgnore: true,
			})
			if err != nil {
				t.Fatal(err)
			}
			res.Report.ShowSuppressed = true
			var buf bytes.Buffer
			if err := report.WriteSARIF(&buf, res.Report); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Fatalf("SARIF of %s does not validate:\n%v", org, err)
			}
			var log struct {
				Runs []struct {
					Tool struct {
						Driver struct {
							Rules []struct {
								ID string `json:"id"`
							} `json:"rules"`
						} `json:"driver"`
					} `json:"tool"`
					Results []struct {
						RuleID    string `json:"ruleId"`
						RuleIndex int    `json:"ruleIndex"`
						Locations []struct {
							PhysicalLocation *struct {
								ArtifactLocation struct {
									URI       string `json:"uri"`
									URIBaseID string `json:"uriBaseId"`
								} `json:"artifactLocation"`
								Region *struct {
									StartLine int `json:"startLine"`
								} `json:"region"`
							} `json:"physicalLocation"`
						} `json:"locations"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
				t.Fatal(err)
			}
			run := log.Runs[0]
			for i, r := range run.Results {
				if r.RuleIndex < 0 || r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
					t.Errorf("result %d (%s): ruleIndex %d does not name its rule", i, r.RuleID, r.RuleIndex)
				}
				if len(r.Locations) == 0 || r.Locations[0].PhysicalLocation == nil {
					t.Errorf("result %d (%s): no physical location", i, r.RuleID)
					continue
				}
				pl := r.Locations[0].PhysicalLocation
				if pl.ArtifactLocation.URI == "" || pl.ArtifactLocation.URIBaseID != "%SRCROOT%" || pl.Region == nil || pl.Region.StartLine < 1 {
					t.Errorf("result %d (%s): location %+v", i, r.RuleID, pl)
				}
				if filepath.IsAbs(pl.ArtifactLocation.URI) {
					t.Errorf("result %d (%s): absolute URI %q", i, r.RuleID, pl.ArtifactLocation.URI)
				}
			}
			total += len(run.Results)
		})
	}
	if total == 0 {
		t.Error("the fixture orgs produced no SARIF results at all")
	}
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	return testutil.CompileSchema(t, filepath.Join("testdata", "sarif-schema-2.1.0.json"), true)
}
