package cli

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
)

// TestRulesText: `sfguard rules` fits the terminal and shows every rule's
// tags and types.
func TestRulesText(t *testing.T) {
	rules := []finding.Rule{
		{ID: "SFG-APP-001", Severity: finding.High, Title: "Refresh token valid until revoked",
			Types: []string{"ConnectedApp", "ExtlClntAppOauthConfigurablePolicies"}, Tags: []string{"security", "oauth", "refresh-token"}},
		{ID: "SFG-PATH-002", Severity: finding.Critical, Title: "One leaked refresh token is permanent access from anywhere, through every linked app and profile",
			Scope: "org", Tags: []string{"security", "access-path", "oauth", "refresh-token", "connected-app", "external-client-app", "network"}},
	}
	tests := []struct {
		width int
		want  string
	}{
		{100, `ID            SEVERITY  TITLE / APPLIES TO / TAGS
SFG-APP-001   high      Refresh token valid until revoked
                        applies to ConnectedApp, ExtlClntAppOauthConfigurablePolicies
                        tags: security, oauth, refresh-token
SFG-PATH-002  critical  One leaked refresh token is permanent access from anywhere, through every
                        linked app and profile
                        applies to org
                        tags: security, access-path, oauth, refresh-token, connected-app,
                        external-client-app, network

2 rules. 'sfguard explain RULE-ID' prints one in full; 'sfguard rules --tag TAG' lists a tag's.
`},
		{60, `ID            SEVERITY  TITLE / APPLIES TO / TAGS
SFG-APP-001   high      Refresh token valid until revoked
                        applies to ConnectedApp,
                        ExtlClntAppOauthConfigurablePolicies
                        tags: security, oauth,
                        refresh-token
SFG-PATH-002  critical  One leaked refresh token is
                        permanent access from anywhere,
                        through every linked app and
                        profile
                        applies to org
                        tags: security, access-path, oauth,
                        refresh-token, connected-app,
                        external-client-app, network

2 rules. 'sfguard explain RULE-ID' prints one in full; 'sfguard rules --tag TAG' lists a tag's.
`},
	}
	for _, tc := range tests {
		var b strings.Builder
		writeRulesText(&b, rules, tc.width)
		if d := cmp.Diff(tc.want, b.String()); d != "" {
			t.Errorf("width %d (-want +got):\n%s", tc.width, d)
		}
	}
}

// TestRulesCommand: the built-in pack fits 100 columns, every rule's tags
// are listed, and --tag filters.
func TestRulesCommand(t *testing.T) {
	code, stdout, stderr := runCLI(t, nil, "rules")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	for _, l := range lines[:len(lines)-1] { // the closing hint is prose
		if len([]rune(l)) >= 100 {
			t.Errorf("line of %d columns: %q", len([]rune(l)), l)
		}
	}
	if n := strings.Count(stdout, "tags: "); n < 80 {
		t.Errorf("only %d rules show tags", n)
	}
	tests := []struct {
		args     []string
		wantCode int
		wantIDs  []string
	}{
		{[]string{"rules", "--tag", "PKCE"}, ExitOK, []string{"SFG-APP-002", "SFG-DELTA-005", "SFG-OAUTH-001"}},
		{[]string{"rules", "--tag", "no-such-tag"}, ExitError, nil},
	}
	for _, tc := range tests {
		code, stdout, _ := runCLI(t, nil, tc.args...)
		var ids []string
		for _, l := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(l, "SFG-") {
				ids = append(ids, strings.Fields(l)[0])
			}
		}
		if code != tc.wantCode {
			t.Errorf("%v: exit %d, want %d", tc.args, code, tc.wantCode)
		}
		if d := cmp.Diff(tc.wantIDs, ids); d != "" {
			t.Errorf("%v (-want +got):\n%s", tc.args, d)
		}
	}
}
