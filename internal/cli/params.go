package cli

import "encoding/json"

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
