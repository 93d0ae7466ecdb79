package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPolicies: policies: paths are resolved against the config file's
// directory; a missing one is an error with its line.
func TestPolicies(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "shared", "rules"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, ".sfguard.yaml")
	if err := os.WriteFile(cfg, []byte("version: 1\npolicies:\n  - shared/rules\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range c.Policies {
		got = append(got, p.Pattern)
	}
	if diff := cmp.Diff([]string{filepath.Join(dir, "shared", "rules")}, got); diff != "" {
		t.Errorf("policies (-want +got):\n%s", diff)
	}
	if err := os.WriteFile(cfg, []byte("version: 1\npolicies:\n  - shared/rules\n  - missing\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(cfg)
	if err == nil || !strings.Contains(err.Error(), ".sfguard.yaml:4: policies: missing: no such directory") {
		t.Errorf("missing policy dir: %v", err)
	}
}
