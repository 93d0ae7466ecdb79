package model

import (
	"regexp"
	"strings"
)

// syntaxMessages rewords encoding/xml's syntax errors. Several of them
// quote the input ("invalid character entity &<rest of a secret>", "element
// <x> closed by </y>", "invalid XML name: …"); a diagnostic reaches every
// report format, stderr and CI annotations, so it says what is wrong and
// where, never what the bytes were. Matched by prefix, first match wins.
var syntaxMessages = []struct{ prefix, msg string }{
	{"invalid character entity", "invalid character entity (write a '&' in text as &amp;)"},
	{"unexpected EOF", "unexpected end of file"},
	{"unexpected end element", "end tag without a matching start tag"},
	{"element <", "mismatched end tag"},
	{"expected element name after </", "expected an element name after </"},
	{"invalid characters between </", "invalid characters in an end tag"},
	{"expected target name after <?", "expected a target name after <?"},
	{"invalid sequence <!-", "invalid sequence <!- not part of <!--"},
	{`invalid sequence "--"`, `"--" is not allowed inside a comment`},
	{"invalid <![ sequence", "invalid <![ sequence"},
	{"expected element name after <", "expected an element name after < (write a '<' in text as &lt;)"},
	{"expected /> in element", "expected /> in element"},
	{"expected attribute name in element", "expected attribute name in element"},
	{"attribute name without = in element", "attribute name without = in element"},
	{"unquoted or missing attribute value in element", "unquoted or missing attribute value in element"},
	{"unexpected EOF in CDATA section", "unexpected end of file in a CDATA section"},
	{"unescaped ]]> not in CDATA section", "]]> outside a CDATA section (write it as ]]&gt;)"},
	{"unescaped < inside quoted string", "unescaped '<' inside an attribute value (write it as &lt;)"},
	{"invalid UTF-8", "invalid UTF-8"},
	{"illegal character code", "a character not allowed in XML"},
	{"invalid XML name", "invalid element or attribute name"},
}

func syntaxMessage(msg string) string {
	for _, m := range syntaxMessages {
		if strings.HasPrefix(msg, m.prefix) {
			return m.msg
		}
	}
	return "syntax error"
}

// encodingName quotes a declared encoding only when it is one of the
// well-known names; anything else in that attribute is file content.
func encodingName(enc string) string {
	if knownEncoding.MatchString(enc) {
		return enc
	}
	return "(not a known encoding name)"
}

var knownEncoding = regexp.MustCompile(`(?i)^(utf-?(16|32)(le|be)?|ucs-?[24]|iso-8859-[0-9]{1,2}|iso-2022-[a-z]{2}|` +
	`windows-125[0-8]|cp[0-9]{3,4}|shift_jis|sjis|euc-(jp|kr|cn)|gb2312|gbk|gb18030|big5|koi8-[ru]|latin-?[1-9]|macintosh|ebcdic-[a-z0-9-]{1,12})$`)

// editDistanceAtMost reports whether a and b are within max single-byte
// insertions, deletions and substitutions of each other.
func editDistanceAtMost(a, b string, max int) bool {
	if d := len(a) - len(b); d > max || -d > max {
		return false
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= max
}
