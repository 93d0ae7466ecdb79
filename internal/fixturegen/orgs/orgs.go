// Package orgs builds the zip and source-format copies of the insecure
// fixture org from its Metadata API folder.
package orgs

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// File is one file of a generated tree: slash path and content.
type File struct {
	Path string
	Data []byte
}

// Source names the mdapi folder, relative to the orgs root.
const Source = "insecure-mdapi"

// ReadMDAPI lists the files of the mdapi org, sorted.
func ReadMDAPI(root string) ([]File, error) {
	base := filepath.Join(root, Source)
	var out []File
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(base, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out = append(out, File{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}

// SourceTree maps the mdapi files to the sfdx source layout. package.xml has
// no place in a source project; an sfdx-project.json takes its role.
func SourceTree(files []File) []File {
	out := []File{{Path: "sfdx-project.json", Data: []byte(sfdxProject)}}
	for _, f := range files {
		if f.Path == "package.xml" {
			continue
		}
		out = append(out, File{Path: path.Join("force-app/main/default", f.Path) + "-meta.xml", Data: f.Data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

const sfdxProject = `{
  "packageDirectories": [
    {
      "path": "force-app",
      "default": true
    }
  ],
  "name": "insecure-org",
  "sourceApiVersion": "62.0"
}
`

// Zip builds a retrieve zip with every file under unpackaged/, with fixed
// timestamps so the bytes do not change between runs.
func Zip(files []File) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "unpackaged/" + f.Path, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Generate rewrites insecure-mdapi.zip and insecure-source/ under root.
func Generate(root string) error {
	files, err := ReadMDAPI(root)
	if err != nil {
		return err
	}
	z, err := Zip(files)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(root, Source+".zip"), z, 0o644); err != nil {
		return err
	}
	dst := filepath.Join(root, strings.TrimSuffix(Source, "-mdapi")+"-source")
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	for _, f := range SourceTree(files) {
		p := filepath.Join(dst, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
