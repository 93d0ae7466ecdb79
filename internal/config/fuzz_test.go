package config

import (
	"errors"
	"testing"
	"time"

	"github.com/sfguard/sfguard/internal/finding"
)

// FuzzParse: no configuration bytes make the loader panic; every problem
// is an *Error naming the file, and a configuration that loads can be used
// (rule selection, severities, excludes, parameters, suppressions) without
// panicking.
func FuzzParse(f *testing.F) {
	f.Add([]byte(full))
	for _, s := range []string{
		"", "~", "[]", "version: 2", "rules: {disable: [tag:], enable: [SFG-*]}",
		"params: {a: &x [1, *x]}", "exclude: ['[']", "suppressions: [{rule: X, expires: 2026-02-30}]",
		"a: &a [*a, *a, *a]\nb: &b [*a, *a]", "failOn: 3", "\t- x", "rules:\n  severity:\n    SFG-X: bogus",
	} {
		f.Add([]byte(s))
	}
	rule := finding.Rule{ID: "SFG-CA-001", Severity: finding.High, Tags: []string{"experimental"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("cfg.yaml", data)
		if err != nil {
			for _, e := range unjoin(err) {
				var ce *Error
				if !errors.As(e, &ce) || ce.File != "cfg.yaml" || ce.Msg == "" {
					t.Fatalf("problem is not a positioned *Error: %#v", e)
				}
			}
			return
		}
		c.RuleEnabled(rule)
		c.SeverityFor(rule)
		_ = c.CheckRules([]finding.Rule{rule})
		_, _ = c.ResolveParams(map[string]any{"ratio": 0.5, "trustedRanges": []any{"10.0.0.0/8"}})
		for _, s := range c.Suppressions {
			s.Expired(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
			_ = s.Describe()
		}
	})
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
