package secrets

import (
	"bytes"
	"strings"
)

// Third-party API keys that Salesforce orgs keep in custom metadata, custom
// settings, named-credential parameters and Apex: the integrations' own
// keys. The formats are the vendors' published ones, matched by hand-written
// linear parsers behind the shared keyword pass rather than by a regex set
// (gitleaks' MIT-licensed rules would fit, but its Go module exposes them only
// with its whole scanner and dependency tree, and a regex pass per pattern
// over every byte would cost more than the whole Salesforce scan):
//
//	Stripe    sk_live_/sk_test_ (secret), rk_live_/rk_test_ (restricted) + ≥ 24 alphanumerics
//	AWS       AKIA + 16 of [A-Z2-7] (access key id), paired with a 40-character secret key nearby
//	Slack     xoxb-/xoxp-/xoxa-/xoxr-/xoxs- + digits and letters in dash-separated groups
//	GitHub    ghp_/gho_ + 36 alphanumerics; github_pat_ + 82 of [A-Za-z0-9_]
//	Google    AIza + 35 of [A-Za-z0-9_-]
type thirdPartyFormat struct {
	id, name string
	prefix   string // case-sensitive, as issued
	minBody  int    // characters after the prefix
	maxBody  int    // 0: no upper bound beyond the run
	exact    bool   // body length must be minBody exactly
	body     func(byte) bool
}

func isB32Upper(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '2' && c <= '7' }

func isSlackChar(c byte) bool { return isAlnum(c) || c == '-' }

func isPATChar(c byte) bool { return isAlnum(c) || c == '_' }

var thirdPartyFormats = []thirdPartyFormat{
	{"stripe-secret-live", "Stripe live secret key", "sk_live_", 24, 247, false, isAlnum},
	{"stripe-secret-test", "Stripe test-mode secret key", "sk_test_", 24, 247, false, isAlnum},
	{"stripe-restricted-live", "Stripe live restricted key", "rk_live_", 24, 247, false, isAlnum},
	{"stripe-restricted-test", "Stripe test-mode restricted key", "rk_test_", 24, 247, false, isAlnum},
	{"aws-access-key-id", "AWS access key", "AKIA", 16, 16, true, isB32Upper},
	{"slack-bot-token", "Slack bot token", "xoxb-", 20, 0, false, isSlackChar},
	{"slack-user-token", "Slack user token", "xoxp-", 20, 0, false, isSlackChar},
	{"slack-app-token", "Slack workspace token", "xoxa-", 20, 0, false, isSlackChar},
	{"slack-refresh-token", "Slack refresh token", "xoxr-", 20, 0, false, isSlackChar},
	{"slack-session-token", "Slack session token", "xoxs-", 20, 0, false, isSlackChar},
	{"github-pat", "GitHub personal access token", "ghp_", 36, 36, true, isAlnum},
	{"github-oauth", "GitHub OAuth token", "gho_", 36, 36, true, isAlnum},
	{"github-fine-grained-pat", "GitHub fine-grained personal access token", "github_pat_", 82, 82, true, isPATChar},
	{"google-api-key", "Google API key", "AIza", 35, 35, true, func(c byte) bool { return isAlnum(c) || c == '-' || c == '_' }},
}

// thirdPartyPrefix is the vendor prefix of a third-party key: all that its
// redacted form shows.
func thirdPartyPrefix(raw string) string {
	for _, f := range thirdPartyFormats {
		if strings.HasPrefix(raw, f.prefix) {
			return f.prefix
		}
	}
	return ""
}

// thirdParty runs at every keyword that starts a third-party key format.
func (s *blobScan) thirdParty(ms, _ int) {
	d := s.data
	if ms > 0 && (isAlnum(d[ms-1]) || d[ms-1] == '_') {
		return
	}
	for i := range thirdPartyFormats {
		f := &thirdPartyFormats[i]
		if !bytes.HasPrefix(d[ms:], []byte(f.prefix)) {
			continue
		}
		bs := ms + len(f.prefix)
		n := runOf(d, bs, f.body)
		if n < f.minBody || f.exact && n != f.minBody || f.maxBody > 0 && n > f.maxBody {
			return
		}
		end := bs + n
		if end < len(d) && (isAlnum(d[end]) || d[end] == '_') {
			return // part of a longer identifier
		}
		body := string(d[bs:end])
		if strings.HasPrefix(f.id, "slack") && strings.Count(body, "-") < 2 {
			return // Slack tokens are dash-separated groups: team, user, secret
		}
		fields := map[string]any{
			"formatMatch": true,
			"format":      f.id,
			"formatName":  f.name,
			"testMode":    strings.HasSuffix(f.id, "-test"),
			"placeholder": placeholderValue(body) || placeholderBody(body),
		}
		if f.id == "aws-access-key-id" {
			fields["awsSecretNearby"] = s.awsSecretNearby(ms)
		}
		s.add(hit{det: DetThirdPartyKey, start: ms, end: end, keyword: f.prefix, prio: prioFormat, f: fields})
		return
	}
}

// placeholderBody: documentation keys such as sk_test_XXXXXXXXXXXXXXXXXXXXXXXX
// or AKIAIOSFODNN7EXAMPLE (AWS's own documentation key id ends in EXAMPLE).
func placeholderBody(body string) bool {
	return strings.HasSuffix(body, "EXAMPLE") || strings.Count(strings.ToLower(body), "x") >= len(body)*3/4
}

// awsSecretNearby looks for the 40-character secret access key within five
// lines (a custom metadata record puts the next field's value four lines
// down): with it, the key id is a working login.
func (s *blobScan) awsSecretNearby(pos int) bool {
	w := s.window(pos, 5, 5)
	ok := func(c byte) bool { return isAlnum(c) || c == '/' || c == '+' }
	for i := 0; i < len(w); {
		if !ok(w[i]) {
			i++
			continue
		}
		n := runOf(w, i, ok)
		if n == 40 {
			v := string(w[i : i+n])
			if strings.ContainsAny(v, "abcdefghijklmnopqrstuvwxyz") && strings.ContainsAny(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") &&
				!strings.HasSuffix(v, "EXAMPLEKEY") {
				return true
			}
		}
		i += n
	}
	return false
}
