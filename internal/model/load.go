package model

import (
	"fmt"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

// Load parses one metadata file and checks that its root element is the
// one its type requires. keep is passed to Parse (nil: parse everything).
// For the plug-in files of External Client Apps, <externalClientApplication>
// is always kept because JoinECA needs it. Errors are *ParseError so that the caller can build a
// finding.Diagnostic with the file's path and the position.
func Load(t *sfmeta.Type, fullName, path string, format sfmeta.Format, data []byte,
	keep func(string) bool) (*Document, error) {
	if keep != nil && t.ECARole != "" && t.ECARole != ECAHeader {
		// JoinECA links plug-in files to their app through this element,
		// so it must survive whatever the rules declare they read.
		rulesKeep := keep
		keep = func(name string) bool { return name == ecaParentElement || rulesKeep(name) }
	}
	root, partial, err := Parse(data, keep)
	if err != nil {
		return nil, err
	}
	if root.Name != t.Root {
		return nil, &ParseError{Line: root.Line, Col: root.Col,
			Msg: fmt.Sprintf("root element is <%s>, but a %s file must have <%s>", root.Name, t.Name, t.Root)}
	}
	return &Document{
		Type:     t,
		FullName: fullName,
		Path:     path,
		Format:   format,
		Root:     root,
		Size:     int64(len(data)),
		Partial:  partial,
	}, nil
}
