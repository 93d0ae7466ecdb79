// Command scan is the benchmark driver for sfguard's secret scan: it walks a
// tree, scans every file with internal/secrets, runs the built-in Rego secret
// rules and prints one "path:line:rule:severity" line per finding, with
// throughput on stderr. It stands in for `sfguard secrets --format json`
// until the CLI exists and measures the same work (walk, read, detect,
// policy).
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"time"

	"github.com/sfguard/sfguard/internal/secrets"
	"github.com/sfguard/sfguard/policy"
)

func main() {
	jobs := flag.Int("jobs", 0, "parallel scans (0 = GOMAXPROCS)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile here")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer pprof.StopCPUProfile()
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: scan [-jobs N] DIR")
		os.Exit(2)
	}
	root := flag.Arg(0)
	start := time.Now()
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(root, p)
		paths = append(paths, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	sort.Strings(paths)
	var appBlobs []secrets.Blob
	for _, p := range paths {
		if secrets.IsAppMetadata(p) {
			if data, err := os.ReadFile(filepath.Join(root, p)); err == nil {
				appBlobs = append(appBlobs, secrets.Blob{Path: p, Data: data})
			}
		}
	}
	apps, _ := secrets.CollectApps(appBlobs)
	res := secrets.ScanFiles(root, paths, secrets.Options{Jobs: *jobs, Apps: apps})
	detected := time.Since(start)
	eng, err := policy.New(policy.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	in := make([]policy.SecretInput, len(res.Candidates))
	for i, c := range res.Candidates {
		in[i] = policy.SecretInput{Detector: c.Detector, Location: c.Location, Secret: c.Secret, Commit: c.Commit, Fields: c.Fields}
	}
	findings, diags := eng.EvalSecrets(context.Background(), in, 2)
	total := time.Since(start)
	w := bufio.NewWriter(os.Stdout)
	for _, f := range findings {
		fmt.Fprintf(w, "%s:%d:%s:%s\n", f.File, f.Line, f.RuleID, f.Severity)
	}
	w.Flush()
	for _, d := range append(res.Diagnostics, diags...) {
		fmt.Fprintln(os.Stderr, d.Error())
	}
	mb := float64(res.Bytes) / (1 << 20)
	fmt.Fprintf(os.Stderr, "scan: %d files, %.1f MB, %d candidates, %d findings; detect %.2fs (%.0f MB/s), total %.2fs (%.0f MB/s)\n",
		res.Files, mb, len(res.Candidates), len(findings), detected.Seconds(), mb/detected.Seconds(), total.Seconds(), mb/total.Seconds())
}
