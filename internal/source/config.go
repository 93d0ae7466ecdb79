package source

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"sync"
)

// configFiles reads the files that decide what a listing classifies as
// metadata: sfdx-project.json, .forceignore and the package directories
// they name. A walk of the work tree reads them from disk; --staged and PR
// mode's base read them from git (gitConfig), so that the files deciding
// what the commit's or the base's metadata is are the ones the commit or
// the base holds, not whatever the work tree has now.
type configFiles interface {
	// readFile returns the content; fs.ErrNotExist when there is none.
	readFile(abs string) ([]byte, error)
	// dirExists reports whether a package directory exists.
	dirExists(abs string) (bool, error)
}

// diskConfig reads the work tree.
type diskConfig struct{}

func (diskConfig) readFile(abs string) ([]byte, error) { return os.ReadFile(abs) }

func (diskConfig) dirExists(abs string) (bool, error) {
	st, err := os.Stat(abs)
	if err != nil {
		return false, err
	}
	return st.IsDir(), nil
}

// isConfigFile reports whether a path names a file configFiles serves.
func isConfigFile(p string) bool {
	base := p[strings.LastIndexByte(p, '/')+1:]
	return base == sfdxProject || base == forceignore
}

// gitConfig serves the configuration files of one git tree (the index or a
// revision's tree) from the blobs listed for it, read with one cat-file on
// first use. Package directories are taken to exist: git has no folders,
// and a missing one is a work-tree mistake the walk reports.
type gitConfig struct {
	top   string
	dir   string            // where git runs; top when empty
	blobs map[string]string // path from the top -> object name
	once  sync.Once
	data  map[string][]byte
	err   error
}

func newGitConfig(top string, blobs map[string]string) *gitConfig {
	return &gitConfig{top: top, blobs: blobs}
}

func (g *gitConfig) readFile(abs string) ([]byte, error) {
	rel, ok := RelTo(g.top, abs)
	if !ok {
		return nil, fs.ErrNotExist
	}
	if _, listed := g.blobs[rel]; !listed {
		return nil, fs.ErrNotExist
	}
	g.once.Do(g.load)
	if g.err != nil {
		return nil, g.err
	}
	return g.data[rel], nil
}

func (g *gitConfig) dirExists(string) (bool, error) { return true, nil }

func (g *gitConfig) load() {
	paths := make([]string, 0, len(g.blobs))
	shas := make([]string, 0, len(g.blobs))
	for p, sha := range g.blobs {
		paths = append(paths, p)
		shas = append(shas, sha)
	}
	dir := g.dir
	if dir == "" {
		dir = g.top
	}
	contents, err := catBlobs(dir, shas)
	if err != nil {
		g.err = err
		return
	}
	g.data = make(map[string][]byte, len(paths))
	for i, p := range paths {
		g.data[p] = contents[i]
	}
}

// indexConfig lists the configuration files the index holds and reads
// them; dir is anywhere in the work tree, and top is set by the caller.
// --staged runs it beside the diffs, so it costs the pre-commit path no
// wall time.
func indexConfig(dir string) (*gitConfig, error) {
	out, err := git(dir, nil, "ls-files", "-s", "-z", "--full-name", "--", "*"+sfdxProject, "*"+forceignore)
	if err != nil {
		return nil, err
	}
	blobs := map[string]string{}
	for _, rec := range bytes.Split(out, []byte{0}) {
		// <mode> SP <object> SP <stage> TAB <path>
		meta, p, ok := strings.Cut(string(rec), "\t")
		if !ok || !isConfigFile(p) {
			continue
		}
		if f := strings.Fields(meta); len(f) == 3 && f[2] == "0" {
			blobs[p] = f[1]
		}
	}
	g := &gitConfig{blobs: blobs}
	g.dir = dir
	g.once.Do(g.load)
	return g, g.err
}

// treeConfig picks the configuration files out of a tree listing.
func treeConfig(top string, tree map[string]string) *gitConfig {
	blobs := map[string]string{}
	for p, sha := range tree {
		if isConfigFile(p) {
			blobs[p] = sha
		}
	}
	return newGitConfig(top, blobs)
}

// cfgExists reports whether a configuration file exists.
func (w *walker) cfgExists(abs string) bool {
	_, err := w.cfg.readFile(abs)
	return err == nil
}
