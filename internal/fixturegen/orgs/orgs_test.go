package orgs

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const root = "../../../fixtures/orgs"

// TestFixturesInSync fails when insecure-mdapi changed without
// `go run ./internal/fixturegen`.
func TestFixturesInSync(t *testing.T) {
	files, err := ReadMDAPI(root)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Zip(files)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, "insecure-mdapi.zip"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		t.Error("fixtures/orgs/insecure-mdapi.zip is stale: run go run ./internal/fixturegen")
	}
	var gotSrc []File
	base := filepath.Join(root, "insecure-source")
	err = filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(base, p)
		data, err := os.ReadFile(p)
		gotSrc = append(gotSrc, File{Path: filepath.ToSlash(rel), Data: data})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(gotSrc, func(i, j int) bool { return gotSrc[i].Path < gotSrc[j].Path })
	if diff := cmp.Diff(SourceTree(files), gotSrc); diff != "" {
		t.Errorf("fixtures/orgs/insecure-source is stale (run go run ./internal/fixturegen):\n%s", diff)
	}
}
