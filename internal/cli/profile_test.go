package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProfileFlagsWriteFiles: the hidden debug flags leave a profile that
// go tool pprof (gzip-compressed protobuf) and go tool trace read, and the
// scan's output is the one it gives without them.
func TestProfileFlagsWriteFiles(t *testing.T) {
	dir := t.TempDir()
	org := filepath.Join(orgs, "insecure-mdapi")
	files := map[string]string{"cpuprofile": "cpu.pprof", "memprofile": "mem.pprof", "trace": "run.trace"}
	args := []string{"scan", "--no-config", "--format", "json"}
	for flag, name := range files {
		args = append(args, "--"+flag, filepath.Join(dir, name))
	}
	_, plain, _ := runCLI(t, nil, "scan", "--no-config", "--format", "json", org)
	code, stdout, stderr := runCLI(t, nil, append(args, org)...)
	if code != ExitFindings {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if d := cmp.Diff(plain, stdout); d != "" {
		t.Errorf("profiling changed the output (-without +with):\n%s", d)
	}
	wantPrefix := map[string]string{"cpu.pprof": "\x1f\x8b", "mem.pprof": "\x1f\x8b", "run.trace": "go 1."}
	for name, prefix := range wantPrefix {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s not written: %v", name, err)
		}
		if !strings.HasPrefix(string(b), prefix) {
			t.Errorf("%s starts with %q, want %q", name, b[:min(len(b), 8)], prefix)
		}
	}
}

// TestProfileFlagsHidden: the debug flags work but stay out of --help.
func TestProfileFlagsHidden(t *testing.T) {
	_, _, help := runCLI(t, nil, "scan", "--help")
	for _, flag := range []string{"--cpuprofile", "--memprofile", "--trace"} {
		if strings.Contains(help, flag) {
			t.Errorf("scan --help shows the hidden %s", flag)
		}
	}
	code, _, stderr := runCLI(t, nil, "secrets", "--no-config", "--cpuprofile", filepath.Join(t.TempDir(), "no", "such", "dir"), orgs)
	if code != ExitError || !strings.Contains(stderr, "--cpuprofile") {
		t.Errorf("unwritable profile: exit %d, stderr %q; want exit 2 naming --cpuprofile", code, stderr)
	}
}
