package suppress

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
)

// TestInline: valid ignores suppress the rules they name on the element
// they stand before and everything inside it; ignores that cannot apply
// are reported at their place — input errors when they lack a rule id or
// a reason (docs/config.md), warnings when they name an unknown rule or
// trail an element or stand before none.
func TestInline(t *testing.T) {
	const path = "force-app/connectedApps/A.connectedApp-meta.xml"
	xml := `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>A</label> <!-- sfguard-ignore SFG-APP-009: trailing, meant for label -->
    <!-- sfguard-ignore SFG-APP-003, SFG-NOPE-1: kiosk app, SEC-88 -->
    <oauthPolicy>
        <ipRelaxation>BYPASS</ipRelaxation>
        <!-- sfguard-ignore sfg-app-001: tokens revoked nightly -->
        <refreshTokenPolicy>infinite</refreshTokenPolicy>
        <!-- sfguard-ignore SFG-APP-002 -->
    </oauthPolicy>
    <!-- sfguard-ignore: nothing named -->
    <oauthConfig>
        <isPkceRequired>false</isPkceRequired>
    </oauthConfig>
</ConnectedApp>
`
	root, _, err := model.Parse([]byte(xml), nil)
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{Path: path, Root: root}
	at := func(rule, xpath string) finding.Finding {
		return finding.Finding{RuleID: rule, Kind: finding.KindMetadata, Location: finding.Location{File: path, ElementPath: xpath}}
	}
	in := []finding.Finding{
		at("SFG-APP-001", "/ConnectedApp/oauthPolicy/refreshTokenPolicy"),
		at("SFG-APP-003", "/ConnectedApp/oauthPolicy/ipRelaxation"),
		at("SFG-APP-002", "/ConnectedApp/oauthConfig/isPkceRequired"),
		at("SFG-APP-009", "/ConnectedApp/label"),
		at("SFG-APP-001", "/ConnectedApp/oauthPolicy/missing"),
		{RuleID: "SFG-APP-003", Kind: finding.KindSecret, Location: finding.Location{File: path, ElementPath: "/ConnectedApp/oauthPolicy"}},
		at("SFG-APP-003", "/ConnectedApp/oauthPolicy"),
	}
	known := func(id string) bool { return id != "SFG-NOPE-1" }
	got, issues := Inline(in, []*model.Document{doc}, known)

	var suppressed []string
	for _, f := range got {
		suppressed = append(suppressed, f.Suppressed)
	}
	wantSuppressed := []string{
		"inline: tokens revoked nightly", // names the rule in another case
		"inline: kiosk app, SEC-88",      // an ancestor's ignore covers its children
		"",                               // not under the ignore without a rule id
		"",                               // a trailing ignore applies to nothing
		"",                               // the nearest existing element's ignores do not name it
		"",                               // credential findings use sfguard:allow
		"inline: kiosk app, SEC-88",
	}
	if d := cmp.Diff(wantSuppressed, suppressed); d != "" {
		t.Errorf("Suppressed (-want +got):\n%s", d)
	}
	wantIssues := []Issue{
		{File: path, Line: 3, Column: 5, Message: "sfguard-ignore SFG-APP-009 trails <label> on its line and suppresses nothing; write it on its own line directly before the element"},
		{File: path, Line: 5, Column: 5, Message: "sfguard-ignore names SFG-NOPE-1, which is not a loaded rule; it suppresses nothing (misspelt? 'sfguard rules' lists the ids)"},
		{File: path, Line: 5, Column: 5, Message: "sfguard-ignore SFG-APP-002 comes after the last element inside <oauthPolicy>, before no element, and suppresses nothing; write it on its own line directly before the element"},
		{File: path, Line: 12, Column: 5, Message: "sfguard-ignore comment names no rule id (write <!-- sfguard-ignore RULE-ID: reason -->)", Invalid: true},
	}
	if d := cmp.Diff(wantIssues, issues); d != "" {
		t.Errorf("issues (-want +got):\n%s", d)
	}
	if in[0].Suppressed != "" {
		t.Error("Inline modified its input")
	}
}
