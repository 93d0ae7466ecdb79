package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/report"
	"github.com/sfguard/sfguard/internal/scan"
	"github.com/sfguard/sfguard/internal/synthorg"
)

// The HTML report is checked the way an admin uses it: opened from disk in
// a real browser (Debian's chromium, driven over the DevTools protocol with
// chromedp). Without a browser these tests skip and say what to install.

const browserHint = "no headless browser found: install Debian's chromium package (apt-get install -y chromium) or set SFGUARD_CHROME to a Chrome/Chromium binary"

func browserPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("SFGUARD_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip(browserHint)
	return ""
}

// artifactDir is where screenshots go: $SFGUARD_ARTIFACTS, else a fixed
// folder under the temp dir (kept after the test, printed in the log).
func artifactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SFGUARD_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "sfguard-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// fixtureReport scans a fixture org for the HTML report.
func fixtureReport(t testing.TB, path string) *report.Report {
	t.Helper()
	res, err := scan.Run(context.Background(), &scan.Settings{
		Paths: []string{path}, Metadata: true, Secrets: true, Audit: true, NoIgnore: true,
		Config: &config.Config{}, Jobs: 2, FailOn: finding.Low, Tool: "sfguard", Version: "test",
		Today: time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	return res.Report
}

func writeHTMLFile(t testing.TB, rep *report.Report, dir string) string {
	t.Helper()
	w, err := report.Lookup("html")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := w(&b, rep); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "report.html")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// page is one browser tab that records console errors, exceptions, log
// errors (CSP violations land there) and every network request.
type page struct {
	ctx      context.Context
	mu       sync.Mutex
	problems []string
	requests []string
}

// profileDir is a fresh browser profile. Chromium may still be writing to
// it for a moment after it is told to quit, so removal is retried and a
// leftover is not a test failure.
func profileDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "sfguard-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 20 && os.RemoveAll(dir) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	return dir
}

func newBrowser(t *testing.T) context.Context {
	t.Helper()
	bin := browserPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profileDir(t)),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Run(bctx); err != nil {
		t.Skipf("%s (starting %s failed: %v)", browserHint, bin, err)
	}
	return bctx
}

func openPage(t *testing.T, browser context.Context, file string, jsOff bool) *page {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, tcancel := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(tcancel)
	p := &page{ctx: ctx}
	chromedp.ListenTarget(ctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError || e.Type == runtime.APITypeWarning {
				p.problems = append(p.problems, fmt.Sprintf("console %s: %v", e.Type, e.Args))
			}
		case *runtime.EventExceptionThrown:
			p.problems = append(p.problems, "exception: "+e.ExceptionDetails.Error())
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.LevelError || e.Entry.Level == cdplog.LevelWarning {
				p.problems = append(p.problems, fmt.Sprintf("log %s: %s", e.Entry.Level, e.Entry.Text))
			}
		case *network.EventRequestWillBeSent:
			p.requests = append(p.requests, e.Request.URL)
		}
	})
	actions := []chromedp.Action{network.Enable(), cdplog.Enable(), runtime.Enable()}
	if jsOff {
		actions = append(actions, emulation.SetScriptExecutionDisabled(true))
	}
	actions = append(actions, chromedp.Navigate("file://"+file), chromedp.WaitReady("footer", chromedp.ByQuery))
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *page) count(t *testing.T, js string) int {
	t.Helper()
	var n int
	if err := chromedp.Run(p.ctx, chromedp.Evaluate(js, &n)); err != nil {
		t.Fatal(err)
	}
	return n
}

// set gives a filter control a value and fires the event a person's edit
// fires.
func (p *page) set(t *testing.T, name, value string) {
	t.Helper()
	js := fmt.Sprintf(`(() => { const el = document.querySelector("#filters [name=%s]"); el.value = %q; el.dispatchEvent(new Event(el.tagName === "SELECT" ? "change" : "input", {bubbles: true})); return 0; })()`, name, value)
	if err := chromedp.Run(p.ctx, chromedp.Evaluate(js, nil)); err != nil {
		t.Fatal(err)
	}
}

const visibleFindings = `Array.from(document.querySelectorAll("#list details.finding")).filter(e => e.checkVisibility()).length`

func TestHTMLReportInBrowser(t *testing.T) {
	browser := newBrowser(t)
	rep := fixtureReport(t, "../../fixtures/orgs/insecure-mdapi")
	file := writeHTMLFile(t, rep, t.TempDir())
	active, critical, path1 := 0, 0, 0
	for _, f := range rep.Findings {
		if f.Suppressed != "" {
			continue
		}
		active++
		if f.Severity == finding.Critical {
			critical++
		}
		if f.RuleID == "SFG-PATH-001" {
			path1++
		}
	}
	p := openPage(t, browser, file, false)

	t.Run("loads offline without errors", func(t *testing.T) {
		p.mu.Lock()
		defer p.mu.Unlock()
		if len(p.problems) > 0 {
			t.Errorf("console errors:\n%s", strings.Join(p.problems, "\n"))
		}
		for _, u := range p.requests {
			if u != "file://"+file {
				t.Errorf("network request to %s", u)
			}
		}
	})

	t.Run("filters reduce the visible rows", func(t *testing.T) {
		if n := p.count(t, visibleFindings); n != active {
			t.Fatalf("all findings visible: got %d, want %d", n, active)
		}
		// Severity: only critical.
		err := chromedp.Run(p.ctx, chromedp.Evaluate(`document.querySelectorAll("input[name=sev]").forEach(c => { if (c.value !== "critical") c.click(); }); 0`, nil))
		if err != nil {
			t.Fatal(err)
		}
		if n := p.count(t, visibleFindings); n != critical {
			t.Errorf("critical only: got %d rows, want %d", n, critical)
		}
		if err := chromedp.Run(p.ctx, chromedp.Evaluate(`document.querySelectorAll("input[name=sev]").forEach(c => { if (!c.checked) c.click(); }); 0`, nil)); err != nil {
			t.Fatal(err)
		}
		// Rule.
		p.set(t, "rule", "SFG-PATH-001")
		if n := p.count(t, visibleFindings); n != path1 {
			t.Errorf("rule SFG-PATH-001: got %d rows, want %d", n, path1)
		}
		p.set(t, "rule", "")
		// Area.
		p.set(t, "area", "Sessions")
		if n := p.count(t, visibleFindings); n == 0 || n >= active {
			t.Errorf("area Sessions: %d of %d rows visible, want fewer but some", n, active)
		}
		p.set(t, "area", "")
		// Text, typed as a person would.
		if err := chromedp.Run(p.ctx, chromedp.SendKeys(`input[name=q]`, "Mail_Marketing_Connector", chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		if n := p.count(t, visibleFindings); n == 0 || n >= active {
			t.Errorf("text filter: %d of %d rows visible, want fewer but some", n, active)
		}
		p.set(t, "q", "")
		if n := p.count(t, visibleFindings); n != active {
			t.Errorf("filters cleared: got %d rows, want %d", n, active)
		}
	})

	t.Run("a finding expands to its chain", func(t *testing.T) {
		sel := `#list details.finding[data-rule="SFG-PATH-002"]`
		before := p.count(t, `document.querySelector('`+sel+` .chain').checkVisibility() ? 1 : 0`)
		if before != 0 {
			t.Fatalf("chain visible before the click")
		}
		var text string
		if err := chromedp.Run(p.ctx, chromedp.Click(sel+` > summary`, chromedp.ByQuery), chromedp.Text(sel+` .chain`, &text, chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		if p.count(t, `document.querySelector('`+sel+` .chain').checkVisibility() ? 1 : 0`) == 0 {
			t.Errorf("chain not visible after the click")
		}
		for _, want := range []string{"ipRelaxation", "refreshTokenPolicy", "Mail Connector Integration.profile"} {
			if !strings.Contains(text, want) {
				t.Errorf("chain lacks %q:\n%s", want, text)
			}
		}
	})

	t.Run("screenshot", func(t *testing.T) {
		shot := openPage(t, browser, file, false)
		var png []byte
		if err := chromedp.Run(shot.ctx,
			chromedp.Click(`#list details.finding[data-rule="SFG-PATH-002"] > summary`, chromedp.ByQuery),
			chromedp.FullScreenshot(&png, 100)); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(artifactDir(t), "insecure-mdapi-report.png")
		if err := os.WriteFile(out, png, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(artifactDir(t), "insecure-mdapi-report.html"), mustRead(t, file), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot of the fixture org's report (whole page, PNG): %s", out)
		var top []byte
		if err := chromedp.Run(shot.ctx, chromedp.Evaluate(`window.scrollTo(0, 0); 0`, nil), chromedp.CaptureScreenshot(&top)); err != nil {
			t.Fatal(err)
		}
		topOut := filepath.Join(artifactDir(t), "insecure-mdapi-report-top.png")
		if err := os.WriteFile(topOut, top, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot of its first screen: %s", topOut)
		for name, sel := range map[string]string{
			"access-matrix":  "#access",
			"path-002-chain": `#list details.finding[data-rule="SFG-PATH-002"]`,
		} {
			var part []byte
			if err := chromedp.Run(shot.ctx, chromedp.Screenshot(sel, &part, chromedp.ByQuery)); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(artifactDir(t), "insecure-mdapi-"+name+".png")
			if err := os.WriteFile(out, part, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot of %s: %s", sel, out)
		}
	})
}

func TestHTMLReportWithoutJavaScript(t *testing.T) {
	browser := newBrowser(t)
	rep := fixtureReport(t, "../../fixtures/orgs/insecure-mdapi")
	file := writeHTMLFile(t, rep, t.TempDir())
	p := openPage(t, browser, file, true)
	active := len(rep.Active())
	if n := p.count(t, visibleFindings); n != active {
		t.Errorf("with scripts off %d findings visible, want all %d", n, active)
	}
	if p.count(t, `document.getElementById("filters").checkVisibility() ? 1 : 0`) != 0 {
		t.Errorf("the filter controls show without scripts, where they cannot work")
	}
	if p.count(t, `document.querySelectorAll("#access table.ways tbody tr").length`) < 2 {
		t.Errorf("access matrix missing")
	}
	// <details> opens without scripts.
	sel := `#list details.finding[data-rule="SFG-PATH-002"]`
	if err := chromedp.Run(p.ctx, chromedp.Click(sel+` > summary`, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	if p.count(t, `document.querySelector('`+sel+` .chain').checkVisibility() ? 1 : 0`) == 0 {
		t.Errorf("chain not visible after the click with scripts off")
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestHTMLReportLargeOrg measures the report of a synthetic org of about
// 100 profiles and 800 findings: its size and how long headless Chromium
// takes to load it. It states figures and asserts none (timings depend on
// the machine). Opt-in, as it writes ~60 MB of metadata:
//
//	SFGUARD_LARGE=1 go test ./internal/report -run LargeOrg -v
func TestHTMLReportLargeOrg(t *testing.T) {
	if os.Getenv("SFGUARD_LARGE") == "" {
		t.Skip("set SFGUARD_LARGE=1 to measure the HTML report of a large synthetic org")
	}
	browser := newBrowser(t)
	dir := t.TempDir()
	if _, err := synthorg.Write(dir, synthorg.Spec{Profiles: 100, ProfileBytes: 200 << 10, PermissionSets: 200, ConnectedApps: 320}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	rep := fixtureReport(t, dir)
	scanned := time.Since(start)
	file := writeHTMLFile(t, rep, t.TempDir())
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	p := openPage(t, browser, file, false)
	var nav map[string]float64
	if err := chromedp.Run(p.ctx, chromedp.Evaluate(`(() => { const n = performance.getEntriesByType("navigation")[0]; return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; })()`, &nav)); err != nil {
		t.Fatal(err)
	}
	var filter float64
	if err := chromedp.Run(p.ctx, chromedp.Evaluate(`(() => { const t0 = performance.now(); const s = document.querySelector("#filters [name=q]"); s.value = "Synthetic"; s.dispatchEvent(new Event("input", {bubbles: true})); return performance.now() - t0; })()`, &filter)); err != nil {
		t.Fatal(err)
	}
	profiles := 0
	if rep.Audit != nil && rep.Audit.Access != nil {
		for _, pr := range rep.Audit.Access.Principals {
			if pr.Kind == "Profile" {
				profiles++
			}
		}
	}
	t.Logf("large org: %d profiles, %d findings; scan %v; HTML %.2f MB; Chromium DOMContentLoaded %.0f ms, load %.0f ms; one text filter pass %.0f ms",
		profiles, len(rep.Findings), scanned.Round(time.Millisecond), float64(st.Size())/(1<<20), nav["dcl"], nav["load"], filter)
}
