package cli

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestShowProgress: the progress line is for a person at a terminal
// reading text output, never for CI logs or machine formats.
func TestShowProgress(t *testing.T) {
	tests := []struct {
		name string
		f    scanFlags
		tty  bool
		ci   string
		want bool
	}{
		{"terminal, text", scanFlags{format: "text"}, true, "", true},
		{"not a terminal", scanFlags{format: "text"}, false, "", false},
		{"quiet", scanFlags{format: "text", quiet: true}, true, "", false},
		{"--no-progress", scanFlags{format: "text", noProgress: true}, true, "", false},
		{"CI=true", scanFlags{format: "text"}, true, "true", false},
		{"CI=1", scanFlags{format: "text"}, true, "1", false},
		{"CI=woodpecker", scanFlags{format: "text"}, true, "woodpecker", false},
		{"CI=false", scanFlags{format: "text"}, true, "false", true},
		{"json", scanFlags{format: "json"}, true, "", false},
		{"sarif", scanFlags{format: "sarif"}, true, "", false},
		{"github", scanFlags{format: "github"}, true, "", false},
	}
	for _, tc := range tests {
		got := showProgress(&tc.f, tc.tty, func(k string) string {
			if k == "CI" {
				return tc.ci
			}
			return ""
		})
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, d)
		}
	}
}
