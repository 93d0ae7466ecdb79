package secrets

import (
	"bytes"
	"encoding/base64"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/sfmeta"
)

// Detector ids. They are part of the Rego contract (custom.detectors in the
// rule METADATA) and must stay stable.
const (
	DetAccessToken    = "salesforce-access-token"
	DetJWTAccessToken = "salesforce-jwt-access-token"
	DetRefreshToken   = "salesforce-refresh-token"
	DetAuthURL        = "salesforce-sfdx-auth-url"
	DetConsumerSecret = "salesforce-consumer-secret"
	DetConsumerKey    = "salesforce-consumer-key"
	DetPassword       = "salesforce-password"
	DetSecurityToken  = "salesforce-security-token"
	DetPrivateKey     = "private-key"
	DetJWTKeyFile     = "salesforce-jwt-key-file"
	DetCLIAuthState   = "salesforce-cli-auth-state"
	DetMetadataSecret = "salesforce-metadata-secret"
	DetThirdPartyKey  = "third-party-api-key"
)

// Priorities decide which hit survives when two overlap: the most specific
// shape wins (an auth URL contains a refresh token and a consumer key; a
// token under an SF_ACCESS_TOKEN key is found by shape and by key).
const (
	prioKey    = 1 // consumer key, an identifier
	prioKeyed  = 2 // value found through its key name
	prioFormat = 3 // value found by its own shape
	prioURL    = 4 // SFDX auth URL
)

// hit is a detector match inside one blob, before features are computed.
type hit struct {
	det        string
	start, end int // byte span of the secret in blob data
	keyword    string
	key        string
	prio       int
	raw        string         // overrides data[start:end] when set (joined literals)
	hashOf     string         // value hashed instead of raw (normalised PEM body)
	f          map[string]any // detector-specific fields
	consumerID string         // consumer key carried by the hit itself (auth URL)
}

type handler func(s *blobScan, ms, me int)

type detector struct {
	pf       *prefilter
	handlers []handler
}

var (
	detOnce sync.Once
	det     *detector
)

// keywords are matched ASCII case-insensitively in one pass over the data;
// only around a keyword does any further (hand-written, linear) parsing run,
// so a file without credentials costs one table lookup per byte. anchor is
// the offset of the keyword's rarest byte pair in source code (see
// prefilter.go).
var keywords = []struct {
	lit    string
	anchor int
	h      handler
}{
	{"00d", 1, (*blobScan).accessToken},               // "0d"
	{"eyj", 1, (*blobScan).jwt},                       // "yj"
	{"5aep86", 3, (*blobScan).refreshToken},           // "p8"
	{"3mvg9", 2, (*blobScan).consumerKey},             // "vg"
	{"force://", 4, (*blobScan).authURL},              // "e:"
	{"force%3a%2f%2f", 4, (*blobScan).authURLEncoded}, // "e%"
	{"-----begin", 4, (*blobScan).pem},                // "-b"
	{"secret", 2, (*blobScan).keyed},                  // "cr"
	{"password", 3, (*blobScan).keyed},                // "sw"
	{"passwd", 3, (*blobScan).keyed},                  // "sw"
	{"security_token", 7, (*blobScan).keyed},          // "y_"
	{"securitytoken", 7, (*blobScan).keyed},           // "yt"
	{"security-token", 7, (*blobScan).keyed},          // "y-"
	{"accesstoken", 7, (*blobScan).keyed},             // "ok"
	{"access_token", 5, (*blobScan).keyed},            // "s_"
	{"refreshtoken", 8, (*blobScan).keyed},            // "ok"
	{"refresh_token", 6, (*blobScan).keyed},           // "h_"
	{"parametervalue", 7, (*blobScan).keyed},          // "rv"
	{"apikey", 2, (*blobScan).customMetadataField},    // "ik"
	{"api_key", 2, (*blobScan).customMetadataField},   // "i_"
	{".login(", 0, (*blobScan).jsforceLogin},          // ".l"
	// Third-party key prefixes (thirdparty.go).
	{"sk_live_", 1, (*blobScan).thirdParty},    // "k_"
	{"sk_test_", 1, (*blobScan).thirdParty},    // "k_"
	{"rk_live_", 1, (*blobScan).thirdParty},    // "k_"
	{"rk_test_", 1, (*blobScan).thirdParty},    // "k_"
	{"akia", 1, (*blobScan).thirdParty},        // "ki"
	{"xox", 0, (*blobScan).thirdParty},         // "xo"
	{"ghp_", 1, (*blobScan).thirdParty},        // "hp"
	{"gho_", 2, (*blobScan).thirdParty},        // "o_"
	{"github_pat_", 5, (*blobScan).thirdParty}, // "b_"
	{"aiza", 2, (*blobScan).thirdParty},        // "za"
}

func defaultDetector() *detector {
	detOnce.Do(func() {
		specs := make([]keywordSpec, len(keywords))
		d := &detector{}
		for i, k := range keywords {
			specs[i] = keywordSpec{lit: k.lit, anchor: k.anchor}
			d.handlers = append(d.handlers, k.h)
		}
		d.pf = newPrefilter(specs)
		det = d
	})
	return det
}

// blobScan is the per-blob state of a scan.
type blobScan struct {
	b     *Blob
	data  []byte
	opts  *Options
	hits  []hit
	keys  []keyHit
	lines []int // start offset of every line, built on first use

	metaDone bool
	metaType string

	ctx map[string]bool // memoised blob-wide "contains" checks

	display string // where findings are located: the Blob's Path

	// offsets maps a byte of data to its offset in the stored file when data
	// was decoded (UTF-16); nil when data is the file itself.
	offsets  []int
	encoding string
}

type keyHit struct {
	pos int
	raw string
}

// newBlobScan starts the scan of a blob. Everything but the locations sees
// the blob's path from the project root (Blob.Rel).
func newBlobScan(b *Blob, opts Options) *blobScan {
	s := &blobScan{b: b, data: b.Data, opts: &opts, display: b.Path}
	if b.Rel != "" && b.Rel != b.Path {
		c := *b
		c.Path = b.Rel
		s.b = &c
	}
	return s
}

func (d *detector) scan(b *Blob, opts Options) []Candidate {
	s := newBlobScan(b, opts)
	if enc := utf16Order(b.Data); enc != "" {
		s.data, s.offsets = decodeUTF16(b.Data, enc)
		s.encoding = enc
	}
	d.pf.each(s.data, func(kw, start, end int) { d.handlers[kw](s, start, end) })
	s.pathDetectors(false)
	return s.finish()
}

// scanPathOnly runs the detectors that need only the path, for files whose
// content is not scanned (binary or too large).
func (d *detector) scanPathOnly(b *Blob, opts Options) []Candidate {
	s := newBlobScan(b, opts)
	s.pathDetectors(true)
	return s.finish()
}

func (s *blobScan) add(h hit) { s.hits = append(s.hits, h) }

// orig is the offset in the stored file of data[i].
func (s *blobScan) orig(i int) int {
	if s.offsets == nil {
		return i
	}
	return s.offsets[i]
}

// ---- byte classes ----

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isWord(c byte) bool { return isAlnum(c) || c == '_' }

func isKeyChar(c byte) bool { return isAlnum(c) || c == '_' || c == '.' || c == '-' }

func isTokenChar(c byte) bool { return isAlnum(c) || c == '.' || c == '_' || c == '=' }

func isB64URL(c byte) bool { return isAlnum(c) || c == '-' || c == '_' }

func runOf(data []byte, i int, ok func(byte) bool) int {
	j := i
	for j < len(data) && ok(data[j]) {
		j++
	}
	return j - i
}

// ---- lines ----

func (s *blobScan) lineBounds(pos int) (int, int) {
	ls := bytes.LastIndexByte(s.data[:pos], '\n') + 1
	le := bytes.IndexByte(s.data[pos:], '\n')
	if le < 0 {
		le = len(s.data)
	} else {
		le += pos
	}
	if le > ls && s.data[le-1] == '\r' {
		le--
	}
	return ls, le
}

func (s *blobScan) lineIndex(pos int) int {
	if s.lines == nil {
		s.lines = append(s.lines, 0)
		for i, c := range s.data {
			if c == '\n' {
				s.lines = append(s.lines, i+1)
			}
		}
	}
	return sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > pos }) - 1
}

// window returns the text of lines [idx-before, idx+after] around pos.
func (s *blobScan) window(pos, before, after int) []byte {
	i := s.lineIndex(pos)
	a := i - before
	if a < 0 {
		a = 0
	}
	b := i + after + 1
	end := len(s.data)
	if b < len(s.lines) {
		end = s.lines[b]
	}
	return s.data[s.lines[a]:end]
}

// containsFold reports whether data contains any of the lower-case needles,
// ignoring ASCII case.
func containsFold(data []byte, needles ...string) bool {
	l := bytes.ToLower(data)
	for _, n := range needles {
		if bytes.Contains(l, []byte(n)) {
			return true
		}
	}
	return false
}

// blobContains memoises a case-sensitive, blob-wide substring check.
func (s *blobScan) blobContains(needle string) bool {
	if v, ok := s.ctx[needle]; ok {
		return v
	}
	if s.ctx == nil {
		s.ctx = map[string]bool{}
	}
	v := bytes.Contains(s.data, []byte(needle))
	s.ctx[needle] = v
	return v
}

func (s *blobScan) metadataType() string {
	if !s.metaDone {
		s.metaDone = true
		if t, _, _, ok := sfmeta.Classify(s.b.Path); ok {
			s.metaType = t.Name
		} else if isCustomMetadataPath(s.b.Path) {
			s.metaType = "CustomMetadata"
		}
	}
	return s.metaType
}

func isCustomMetadataPath(p string) bool {
	return strings.Contains(p, "customMetadata/") && (strings.HasSuffix(p, ".md-meta.xml") || strings.HasSuffix(p, ".md"))
}

// salesforceContext reports whether the lines around pos talk about
// Salesforce, or the file imports a Salesforce client library; generic key
// names (password, client_secret) only count there.
func (s *blobScan) salesforceContext(pos int) bool {
	// Client libraries imported anywhere in the file count too.
	if s.blobContains("com.sforce.") || s.blobContains("simple_salesforce") || s.blobContains("jsforce") {
		return true
	}
	return containsFold(s.window(pos, 3, 3), "salesforce", "sfdc", "sforce", "force.com", "security_token",
		"securitytoken", "sf.username", "sf_username", "sf org login", "sfdx")
}

// ---- format detectors ----

// accessToken: `00D` + 12 or 15 alphanumerics (the org id) + `!` + payload,
// the shape sfdx-core itself redacts. No instance URL is required nearby.
func (s *blobScan) accessToken(ms, _ int) {
	d := s.data
	if !bytes.HasPrefix(d[ms:], []byte("00D")) || ms > 0 && isWord(d[ms-1]) {
		return
	}
	n := runOf(d, ms+3, isAlnum)
	if n != 12 && n != 15 {
		return
	}
	bang := ms + 3 + n
	// In query strings and logs the '!' arrives URL-encoded: 00D…%21AQ….
	sep := 1
	switch {
	case bang < len(d) && d[bang] == '!':
	case bytes.HasPrefix(d[bang:], []byte("%21")):
		sep = 3
	default:
		return
	}
	p := runOf(d, bang+sep, func(c byte) bool { return isAlnum(c) || c == '.' || c == '_' })
	end := bang + sep + p
	for end > bang+sep && d[end-1] == '.' {
		end--
	}
	if end-bang-sep < 30 {
		return
	}
	org := string(d[ms : ms+3+n])
	payload := string(d[bang+sep : end])
	raw := ""
	if sep == 3 {
		raw = org + "!" + payload // one token, one fingerprint, however it was written
	}
	s.add(hit{det: DetAccessToken, start: ms, end: end, raw: raw, keyword: "00D", prio: prioFormat,
		f: map[string]any{
			"formatMatch":    true,
			"placeholder":    docsOrgID(org) || placeholderValue(payload),
			"payloadLength":  len(payload),
			"percentEncoded": sep == 3,
		}})
}

// docsOrgID: Salesforce documentation writes org ids as 00Dxx…; a real org
// id never has that instance part.
func docsOrgID(org string) bool {
	return len(org) >= 5 && strings.EqualFold(org[3:5], "xx")
}

// jwt: eyJ… access tokens look like any JWT, so they count only with a
// Salesforce issuer/audience in the payload or Salesforce words nearby.
func (s *blobScan) jwt(ms, _ int) {
	d := s.data
	if !bytes.HasPrefix(d[ms:], []byte("eyJ")) || ms > 0 && isB64URL(d[ms-1]) {
		return
	}
	a := runOf(d, ms, isB64URL)
	p1 := ms + a
	if a < 10 || p1 >= len(d) || d[p1] != '.' {
		return
	}
	b := runOf(d, p1+1, isB64URL)
	p2 := p1 + 1 + b
	if b < 10 || p2 >= len(d) || d[p2] != '.' {
		return
	}
	c := runOf(d, p2+1, isB64URL)
	if c < 16 {
		return
	}
	end := p2 + 1 + c
	hdr, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(string(d[ms:p1]), "="))
	if err != nil || !bytes.Contains(hdr, []byte(`"alg"`)) {
		return
	}
	ctx := ""
	if body, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(string(d[p1+1:p2]), "=")); err == nil &&
		containsFold(body, "salesforce.com", "force.com", "salesforce") {
		ctx = "claims"
	} else if containsFold(s.window(ms, 3, 3), "salesforce", "sfdc", "force.com", "instance_url", "sf_access_token", "sfdx") {
		ctx = "nearby"
	}
	if ctx == "" {
		return
	}
	s.add(hit{det: DetJWTAccessToken, start: ms, end: end, keyword: "eyJ", prio: prioFormat,
		f: map[string]any{"formatMatch": true, "salesforceContext": ctx}})
}

// refreshToken: 5Aep861… (current) and 5Aep862… (older) refresh tokens,
// reported on their own: no consumer key or secret is needed to flag them.
func (s *blobScan) refreshToken(ms, _ int) {
	d := s.data
	if !bytes.HasPrefix(d[ms:], []byte("5Aep86")) || ms+6 >= len(d) || d[ms+6] != '1' && d[ms+6] != '2' ||
		ms > 0 && isWord(d[ms-1]) {
		return
	}
	n := runOf(d, ms, isTokenChar)
	end := ms + n
	for end > ms && d[end-1] == '.' {
		end--
	}
	if end-ms < 60 {
		return
	}
	s.add(hit{det: DetRefreshToken, start: ms, end: end, keyword: "5Aep86", prio: prioFormat,
		f: map[string]any{
			"formatMatch": true,
			"form":        string(d[ms : ms+7]),
			"placeholder": placeholderValue(string(d[ms+7 : end])),
		}})
}

// consumerKey: 3MVG9… is an identifier, not a secret; it is reported as
// info and remembered for correlating nearby secrets with an app.
func (s *blobScan) consumerKey(ms, _ int) {
	d := s.data
	if !bytes.HasPrefix(d[ms:], []byte("3MVG9")) || ms > 0 && isWord(d[ms-1]) {
		return
	}
	n := runOf(d, ms, isTokenChar)
	end := ms + n
	for end > ms && d[end-1] == '.' {
		end--
	}
	if end-ms < 60 {
		return
	}
	raw := string(d[ms:end])
	s.keys = append(s.keys, keyHit{pos: ms, raw: raw})
	s.add(hit{det: DetConsumerKey, start: ms, end: end, keyword: "3MVG9", prio: prioKey, consumerID: raw,
		f: map[string]any{"formatMatch": true, "placeholder": placeholderValue(raw[5:])}})
}

// authURL: force://<clientId>:<clientSecret>:<refreshToken>@<host>, the
// format of `sf org auth show-sfdx-auth-url` and SFDX_AUTH_URL secrets. The
// secret part may be empty (PlatformCLI, the CLI's own client).
func (s *blobScan) authURL(ms, _ int) {
	if !bytes.HasPrefix(s.data[ms:], []byte("force://")) {
		return
	}
	u, n, ok := parseAuthURL(s.data[ms+8:])
	if !ok {
		return
	}
	s.addAuthURL(u, ms, ms+8+n, "", false)
}

// authURLEncoded: the same URL percent-encoded, as it appears in query
// strings, logs and form posts (force%3A%2F%2FPlatformCLI%3A%3A5Aep861…%40host).
func (s *blobScan) authURLEncoded(ms, me int) {
	d := s.data
	limit := min(len(d), me+4096)
	dec, offs := percentDecode(d, me, limit, func(c byte) bool { return isKeyChar(c) || c == ':' || c == '@' })
	u, n, ok := parseAuthURL(dec)
	if !ok {
		return
	}
	s.addAuthURL(u, ms, offs[n], "force://"+string(dec[:n]), true)
}

type authURLParts struct{ clientID, secret, refresh, host string }

// parseAuthURL reads <clientId>:<secret>:<refreshToken>@<host> from the
// start of d (just after force://) and returns its length.
func parseAuthURL(d []byte) (authURLParts, int, bool) {
	idChar := func(c byte) bool { return isAlnum(c) || c == '.' || c == '_' || c == '-' }
	i := 0
	part := func(min int) (string, bool) {
		n := runOf(d, i, idChar)
		for k := 0; k < 2 && i+n < len(d) && d[i+n] == '='; k++ {
			n++
		}
		if n < min {
			return "", false
		}
		v := string(d[i : i+n])
		i += n
		return v, true
	}
	var u authURLParts
	var ok bool
	if u.clientID, ok = part(1); !ok || i >= len(d) || d[i] != ':' {
		return u, 0, false
	}
	i++
	u.secret, _ = part(0)
	if i >= len(d) || d[i] != ':' {
		return u, 0, false
	}
	i++
	if u.refresh, ok = part(8); !ok || i >= len(d) || d[i] != '@' {
		return u, 0, false
	}
	i++
	h := runOf(d, i, func(c byte) bool { return idChar(c) || c == ':' })
	if h < 3 {
		return u, 0, false
	}
	u.host = strings.TrimRight(string(d[i:i+h]), ".:")
	return u, i + len(u.host), true
}

func (s *blobScan) addAuthURL(u authURLParts, start, end int, raw string, encoded bool) {
	shownID := u.clientID
	if len(u.clientID) > 16 {
		shownID = Redact(u.clientID).Redacted
	}
	form := "other"
	if strings.HasPrefix(u.refresh, "5Aep86") && len(u.refresh) > 7 {
		form = u.refresh[:7]
	}
	f := map[string]any{
		"formatMatch":      true,
		"clientId":         shownID,
		"platformCLI":      u.clientID == "PlatformCLI",
		"hasClientSecret":  u.secret != "",
		"host":             u.host,
		"refreshTokenForm": form,
		// Only the refresh token decides: a host named example.my.salesforce.com
		// or a client id with "test" in it does not make a live token fake.
		"placeholder":    placeholderValue(u.refresh[min(len(u.refresh), 7):]) || strings.HasPrefix(u.refresh, "5Aep86") && len(u.refresh) < 60,
		"percentEncoded": encoded,
	}
	if strings.HasPrefix(u.clientID, "3MVG9") {
		s.keys = append(s.keys, keyHit{pos: start, raw: u.clientID})
	}
	s.add(hit{det: DetAuthURL, start: start, end: end, raw: raw, keyword: "force://", prio: prioURL, f: f, consumerID: u.clientID})
}

// pem: PEM private keys, raw or JSON/YAML-escaped. JWT bearer flows (sf org
// login jwt, CI) use such keys; with the consumer key they log in as the user.
func (s *blobScan) pem(ms, _ int) {
	d := s.data
	const begin = "-----BEGIN "
	if !bytes.HasPrefix(d[ms:], []byte(begin)) {
		return
	}
	ls := ms + len(begin)
	le := bytes.Index(d[ls:min(len(d), ls+64)], []byte("-----"))
	if le < 0 {
		return
	}
	label := string(d[ls : ls+le])
	if !strings.HasSuffix(label, "PRIVATE KEY") {
		return
	}
	keyType := strings.TrimSpace(strings.TrimSuffix(label, "PRIVATE KEY"))
	bodyStart := ls + le + 5
	limit := min(len(d), bodyStart+64<<10)
	endRel := bytes.Index(d[bodyStart:limit], []byte("-----END"))
	var bodyEnd, end int
	if endRel >= 0 {
		bodyEnd = bodyStart + endRel
		end = bodyEnd + 8
		if k := bytes.Index(d[end:min(len(d), end+64)], []byte("-----")); k >= 0 {
			end += k + 5
		}
	} else {
		bodyEnd = bodyStart
		for bodyEnd < limit && (isAlnum(d[bodyEnd]) || bytes.IndexByte([]byte("+/=\r\n\t \\"), d[bodyEnd]) >= 0) {
			bodyEnd++
		}
		end = bodyEnd
	}
	body := d[bodyStart:bodyEnd]
	clean := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\\' && i+1 < len(body) && (body[i+1] == 'n' || body[i+1] == 'r') {
			i++
			continue
		}
		if isAlnum(c) || c == '+' || c == '/' || c == '=' {
			clean = append(clean, c)
		}
	}
	encrypted := keyType == "ENCRYPTED" || bytes.Contains(body, []byte("ENCRYPTED"))
	base := path.Base(s.b.Path)
	s.add(hit{det: DetPrivateKey, start: ms, end: end, keyword: "-----BEGIN", prio: prioFormat, hashOf: string(clean),
		f: map[string]any{
			"formatMatch": true,
			"keyType":     keyType,
			"encrypted":   encrypted,
			"bodyLength":  len(clean),
			"jwtKeyFile":  base == "server.key" || strings.Contains(strings.ToLower(s.b.Path), "jwt"),
			"placeholder": len(clean) < 64 || bytes.Contains(body, []byte("...")) || placeholderValue(string(clean)),
		}})
}

// ---- path detectors ----

func pathOnlyKind(p string) string {
	if path.Base(p) == "server.key" {
		return "jwt-key"
	}
	if inCLIStateDir(p) {
		return "cli-state"
	}
	return ""
}

// inCLIStateDir: the Salesforce CLI keeps auth state in ~/.sfdx and ~/.sf;
// a repository that contains those folders (not the project-level
// sfdx-config.json) has committed logins.
func inCLIStateDir(p string) bool {
	segs := strings.Split(p, "/")
	for _, seg := range segs[:len(segs)-1] {
		if seg == ".sfdx" || seg == ".sf" {
			return true
		}
	}
	return false
}

var cliStateKeys = []string{"accessToken", "refreshToken", "clientSecret", "privateKey", "password", "key"}

func (s *blobScan) pathDetectors(pathOnly bool) {
	switch pathOnlyKind(s.b.Path) {
	case "jwt-key":
		for _, h := range s.hits {
			if h.det == DetPrivateKey {
				return
			}
		}
		binary := bytes.IndexByte(s.data[:min(len(s.data), binarySniff)], 0) >= 0
		long := runOf(s.data, 0, func(c byte) bool { return isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '\n' || c == '\r' })
		s.add(hit{det: DetJWTKeyFile, start: 0, end: len(s.data), keyword: "server.key", prio: prioFormat,
			f: map[string]any{
				"binary":      binary,
				"pem":         false,
				"placeholder": len(s.data) == 0 || !binary && !pathOnly && long < 64 && !bytes.Contains(s.data, []byte("Salted__")),
			}})
	case "cli-state":
		if pathOnly || !strings.HasSuffix(s.b.Path, ".json") {
			return
		}
		base := path.Base(s.b.Path)
		for _, k := range cliStateKeys {
			if k == "key" && base != "key.json" {
				continue
			}
			needle := []byte(`"` + k + `"`)
			i := bytes.Index(s.data, needle)
			if i < 0 {
				continue
			}
			j := i + len(needle)
			for j < len(s.data) && (s.data[j] == ' ' || s.data[j] == '\t' || s.data[j] == ':' || s.data[j] == '\n' || s.data[j] == '\r') {
				j++
			}
			if j >= len(s.data) || s.data[j] != '"' {
				continue
			}
			vs := j + 1
			ve := bytes.IndexByte(s.data[vs:], '"')
			if ve <= 0 {
				continue
			}
			v := string(s.data[vs : vs+ve])
			s.add(hit{det: DetCLIAuthState, start: vs, end: vs + ve, keyword: k, key: k, prio: prioFormat + 1,
				f: map[string]any{
					"stateFile":      base,
					"field":          k,
					"encryptedValue": isSfdxEncrypted(v),
				}})
			return
		}
	}
}

// isSfdxEncrypted recognises the CLI's encrypted-at-rest token format
// (hex iv+ciphertext with a ':'-separated auth tag).
func isSfdxEncrypted(v string) bool {
	i := strings.IndexByte(v, ':')
	return i > 0 && isHex(v[:i]) && isHex(v[i+1:]) && len(v) > 32
}

func isHex(v string) bool {
	if v == "" {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// ---- finishing ----

// finish resolves overlaps, applies the inline allow marker and changed
// line filter, and computes the Rego features.
func (s *blobScan) finish() []Candidate {
	if len(s.hits) == 0 {
		return nil
	}
	all := append([]hit(nil), s.hits...) // every span is masked in lineRedacted, kept or not
	sort.SliceStable(s.hits, func(i, j int) bool {
		if s.hits[i].start != s.hits[j].start {
			return s.hits[i].start < s.hits[j].start
		}
		return s.hits[i].prio > s.hits[j].prio
	})
	var kept []hit
	for _, h := range s.hits {
		if n := len(kept); n > 0 && h.start < kept[n-1].end {
			last := &kept[n-1]
			if h.prio > last.prio {
				if h.key == "" {
					h.key = last.key
				}
				*last = h
			} else if last.key == "" && h.key != "" && h.prio >= prioKeyed {
				last.key = h.key
			}
			continue
		}
		kept = append(kept, h)
	}
	hints := pathHints(s.b.Path, s.data)
	var out []Candidate
	for _, h := range kept {
		if c, ok := s.candidate(h, all, hints); ok {
			out = append(out, c)
		}
	}
	sortCandidates(out)
	return out
}

func (s *blobScan) candidate(h hit, all []hit, hints []string) (Candidate, bool) {
	idx := s.lineIndex(h.start)
	line := idx + 1
	if s.b.LineMap != nil {
		if idx < len(s.b.LineMap) {
			line = s.b.LineMap[idx]
		}
	}
	if s.b.FilterChanged {
		// A multi-line value (a PEM block) counts as changed when any of
		// its lines is.
		last := line + s.lineIndex(max(h.start, h.end-1)) - idx
		if !overlapsRanges(s.b.Changed, line, last) {
			return Candidate{}, false
		}
	}
	ls, le := s.lineBounds(h.start)
	col := s.orig(h.start) - s.orig(ls) + 1
	if bytes.Contains(s.data[ls:le], []byte("sfguard:allow")) {
		return Candidate{}, false
	}
	if idx > 0 {
		pls, ple := s.lineBounds(s.lines[idx-1])
		if bytes.Contains(s.data[pls:ple], []byte("sfguard:allow")) {
			return Candidate{}, false
		}
	}
	raw := h.raw
	if raw == "" {
		raw = string(s.data[h.start:h.end])
	}
	hash := ""
	if h.hashOf != "" {
		hash = Hash(h.hashOf)
	}
	fm, _ := h.f["formatMatch"].(bool)
	sec := redactKind(h.det, raw, hash, fm)
	f := map[string]any{
		"detector":     h.det,
		"path":         s.b.Path,
		"line":         line,
		"column":       col,
		"source":       s.b.Source,
		"keyword":      h.keyword,
		"key":          h.key,
		"redacted":     sec.Redacted,
		"length":       sec.Length,
		"hash":         sec.Hash,
		"entropy":      round2(entropy(raw)),
		"placeholder":  false,
		"envReference": envReference(raw),
		"pathHints":    hints,
		"lineRedacted": redactLine(s.data, ls, le, all),
		"formatMatch":  false,
		"cliLogin":     containsFold(s.data[ls:le], "sf org login", "sfdx force:auth", "sfdx auth:", "sf login"),
		"metadataType": s.metadataType(),
	}
	// Shape detectors judge placeholders on the random part only (an org id
	// legitimately holds runs of zeros); keyed values are judged whole.
	if _, ok := h.f["placeholder"]; !ok {
		f["placeholder"] = placeholderValue(raw)
		f["stockValue"] = stockValue(raw)
	}
	for k, v := range h.f {
		f[k] = v
	}
	if h.det != DetConsumerKey && h.det != DetPrivateKey && h.det != DetJWTKeyFile && h.det != DetCLIAuthState {
		f["pairedWith"] = s.pairedWith(h)
	} else {
		f["pairedWith"] = []string{}
	}
	if s.b.Commit != nil {
		f["commit"] = s.b.Commit.SHA
	}
	if s.encoding != "" {
		f["encoding"] = s.encoding
	}
	s.correlate(h, f)
	return Candidate{
		Detector: h.det,
		Location: finding.Location{File: s.display, Line: line, Column: col},
		Secret:   sec,
		Commit:   s.b.Commit,
		Source:   s.b.Source,
		Fields:   f,
		raw:      secretValue{raw},
	}, true
}

func overlapsRanges(rs []LineRange, first, last int) bool {
	for _, r := range rs {
		if first <= r.End && last >= r.Start {
			return true
		}
	}
	return false
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// pairedWith names the companions found within five lines: together they
// turn a fragment into a working login.
func (s *blobScan) pairedWith(h hit) []string {
	w := bytes.ToLower(s.window(h.start, 5, 5))
	found := map[string]bool{}
	check := func(cat string, needles ...string) {
		for _, n := range needles {
			if bytes.Contains(w, []byte(n)) {
				found[cat] = true
				return
			}
		}
	}
	check("username", "username", "user_name", "sf.user", "sfdc.user")
	check("password", "password", "passwd")
	check("securityToken", "security_token", "securitytoken", "security-token")
	check("consumerKey", "3mvg9", "consumer_key", "consumerkey", "client_id", "clientid")
	check("consumerSecret", "consumer_secret", "consumersecret", "client_secret", "clientsecret")
	check("instanceUrl", "salesforce.com", "force.com", "instance_url", "instanceurl", "serverurl", "sfdc.endpoint")
	for _, c := range ownCategories(h) {
		delete(found, c)
	}
	out := make([]string, 0, len(found))
	for k := range found {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func ownCategories(h hit) []string {
	switch h.det {
	case DetPassword:
		return []string{"password"}
	case DetSecurityToken:
		return []string{"securityToken"}
	case DetConsumerSecret:
		return []string{"consumerSecret"}
	case DetAuthURL:
		return []string{"instanceUrl", "consumerKey"}
	}
	return nil
}

// correlate attaches the consumer key near a secret and, when the scanned
// tree defines an app with that key, the app and its blast radius.
func (s *blobScan) correlate(h hit, f map[string]any) {
	key := h.consumerID
	if key == "" && h.det != DetConsumerKey && h.det != DetPrivateKey {
		idx := s.lineIndex(h.start)
		best := -1
		for _, k := range s.keys {
			d := s.lineIndex(k.pos) - idx
			if d < 0 {
				d = -d
			}
			if d <= 15 && (best < 0 || d < best) {
				best, key = d, k.raw
			}
		}
	}
	if key == "" || key == "PlatformCLI" {
		return
	}
	if h.det != DetConsumerKey {
		f["consumerKey"] = Redact(key).Redacted
	}
	if app, ok := s.opts.app(key); ok {
		f["app"] = app.fields()
	}
}
