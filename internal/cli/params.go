package cli

import (
	"encoding/json"
	"fmt"
	"strings"
)

// parseParamValue reads a --param value: JSON when it parses (numbers,
// booleans, lists), otherwise the plain string, so that
// --param max_refresh_token_days=30 and --param region=emea both work.
func parseParamValue(s string) any {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err == nil {
		return v
	}
	return s
}

// parseParams reads the --param flags (NAME=VALUE each); nil when there
// are none, so the configuration's parameters stand.
func parseParams(flags []string) (map[string]any, error) {
	if len(flags) == 0 {
		return nil, nil
	}
	out := make(map[string]any, len(flags))
	for _, p := range flags {
		name, val, ok := strings.Cut(p, "=")
		if !ok || name == "" {
			return nil, fmt.Errorf("--param %q: want NAME=VALUE", p)
		}
		out[name] = parseParamValue(val)
	}
	return out, nil
}
