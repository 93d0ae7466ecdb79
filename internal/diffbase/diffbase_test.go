package diffbase

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
)

func TestNew(t *testing.T) {
	mk := func(rule, comp, path, value string, line int) finding.Finding {
		return finding.Finding{RuleID: rule, Kind: finding.KindMetadata, ComponentType: "ConnectedApp", ComponentName: comp, ValueHash: value,
			Location: finding.Location{File: "connectedApps/" + comp + ".connectedApp-meta.xml", Line: line, ElementPath: path}}
	}
	base := []finding.Finding{
		mk("SFG-CA-001", "A", "/ConnectedApp/oauthPolicy/refreshTokenPolicy", "infinite", 10),
		mk("SFG-CA-002", "A", "/ConnectedApp/oauthConfig/scopes[1]", "Full", 5),
	}
	head := []finding.Finding{
		mk("SFG-CA-002", "A", "/ConnectedApp/oauthConfig/scopes[3]", "Full", 8),               // same problem, moved: old
		mk("SFG-CA-001", "A", "/ConnectedApp/oauthPolicy/refreshTokenPolicy", "infinite", 14), // old
		mk("SFG-CA-001", "B", "/ConnectedApp/oauthPolicy/refreshTokenPolicy", "infinite", 14), // new app: new
		mk("SFG-CA-002", "A", "/ConnectedApp/oauthConfig/scopes[4]", "Full", 9),               // a second Full: new
	}
	finding.AssignFingerprints(head, nil)
	got := New(head, base)
	var view []string
	for _, f := range got {
		view = append(view, f.RuleID+" "+f.ComponentName+" "+f.ElementPath)
	}
	want := []string{
		"SFG-CA-001 B /ConnectedApp/oauthPolicy/refreshTokenPolicy",
		"SFG-CA-002 A /ConnectedApp/oauthConfig/scopes[4]",
	}
	if d := cmp.Diff(want, view); d != "" {
		t.Errorf("new findings (-want +got):\n%s", d)
	}
	if got := New(head, nil); len(got) != len(head) {
		t.Errorf("against an empty base every finding is new: %d of %d", len(got), len(head))
	}
}
