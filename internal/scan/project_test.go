package scan

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestProjectPaths(t *testing.T) {
	root := filepath.FromSlash("/work/proj")
	tests := []struct {
		cwd, display, want string
	}{
		{"/work/proj", "build.properties", "build.properties"},
		{"/work", "proj/docs/build.properties", "docs/build.properties"},
		{"/work/proj/force-app", "../config/x.env", "config/x.env"},
		{"/elsewhere", "/work/proj/a/b.xml", "a/b.xml"},
		{"/work", "proj/retrieves/org.zip!/unpackaged/x.connectedApp", "retrieves/org.zip!/unpackaged/x.connectedApp"},
		{"/work", "other/b.xml", "other/b.xml"}, // outside the root: as displayed
		{"/work/proj", "/tmp/x.properties", "/tmp/x.properties"},
		{"/work/proj", "<stdin>", "<stdin>"},
		{"/work/proj", "..", ".."},
	}
	for _, tc := range tests {
		p := projectPaths{root: root, cwd: filepath.FromSlash(tc.cwd)}
		if diff := cmp.Diff(tc.want, p.of(tc.display)); diff != "" {
			t.Errorf("from %s, of(%q) (-want +got):\n%s", tc.cwd, tc.display, diff)
		}
	}
	if got := (projectPaths{}).of("a/b"); got != "a/b" {
		t.Errorf("without a root, of(a/b) = %q", got)
	}
}
