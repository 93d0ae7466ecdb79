package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/sfmeta"
)

func TestWalkUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permission bits do not stop reads")
	}
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"profiles/Locked.profile":        xml,
		"profiles/Open.profile":          xml,
		"secret/profiles/Hidden.profile": xml,
		"notes/locked.txt":               "x", // not a candidate: never opened
	})
	for _, p := range []string{"profiles/Locked.profile", "notes/locked.txt"} {
		if err := os.Chmod(filepath.Join(root, p), 0o000); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(filepath.Join(root, "secret"), 0o000); err != nil {
		t.Fatal(err)
	}
	// TempDir's cleanup must be able to list the directory to remove it.
	t.Cleanup(func() {
		if err := os.Chmod(filepath.Join(root, "secret"), 0o755); err != nil {
			t.Error(err)
		}
	})
	t.Chdir(root)

	// Unreadable files are listed (the walk only stats) and Read reports
	// them with their path; an unreadable directory is reported by the walk.
	tests := []struct {
		name         string
		metadataOnly bool
		want         []entry
		unreadable   []string
	}{
		{
			name:         "config scan",
			metadataOnly: true,
			want: []entry{
				md("profiles/Locked.profile", "Profile", "Locked", sfmeta.FormatMDAPI),
				md("profiles/Open.profile", "Profile", "Open", sfmeta.FormatMDAPI),
			},
			unreadable: []string{"profiles/Locked.profile"},
		},
		{
			name: "secret scan",
			want: []entry{
				{Path: "notes/locked.txt", Size: 1},
				md("profiles/Locked.profile", "Profile", "Locked", sfmeta.FormatMDAPI),
				md("profiles/Open.profile", "Profile", "Open", sfmeta.FormatMDAPI),
			},
			unreadable: []string{"notes/locked.txt", "profiles/Locked.profile"},
		},
	}
	wantDiags := []finding.Diagnostic{{File: "secret", Message: "cannot read directory: permission denied"}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, diags := walkMode(nil, Options{}, tc.metadataOnly)
			if diff := cmp.Diff(tc.want, summarize(files)); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(wantDiags, diags); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			var failed []string
			for i := range files {
				if _, err := files[i].Read(); err != nil {
					if !strings.Contains(err.Error(), files[i].Path) || !strings.Contains(err.Error(), "permission denied") {
						t.Errorf("read error %q does not name the file and the cause", err)
					}
					failed = append(failed, files[i].Path)
				}
			}
			if diff := cmp.Diff(tc.unreadable, failed); diff != "" {
				t.Errorf("unreadable files (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWalkSymlinks(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"src/profiles/Admin.profile": xml,
		"shared/Integration.txt":     xml,
	})
	links := map[string]string{
		"src/loop":                      "..",                           // a directory loop: not followed
		"src/profiles/Linked.profile":   "../../shared/Integration.txt", // symlinked file: read
		"src/profiles/Alias.profile":    "Admin.profile",                // the same file twice: listed once
		"src/profiles/Dangling.profile": "nowhere",                      // broken link: nothing to read
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skipf("symlinks unsupported: %v", err)
		}
	}
	t.Chdir(root)
	files, diags := walkMode([]string{"src"}, Options{}, true)
	want := []entry{
		md("src/profiles/Admin.profile", "Profile", "Admin", sfmeta.FormatMDAPI),
		md("src/profiles/Linked.profile", "Profile", "Linked", sfmeta.FormatMDAPI),
	}
	if diff := cmp.Diff(want, summarize(files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags)
	}
}

// Overlapping arguments in any order give the same, duplicate-free result.
func TestWalkDeterministic(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"force-app/main/default/profiles/Admin.profile-meta.xml":         xml,
		"force-app/main/default/connectedApps/App.connectedApp-meta.xml": xml,
		"force-app/main/default/settings/Security.settings-meta.xml":     xml,
		"other/permissionsets/Ops.permissionset":                         xml,
	})
	t.Chdir(root)
	want := []entry{
		md("force-app/main/default/connectedApps/App.connectedApp-meta.xml", "ConnectedApp", "App", sfmeta.FormatSource),
		md("force-app/main/default/profiles/Admin.profile-meta.xml", "Profile", "Admin", sfmeta.FormatSource),
		md("force-app/main/default/settings/Security.settings-meta.xml", "SecuritySettings", "Security", sfmeta.FormatSource),
		md("other/permissionsets/Ops.permissionset", "PermissionSet", "Ops", sfmeta.FormatMDAPI),
	}
	argSets := [][]string{
		nil,
		{"."},
		{"force-app", ".", "force-app/main/default/profiles/Admin.profile-meta.xml"},
		{"force-app/main/default/profiles/Admin.profile-meta.xml", root, "force-app", "./other"},
		{"other", "force-app/main/default/", "force-app/main/default/profiles", "other/"},
	}
	for _, args := range argSets {
		for run := 0; run < 3; run++ {
			files, diags := walkMode(args, Options{}, true)
			if diff := cmp.Diff(want, summarize(files)); diff != "" {
				t.Errorf("walkMode(%q) run %d (-want +got):\n%s", args, run, diff)
			}
			if len(diags) != 0 {
				t.Errorf("walkMode(%q): unexpected diagnostics: %v", args, diags)
			}
		}
	}
}

// Paths outside the working directory are shown as given.
func TestWalkDisplayPathsOutsideCwd(t *testing.T) {
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"profiles/Admin.profile": xml})
	t.Chdir(t.TempDir())
	files, diags := walkMode([]string{outside + "/", filepath.Join(outside, "missing")}, Options{}, true)
	want := []entry{md(filepath.ToSlash(filepath.Join(outside, "profiles/Admin.profile")), "Profile", "Admin", sfmeta.FormatMDAPI)}
	if diff := cmp.Diff(want, summarize(files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	wantDiags := []finding.Diagnostic{{File: filepath.ToSlash(filepath.Join(outside, "missing")), Message: "no such file or directory"}}
	if diff := cmp.Diff(wantDiags, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestFileRead(t *testing.T) {
	root := t.TempDir()
	content := xml + `<Profile xmlns="http://soap.sforce.com/2006/04/metadata"/>`
	writeTree(t, root, map[string]string{
		"profiles/Admin.profile": content,
		"profiles/Grows.profile": xml,
		"profiles/Gone.profile":  xml,
	})
	t.Chdir(root)
	files, diags := walkMode(nil, Options{MaxFileSize: 128}, true)
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	// Change the tree between the walk and the reads, as an editor or a
	// concurrent retrieve might.
	if err := os.WriteFile(filepath.Join(root, "profiles/Grows.profile"), []byte(strings.Repeat("x", 129)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(root, "profiles/Gone.profile")); err != nil {
		t.Fatal(err)
	}
	type result struct{ Path, Content, Err string }
	var got []result
	for i := range files {
		b, err := files[i].Read()
		r := result{Path: files[i].Path, Content: string(b)}
		if err != nil {
			r.Err = err.Error()
		}
		got = append(got, r)
	}
	want := []result{
		{Path: "profiles/Admin.profile", Content: content},
		{Path: "profiles/Gone.profile", Err: "profiles/Gone.profile: no such file or directory"},
		{Path: "profiles/Grows.profile", Err: "profiles/Grows.profile: file grew past the 128-byte limit while scanning"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reads (-want +got):\n%s", diff)
	}
}

func TestHumanBytes(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{DefaultMaxFileSize, "64 MiB"},
		{2048, "2 KiB"},
		{1000, "1000-byte"},
		{3<<20 + 1, "3145729-byte"},
	}
	for _, tc := range tests {
		if got := humanBytes(tc.n); got != tc.want {
			t.Errorf("humanBytes(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
