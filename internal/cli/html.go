package cli

import (
	"strconv"
	"time"
)

// needsAudit says whether a report format needs the pipeline's audit data
// (access matrix, snippets, accepted-risk records): only the HTML report.
func needsAudit(format string, outs []output) bool {
	if format == "html" {
		return true
	}
	for _, o := range outs {
		if o.format == "html" {
			return true
		}
	}
	return false
}

// reportTime is the time the HTML report states: SFGUARD_REPORT_TIME
// (RFC 3339) or SOURCE_DATE_EPOCH (seconds) when set, so that a report can
// be reproduced byte for byte, else now. Suppression expiry is judged on
// the same day.
func reportTime(getenv func(string) string) time.Time {
	if t, err := time.Parse(time.RFC3339, getenv("SFGUARD_REPORT_TIME")); err == nil {
		return t.UTC()
	}
	if n, err := strconv.ParseInt(getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		return time.Unix(n, 0).UTC()
	}
	return time.Now().UTC()
}
