package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/ruledoc"
	"github.com/sfguard/sfguard/policy"
)

func runRules(args []string, e env) int {
	fs := pflag.NewFlagSet("rules", pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.StringP("format", "f", "text", "text or json")
	tag := fs.String("tag", "", "list only the rules with this `TAG`")
	policies := fs.StringArrayP("policy", "p", nil, "also list the rules in `DIR`; repeatable")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		return ExitError
	}
	eng, err := policy.New(policy.Options{PolicyDirs: *policies})
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	rules := eng.Rules()
	if *tag != "" {
		if rules = withTag(rules, *tag); len(rules) == 0 {
			fmt.Fprintf(e.stderr, "sfguard: no rule has the tag %q ('sfguard rules' shows each rule's tags)\n", *tag)
			return ExitError
		}
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if rules == nil {
			rules = []finding.Rule{}
		}
		if err := enc.Encode(rules); err != nil {
			fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
			return ExitError
		}
	case "text":
		writeRulesText(e.stdout, rules, rulesWidth(e.stdout))
	default:
		fmt.Fprintf(e.stderr, "sfguard: --format: want text or json, got %q\n", *format)
		return ExitError
	}
	return ExitOK
}

func runExplain(args []string, e env) int {
	fs := pflag.NewFlagSet("explain", pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	markdown := fs.Bool("markdown", false, "print Markdown instead of plain text")
	policies := fs.StringArrayP("policy", "p", nil, "also look in the rules in `DIR`; repeatable")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		return ExitError
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(e.stderr, "Usage: sfguard explain [--markdown] RULE-ID")
		return ExitError
	}
	eng, err := policy.New(policy.Options{PolicyDirs: *policies})
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	want := fs.Arg(0)
	for _, r := range eng.Rules() {
		if strings.EqualFold(r.ID, want) {
			if *markdown {
				fmt.Fprint(e.stdout, ruledoc.Markdown(r))
			} else {
				fmt.Fprint(e.stdout, ruledoc.Text(r))
			}
			return ExitOK
		}
	}
	fmt.Fprintf(e.stderr, "sfguard: no rule %q ('sfguard rules' lists them)\n", want)
	return ExitError
}
