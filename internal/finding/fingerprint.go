package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
)

// A fingerprint is built from what a finding means — rule, kind, metadata
// type, component full name, the element path without positional indices
// and a hash of the offending value — never from line numbers or element
// order. Salesforce tooling rewrites, reorders and reformats metadata XML on
// every retrieve; a fingerprint built from positions would call every
// accepted finding new again (the failure users report for gitleaks'
// baselines). Baselines, PR mode and SARIF's partialFingerprints all use it.

// fingerprintVersion is hashed first so that a future change of the recipe
// can never collide with old fingerprints.
const fingerprintVersion = "sfguard/v1"

var indexRE = regexp.MustCompile(`\[[0-9]+\]`)

// NormalizePath removes positional indices from an element path:
// "/Profile/loginIpRanges[2]/startAddress" -> "/Profile/loginIpRanges/startAddress".
func NormalizePath(p string) string { return indexRE.ReplaceAllString(p, "") }

// Fingerprint is the semantic identity of a finding as 32 hex digits.
//
// Metadata findings hash the rule id, kind, component type and full name,
// the element path without [n] indices and f.ValueHash. Secret findings hash
// the rule id, the file and the secret's hash, so the same credential moved
// to another line keeps its identity while a rotated one does not. The file
// is f.File unless AssignFingerprints is given the path from the project
// root. Two
// findings that differ only in which repeated element they sit on (two
// userPermissions entries) are told apart by ValueHash, which the engine
// derives from the offending value.
func Fingerprint(f *Finding) string { return fingerprint(f, f.File) }

func fingerprint(f *Finding, file string) string {
	h := sha256.New()
	add := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	add(fingerprintVersion)
	add(f.RuleID)
	if f.Kind == KindSecret {
		add(string(KindSecret))
		add(file)
		if f.Secret != nil {
			add(f.Secret.Hash)
		} else {
			add(f.ValueHash)
		}
	} else {
		add(string(f.Kind))
		add(f.ComponentType)
		add(f.ComponentName)
		add(NormalizePath(f.ElementPath))
		add(f.ValueHash)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// AssignFingerprints sets Fingerprint on every finding that has none.
// rel, when set, maps a finding's File to its path from the project root,
// which a credential's fingerprint hashes instead, so that the same scan
// run from another directory (CI at the root, a person in a subfolder)
// gives the same fingerprints.
func AssignFingerprints(findings []Finding, rel func(file string) string) {
	for i := range findings {
		f := &findings[i]
		if f.Fingerprint != "" {
			continue
		}
		file := f.File
		if rel != nil {
			file = rel(file)
		}
		f.Fingerprint = fingerprint(f, file)
	}
}
