package source

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/sfmeta"
)

type zipItem struct {
	name    string
	content string
	method  uint16
	// lieSize, when set, is written as the uncompressed size instead of
	// the real one (a zip bomb understating its size).
	lieSize uint64
	// raw writes content as already-compressed data with these flags and
	// this method, for entries archive/zip cannot produce itself.
	raw   bool
	flags uint16
}

func makeZip(t *testing.T, items []zipItem) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, it := range items {
		if it.raw {
			w, err := zw.CreateRaw(&zip.FileHeader{
				Name: it.name, Method: it.method, Flags: it.flags,
				CompressedSize64:   uint64(len(it.content)),
				UncompressedSize64: uint64(len(it.content)),
			})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write([]byte(it.content)); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if it.lieSize > 0 {
			var comp bytes.Buffer
			fw, err := flate.NewWriter(&comp, flate.BestCompression)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := fw.Write([]byte(it.content)); err != nil {
				t.Fatal(err)
			}
			if err := fw.Close(); err != nil {
				t.Fatal(err)
			}
			w, err := zw.CreateRaw(&zip.FileHeader{
				Name: it.name, Method: zip.Deflate,
				CRC32:              crc32.ChecksumIEEE([]byte(it.content)),
				CompressedSize64:   uint64(comp.Len()),
				UncompressedSize64: it.lieSize,
			})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write(comp.Bytes()); err != nil {
				t.Fatal(err)
			}
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: it.name, Method: it.method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(it.content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWalkZip(t *testing.T) {
	app := xml + `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"/>`
	retrieve := makeZip(t, []zipItem{
		{name: "unpackaged/package.xml", content: xml, method: zip.Deflate},
		{name: "unpackaged/connectedApps/", method: zip.Store},
		{name: "unpackaged/connectedApps/Billing.connectedApp", content: app, method: zip.Deflate},
		{name: "unpackaged/profiles/R%2FW.profile", content: xml, method: zip.Store},
		{name: "unpackaged/settings/Security.settings", content: xml, method: zip.Deflate},
		{name: "unpackaged/settings/Foo.settings", content: xml, method: zip.Deflate},
		{name: "../connectedApps/Evil.connectedApp", content: xml, method: zip.Deflate},
		{name: "/etc/profiles/Abs.profile", content: xml, method: zip.Deflate},
		{name: `..\profiles\WinEvil.profile`, content: xml, method: zip.Deflate},
		{name: "unpackaged/profiles/Huge.profile", content: strings.Repeat("x", 500), method: zip.Deflate},
	})
	// A valid archive cut short loses its central directory.
	truncated := retrieve[:len(retrieve)/2]

	tests := []struct {
		name         string
		files        map[string][]byte
		args         []string
		metadataOnly bool
		noArchives   bool
		want         []entry
		wantDiags    []finding.Diagnostic
	}{
		{
			name:         "retrieve zip entries are classified by inner path",
			files:        map[string][]byte{"retrieve.zip": retrieve},
			args:         []string{"retrieve.zip"},
			metadataOnly: true,
			want: []entry{
				{Path: "retrieve.zip!/unpackaged/connectedApps/Billing.connectedApp", Type: "ConnectedApp", FullName: "Billing", Format: sfmeta.FormatMDAPI, Size: int64(len(app))},
				md("retrieve.zip!/unpackaged/profiles/R%2FW.profile", "Profile", "R/W", sfmeta.FormatMDAPI),
				md("retrieve.zip!/unpackaged/settings/Security.settings", "SecuritySettings", "Security", sfmeta.FormatMDAPI),
			},
			wantDiags: []finding.Diagnostic{
				{File: "retrieve.zip", Message: `entry "../connectedApps/Evil.connectedApp" skipped: its path leaves the archive (absolute or ../)`},
				{File: "retrieve.zip", Message: `entry "..\\profiles\\WinEvil.profile" skipped: its path leaves the archive (absolute or ../)`},
				{File: "retrieve.zip", Message: `entry "/etc/profiles/Abs.profile" skipped: its path leaves the archive (absolute or ../)`},
				{File: "retrieve.zip!/unpackaged/profiles/Huge.profile", Message: "skipped: 500 bytes exceeds the 200-byte limit"},
			},
		},
		{
			name: "entries that cannot be read are reported, git internals skipped",
			files: map[string][]byte{"odd.zip": makeZip(t, []zipItem{
				{name: "unpackaged/profiles/Bzip.profile", content: "BZh9", method: 12, raw: true},
				{name: "unpackaged/profiles/Locked.profile", content: "xxxx", method: zip.Store, flags: 0x1, raw: true},
				{name: "repo/.git/config", content: "[core]", method: zip.Deflate},
				{name: "repo/notes.txt", content: "hi", method: zip.Deflate},
			})},
			args: []string{"odd.zip"},
			want: []entry{plain("odd.zip!/repo/notes.txt", 2)},
			wantDiags: []finding.Diagnostic{
				{File: "odd.zip!/unpackaged/profiles/Bzip.profile", Message: "skipped: unsupported compression method 12"},
				{File: "odd.zip!/unpackaged/profiles/Locked.profile", Message: "skipped: the entry is encrypted"},
			},
		},
		{
			name:  "secret scan lists every regular entry",
			files: map[string][]byte{"sub/retrieve.zip": retrieve},
			args:  []string{"sub/retrieve.zip"},
			want: []entry{
				{Path: "sub/retrieve.zip!/unpackaged/connectedApps/Billing.connectedApp", Type: "ConnectedApp", FullName: "Billing", Format: sfmeta.FormatMDAPI, Size: int64(len(app))},
				plain("sub/retrieve.zip!/unpackaged/package.xml", len(xml)),
				md("sub/retrieve.zip!/unpackaged/profiles/R%2FW.profile", "Profile", "R/W", sfmeta.FormatMDAPI),
				plain("sub/retrieve.zip!/unpackaged/settings/Foo.settings", len(xml)),
				md("sub/retrieve.zip!/unpackaged/settings/Security.settings", "SecuritySettings", "Security", sfmeta.FormatMDAPI),
			},
			wantDiags: []finding.Diagnostic{
				{File: "sub/retrieve.zip", Message: `entry "../connectedApps/Evil.connectedApp" skipped: its path leaves the archive (absolute or ../)`},
				{File: "sub/retrieve.zip", Message: `entry "..\\profiles\\WinEvil.profile" skipped: its path leaves the archive (absolute or ../)`},
				{File: "sub/retrieve.zip", Message: `entry "/etc/profiles/Abs.profile" skipped: its path leaves the archive (absolute or ../)`},
				{File: "sub/retrieve.zip!/unpackaged/profiles/Huge.profile", Message: "skipped: 500 bytes exceeds the 200-byte limit"},
			},
		},
		{
			name:         "corrupt and truncated archives",
			files:        map[string][]byte{"garbage.zip": []byte("PK\x03\x04 not really a zip"), "cut.zip": truncated},
			args:         []string{"garbage.zip", "cut.zip"},
			metadataOnly: true,
			wantDiags: []finding.Diagnostic{
				{File: "cut.zip", Message: "corrupt or unreadable zip archive: zip: not a valid zip file"},
				{File: "garbage.zip", Message: "corrupt or unreadable zip archive: zip: not a valid zip file"},
			},
		},
		{
			name: "zips inside a walked directory are opened",
			files: map[string][]byte{
				"backup/retrieve.zip":    retrieve,
				"profiles/Admin.profile": []byte(xml),
			},
			metadataOnly: true,
			want: []entry{
				{Path: "backup/retrieve.zip!/unpackaged/connectedApps/Billing.connectedApp", Type: "ConnectedApp", FullName: "Billing", Format: sfmeta.FormatMDAPI, Size: 101},
				{Path: "backup/retrieve.zip!/unpackaged/profiles/R%2FW.profile", Type: "Profile", FullName: "R/W", Format: sfmeta.FormatMDAPI, Size: 38},
				{Path: "backup/retrieve.zip!/unpackaged/settings/Security.settings", Type: "SecuritySettings", FullName: "Security", Format: sfmeta.FormatMDAPI, Size: 38},
				md("profiles/Admin.profile", "Profile", "Admin", sfmeta.FormatMDAPI),
			},
			wantDiags: []finding.Diagnostic{
				{File: "backup/retrieve.zip", Message: `entry "../connectedApps/Evil.connectedApp" skipped: its path leaves the archive (absolute or ../)`},
				{File: "backup/retrieve.zip", Message: `entry "..\\profiles\\WinEvil.profile" skipped: its path leaves the archive (absolute or ../)`},
				{File: "backup/retrieve.zip", Message: `entry "/etc/profiles/Abs.profile" skipped: its path leaves the archive (absolute or ../)`},
				{File: "backup/retrieve.zip!/unpackaged/profiles/Huge.profile", Message: "skipped: 500 bytes exceeds the 200-byte limit"},
			},
		},
		{
			name: "--no-archives leaves zips in a walk closed",
			files: map[string][]byte{
				"backup/retrieve.zip":    retrieve,
				"profiles/Admin.profile": []byte(xml),
			},
			noArchives: true,
			want: []entry{
				plain("backup/retrieve.zip", -1),
				md("profiles/Admin.profile", "Profile", "Admin", sfmeta.FormatMDAPI),
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for name, b := range tc.files {
				p := filepath.Join(root, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(root)
			files, diags := walkMode(tc.args, Options{MaxFileSize: 200, NoArchives: tc.noArchives}, tc.metadataOnly)
			if diff := cmp.Diff(tc.want, summarize(files)); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantDiags, diags); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestZipRead(t *testing.T) {
	app := xml + `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"><label>Billing</label></ConnectedApp>`
	archive := makeZip(t, []zipItem{
		{name: "unpackaged/connectedApps/Deflated.connectedApp", content: app, method: zip.Deflate},
		{name: "unpackaged/connectedApps/Stored.connectedApp", content: app, method: zip.Store},
		// Declares 40 bytes, inflates to 5,000: must not be read past 41.
		{name: "unpackaged/connectedApps/Bomb.connectedApp", content: strings.Repeat("A", 5000), lieSize: 40},
	})
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "r.zip"), archive, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	files, diags := walkMode([]string{"r.zip"}, Options{}, true)
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	type result struct {
		Path    string
		Content string
		Err     string
	}
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
		{Path: "r.zip!/unpackaged/connectedApps/Bomb.connectedApp", Err: "r.zip!/unpackaged/connectedApps/Bomb.connectedApp: corrupt zip entry: 40 bytes declared, more found"},
		{Path: "r.zip!/unpackaged/connectedApps/Deflated.connectedApp", Content: app},
		{Path: "r.zip!/unpackaged/connectedApps/Stored.connectedApp", Content: app},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reads (-want +got):\n%s", diff)
	}
}

func TestUnsafeEntry(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"unpackaged/profiles/A.profile", false},
		{"unpackaged/profiles/..A.profile", false},
		{"../evil", true},
		{"unpackaged/../../evil", true},
		{"/etc/passwd", true},
		{"C:/Windows/evil", true},
		{"a/..", true},
		{"", true},
	}
	for _, tc := range tests {
		if got := unsafeEntry(tc.name); got != tc.want {
			t.Errorf("unsafeEntry(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestZipDuplicateNames (issue 11.2): two entries with one name are an
// input problem, and both copies are listed; extracting tools keep the last
// one, so checking only the first would let the second hide.
func TestZipDuplicateNames(t *testing.T) {
	root := t.TempDir()
	data := makeZip(t, []zipItem{
		{name: "unpackaged/connectedApps/A.connectedApp", content: "first", method: zip.Deflate},
		{name: "unpackaged/connectedApps/A.connectedApp", content: "second, the insecure one", method: zip.Deflate},
	})
	if err := os.WriteFile(filepath.Join(root, "r.zip"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	files, diags := Walk([]string{"r.zip"}, Options{})
	var got []string
	for i := range files {
		b, err := files[i].Read()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, files[i].Path+" "+string(b))
	}
	want := []string{
		"r.zip!/unpackaged/connectedApps/A.connectedApp first",
		"r.zip!/unpackaged/connectedApps/A.connectedApp second, the insecure one",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	wantDiags := []finding.Diagnostic{{File: "r.zip!/unpackaged/connectedApps/A.connectedApp",
		Message: "duplicate entry name in the archive (copy 2): tools that extract it keep only one copy; every copy is checked"}}
	if diff := cmp.Diff(wantDiags, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestZipOversizedEntryNotInflated (issue 11.5): an entry over the limit is
// refused from its header size; a non-metadata one is listed with that
// size for the credential scan to skip, and Read refuses it without
// inflating. The entry's data here is not even valid deflate, so any
// attempt to inflate it would report a corrupt entry instead.
func TestZipOversizedEntryNotInflated(t *testing.T) {
	root := t.TempDir()
	data := makeZip(t, []zipItem{
		{name: "dump/big.csv", content: "not deflate data", method: zip.Deflate, raw: true},
		{name: "unpackaged/profiles/Big.profile", content: "not deflate data", method: zip.Deflate, raw: true},
	})
	// raw entries declare their own length; patch nothing, use a limit
	// below it.
	if err := os.WriteFile(filepath.Join(root, "r.zip"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	files, diags := Walk([]string{"r.zip"}, Options{MaxFileSize: 4})
	if len(files) != 1 || files[0].Path != "r.zip!/dump/big.csv" || files[0].Size != 16 {
		t.Fatalf("files = %+v", summarize(files))
	}
	if _, err := files[0].Read(); err == nil || !strings.Contains(err.Error(), "exceeds the 4-byte limit") {
		t.Errorf("Read of an oversized entry: %v", err)
	}
	wantDiags := []finding.Diagnostic{{File: "r.zip!/unpackaged/profiles/Big.profile", Message: "skipped: 16 bytes exceeds the 4-byte limit"}}
	if diff := cmp.Diff(wantDiags, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestNestedArchives: a zip inside a folder and a zip inside that are
// opened; one level deeper is reported, not opened.
func TestNestedArchives(t *testing.T) {
	root := t.TempDir()
	inner2 := makeZip(t, []zipItem{{name: "profiles/Deep.profile", content: xml, method: zip.Deflate}})
	inner := makeZip(t, []zipItem{
		{name: "profiles/Inner.profile", content: xml, method: zip.Deflate},
		{name: "deeper.zip", content: string(inner2), method: zip.Store},
	})
	outer := makeZip(t, []zipItem{{name: "nested/inner.zip", content: string(inner), method: zip.Deflate}})
	writeTree(t, root, map[string]string{"backup/outer.zip": string(outer)})
	t.Chdir(root)
	files, diags := Walk(nil, Options{})
	want := []entry{md("backup/outer.zip!/nested/inner.zip!/profiles/Inner.profile", "Profile", "Inner", sfmeta.FormatMDAPI)}
	if diff := cmp.Diff(want, summarize(files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	wantDiags := []finding.Diagnostic{{File: "backup/outer.zip!/nested/inner.zip!/deeper.zip", Message: "archive not opened: nested more than 2 levels deep"}}
	if diff := cmp.Diff(wantDiags, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
