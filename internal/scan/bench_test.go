package scan

import (
	"context"
	"runtime"
	"testing"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/source"
	"github.com/sfguard/sfguard/internal/synthorg"
)

// benchOrg is a smaller cut of the benchmark org so `go test -bench`
// stays quick; bench/run.sh runs the full size.
var benchOrg = synthorg.Spec{Profiles: 12, ProfileBytes: 2 << 20, PermissionSets: 20, ConnectedApps: 10}

func writeBenchOrg(b *testing.B) (string, int64) {
	b.Helper()
	dir := b.TempDir()
	n, err := synthorg.Write(dir, benchOrg)
	if err != nil {
		b.Fatal(err)
	}
	return dir, n
}

// BenchmarkScanMetadata is the whole metadata pipeline (discover, read,
// filtered parse, evaluate) over the synthetic org; MB/s is effective
// throughput on the files' full size.
func BenchmarkScanMetadata(b *testing.B) {
	dir, n := writeBenchOrg(b)
	s := &Settings{Paths: []string{dir}, Metadata: true, Jobs: runtime.NumCPU(), Config: &config.Config{}, NoIgnore: true}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse is read + filtered parse only.
func BenchmarkParse(b *testing.B) {
	dir, n := writeBenchOrg(b)
	eng, err := NewEngine(&Settings{Config: &config.Config{}})
	if err != nil {
		b.Fatal(err)
	}
	all, _ := source.Walk([]string{dir}, source.Options{NoIgnore: true})
	files := source.Metadata(all)
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		docs, diags, _ := parseAll(eng, files, runtime.NumCPU())
		if len(diags) > 0 || len(docs) != len(files) {
			b.Fatalf("parsed %d of %d: %v", len(docs), len(files), diags)
		}
	}
}

// BenchmarkEvaluate is rule evaluation only, over already parsed documents.
func BenchmarkEvaluate(b *testing.B) {
	dir, _ := writeBenchOrg(b)
	eng, err := NewEngine(&Settings{Config: &config.Config{}})
	if err != nil {
		b.Fatal(err)
	}
	all, _ := source.Walk([]string{dir}, source.Options{NoIgnore: true})
	files := source.Metadata(all)
	docs, _, _ := parseAll(eng, files, runtime.NumCPU())
	b.ReportMetric(float64(len(docs)), "docs")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		fs, diags := eng.EvalDocuments(context.Background(), docs, runtime.NumCPU())
		if len(diags) > 0 || len(fs) == 0 {
			b.Fatalf("%d findings, diagnostics %v", len(fs), diags)
		}
	}
}
