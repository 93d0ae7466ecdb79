// Package model is sfguard's typed, position-carrying view of one Salesforce
// metadata file, and the conversion of that view into the Rego input
// documented in docs/input.md.
//
// Parsing (parse.go) builds a Node tree from the bytes with etree and gives
// every element the line and column of its start tag. Typing (value.go)
// turns the tree into a Rego value using the schema in package sfmeta:
// repeatable elements are always arrays, booleans and integers are typed,
// xsi:nil elements are null, unknown elements are kept.
package model

import "github.com/sfguard/sfguard/internal/sfmeta"

// Node is one XML element.
type Node struct {
	// Name is the local name; namespaces are stripped.
	Name string
	// Line and Col are the 1-based position of the '<' of the start tag.
	Line, Col int
	// Text is the element's character data with surrounding white space
	// trimmed; empty for elements that have child elements.
	Text string
	// Nil is true for xsi:nil="true".
	Nil bool
	// Attrs holds the attributes other than namespace declarations and
	// xsi:nil, in document order.
	Attrs []Attr
	// Children are the child elements in document order.
	Children []*Node
	// Comments are the XML comments that stand directly before this
	// element (between the previous sibling element, or the parent's start
	// tag, and this element), trimmed. Inline suppressions are read from
	// them. A comment on the same line after a sibling's end is that
	// sibling's Trailing comment instead.
	Comments []string
	// Trailing are the comments on the line where this element ends, after
	// it: `<a>x</a> <!-- note -->`. They belong to no element; they are
	// kept so that a suppression written there is reported, not applied
	// to the element after it.
	Trailing []string
	// Dangling are the comments after this element's last child element,
	// which stand before no element.
	Dangling []string
}

// Attr is one attribute.
type Attr struct {
	Name, Value string
}

// Document is one parsed metadata file.
type Document struct {
	Type     *sfmeta.Type
	FullName string
	// Path is the display path: relative to the current directory, slash-separated;
	// for files inside a zip, "archive.zip!/inner/path".
	Path   string
	Format sfmeta.Format
	Root   *Node
	// Size is the file size in bytes.
	Size int64
	// Partial is true when top-level subtrees that no loaded rule reads were
	// skipped while parsing.
	Partial bool
}
