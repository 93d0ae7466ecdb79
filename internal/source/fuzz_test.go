package source

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzZip: no archive bytes make the walk or an entry read panic, read more
// than the limit, or list an entry whose path leaves the archive. `go test`
// replays the seeds and testdata/fuzz/FuzzZip; `go test -fuzz FuzzZip`
// explores (see docs/architecture.md, "Fuzzing").
func FuzzZip(f *testing.F) {
	app := `<?xml version="1.0" encoding="UTF-8"?><ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata"/>`
	for _, entries := range [][][2]string{
		{{"unpackaged/connectedApps/A.connectedApp", app}, {"unpackaged/package.xml", "<Package/>"}},
		{{"unpackaged/profiles/R%2FW.profile", app}, {"../evil.profile", "x"}, {"dir/", ""}},
		{{"a/.git/config", "[core]"}, {"force-app/main/default/namedCredentials/N.namedCredential-meta.xml", app}},
	} {
		for _, method := range []uint16{zip.Store, zip.Deflate} {
			f.Add(fuzzZipBytes(f, entries, method))
		}
	}
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	const limit = 4096
	// One file per worker process, rewritten for each input: a directory
	// made and removed per input costs more than the walk itself.
	p := filepath.Join(f.TempDir(), "r.zip")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		files, diags := Walk([]string{p}, Options{MaxFileSize: limit})
		for _, d := range diags {
			if d.File == "" || d.Message == "" {
				t.Fatalf("diagnostic without file or message: %+v", d)
			}
		}
		for _, fl := range files {
			inner := fl.Path[strings.Index(fl.Path, "!/")+2:]
			if unsafeEntry(inner) || strings.Contains("/"+inner+"/", "/../") {
				t.Fatalf("unsafe entry listed: %q", fl.Path)
			}
			b, err := fl.Read()
			if err != nil {
				if !strings.HasPrefix(err.Error(), fl.Path+": ") {
					t.Fatalf("read error does not name the entry: %v", err)
				}
				continue
			}
			if len(b) > limit || int64(len(b)) != fl.Size {
				t.Fatalf("%s: read %d bytes, declared %d, limit %d", fl.Path, len(b), fl.Size, limit)
			}
		}
	})
}

func fuzzZipBytes(f *testing.F, entries [][2]string, method uint16) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: method})
		if err != nil {
			f.Fatal(err)
		}
		if _, err := w.Write([]byte(e[1])); err != nil {
			f.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}
