package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

// DefaultManifestAPIVersion is the API version `sfguard manifest` writes:
// new enough for every type in the registry (the external client app
// policies need 60.0).
const DefaultManifestAPIVersion = "62.0"

var apiVersionRE = regexp.MustCompile(`^[0-9]{2}\.0$`)

// runManifest prints a package.xml that retrieves exactly the metadata
// sfguard reads: `sfguard manifest [--api-version V] [-o FILE]`.
func runManifest(args []string, e env) int {
	fs := pflag.NewFlagSet("manifest", pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	version := fs.String("api-version", DefaultManifestAPIVersion, "the `VERSION` written in <version> (60.0 or later)")
	out := fs.StringP("output-file", "o", "", "write the manifest to `FILE` instead of stdout")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: sfguard manifest [flags]\n\nPrints a package.xml that retrieves what sfguard reads, for\n  sf project retrieve start --manifest package.xml --target-metadata-dir audit\n\nFlags:\n%s", fs.FlagUsages())
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "sfguard: manifest takes no arguments, got %q\n", fs.Args())
		return ExitError
	}
	if !apiVersionRE.MatchString(*version) || *version < "60.0" {
		fmt.Fprintf(e.stderr, "sfguard: --api-version %q: want a version such as %s, 60.0 or later (external client app policies need it)\n", *version, DefaultManifestAPIVersion)
		return ExitError
	}
	w := e.stdout
	var f *os.File
	if *out != "" {
		var err error
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
			return ExitError
		}
		w = f
	}
	_, err := io.WriteString(w, Manifest(*version))
	if f != nil {
		err = errors.Join(err, f.Close())
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "sfguard: %v\n", err)
		return ExitError
	}
	return ExitOK
}

// Manifest is the package.xml for every type in sfguard's registry
// (internal/sfmeta), so it cannot fall behind what the scanner reads.
// Settings are named one by one: Salesforce does not expand * for them.
func Manifest(version string) string {
	var names, settings []string
	for _, t := range sfmeta.Types {
		if t.SettingsName != "" {
			settings = append(settings, t.SettingsName)
			continue
		}
		names = append(names, t.Name)
	}
	sort.Strings(names)
	sort.Strings(settings)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<!--
  What sfguard reads, for an audit of an org (short flags: XML comments
  cannot hold a double hyphen; -x is the manifest, -t the target folder):
    sf project retrieve start -x package.xml -t audit
    sfguard scan -o audit.html audit
  Written by sfguard manifest from its metadata registry.

  Profiles and permission sets: a retrieve returns their system permissions
  (userPermissions), login IP ranges and login hours whatever else the
  package holds, and that is what sfguard reads. Their object, field, Apex
  class, page, tab and app permissions come back only next to the objects,
  classes, pages, tabs and apps this same package retrieves; add those types
  if the audit should cover them too.
  AuthProvider, NamedCredential and ExternalCredential are read for the
  credentials they may carry.
-->
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
`)
	for _, n := range names {
		fmt.Fprintf(&b, "    <types>\n        <members>*</members>\n        <name>%s</name>\n    </types>\n", n)
	}
	b.WriteString("    <types>\n")
	for _, s := range settings {
		fmt.Fprintf(&b, "        <members>%s</members>\n", s)
	}
	b.WriteString("        <name>Settings</name>\n    </types>\n")
	fmt.Fprintf(&b, "    <version>%s</version>\n</Package>\n", version)
	return b.String()
}
