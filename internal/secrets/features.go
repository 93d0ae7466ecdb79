package secrets

import (
	"bytes"
	"math"
	"path"
	"sort"
	"strings"
	"unicode/utf8"
)

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	var e float64
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			e -= p * math.Log2(p)
		}
	}
	return e
}

// placeholderWords are fragments that real credentials do not contain but
// templates, docs and tests do.
var placeholderWords = []string{
	"your", "xxxx", "changeme", "change_me", "change-me", "placeholder", "dummy", "example", "sample",
	"redacted", "replace", "insert", "enter_", "enter-", "****", "...", "…", "todo", "fixme",
	"fake", "_here", "-here", "notreal", "not_real", "not-a-real", "foobar", "lorem", "test", "secret_value",
	"mock", "123456", "abcdef", "qwerty",
}

// angleTemplate reports a template slot such as "<password>" or
// "<your token here>": a '<', at least three letters (with spaces, '_',
// '-' or '.'), a '>'. A bare '<' or '>' is not
// enough: passwords hold them, and an unescaped one in XML is exactly the
// malformed file whose secret must still be reported.
func angleTemplate(v string) bool {
	for i := strings.IndexByte(v, '<'); i >= 0; {
		j := strings.IndexByte(v[i+1:], '>')
		if j < 0 {
			return false
		}
		slot := v[i+1 : i+1+j]
		if len(slot) >= 3 && strings.IndexFunc(slot, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || strings.ContainsRune(" _-.", r))
		}) < 0 {
			return true
		}
		k := strings.IndexByte(v[i+1:], '<')
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

// placeholderValue reports whether v looks like a stand-in rather than a
// credential: template words, masked values, one repeated character, or an
// upper-case variable name such as SF_PASSWORD.
func placeholderValue(v string) bool {
	if v == "" {
		return true
	}
	l := strings.ToLower(v)
	for _, w := range placeholderWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	if isConstName(v) || angleTemplate(v) {
		return true
	}
	// Low variety: "aaaaaaaa", "00000000", "abababab".
	var counts [256]int
	maxc, run, maxRun := 0, 0, 0
	for i := 0; i < len(v); i++ {
		counts[v[i]]++
		if counts[v[i]] > maxc {
			maxc = counts[v[i]]
		}
		if i > 0 && v[i] == v[i-1] {
			run++
		} else {
			run = 1
		}
		if run > maxRun {
			maxRun = run
		}
	}
	if len(v) >= 6 && (float64(maxc)/float64(len(v)) >= 0.6 || maxRun >= 6) {
		return true
	}
	distinct := 0
	for _, c := range counts {
		if c > 0 {
			distinct++
		}
	}
	return len(v) >= 8 && distinct <= 2
}

func isConstName(v string) bool {
	if !strings.Contains(v, "_") {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return v[0] >= 'A' && v[0] <= 'Z'
}

// envReference reports whether v names a value kept elsewhere (environment,
// CI secret store, Salesforce credential merge field) instead of holding it.
func envReference(v string) bool {
	t := strings.TrimSpace(v)
	if t == "" {
		return false
	}
	if t[0] == '$' || strings.HasPrefix(t, "%") && strings.HasSuffix(t, "%") && len(t) > 2 {
		return true
	}
	l := strings.ToLower(t)
	for _, p := range []string{"process.env", "os.environ", "os.getenv", "getenv(", "system.getenv", "env[", "env.",
		"secrets.", "vars.", "{{", "${", "#{", "<%=", "{!$credential", "{!$", "import.meta.env", "deno.env"} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

// pathHints classifies where a file lives; Rego uses the hints to treat
// tests, fixtures, docs and examples differently from production code.
func pathHints(p string, data []byte) []string {
	set := map[string]bool{}
	lp := strings.ToLower(p)
	segs := strings.Split(lp, "/")
	for _, seg := range segs[:len(segs)-1] {
		switch seg {
		case "test", "tests", "__tests__", "testdata", "test-data", "test_data", "unittest", "spec", "specs", "e2e":
			set["test"] = true
		case "fixture", "fixtures", "__fixtures__", "mocks", "__mocks__", "mock", "stubs":
			set["fixture"] = true
		case "doc", "docs", "documentation", "wiki":
			set["docs"] = true
		case "example", "examples", "sample", "samples", "demo", "demos":
			set["example"] = true
		}
	}
	base := segs[len(segs)-1]
	ext := path.Ext(base)
	switch ext {
	case ".md", ".markdown", ".rst", ".adoc", ".txt", ".html", ".htm":
		set["docs"] = true
	case ".example", ".sample", ".template", ".tmpl", ".dist", ".tpl":
		set["example"] = true
	}
	if strings.Contains(base, ".test.") || strings.Contains(base, ".spec.") || strings.HasSuffix(base, "_test.go") ||
		strings.HasSuffix(base, "test.cls") || strings.HasSuffix(base, "tests.cls") ||
		strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py") {
		set["test"] = true
	}
	if strings.Contains(base, ".example") || strings.Contains(base, ".sample") || strings.Contains(base, ".template") {
		set["example"] = true
	}
	if (ext == ".cls" || ext == ".trigger") && bytes.Contains(bytes.ToLower(data), []byte("@istest")) {
		set["apex-test"] = true
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// maxLineRedacted caps lineRedacted so a minified file cannot bloat reports.
const maxLineRedacted = 200

// redactLine returns data[ls:le] with every detector span on the line, and
// every long mixed letter-digit run, replaced by asterisks, so that the
// context shown around one secret can never carry another.
func redactLine(data []byte, ls, le int, hits []hit) string {
	line := []byte(string(data[ls:le]))
	mask := func(a, b int) {
		for i := a; i < b; i++ {
			line[i] = '*'
		}
	}
	for _, h := range hits {
		a, b := max(h.start, ls), min(h.end, le)
		if a < b {
			mask(a-ls, b-ls)
		}
	}
	isRun := func(c byte) bool {
		return isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '.' || c == '_' || c == '!' || c == '-'
	}
	for i := 0; i < len(line); {
		if !isRun(line[i]) {
			i++
			continue
		}
		j := i
		letters, digits := 0, 0
		for j < len(line) && isRun(line[j]) {
			c := line[j]
			if c >= '0' && c <= '9' {
				digits++
			} else if isAlnum(c) {
				letters++
			}
			j++
		}
		if j-i >= 16 && letters > 0 && digits > 0 {
			mask(i, j)
		}
		i = j
	}
	if len(line) > maxLineRedacted {
		cut := maxLineRedacted
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		return string(line[:cut]) + "…"
	}
	return strings.ToValidUTF8(string(line), "?")
}
