package config

// ParseSelector reads a rule selector as written on the command line
// (--disable): a rule id or glob, "tag:NAME" or "severity:LEVEL".
func ParseSelector(s string) (Selector, error) { return parseSelector(s) }
