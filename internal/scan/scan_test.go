package scan

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/policy"
)

func TestScopes(t *testing.T) {
	tests := []struct {
		name string
		s    Settings
		want []string
	}{
		{"scan", Settings{Metadata: true, Secrets: true}, []string{policy.ScopeDocument, policy.ScopeOrg, policy.ScopeSecret}},
		{"metadata only", Settings{Metadata: true}, []string{policy.ScopeDocument, policy.ScopeOrg}},
		{"pre-commit secrets", Settings{Secrets: true, Staged: true}, []string{policy.ScopeSecret}},
		{"PR mode", Settings{Metadata: true, DiffBase: "origin/main"}, []string{policy.ScopeDocument, policy.ScopeOrg, policy.ScopeDelta}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, scopes(&tc.s)); diff != "" {
				t.Errorf("scopes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDropCoveredSecrets(t *testing.T) {
	rules := []finding.Rule{
		{ID: "SFG-APP-004", Kind: finding.KindMetadata, Tags: []string{"security", "secret"}},
		{ID: "SFG-APP-001", Kind: finding.KindMetadata, Tags: []string{"security"}},
	}
	at := func(rule, file string, line int) finding.Finding {
		return finding.Finding{RuleID: rule, Location: finding.Location{File: file, Line: line}}
	}
	metadata := []finding.Finding{at("SFG-APP-004", "a.connectedApp", 8), at("SFG-APP-001", "b.connectedApp", 3)}
	secretFs := []finding.Finding{
		at("SFG-SEC-004", "a.connectedApp", 8), // covered by the metadata rule
		at("SFG-SEC-004", "a.connectedApp", 9), // another line
		at("SFG-SEC-002", "b.connectedApp", 3), // same line, but the metadata rule is not about secrets
	}
	got := dropCoveredSecrets(secretFs, metadata, rules)
	want := []finding.Finding{at("SFG-SEC-004", "a.connectedApp", 9), at("SFG-SEC-002", "b.connectedApp", 3)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
