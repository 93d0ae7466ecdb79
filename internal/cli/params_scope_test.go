package cli

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/testutil"
)

// One .sfguard.yaml serves every command: a credential-scan parameter must
// not break `scan --no-secrets` (the pre-commit metadata hook), and a
// metadata parameter or rule id must not break `secrets` (the pre-commit
// credential hook, which compiles only the credential rules). A name no
// rule declares is still an error.
func TestConfigParamsOfScopesNotRun(t *testing.T) {
	tests := []struct {
		name, config string
		args         []string
		wantCode     int
		wantStderr   string
	}{
		{"secret param, metadata only", "params:\n  secret_allow_paths: [docs/**]\n", []string{"scan", "--no-secrets"}, 0, ""},
		{"metadata param, secrets only", "params:\n  broad_range_addresses: 65536\n", []string{"secrets"}, 0, ""},
		{"unknown param still an error", "params:\n  secret_allow_pathz: [docs/**]\n", []string{"scan", "--no-secrets"}, 2, `unknown parameter "secret_allow_pathz"`},
		{"metadata rule ids, secrets only", "rules:\n  disable: [SFG-APP-001]\n  severity:\n    SFG-PERM-001: low\n", []string{"secrets"}, 0, ""},
		{"secret rule id, metadata only", "rules:\n  disable: [SFG-SEC-001]\n", []string{"scan", "--no-secrets"}, 0, ""},
		{"unknown rule id still an error", "rules:\n  disable: [SFG-APP-999]\n", []string{"secrets"}, 2, `"SFG-APP-999" matches no rule`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := testutil.WriteFile(t, dir, ".sfguard.yaml", tc.config)
			testutil.WriteFile(t, dir, "README.md", "nothing to see\n")
			args := append(append([]string{}, tc.args...), "--config", cfg, "--quiet", dir)
			code, _, stderr := runCLI(t, nil, args...)
			if diff := cmp.Diff(tc.wantCode, code); diff != "" {
				t.Errorf("exit code (-want +got):\n%s\nstderr: %s", diff, stderr)
			}
			if tc.wantStderr != "" && !strings.Contains(stderr, tc.wantStderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tc.wantStderr)
			}
		})
	}
}
