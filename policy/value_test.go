package policy

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

func TestToValueMatchesInterfaceToValue(t *testing.T) {
	in := map[string]any{
		"detector":  "salesforce-refresh-token",
		"line":      12,
		"line64":    int64(7),
		"entropy":   4.75,
		"allowed":   false,
		"nothing":   nil,
		"pathHints": []string{"test", "docs"},
		"mixed":     []any{"a", 1, true, map[string]any{"k": "v"}},
		"app":       map[string]any{"fullName": "Sync", "scopes": []string{"Api"}},
		"other":     struct{ A int }{A: 3},
	}
	got, err := toValue(in)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ast.InterfaceToValue(in)
	if err != nil {
		t.Fatal(err)
	}
	if got.Compare(want) != 0 {
		t.Errorf("toValue = %v\nInterfaceToValue = %v", got, want)
	}
}
