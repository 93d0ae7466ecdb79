// Package secrets finds Salesforce credentials in files, staged blobs, git
// history and stdin.
//
// The package only detects: each hit becomes a Candidate whose Fields are the
// Rego input of the rules in rules/secrets. Whether a candidate is reported,
// with which severity and which allowlists apply is decided there, so users
// can change it with --policy. The one decision taken here is the inline
// `sfguard:allow` marker, which drops a candidate before policy (see
// docs/secrets.md).
//
// The raw secret never leaves this package: Candidate keeps it in an
// unexported field whose String, GoString and MarshalJSON methods redact it,
// Fields hold only the redacted form, its length and a truncated hash.
package secrets

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"

	"github.com/sfguard/sfguard/internal/finding"
)

// Sources of a blob.
const (
	SourceWorktree = "worktree"
	SourceStaged   = "staged"
	SourceHistory  = "history"
	SourceStdin    = "stdin"
)

// DefaultMaxFileSize is used when Options.MaxFileSize is zero. Salesforce
// source files are small; multi-megabyte files are data exports, static
// resources or vendored bundles where a scan costs much and finds little.
const DefaultMaxFileSize = 10 << 20

// binarySniff is how much of a file is checked for a NUL byte, the same
// heuristic git uses to call a file binary.
const binarySniff = 8 << 10

// LineRange is an inclusive range of 1-based lines.
type LineRange struct{ Start, End int }

// Blob is one unit to scan: a work-tree file, a staged index blob, the added
// lines of one file in one commit, or stdin.
type Blob struct {
	Path string // display path, slash-separated
	// Rel is the path from the project root, slash-separated; "" means
	// Path. The detectors' path features and the secret rules (input.path:
	// allowlists, test and docs hints) see it, so a finding does not depend
	// on the directory sfguard runs in; locations keep Path.
	Rel  string
	Data []byte
	// LineMap, when non-nil, maps the 0-based line index in Data to the real
	// 1-based line in the file: history scans join only the added lines.
	LineMap []int
	// When FilterChanged is set, only candidates whose (real) line lies in
	// Changed are kept. Staged scans use it: the whole staged blob is scanned
	// so that multi-line context (a PEM block, the parameterName next to an
	// ExternalCredential value, a username two lines up) is seen, but only
	// lines the commit adds are reported.
	Changed       []LineRange
	FilterChanged bool
	Commit        *finding.Commit
	Source        string // SourceWorktree, SourceStaged, SourceHistory, SourceStdin
}

// AppInfo describes a connected app or external client app found in the
// scanned tree, for correlating a leaked credential with what it unlocks.
type AppInfo struct {
	Type               string   // "ConnectedApp" or "ExternalClientApplication"
	FullName           string   // API name
	Path               string   // file holding the consumer key
	Scopes             []string // OAuth scopes, sorted
	RefreshTokenPolicy string   // e.g. "infinite", "specific_lifetime:1:DAYS", "Infinite"
	IPRelaxation       string   // e.g. "ENFORCE", "BYPASS", "Bypass"
	PermittedUsers     string   // "AdminApprovedPreAuthorized" or "AllSelfAuthorized"
	ClientCredentials  bool     // client credentials flow enabled
}

// fields renders the app for Rego: plain JSON-able values only.
func (a AppInfo) fields() map[string]any {
	scopes := append([]string{}, a.Scopes...)
	return map[string]any{
		"type":               a.Type,
		"fullName":           a.FullName,
		"path":               a.Path,
		"scopes":             scopes,
		"refreshTokenPolicy": a.RefreshTokenPolicy,
		"ipRelaxation":       a.IPRelaxation,
		"permittedUsers":     a.PermittedUsers,
		"clientCredentials":  a.ClientCredentials,
	}
}

// Options tune a scan.
type Options struct {
	// MaxFileSize skips larger files with a Note. 0 means
	// DefaultMaxFileSize, a negative value means no limit.
	MaxFileSize int64
	// Jobs is the number of blobs scanned at once; 0 means GOMAXPROCS.
	Jobs int
	// Apps maps consumer keys to the apps that own them (see CollectApps).
	Apps map[string]AppInfo
	// MoreApps, when set, returns the apps beyond Apps: those of files the
	// scan does not read (a pre-commit scan reads the staged files, but the
	// app owning a leaked key is usually committed long ago). Finding them
	// means listing the whole repository, which on a real org backup was
	// most of the time of `secrets --staged` (issue 14), so it is asked
	// only when a consumer key is not in Apps, and at most once per scan.
	MoreApps func() map[string]AppInfo
	// Progress, when set, is called with the size of each blob read (from
	// the workers, concurrently), for the progress line.
	Progress func(bytes int64)
}

// app returns the app owning a consumer key: from Apps, else MoreApps.
func (o *Options) app(key string) (AppInfo, bool) {
	if a, ok := o.Apps[key]; ok {
		return a, true
	}
	if o.MoreApps == nil {
		return AppInfo{}, false
	}
	a, ok := o.MoreApps()[key]
	return a, ok
}

func (o Options) maxSize() int64 {
	switch {
	case o.MaxFileSize == 0:
		return DefaultMaxFileSize
	case o.MaxFileSize < 0:
		return 1<<63 - 1
	}
	return o.MaxFileSize
}

func (o Options) jobs() int {
	if o.Jobs > 0 {
		return o.Jobs
	}
	return runtime.GOMAXPROCS(0)
}

// Note records a file that was deliberately not scanned (binary, too large).
// It is informational: unlike a Diagnostic it must not fail the run.
type Note struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Result is everything a scan produced.
type Result struct {
	Candidates  []Candidate
	Notes       []Note
	Diagnostics []finding.Diagnostic
	Files       int   // blobs scanned (not skipped)
	Bytes       int64 // bytes scanned
}

// secretValue holds a raw secret. Every way of printing it redacts, so that
// a stray %v, %#v or json.Marshal of a Candidate cannot leak it.
type secretValue struct{ s string }

func (secretValue) String() string               { return "[redacted]" }
func (secretValue) GoString() string             { return "[redacted]" }
func (secretValue) MarshalJSON() ([]byte, error) { return []byte(`"[redacted]"`), nil }
func (secretValue) MarshalText() ([]byte, error) { return []byte("[redacted]"), nil }
func (v secretValue) Format(f fmt.State, _ rune) { io.WriteString(f, v.String()) }

// Candidate is one detector hit, before policy.
type Candidate struct {
	Detector string           `json:"detector"` // stable detector id, e.g. "salesforce-refresh-token"
	Location finding.Location `json:"location"` // start of the secret (1-based line and byte column)
	Secret   *finding.Secret  `json:"secret"`   // redacted
	Commit   *finding.Commit  `json:"commit,omitempty"`
	Source   string           `json:"source"`
	// Fields is the Rego input for this candidate; see docs/secrets.md for
	// the stable names. It never contains the raw secret.
	Fields map[string]any `json:"fields"`

	raw secretValue
}

// String is a one-line, redacted description.
func (c Candidate) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s", c.Location.File, c.Location.Line, c.Location.Column, c.Detector)
	if c.Secret != nil {
		s += " " + c.Secret.Redacted
	}
	if c.Commit != nil {
		s += " (commit " + shortSHA(c.Commit.SHA) + ")"
	}
	return s
}

// GoString keeps %#v from printing the unexported raw value's container.
func (c Candidate) GoString() string { return "secrets.Candidate{" + c.String() + "}" }

func shortSHA(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

// Redact describes a secret without revealing it: at most six leading
// characters and never more than a quarter of the value, its length, and
// the first 16 hex digits of its SHA-256 (enough to match a baseline entry,
// useless for recovering the value).
func Redact(raw string) *finding.Secret {
	n := len(raw)
	k := n / 4
	if k > 6 {
		k = 6
	}
	prefix := raw[:k]
	for i := 0; i < len(prefix); i++ {
		if c := prefix[i]; c < 0x21 || c > 0x7e {
			prefix = ""
			break
		}
	}
	return &finding.Secret{
		Redacted: fmt.Sprintf("%s…(%d chars)", prefix, n),
		Length:   n,
		Hash:     Hash(raw),
	}
}

// Hash is the truncated hex SHA-256 used for fingerprints and value
// allowlists.
func Hash(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:8])
}

// Scan scans blobs in parallel and returns candidates in a deterministic
// order (input blob order, then position, then detector) and diagnostics.
// Skipped files are dropped silently here; use ScanAll to get the notes.
func Scan(blobs []Blob, opts Options) ([]Candidate, []finding.Diagnostic) {
	r := ScanAll(blobs, opts)
	return r.Candidates, r.Diagnostics
}

// ScanAll is Scan with notes and counters.
func ScanAll(blobs []Blob, opts Options) Result {
	return runBuf(len(blobs), opts, func(i int, _ *[]byte) (Blob, *Note, *finding.Diagnostic) {
		return blobs[i], nil, nil
	})
}

// errText drops the path os errors repeat, since the Diagnostic names it.
func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

type slot struct {
	cands []Candidate
	note  *Note
	diag  *finding.Diagnostic
	bytes int64
	ok    bool
}

// runBuf scans n blobs produced by get with a fixed pool of workers and
// assembles the results in input order, which makes the output independent
// of scheduling. Each worker owns one scratch buffer that get may read into;
// a blob's data is not used after its scan returns.
func runBuf(n int, opts Options, get func(int, *[]byte) (Blob, *Note, *finding.Diagnostic)) Result {
	if opts.MoreApps != nil {
		opts.MoreApps = sync.OnceValue(opts.MoreApps) // workers ask concurrently
	}
	det := defaultDetector()
	max := opts.maxSize()
	slots := make([]slot, n)
	jobs := opts.jobs()
	if jobs > n {
		jobs = n
	}
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				b, note, diag := get(i, &buf)
				if opts.Progress != nil {
					opts.Progress(int64(len(b.Data)))
				}
				s := &slots[i]
				if note != nil || diag != nil {
					s.note, s.diag = note, diag
					continue
				}
				if r := skipReason(b, max); r != "" {
					// Path-only detectors still apply: a committed binary
					// server.key is a leak even though its bytes are not text.
					s.cands = det.scanPathOnly(&b, opts)
					s.note = &Note{Path: b.Path, Reason: r}
					continue
				}
				s.cands = det.scan(&b, opts)
				s.bytes = int64(len(b.Data))
				s.ok = true
			}
		}()
	}
	wg.Wait()
	var res Result
	for i := range slots {
		s := &slots[i]
		res.Candidates = append(res.Candidates, s.cands...)
		if s.note != nil {
			res.Notes = append(res.Notes, *s.note)
		}
		if s.diag != nil {
			res.Diagnostics = append(res.Diagnostics, *s.diag)
		}
		if s.ok {
			res.Files++
			res.Bytes += s.bytes
		}
	}
	return res
}

func overLimit(size, max int64) string {
	return fmt.Sprintf("skipped: %d bytes is over the %d byte limit (max file size)", size, max)
}

// alwaysRead names files that are read whatever their size because their
// path alone makes them interesting.
func alwaysRead(p string) bool {
	return pathOnlyKind(p) != ""
}

func skipReason(b Blob, max int64) string {
	if int64(len(b.Data)) > max && b.Source != SourceStdin {
		return overLimit(int64(len(b.Data)), max)
	}
	if looksBinary(b.Data) {
		return "skipped: binary file"
	}
	return ""
}

// sortCandidates orders one blob's candidates by position, then detector.
func sortCandidates(c []Candidate) {
	sort.SliceStable(c, func(i, j int) bool {
		a, b := c[i].Location, c[j].Location
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return c[i].Detector < c[j].Detector
	})
}
