package policy

import "sort"

// Reads explains the element filter Keep builds for one metadata type:
// which rules make the parser keep which top-level elements.
type Reads struct {
	Type string `json:"type"`
	// Whole lists the rules that read the type without declaring
	// custom.reads: while any is loaded, documents of the type are parsed
	// in full.
	Whole []string `json:"whole,omitempty"`
	// Elements maps each kept top-level element to the rules that read it.
	Elements map[string][]string `json:"elements"`
}

// ReadsOf returns the explanation of Keep(typeName); the rule lists are
// sorted by id.
func (e *Engine) ReadsOf(typeName string) Reads {
	out := Reads{Type: typeName, Elements: map[string][]string{}}
	for _, r := range e.rules { // sorted by id
		if !e.parsesFor(r, typeName) {
			continue
		}
		if !r.readsDeclared {
			out.Whole = append(out.Whole, r.meta.ID)
			continue
		}
		for _, el := range r.reads {
			out.Elements[el] = append(out.Elements[el], r.meta.ID)
		}
	}
	for _, ids := range out.Elements {
		sort.Strings(ids)
	}
	return out
}

// parsesFor reports whether rule r reads documents of typeName in this run
// (secret rules read candidates; delta rules run only in PR mode).
func (e *Engine) parsesFor(r *loadedRule, typeName string) bool {
	return r.meta.Scope != ScopeSecret && (r.meta.Scope != ScopeDelta || e.prMode) && appliesTo(r, typeName)
}
