package model

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/beevik/etree"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

// ParseError is a problem with a file's bytes. Line and Col are 1-based (Col
// counts bytes, like the Go toolchain); callers turn it into a
// finding.Diagnostic naming the file.
type ParseError struct {
	Line, Col int
	Msg       string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d:%d: %s", e.Line, e.Col, e.Msg)
}

// maxDepth bounds element nesting. Salesforce metadata is at most about six
// levels deep; the bound keeps the recursive conversion and typing code safe
// from adversarial input and gives a clear error instead of etree's generic
// one.
const maxDepth = 256

const xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Parse reads one XML document and returns its root element with positions.
//
// etree builds the tree but records no positions, so a byte scanner runs
// first. It checks the structure (balanced, matching tags; nothing but
// comments and white space outside the root) and lists the start tags in
// document order; the k-th element of etree's pre-order walk is the k-th
// recorded start tag. The scanner runs at memory speed, etree does not: when
// keep is non-nil, every child of the root whose local name keep rejects is
// cut out by the scanner before etree sees the bytes (together with the
// comments and white space directly before it, so those comments do not
// attach to the next element). partial reports whether anything was cut.
// Positions always refer to the original bytes, so a kept element has the
// same position whether or not other subtrees were skipped. Skipped subtrees
// are still checked for UTF-8 and tag balance, but not for entity or
// character errors, since nobody reads them.
//
// keep == nil parses everything. Errors are always *ParseError.
func Parse(data []byte, keep func(topLevelChild string) bool) (root *Node, partial bool, err error) {
	bom, err := checkPrologue(data)
	if err != nil {
		return nil, false, err
	}
	s := scanner{data: data, bom: bom, keep: keep, line: 1, lineStart: bom, off: bom}
	if err := s.scan(); err != nil {
		return nil, false, err
	}
	buf := s.feed()
	doc := etree.NewDocument()
	doc.ReadSettings.MaxDepth = maxDepth + 1
	if err := doc.ReadFromBytes(buf); err != nil {
		return nil, false, s.etreeError(buf, err)
	}
	root, err = s.convert(doc)
	if err != nil {
		return nil, false, err
	}
	return root, len(s.cuts) > 0, nil
}

// checkPrologue rejects what the scanner should never see: empty files,
// other encodings and invalid UTF-8. It returns the length of a UTF-8 BOM.
func checkPrologue(data []byte) (bom int, err error) {
	if len(data) == 0 {
		return 0, &ParseError{Line: 1, Col: 1, Msg: "empty file"}
	}
	if len(bytes.TrimLeft(data, " \t\r\n")) == 0 {
		return 0, &ParseError{Line: 1, Col: 1, Msg: "file contains only white space"}
	}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return 0, &ParseError{Line: 1, Col: 1, Msg: "unsupported encoding UTF-16: Salesforce metadata is UTF-8"}
	}
	if utf16NoBOM(data) {
		return 0, &ParseError{Line: 1, Col: 1, Msg: "UTF-16 text (no BOM): Salesforce metadata is UTF-8"}
	}
	if bytes.HasPrefix(data, utf8BOM) {
		bom = len(utf8BOM)
	}
	if enc, ok := declaredEncoding(data[bom:]); ok && !isUTF8Name(enc) {
		return 0, &ParseError{Line: 1, Col: 1, Msg: fmt.Sprintf("unsupported encoding %s: Salesforce metadata is UTF-8", encodingName(enc))}
	}
	if off := bytes.IndexByte(data, 0); off >= 0 {
		line, col := positionOf(data, bom, off)
		return 0, &ParseError{Line: line, Col: col, Msg: "NUL byte: not allowed in XML (a binary file?)"}
	}
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		line, col := positionOf(data, bom, off)
		return 0, &ParseError{Line: line, Col: col, Msg: fmt.Sprintf("invalid UTF-8 byte 0x%02X", data[off])}
	}
	return bom, nil
}

// utf16NoBOM recognises UTF-16 without a byte order mark by its first
// character: XML starts with an ASCII '<' (or white space), which UTF-16
// writes as that byte next to a NUL.
func utf16NoBOM(data []byte) bool {
	if len(data) < 2 {
		return false
	}
	lo, hi := data[0], data[1]
	if lo == 0 {
		lo, hi = hi, lo // big-endian
	}
	return hi == 0 && lo != 0 && (lo == '<' || isSpace(lo))
}

// declaredEncoding returns the encoding pseudo-attribute of an XML
// declaration at the start of data.
func declaredEncoding(data []byte) (string, bool) {
	if !bytes.HasPrefix(data, []byte("<?xml")) || len(data) < 6 || !isSpace(data[5]) {
		return "", false
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return "", false
	}
	decl := data[5:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return "", false
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return "", false
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return "", false
	}
	q := rest[0]
	j := bytes.IndexByte(rest[1:], q)
	if j < 0 {
		return "", false
	}
	return string(rest[1 : 1+j]), true
}

func isUTF8Name(enc string) bool {
	// US-ASCII is a subset of UTF-8, so such files read correctly.
	switch strings.ToLower(enc) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return true
	}
	return false
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// positionOf computes the 1-based line and byte column of off by counting
// from the start. Only error paths use it; the scanner tracks positions
// incrementally.
func positionOf(data []byte, bom, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	if start == 0 {
		start = bom
	}
	return line, off - start + 1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// nameStop holds the bytes that end a tag name: space, '/', '>' and '<'.
var nameStop = [256]bool{' ': true, '\t': true, '\r': true, '\n': true, '/': true, '>': true, '<': true}

// tagPos is one recorded start tag.
type tagPos struct {
	line, col          int
	nameStart, nameEnd int // the qualified name in data
}

type openTag struct {
	nameStart, nameEnd int
	off                int
}

type scanner struct {
	data []byte
	bom  int
	keep func(string) bool

	// Incremental position cursor: line is the line of off, lineStart the
	// offset where that line starts (after the BOM on line 1, so that the
	// BOM does not shift columns).
	off, line, lineStart int

	starts []tagPos
	cuts   [][2]int // [from, to) byte ranges not given to etree
	stack  []openTag

	lastKeepName []byte
	lastKeep     bool
}

func (s *scanner) posAt(off int) (int, int) {
	if off < s.off {
		return positionOf(s.data, s.bom, off)
	}
	seg := s.data[s.off:off]
	if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
		s.line += n
		s.lineStart = s.off + bytes.LastIndexByte(seg, '\n') + 1
	}
	s.off = off
	return s.line, off - s.lineStart + 1
}

func (s *scanner) errAt(off int, format string, args ...any) error {
	line, col := positionOf(s.data, s.bom, off)
	return &ParseError{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// tag is how a message names the tag whose qualified name is at
// data[start:end]: the name itself when it is an element of some metadata
// type, otherwise "…". In a malformed file what the scanner takes for a tag
// may be the inside of a password holding a '<' (<password>ab<cd</password>),
// and no message may quote a credential; the position still leads to it.
func (s *scanner) tag(start, end int) string {
	if name := s.data[start:end]; sfmeta.KnownElement(string(localName(name))) {
		return string(name)
	}
	return "…"
}

// endTag names the end tag at data[start:end] that should have closed
// the expected one. Besides known names, a near miss of a known expected
// name (</userPermission> for <userPermissions>) is a typo worth showing:
// a name of name characters within two edits of an element name of four or
// more characters carries no secret.
func (s *scanner) endTag(start, end int, expected string) string {
	name := string(s.data[start:end])
	if expected != "…" && len(expected) >= 4 && plainName(name) && editDistanceAtMost(name, expected, 2) {
		return name
	}
	return s.tag(start, end)
}

// plainName reports whether s consists of XML name characters only.
func plainName(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_.:-", r))
	}) < 0
}

// keepChild asks keep about a top-level child, remembering the last answer:
// retrieved files list children alphabetically, so runs of the same name
// (thousands of fieldPermissions) cost one call and no allocation.
func (s *scanner) keepChild(qname []byte) bool {
	local := localName(qname)
	if s.lastKeepName != nil && bytes.Equal(local, s.lastKeepName) {
		return s.lastKeep
	}
	s.lastKeepName = local
	s.lastKeep = s.keep(string(local))
	return s.lastKeep
}

func (s *scanner) scan() error {
	data := s.data
	i := s.bom
	rootSeen, rootClosed := false, false
	var ch children
	for {
		j := bytes.IndexByte(data[i:], '<')
		end := len(data)
		if j >= 0 {
			end = i + j
		}
		if len(s.stack) == 0 {
			if k := firstNonSpace(data[i:end]); k >= 0 {
				if rootClosed {
					return s.errAt(i+k, "text after the root element")
				}
				if i+k == s.bom {
					return s.errAt(i+k, "not an XML document: it does not start with '<'")
				}
				return s.errAt(i+k, "text before the root element")
			}
		}
		if j < 0 {
			break
		}
		lt := end
		rest := data[lt+1:]
		// Dispatch on the byte after '<' first: most tags are start tags,
		// and testing each prefix in turn was a fifth of the scanner's time
		// on a real org's profiles (issue 14).
		c := byte(0)
		if len(rest) > 0 {
			c = rest[0]
		}
		switch {
		case c != '!' && c != '?' && c != '/':
			nameStart := lt + 1
			nameEnd := nameStart
			for nameEnd < len(data) && !nameStop[data[nameEnd]] {
				nameEnd++
			}
			if nameEnd == nameStart {
				return s.errAt(lt, "'<' not followed by a tag name (use &lt; in text)")
			}
			gt, err := s.tagEnd(lt, nameEnd)
			if err != nil {
				return err
			}
			selfClose := data[gt-1] == '/'
			level := len(s.stack)
			if level == 0 {
				if rootClosed {
					return s.errAt(lt, "a second root element <%s>", s.tag(nameStart, nameEnd))
				}
				rootSeen = true
			}
			if level >= maxDepth {
				return s.errAt(lt, "elements nested deeper than %d levels", maxDepth)
			}
			if !ch.skipping && level == 1 && s.keep != nil && !s.keepChild(data[nameStart:nameEnd]) {
				ch.skipping = true
				ch.cutStart = ch.lastEnd
			}
			if !ch.skipping {
				line, col := s.posAt(lt)
				s.starts = append(s.starts, tagPos{line: line, col: col, nameStart: nameStart, nameEnd: nameEnd})
			}
			if selfClose {
				switch level {
				case 1:
					ch.closed(s, s.trailingEnd(gt+1))
				case 0:
					rootClosed = true
				}
			} else {
				s.stack = append(s.stack, openTag{nameStart: nameStart, nameEnd: nameEnd, off: lt})
				if level == 0 {
					ch.lastEnd = gt + 1
				}
			}
			i = gt + 1
		case bytes.HasPrefix(rest, []byte("!--")):
			k := bytes.Index(data[lt+4:], []byte("-->"))
			if k < 0 {
				return s.errAt(lt, "unterminated comment")
			}
			i = lt + 4 + k + 3
		case bytes.HasPrefix(rest, []byte("![CDATA[")):
			if len(s.stack) == 0 {
				return s.errAt(lt, "CDATA section outside the root element")
			}
			k := bytes.Index(data[lt+9:], []byte("]]>"))
			if k < 0 {
				return s.errAt(lt, "unterminated CDATA section")
			}
			i = lt + 9 + k + 3
		case bytes.HasPrefix(rest, []byte("!DOCTYPE")):
			if rootSeen {
				return s.errAt(lt, "DOCTYPE inside or after the root element")
			}
			next, err := s.doctype(lt)
			if err != nil {
				return err
			}
			i = next
		case c == '!':
			return s.errAt(lt, "unsupported markup declaration")
		case c == '?':
			k := bytes.Index(data[lt+2:], []byte("?>"))
			if k < 0 {
				return s.errAt(lt, "unterminated processing instruction")
			}
			i = lt + 2 + k + 2
		default: // c == '/'
			gt := bytes.IndexByte(data[lt:], '>')
			if gt < 0 {
				return s.errAt(lt, "unexpected end of file inside an end tag")
			}
			gt += lt
			nameStart := lt + 2
			nameEnd := gt
			for nameEnd > nameStart && isSpace(data[nameEnd-1]) {
				nameEnd--
			}
			if len(s.stack) == 0 {
				return s.errAt(lt, "end tag </%s> without a matching start tag", s.tag(nameStart, nameEnd))
			}
			top := s.stack[len(s.stack)-1]
			if !bytes.Equal(data[nameStart:nameEnd], data[top.nameStart:top.nameEnd]) {
				l, c := positionOf(data, s.bom, top.off)
				want := s.tag(top.nameStart, top.nameEnd)
				return s.errAt(lt, "mismatched end tag </%s>: expected </%s> to close the element opened at line %d:%d",
					s.endTag(nameStart, nameEnd, want), want, l, c)
			}
			s.stack = s.stack[:len(s.stack)-1]
			switch len(s.stack) {
			case 1:
				ch.closed(s, s.trailingEnd(gt+1))
			case 0:
				rootClosed = true
			}
			i = gt + 1
		}
	}
	if len(s.stack) > 0 {
		top := s.stack[len(s.stack)-1]
		l, c := positionOf(data, s.bom, top.off)
		return s.errAt(len(data), "unexpected end of file: <%s> opened at line %d:%d is not closed (truncated file?)",
			s.tag(top.nameStart, top.nameEnd), l, c)
	}
	if !rootSeen {
		return s.errAt(len(data), "no root element")
	}
	return nil
}

// children follows the root's children during a scan: where the last one
// ended (or the root's start tag) and whether the current one is cut,
// because no rule reads it.
type children struct {
	skipping          bool
	cutStart, lastEnd int
}

// closed records that a child of the root ended at end (comments trailing
// it included): a cut child is cut up to there.
func (c *children) closed(s *scanner, end int) {
	if c.skipping {
		s.cuts = append(s.cuts, [2]int{c.cutStart, end})
		c.skipping = false
	}
	c.lastEnd = end
}

// trailingEnd returns the end of the comments that follow offset off on
// the same line (only blanks between), or off. Those comments trail the
// element ending at off: a cut of that element takes them along, and a
// cut of the next element leaves them to this one.
func (s *scanner) trailingEnd(off int) int {
	end := off
	for {
		k := end
		for k < len(s.data) && (s.data[k] == ' ' || s.data[k] == '\t') {
			k++
		}
		if !bytes.HasPrefix(s.data[k:], []byte("<!--")) {
			return end
		}
		c := bytes.Index(s.data[k+4:], []byte("-->"))
		if c < 0 {
			return end
		}
		end = k + 4 + c + 3
	}
}

// tagEnd finds the '>' that ends the start tag at lt, skipping quoted
// attribute values (which may contain '>').
func (s *scanner) tagEnd(lt, from int) (int, error) {
	data := s.data
	for k := from; k < len(data); k++ {
		switch data[k] {
		case '>':
			return k, nil
		case '<':
			return 0, s.errAt(k, "unexpected '<' inside the tag <%s>", s.tag(lt+1, from))
		case '"', '\'':
			q := bytes.IndexByte(data[k+1:], data[k])
			if q < 0 {
				return 0, s.errAt(k, "unterminated attribute value in <%s>", s.tag(lt+1, from))
			}
			k += q + 1
		}
	}
	return 0, s.errAt(lt, "unexpected end of file inside the tag <%s>", s.tag(lt+1, from))
}

// doctype skips a DOCTYPE declaration, rejecting entity declarations:
// Salesforce metadata never has them, and refusing them outright rules out
// entity-expansion attacks whatever the XML library does.
func (s *scanner) doctype(lt int) (int, error) {
	data := s.data
	depth := 0
	for k := lt + 2; k < len(data); k++ {
		switch data[k] {
		case '"', '\'':
			q := bytes.IndexByte(data[k+1:], data[k])
			if q < 0 {
				return 0, s.errAt(lt, "unterminated DOCTYPE")
			}
			k += q + 1
		case '[':
			depth++
		case ']':
			depth--
		case '<':
			if bytes.HasPrefix(data[k:], []byte("<!ENTITY")) {
				return 0, s.errAt(k, "DOCTYPE with entity declarations is not allowed")
			}
		case '>':
			if depth <= 0 {
				return k + 1, nil
			}
		}
	}
	return 0, s.errAt(lt, "unterminated DOCTYPE")
}

func firstNonSpace(b []byte) int {
	for k, c := range b {
		if !isSpace(c) {
			return k
		}
	}
	return -1
}

// feed returns the bytes etree parses: the document without the BOM and
// without the cut ranges.
func (s *scanner) feed() []byte {
	if len(s.cuts) == 0 {
		return s.data[s.bom:]
	}
	kept := len(s.data) - s.bom
	for _, c := range s.cuts {
		kept -= c[1] - c[0]
	}
	buf := make([]byte, 0, kept)
	prev := s.bom
	for _, c := range s.cuts {
		buf = append(buf, s.data[prev:c[0]]...)
		prev = c[1]
	}
	return append(buf, s.data[prev:]...)
}

// origOffset maps an offset in the fed bytes back to the original file.
func (s *scanner) origOffset(off int) int {
	off += s.bom
	for _, c := range s.cuts {
		if off < c[0] {
			break
		}
		off += c[1] - c[0]
	}
	return off
}

// etreeError turns an etree failure into a positioned error. etree reports
// only "ErrXML" or the decoder's message, so a strict encoding/xml decoder
// re-reads the same bytes to find the offset of the first syntax error. This
// runs only on the error path.
func (s *scanner) etreeError(buf []byte, etreeErr error) error {
	dec := xml.NewDecoder(bytes.NewReader(buf))
	dec.Strict = true
	for {
		_, err := dec.RawToken()
		if err == nil {
			continue
		}
		var syn *xml.SyntaxError
		if errors.As(err, &syn) {
			off := s.origOffset(int(dec.InputOffset()))
			return s.errAt(off, "malformed XML: %s", syntaxMessage(syn.Msg))
		}
		break
	}
	return &ParseError{Line: 1, Col: 1, Msg: "malformed XML"}
}

// convert turns the etree tree into Nodes, attaching the recorded
// positions in pre-order.
func (s *scanner) convert(doc *etree.Document) (*Node, error) {
	rootEl := doc.Root()
	if rootEl == nil || len(s.starts) == 0 {
		return nil, &ParseError{Line: 1, Col: 1, Msg: "no root element"}
	}
	c := converter{s: s, slab: make([]Node, len(s.starts))}
	root, err := c.element(rootEl)
	if err != nil {
		return nil, err
	}
	if c.next != len(s.starts) {
		return nil, c.outOfSync()
	}
	if len(s.cuts) > 0 {
		// The root had child elements in the file even if all were
		// skipped, so like any element with children it has no Text;
		// stray text between them must not surface only when filtering.
		root.Text = ""
	}
	// Comments before the root (for example a file-level provenance or
	// suppression comment) belong to the root.
	for _, t := range doc.Child {
		if cm, ok := t.(*etree.Comment); ok {
			root.Comments = append(root.Comments, strings.TrimSpace(cm.Data))
		}
	}
	return root, nil
}

type converter struct {
	s    *scanner
	slab []Node
	next int
}

func (c *converter) outOfSync() error {
	// The scanner and encoding/xml disagree about where elements start.
	// This is a bug, not a property of the input; report it rather than
	// attach wrong positions.
	return &ParseError{Line: 1, Col: 1, Msg: "internal error: element positions out of sync with the XML parser"}
}

func (c *converter) element(e *etree.Element) (*Node, error) {
	if c.next >= len(c.slab) {
		return nil, c.outOfSync()
	}
	pos := c.s.starts[c.next]
	n := &c.slab[c.next]
	c.next++
	if !localNameEquals(c.s.data[pos.nameStart:pos.nameEnd], e.Tag) {
		return nil, c.outOfSync()
	}
	n.Name = e.Tag
	n.Line, n.Col = pos.line, pos.col
	for i := range e.Attr {
		a := &e.Attr[i]
		switch {
		case a.Space == "xmlns", a.Space == "" && a.Key == "xmlns":
			continue
		case a.Key == "nil" && (a.Space == "xsi" || a.NamespaceURI() == xsiNamespace):
			n.Nil = a.Value == "true" || a.Value == "1"
			continue
		}
		n.Attrs = append(n.Attrs, Attr{Name: a.Key, Value: a.Value})
	}

	elems := 0
	for _, t := range e.Child {
		if _, ok := t.(*etree.Element); ok {
			elems++
		}
	}
	var text []string
	var pending []string
	if elems > 0 {
		n.Children = make([]*Node, 0, elems)
	}
	// prev is the last child element while no line break has followed it:
	// a comment then trails prev rather than standing before the next one.
	var prev *Node
	for _, t := range e.Child {
		switch t := t.(type) {
		case *etree.Element:
			child, err := c.element(t)
			if err != nil {
				return nil, err
			}
			child.Comments = pending
			pending = nil
			n.Children = append(n.Children, child)
			prev = child
		case *etree.Comment:
			if prev != nil {
				prev.Trailing = append(prev.Trailing, strings.TrimSpace(t.Data))
			} else {
				pending = append(pending, strings.TrimSpace(t.Data))
			}
		case *etree.CharData:
			// Only blanks keep a comment on prev's line (as the scanner's
			// trailingEnd sees it).
			if strings.Trim(t.Data, " \t") != "" {
				prev = nil
			}
			if elems == 0 {
				text = append(text, t.Data)
			}
		}
	}
	n.Dangling = pending
	switch len(text) {
	case 0:
	case 1:
		n.Text = strings.TrimSpace(text[0])
	default:
		n.Text = strings.TrimSpace(strings.Join(text, ""))
	}
	return n, nil
}

func localNameEquals(qname []byte, local string) bool {
	return string(localName(qname)) == local
}

// localName strips a namespace prefix exactly as encoding/xml (and so etree)
// does: only a single colon with text on both sides separates a prefix;
// "c:" or ":c" is a local name as written.
func localName(qname []byte) []byte {
	i := bytes.IndexByte(qname, ':')
	if i <= 0 || i == len(qname)-1 || bytes.IndexByte(qname[i+1:], ':') >= 0 {
		return qname
	}
	return qname[i+1:]
}
