package rules_test

import (
	"context"
	"testing"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/scan"
)

// TestTypicalNoiseStaysQuiet scans an org of what every real org carries and
// cannot change: standard profiles (System Administrator with its powers,
// Standard User, Read Only with custom true, Chatter Free User with the MFA
// waiver), the API-only integration profile, a site guest profile with
// Password Never Expires, Salesforce-owned sfdcInternalInt__ permission sets,
// and an API-only connected app without a refresh token whose policy says
// "valid until revoked". Nothing may be reported above info.
func TestTypicalNoiseStaysQuiet(t *testing.T) {
	res, err := scan.Run(context.Background(), &scan.Settings{
		Paths: []string{"../fixtures/orgs/typical-noise"}, Metadata: true, Jobs: 1, Config: &config.Config{}, NoIgnore: true, Tool: "sfguard",
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Report.Diagnostics {
		t.Errorf("input problem: %s", d.Error())
	}
	info := 0
	for _, f := range res.Report.Findings {
		if f.Severity != finding.Info {
			t.Errorf("%s %s at %s:%d: %s", f.RuleID, f.Severity, f.File, f.Line, f.Message)
		} else {
			info++
		}
	}
	if info == 0 {
		t.Error("no info findings: the inventory of API principals (SFG-PERM-001) should list the standard profiles")
	}
}
