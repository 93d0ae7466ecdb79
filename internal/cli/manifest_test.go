package cli

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

type pkg struct {
	XMLName xml.Name `xml:"http://soap.sforce.com/2006/04/metadata Package"`
	Types   []struct {
		Members []string `xml:"members"`
		Name    string   `xml:"name"`
	} `xml:"types"`
	Version string `xml:"version"`
}

// TestManifestCoversTheRegistry: the package.xml names every type sfguard
// reads, settings by name, and nothing else.
func TestManifestCoversTheRegistry(t *testing.T) {
	code, stdout, stderr := runCLI(t, nil, "manifest")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var p pkg
	if err := xml.Unmarshal([]byte(stdout), &p); err != nil {
		t.Fatalf("not a package.xml: %v\n%s", err, stdout)
	}
	got := map[string][]string{}
	for _, ty := range p.Types {
		got[ty.Name] = ty.Members
	}
	want := map[string][]string{}
	for _, ty := range sfmeta.Types {
		if ty.SettingsName != "" {
			want["Settings"] = append(want["Settings"], ty.SettingsName)
		} else {
			want[ty.Name] = []string{"*"}
		}
	}
	sort.Strings(want["Settings"])
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
	if p.Version != DefaultManifestAPIVersion {
		t.Errorf("version %q", p.Version)
	}
	for _, note := range []string{"sf project retrieve start -x package.xml -t audit", "sfguard scan -o audit.html audit", "come back only next to the objects"} {
		if !strings.Contains(stdout, note) {
			t.Errorf("manifest lacks %q", note)
		}
	}
}

func TestManifestFlags(t *testing.T) {
	out := filepath.Join(t.TempDir(), "package.xml")
	if code, _, stderr := runCLI(t, nil, "manifest", "--api-version", "64.0", "-o", out); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "<version>64.0</version>") {
		t.Errorf("version not written:\n%s", b)
	}
	for _, bad := range []string{"59.0", "sixty", "62"} {
		if code, _, stderr := runCLI(t, nil, "manifest", "--api-version", bad); code != ExitError || !strings.Contains(stderr, "--api-version") {
			t.Errorf("--api-version %s: exit %d, %q", bad, code, stderr)
		}
	}
}
