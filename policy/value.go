package policy

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// toValue converts the plain values detectors put in a candidate's fields
// (strings, booleans, numbers, string lists, nested maps) to Rego without
// the reflection ast.InterfaceToValue falls back to; with thousands of
// candidates per scan the conversion showed in profiles. Anything else goes
// through InterfaceToValue.
func toValue(v any) (ast.Value, error) {
	switch x := v.(type) {
	case nil:
		return ast.Null{}, nil
	case string:
		return ast.String(x), nil
	case bool:
		return ast.Boolean(x), nil
	case int:
		return ast.IntNumberTerm(x).Value, nil
	case int64:
		return ast.IntNumberTerm(int(x)).Value, nil
	case float64:
		return ast.FloatNumberTerm(x).Value, nil
	case []string:
		terms := make([]*ast.Term, len(x))
		for i, s := range x {
			terms[i] = ast.StringTerm(s)
		}
		return ast.NewArray(terms...), nil
	case []any:
		terms := make([]*ast.Term, len(x))
		for i, e := range x {
			ev, err := toValue(e)
			if err != nil {
				return nil, err
			}
			terms[i] = ast.NewTerm(ev)
		}
		return ast.NewArray(terms...), nil
	case map[string]any:
		obj := ast.NewObjectWithCapacity(len(x))
		for k, e := range x {
			ev, err := toValue(e)
			if err != nil {
				return nil, err
			}
			obj.Insert(ast.StringTerm(k), ast.NewTerm(ev))
		}
		return obj, nil
	default:
		return ast.InterfaceToValue(v)
	}
}
