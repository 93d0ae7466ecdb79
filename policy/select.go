package policy

import (
	"regexp"
	"strings"
)

// Which built-in Rego files an engine compiles: the scopes a command runs,
// for staged files and stdin the metadata types present, and the libraries
// those reach. A user's policy keeps everything it might read.

// scopeLine finds the scope a built-in rule declares in its METADATA.
var scopeLine = regexp.MustCompile(`^#\s+scope:\s*([a-z]+)\s*$`)

// declaredScope returns the scope a built-in file declares ("# scope: X"
// on a line of its own).
func declaredScope(text string) (string, bool) {
	return metadataLine(text, "scope:", scopeLine)
}

// metadataLine returns the first submatch of re on the first line holding
// key that re matches. Only lines holding the key go to the regular
// expression: matching it across each whole file was a third of the
// instructions of `secrets --staged` (callgrind, issue 14).
func metadataLine(text, key string, re *regexp.Regexp) (string, bool) {
	for {
		i := strings.Index(text, key)
		if i < 0 {
			return "", false
		}
		start := strings.LastIndexByte(text[:i], '\n') + 1
		end := len(text)
		if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
			end = i + j
		}
		if m := re.FindStringSubmatch(text[start:end]); m != nil {
			return m[1], true
		}
		text = text[end:]
	}
}

// selectScopes drops built-in rule files whose scope is not wanted, before
// they are parsed. Libraries (no deny rule) are always kept.
func selectScopes(srcs []source, scopes []string) []source {
	if scopes == nil {
		return srcs
	}
	want := map[string]bool{}
	for _, s := range scopes {
		want[s] = true
	}
	return keepBuiltins(srcs, func(s source) bool {
		// A built-in document that is not a rule but builds on rules (the
		// access matrix) declares its scope too and goes with them.
		scope, declared := declaredScope(s.text)
		if !declared && !strings.Contains(s.text, "deny contains") {
			return true // a library
		}
		if !declared {
			scope = ScopeDocument
		}
		return want[scope]
	})
}

// keepBuiltins returns every user source and the built-in ones keep
// accepts.
func keepBuiltins(srcs []source, keep func(source) bool) []source {
	out := srcs[:0:0]
	for _, s := range srcs {
		if !s.builtin || keep(s) {
			out = append(out, s)
		}
	}
	return out
}

// typesLine finds the metadata types a built-in rule declares.
var typesLine = regexp.MustCompile(`^#\s+types:\s*\[([^\]]*)\]\s*$`)

// selectTypes drops built-in rule files that declare types of which none
// is wanted, before they are parsed, and the built-in documents that are
// not rules (the access matrix): a narrowed engine only scans.
func selectTypes(srcs []source, types []string) []source {
	if types == nil || hasUserSources(srcs) {
		// A user's rule may build on a built-in rule's verdicts (data.
		// sfguard.rules…), which a narrowed pack would leave undefined.
		return srcs
	}
	want := map[string]bool{"*": true}
	for _, t := range types {
		want[t] = true
	}
	return keepBuiltins(srcs, func(s source) bool {
		if _, scoped := declaredScope(s.text); scoped && !strings.Contains(s.text, "deny contains") {
			return false
		}
		list, ok := metadataLine(s.text, "types:", typesLine)
		return !ok || anyWanted(list, want)
	})
}

func hasUserSources(srcs []source) bool {
	for _, s := range srcs {
		if !s.builtin {
			return true
		}
	}
	return false
}

func anyWanted(list string, want map[string]bool) bool {
	for _, t := range strings.Split(list, ",") {
		if want[strings.TrimSpace(t)] {
			return true
		}
	}
	return false
}

// dropUnusedLibraries leaves out built-in libraries (files with no deny
// rule and no scope) that no kept file refers to, directly or through
// another library. secrets --staged compiled every metadata library: about
// half of the Rego it parsed and compiled (issue 14). A user's policy may
// refer to a library in ways a text search could miss, so with any user
// file present every library stays.
func dropUnusedLibraries(srcs []source) []source {
	isLib := make([]bool, len(srcs))
	pkgs := make([]string, len(srcs))
	var kept []string // data references of the files known to be compiled
	for i, s := range srcs {
		if !s.builtin {
			return srcs
		}
		_, declared := declaredScope(s.text)
		isLib[i] = !declared && !strings.Contains(s.text, "deny contains")
		if pkgs[i] = packageName(s.text); !isLib[i] || pkgs[i] == "" {
			isLib[i] = false
			kept = append(kept, dataRefs(s.text)...)
		}
	}
	used := make([]bool, len(srcs))
	for changed := true; changed; {
		changed = false
		for i := range srcs {
			if isLib[i] && !used[i] && reaches(kept, "data."+pkgs[i]) {
				used[i], changed = true, true
				kept = append(kept, dataRefs(srcs[i].text)...)
			}
		}
	}
	out := srcs[:0:0]
	for i, s := range srcs {
		if !isLib[i] || used[i] {
			out = append(out, s)
		}
	}
	return out
}

// packageName returns the package a Rego file declares.
func packageName(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "package "); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// reaches reports whether code with the data references refs (dataRefs)
// may read the document at ref: it names it or something inside it, names
// one of its parent documents whole (data.sfguard.lib, then lib.net.x), or
// indexes data dynamically.
func reaches(refs []string, ref string) bool {
	for _, r := range refs {
		if r == "data" || r == ref || strings.HasPrefix(r, ref+".") || strings.HasPrefix(ref, r+".") {
			return true
		}
	}
	return false
}

// dataRefs lists the references to data a text makes: each "data." and the
// dotted names that follow it, and "data" alone where it is indexed
// (data[k]), which may reach anything. Comments count too, which only
// keeps more. Scanning each text once replaced a search of every text for
// every library, 6% of a pre-commit scan's CPU (issue 14).
func dataRefs(text string) []string {
	var out []string
	for rest := text; ; {
		i := strings.Index(rest, "data")
		if i < 0 {
			return out
		}
		rest = rest[i+len("data"):]
		j := 0
		for j < len(rest) && rest[j] == '.' && j+1 < len(rest) && isIdentByte(rest[j+1]) {
			j++
			for j < len(rest) && isIdentByte(rest[j]) {
				j++
			}
		}
		switch {
		case j > 0:
			out = append(out, "data"+rest[:j])
		case rest != "" && rest[0] == '[':
			out = append(out, "data")
		}
		rest = rest[j:]
	}
}

func isIdentByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
