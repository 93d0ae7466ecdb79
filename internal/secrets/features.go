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

// Placeholders are judged on the whole value, never on a word inside it:
// real passwords contain "test" (testtest123 + a security token) and real
// Stripe keys start sk_test_. A value is a stand-in when it is empty, a
// template (<token>, user:<SECRET>, ${VAR}, {{var}}, %VAR%, @@VAR@@), a mask (********,
// xxxx), elided (5Aep861...), one repeated character or two alternating
// ones, an upper-case variable name (SF_PASSWORD), or made only of
// vocabulary with at least one word that templates and mocks use
// (your_password_here, changeme, mockAccessToken, fake-secret-123).
func placeholderValue(v string) bool {
	t := strings.TrimSpace(v)
	if t == "" {
		return true
	}
	if templateValue(t) || angleTemplate(t) || isConstName(t) || elided(t) {
		return true
	}
	if maskValue(t) || lowVariety(t) {
		return true
	}
	return vocabularyLevel(t) == vocabTemplate
}

// stockValue: a value made only of credential nouns, filler words and a
// counting digit run (Password123!, testPassword, SuperSecretKey1). Examples
// use such values, and so do people: it may be a real, guessable password.
// Lower, never drop — the rules report it at a lowered severity and say why.
func stockValue(v string) bool {
	t := strings.TrimSpace(v)
	return !placeholderValue(t) && vocabularyLevel(t) == vocabNoun
}

// templateValue: the whole value is a template marker.
func templateValue(t string) bool {
	pairs := [][2]string{{"${", "}"}, {"{{", "}}"}, {"@@", "@@"}, {"[", "]"}, {"%", "%"}, {"#{", "}"}, {"<%", "%>"}}
	for _, p := range pairs {
		if len(t) > len(p[0])+len(p[1]) && strings.HasPrefix(t, p[0]) && strings.HasSuffix(t, p[1]) {
			return true
		}
	}
	return false
}

// elided: a value shown shortened (docs write 5Aep861... or 00D…). No
// credential alphabet contains three dots in a row or an ellipsis.
func elided(t string) bool {
	return strings.Contains(t, "...") || strings.Contains(t, "…")
}

// maskValue: asterisks, bullets, x's and hashes only ("********", "xxxx",
// "XXXX-XXXX").
func maskValue(t string) bool {
	for _, r := range t {
		switch r {
		case '*', 'x', 'X', '#', '•', '-', '_', '.':
		default:
			return false
		}
	}
	return strings.ContainsAny(t, "*xX#•")
}

// lowVariety: one repeated character ("aaaaaa", "000000") or, from eight
// characters on, only two distinct ones ("abababab").
func lowVariety(t string) bool {
	var counts [256]int
	distinct := 0
	for i := 0; i < len(t); i++ {
		if counts[t[i]] == 0 {
			distinct++
		}
		counts[t[i]]++
	}
	return distinct == 1 && len(t) >= 2 || distinct <= 2 && len(t) >= 8
}

// Template vocabulary. A value made only of these words (any case, any
// separator) with at most a counting digit run (1, 123, 123456) is a
// stand-in when one word is a template marker ("your_token_here"), and a
// stock value when the strongest is a credential noun ("testPassword"):
// reported, at a lowered severity. Filler alone ("test123", "testtest123")
// is neither: those are possible passwords.
var (
	templateWords = []string{"your", "changeme", "change", "placeholder", "dummy", "example", "sample",
		"redacted", "replace", "insert", "enter", "here", "fake", "mock", "mocked", "notreal", "fixme", "todo",
		"lorem", "ipsum", "foobar", "foo", "bar", "baz", "tbd", "goes", "put"}
	nounWords = []string{"password", "passwd", "pass", "pwd", "secret", "token", "key", "apikey", "credential",
		"credentials", "accesstoken", "refreshtoken", "sessionid", "session", "securitytoken"}
	fillerWords = []string{"my", "the", "a", "an", "to", "with", "of", "for", "me", "test", "testing", "demo",
		"access", "refresh", "security", "api", "client", "consumer", "user", "username", "admin", "value",
		"string", "new", "default", "real", "not", "sf", "sfdc", "salesforce", "org", "dev", "prod", "sandbox",
		"valid", "invalid", "wrong", "bad", "good", "some", "any", "abc", "xyz", "id", "auth", "oauth", "bearer",
		"super", "very", "long", "s3cr3t", "p4ssw0rd", "passw0rd", "qwerty", "letmein", "hello", "world"}
	vocab = func() map[string]int {
		m := map[string]int{}
		for _, w := range fillerWords {
			m[w] = vocabFiller
		}
		for _, w := range nounWords {
			m[w] = vocabNoun
		}
		for _, w := range templateWords {
			m[w] = vocabTemplate
		}
		return m
	}()
)

// Vocabulary levels: the strongest kind of word a value is made of.
const (
	vocabNone = iota // not made only of vocabulary
	vocabFiller
	vocabNoun
	vocabTemplate
)

// vocabularyLevel segments the letters of each separator-delimited part into
// vocabulary words and returns the strongest kind among them, or vocabNone
// when some part is not vocabulary.
func vocabularyLevel(t string) int {
	level := vocabNone
	var letters strings.Builder
	flush := func() bool {
		w := letters.String()
		letters.Reset()
		if w == "" {
			return true
		}
		l := segment(w)
		level = max(level, l)
		return l != vocabNone
	}
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letters.WriteByte(c | 0x20)
			i++
		case c >= '0' && c <= '9':
			if !flush() {
				return vocabNone
			}
			j := i
			for j < len(t) && t[j] >= '0' && t[j] <= '9' {
				j++
			}
			if !countingDigits(t[i:j]) {
				return vocabNone
			}
			i = j
		case strings.IndexByte(" _-.!@#$:/", c) >= 0:
			if !flush() {
				return vocabNone
			}
			i++
		default:
			return vocabNone
		}
	}
	if !flush() {
		return vocabNone
	}
	return level
}

// segment splits w into vocabulary words and returns the strongest level a
// split can reach, vocabNone when w does not split.
func segment(w string) int {
	// best[i]: the strongest level of a split of w[:i] (vocabNone:
	// unreachable).
	best := make([]int, len(w)+1)
	best[0] = vocabFiller
	for i := 0; i < len(w); i++ {
		if best[i] == 0 {
			continue
		}
		for j := i + 1; j <= len(w) && j-i <= 13; j++ {
			if k, ok := vocab[w[i:j]]; ok && max(best[i], k) > best[j] {
				best[j] = max(best[i], k)
			}
		}
	}
	return best[len(w)]
}

// countingDigits: 1, 12, 123 … 1234567890, 0, 00, 01, 2024-style years are
// not counting.
func countingDigits(d string) bool {
	return strings.HasPrefix("1234567890", d) || strings.HasPrefix("0123456789", d) || d == "0" || d == "00" || d == "000"
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
	if mergeField(t) {
		return true
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
	case ".md", ".markdown", ".rst", ".adoc", ".html", ".htm":
		set["docs"] = true
	case ".txt":
		// notes.txt and creds.txt are where people park passwords; only
		// the usual documentation names count as docs.
		for _, d := range []string{"readme", "changelog", "license", "notice", "install", "contributing"} {
			if strings.HasPrefix(base, d) {
				set["docs"] = true
			}
		}
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
