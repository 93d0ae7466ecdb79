package policy

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/rules"
)

// reportedRules lists, sorted by id, the rules a scan reports as run: the
// compiled ones and, when Types left built-in rules out, those of the
// selected scopes too (from rules.Index), so that a pre-commit scan of
// staged files reports the same rules as a scan of the work tree.
func reportedRules(loaded []*loadedRule, opts Options, narrowed bool) ([]finding.Rule, error) {
	out := make([]finding.Rule, 0, len(loaded))
	have := map[string]bool{}
	for _, r := range loaded {
		out = append(out, r.meta)
		have[r.meta.ID] = true
	}
	if narrowed && opts.Types != nil {
		index, err := builtinIndex()
		if err != nil {
			return nil, err
		}
		for _, m := range index {
			if !have[m.ID] && (opts.Scopes == nil || contains(opts.Scopes, m.Scope)) {
				out = append(out, m)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// BuiltinIndex renders the METADATA of every built-in rule as rules.Index
// holds it (cmd/gendocs writes it; TestBuiltinIndexCurrent checks it).
func BuiltinIndex() ([]byte, error) {
	srcs, err := loadSources(nil)
	if err != nil {
		return nil, err
	}
	parsed, err := parseAll(srcs)
	if err != nil {
		return nil, err
	}
	var metas []finding.Rule
	for i, s := range srcs {
		r, ok, err := ruleFromModule(s.name, parsed[i], true)
		if err != nil {
			return nil, err
		}
		if ok {
			metas = append(metas, r.meta)
		}
	}
	sort.Slice(metas, func(i, j int) bool { return metas[i].ID < metas[j].ID })
	b, err := json.MarshalIndent(metas, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// builtinIndex decodes rules.Index, the METADATA of every built-in rule.
func builtinIndex() ([]finding.Rule, error) {
	var index []finding.Rule
	if err := json.Unmarshal(rules.Index, &index); err != nil {
		return nil, fmt.Errorf("the built-in rule index: %w (regenerate it with go run ./cmd/gendocs)", err)
	}
	for _, r := range index {
		for k, v := range r.Params {
			r.Params[k] = wholeNumbers(v)
		}
	}
	return index, nil
}

// wholeNumbers turns the whole float64 numbers JSON decoding gives back
// into the ints the METADATA's YAML decodes them as.
func wholeNumbers(v any) any {
	switch v := v.(type) {
	case float64:
		if v == float64(int(v)) {
			return int(v)
		}
	case []any:
		for i := range v {
			v[i] = wholeNumbers(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = wholeNumbers(v[k])
		}
	}
	return v
}
