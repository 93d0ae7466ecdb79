package cli

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/testutil"
)

// One .sfguard.yaml serves every command: a credential-scan parameter must
// not break `scan --no-secrets` (the pre-commit metadata hook), and a
// metadata parameter must not break `secrets`. A name no rule declares is
// still an error.
func TestConfigParamsOfScopesNotRun(t *testing.T) {
	tests := []struct {
		name, params string
		args         []string
		wantCode     int
		wantStderr   string
	}{
		{"secret param, metadata only", "  secret_allow_paths: [docs/**]\n", []string{"scan", "--no-secrets"}, 0, ""},
		{"metadata param, secrets only", "  broad_range_addresses: 65536\n", []string{"secrets"}, 0, ""},
		{"unknown param still an error", "  secret_allow_pathz: [docs/**]\n", []string{"scan", "--no-secrets"}, 2, `unknown parameter "secret_allow_pathz"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := testutil.WriteFile(t, dir, ".sfguard.yaml", "params:\n"+tc.params)
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
