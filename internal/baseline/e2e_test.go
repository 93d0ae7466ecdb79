package baseline_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beevik/etree"

	"github.com/sfguard/sfguard/internal/baseline"
	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/scan"
	"github.com/sfguard/sfguard/internal/testutil"
)

// TestBaselineSurvivesReformatAndReorder runs the whole pipeline over the
// shipped insecure org, writes a baseline, then rewrites every XML file the
// way retrieve and format tools do — elements in reverse order at every
// level, tabs instead of spaces, a comment shifting every line — and checks
// that the baseline still accepts every finding and has no stale entry.
// Then one value changes, and exactly that finding is new.
func TestBaselineSurvivesReformatAndReorder(t *testing.T) {
	src := filepath.Join("..", "..", "fixtures", "orgs", "insecure-mdapi")
	if _, err := os.Stat(src); err != nil {
		t.Skip("fixture org not present:", err)
	}
	org := filepath.Join(t.TempDir(), "org")
	testutil.CopyTree(t, src, org)
	basefile := filepath.Join(t.TempDir(), "baseline.json")

	settings := func() *scan.Settings {
		return &scan.Settings{
			Paths: []string{org}, Metadata: true, Jobs: 1, Config: &config.Config{},
			FailOn: finding.Low, Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
			Tool: "sfguard", Version: "test", NoIgnore: true,
		}
	}
	s := settings()
	s.WriteBaseline = basefile
	first, err := scan.Run(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Report.Diagnostics) > 0 {
		t.Fatalf("diagnostics on the fixture org: %v", first.Report.Diagnostics)
	}
	n := len(first.Report.Active())
	if n < 5 {
		t.Fatalf("only %d findings on the insecure org; the test needs a real baseline", n)
	}
	b, err := baseline.Load(basefile)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Findings) != n {
		t.Fatalf("baseline has %d entries for %d findings", len(b.Findings), n)
	}

	reformatTree(t, org)

	s = settings()
	s.Baseline = basefile
	s.Strict = true
	second, err := scan.Run(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Report.Diagnostics) > 0 {
		t.Fatalf("diagnostics after reformatting: %v", second.Report.Diagnostics)
	}
	if active := second.Report.Active(); len(active) != 0 {
		for _, f := range active {
			t.Errorf("not matched by the baseline after reformatting: %s %s:%d %s", f.RuleID, f.File, f.Line, f.ElementPath)
		}
	}
	if got := second.Report.SuppressedCount(); got != n {
		t.Errorf("%d findings baselined after reformatting, want %d", got, n)
	}
	if second.StrictFailed {
		t.Errorf("stale baseline entries after reformatting: %v", second.Report.Notes)
	}
	moved := 0
	for i := range first.Report.Findings {
		for j := range second.Report.Findings {
			a, c := first.Report.Findings[i], second.Report.Findings[j]
			if a.Fingerprint == c.Fingerprint && (a.Line != c.Line || a.ElementPath != c.ElementPath) {
				moved++
				break
			}
		}
	}
	if moved == 0 {
		t.Error("no finding moved: the rewrite did not reformat anything")
	}

	// Change one offending value: that finding is new, its old entry stale.
	if !changeOneValue(t, org) {
		t.Log("no known offending value in the fixture org to change; skipping the changed-value check")
		return
	}
	third, err := scan.Run(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(third.Report.Active()); got != 1 {
		for _, f := range third.Report.Active() {
			t.Logf("active: %s %s %s", f.RuleID, f.File, f.ElementPath)
		}
		t.Errorf("%d active findings after changing one value, want 1", got)
	}
	if !third.StrictFailed {
		t.Error("the changed finding's old baseline entry must be reported stale")
	}
}

// changeOneValue edits the first offending value it finds so that the same
// rule still fires on the same element with a different value.
func changeOneValue(t *testing.T, dir string) bool {
	t.Helper()
	edits := [][2]string{
		{"<endAddress>255.255.255.255</endAddress>", "<endAddress>255.255.255.254</endAddress>"},
		{"<refreshTokenPolicy>infinite</refreshTokenPolicy>", ""},
	}
	for _, e := range edits {
		changed := false
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || changed {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil || !strings.Contains(string(b), e[0]) {
				return err
			}
			changed = true
			return os.WriteFile(p, []byte(strings.Replace(string(b), e[0], e[1], 1)), 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
		if changed {
			return true
		}
	}
	return false
}

// reformatTree rewrites every metadata XML file under dir: child elements
// in reverse order at every level, tab indentation, and a leading comment.
func reformatTree(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(p) == "package.xml" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !bytes.HasPrefix(bytes.TrimSpace(b), []byte("<")) {
			return nil // not XML: nothing to reformat
		}
		doc := etree.NewDocument()
		if perr := doc.ReadFromBytes(b); perr != nil {
			return fmt.Errorf("%s: %w", p, perr)
		}
		reverse(doc.Root())
		doc.Root().Parent().InsertChildAt(doc.Root().Index(), etree.NewComment(" reformatted\n by a tool\n "))
		doc.IndentTabs()
		out, err := doc.WriteToBytes()
		if err != nil {
			return err
		}
		return os.WriteFile(p, out, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func reverse(e *etree.Element) {
	kids := e.ChildElements()
	for _, k := range kids {
		e.RemoveChild(k)
	}
	for i := len(kids) - 1; i >= 0; i-- {
		reverse(kids[i])
		e.AddChild(kids[i])
	}
}
