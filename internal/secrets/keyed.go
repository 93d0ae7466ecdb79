package secrets

import (
	"bytes"
	"path"
	"strings"
)

// assignment is a key/value pair found on one line.
type assignment struct {
	key    string
	vs, ve int    // value span in blob data
	form   string // "xml", "xml-entry", "assign", "setter"
	quoted bool
	raw    string // joined literals of a setter call; "" means data[vs:ve]
}

// configExts are formats in which an unquoted value is a literal
// (key=value files, YAML, shell). Anywhere else (code, minified static
// resources, unknown formats) an unquoted right-hand side is an expression
// such as password = getPassword() and is not a credential.
var configExts = map[string]bool{
	"": true, ".properties": true, ".env": true, ".yml": true, ".yaml": true, ".ini": true, ".cfg": true,
	".conf": true, ".toml": true, ".sh": true, ".bash": true, ".zsh": true, ".txt": true, ".md": true,
	".bat": true, ".cmd": true, ".ps1": true, ".sample": true, ".example": true, ".template": true,
	".tmpl": true, ".dist": true, ".local": true,
}

func unquotedIsLiteral(p string) bool {
	base := strings.ToLower(path.Base(p))
	return configExts[path.Ext(base)] || strings.HasPrefix(base, ".env") || strings.Contains(base, ".properties") ||
		strings.Contains(base, ".env.")
}

// parseAssignment finds the key containing the keyword at [ms,me) and the
// literal assigned to it on the same line. Recognised shapes:
//
//	key=value  key: value  key := value  key => value  "key": "value"
//	<key>value</key>       <entry key="key" value="value"/>   (Data Loader)
func (s *blobScan) parseAssignment(ms, me int) (assignment, bool) {
	d := s.data
	ls, le := s.lineBounds(ms)
	ks, ke := ms, me
	for ks > ls && isKeyChar(d[ks-1]) {
		ks--
	}
	for ke < le && isKeyChar(d[ke]) {
		ke++
	}
	key := string(d[ks:ke])
	if ks > ls && d[ks-1] == '/' && ks-1 > ls && d[ks-2] == '<' {
		return assignment{}, false // closing tag
	}
	// <key attr="…">value</key>
	if ks > ls && d[ks-1] == '<' {
		gt := bytes.IndexByte(d[ke:le], '>')
		if gt < 0 {
			return assignment{}, false
		}
		vs := ke + gt + 1
		if d[vs-2] == '/' {
			return assignment{}, false // <key/>
		}
		// The value runs to the matching end tag on the line, so that a
		// password holding a raw '<' (malformed XML the metadata half
		// rejects) is still seen whole; else to the first '<'.
		ve := bytes.Index(d[vs:le], []byte("</"+key+">"))
		if ve < 0 && !xmlLike(s.b.Path) {
			// Prose and code that mention <password> (a Markdown table, a
			// Javadoc) are not elements with a value.
			return assignment{}, false
		}
		if ve < 0 {
			ve = bytes.IndexByte(d[vs:le], '<')
		}
		if ve < 0 {
			ve = le
		} else {
			ve += vs
		}
		vs, ve = trimSpan(d, vs, ve)
		return assignment{key: key, vs: vs, ve: ve, form: "xml"}, vs < ve
	}
	// <entry key="sfdc.password" value="…"/>
	if ks > ls+5 && d[ks-1] == '"' && bytes.HasSuffix(bytes.TrimRight(d[ls:ks-1], " "), []byte("key=")) {
		rest := d[ke:le]
		i := bytes.Index(rest, []byte(`value="`))
		if i < 0 {
			return assignment{}, false
		}
		vs := ke + i + len(`value="`)
		j := bytes.IndexByte(d[vs:le], '"')
		if j <= 0 {
			return assignment{}, false
		}
		return assignment{key: key, vs: vs, ve: vs + j, form: "xml-entry", quoted: true}, true
	}
	j := ke
	if ks > ls && (d[ks-1] == '"' || d[ks-1] == '\'') && j < le && d[j] == d[ks-1] {
		j++
	}
	j = skipBlank(d, j, le)
	if j >= le {
		return assignment{}, false
	}
	// config.setPassword("<password>" + "<token>"): Java WSC ConnectorConfig
	// and similar setters take the credential as their first argument.
	if method := key[strings.LastIndexByte(key, '.')+1:]; d[j] == '(' && len(method) > 3 && strings.EqualFold(method[:3], "set") {
		key = method
		args := splitArgs(d, j+1, le)
		if len(args) == 0 {
			return assignment{}, false
		}
		lits := stringLiterals(d, args[0][0], args[0][1])
		if len(lits) == 0 {
			return assignment{}, false
		}
		var raw strings.Builder
		for _, l := range lits {
			raw.Write(d[l[0]:l[1]])
		}
		return assignment{key: key, vs: lits[0][0], ve: lits[len(lits)-1][1], form: "setter", quoted: true,
			raw: raw.String()}, raw.Len() > 0
	}
	switch {
	case d[j] == ':' && j+1 < le && d[j+1] == '=':
		j += 2
	case d[j] == ':' && !(j+1 < le && d[j+1] == ':'):
		j++
	case d[j] == '=' && j+1 < le && d[j+1] == '>':
		j += 2
	case d[j] == '=' && !(j+1 < le && d[j+1] == '='):
		j++
	default:
		return assignment{}, false
	}
	j = skipBlank(d, j, le)
	if j >= le {
		return assignment{}, false
	}
	if q := d[j]; q == '"' || q == '\'' || q == '`' {
		vs := j + 1
		k := vs
		for k < le && d[k] != q {
			if d[k] == '\\' {
				k++
			}
			k++
		}
		if k > le {
			k = le
		}
		return assignment{key: key, vs: vs, ve: k, form: "assign", quoted: true}, vs < k
	}
	vs := j
	k := vs
	// A backtick ends the value too: Markdown wraps key=value in code spans.
	for k < le && !isSpace(d[k]) && bytes.IndexByte([]byte(",;)}]\"'<`"), d[k]) < 0 {
		k++
	}
	return assignment{key: key, vs: vs, ve: k, form: "assign"}, vs < k
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func skipBlank(d []byte, j, le int) int {
	for j < le && (d[j] == ' ' || d[j] == '\t') {
		j++
	}
	return j
}

func trimSpan(d []byte, a, b int) (int, int) {
	for a < b && isSpace(d[a]) {
		a++
	}
	for b > a && isSpace(d[b-1]) {
		b--
	}
	return a, b
}

// normKey lower-cases a key and drops separators: SF_PASSWORD, sf.password
// and sfPassword all become "sfpassword".
func normKey(k string) string {
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 32)
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteByte(c)
		}
	}
	return b.String()
}

var (
	sfPasswordKeys = set("sfpassword", "sfdcpassword", "sfdxpassword", "salesforcepassword", "sforcepassword",
		"sfdcproxypassword", "sfpass", "sfpwd")
	genericPasswordKeys = set("password", "passwd", "pass", "pwd")
	securityTokenKeys   = set("securitytoken", "sfsecuritytoken", "sfdcsecuritytoken", "salesforcesecuritytoken",
		"sfdxsecuritytoken", "sforcesecuritytoken")
	accessTokenKeys = set("sfaccesstoken", "sfdxaccesstoken", "salesforceaccesstoken", "sfdcoauthaccesstoken",
		"sfdcaccesstoken")
	refreshTokenKeys = set("sfdcoauthrefreshtoken", "salesforcerefreshtoken", "sfrefreshtoken", "sfdxrefreshtoken",
		"sfdcrefreshtoken")
	nullValues = set("null", "none", "nil", "undefined", "true", "false", "''", `""`)
)

func set(s ...string) map[string]bool {
	m := make(map[string]bool, len(s))
	for _, v := range s {
		m[v] = true
	}
	return m
}

// keyed handles keyword hits that name a credential (password, secret,
// security token, access/refresh token keys, XML secret elements).
func (s *blobScan) keyed(ms, me int) {
	if s.metadataType() == "CustomMetadata" {
		s.customMetadataField(ms, me) // <field>Client_Secret__c</field>
		return
	}
	a, ok := s.parseAssignment(ms, me)
	if !ok {
		return
	}
	nk := normKey(a.key)
	if a.form == "setter" {
		nk = strings.TrimPrefix(nk, "set")
	}
	if !credentialKey(nk) {
		// <passwordPolicies>, minimumPasswordLength=…: most keyword hits in
		// metadata name no credential; leave before any value is copied.
		return
	}
	val := a.raw
	if val == "" {
		val = string(s.data[a.vs:a.ve])
	}
	raw := a.raw
	if a.form == "xml" || a.form == "xml-entry" {
		// The stored value, not its escaped form: &amp; in a password is one
		// character, &apos; in a formula is a quote.
		if dec := xmlValue(val); dec != val {
			val, raw = dec, dec
		}
	}
	if nullValues[strings.ToLower(val)] {
		return
	}
	if a.form == "assign" && !a.quoted && !unquotedIsLiteral(s.b.Path) {
		return // an expression such as password = getPassword()
	}
	if (a.form == "assign" || a.form == "xml") && codeSplice(val, a.quoted || a.form == "xml") {
		return // "password='" + cfg.password + "'" or password = getPassword()
	}
	keyword := strings.ToLower(string(s.data[ms:me]))
	meta := s.metadataType()
	h := hit{start: a.vs, end: a.ve, raw: raw, keyword: keyword, key: a.key, prio: prioKeyed,
		f: map[string]any{"form": a.form, "quoted": a.quoted}}
	switch {
	case a.form == "xml" && nk == "consumersecret":
		h.det = DetConsumerSecret
		h.f["salesforceKey"] = true
	case strings.HasSuffix(nk, "consumersecret") || strings.HasSuffix(nk, "clientsecret"):
		h.det = DetConsumerSecret
		h.f["salesforceKey"] = nk == "consumersecret" || isSalesforceKey(a.key)
		if !h.f["salesforceKey"].(bool) && !s.salesforceContext(ms) {
			return
		}
	case a.form == "xml" && nk == "password" && meta == "NamedCredential":
		h.det = DetMetadataSecret
		h.f["element"] = a.key
	case a.form == "xml" && nk == "parametervalue" && meta == "ExternalCredential":
		h.det = DetMetadataSecret
		h.f["element"] = a.key
		name, typ := s.siblingText(ms, "parameterName"), s.siblingText(ms, "parameterType")
		h.f["parameterName"], h.f["parameterType"] = name, typ
		if name != "" {
			h.key = name
		}
	case sfPasswordKeys[nk]:
		h.det = DetPassword
		h.f["salesforceKey"] = true
	case genericPasswordKeys[nk]:
		if a.form == "xml" && meta != "" || !s.salesforceContext(ms) {
			return
		}
		h.det = DetPassword
		h.f["salesforceKey"] = false
	case securityTokenKeys[nk]:
		h.det = DetSecurityToken
	case accessTokenKeys[nk]:
		h.det = DetAccessToken
	case refreshTokenKeys[nk]:
		h.det = DetRefreshToken
	default:
		return
	}
	h.f["formatMatch"] = valueFormatMatch(h.det, val)
	if meta == "" || meta == "CustomMetadata" {
		// Data Loader: process-conf.xml and config.properties values are
		// either plaintext or encrypted with the key in process.encryptionKeyFile.
		if strings.HasPrefix(nk, "sfdc") {
			kf := s.blobContains("process.encryptionKeyFile")
			h.f["dataLoader"] = true
			h.f["encryptionKeyFile"] = kf
			h.f["encrypted"] = kf && isHex(val) && len(val) >= 16
		}
	}
	if h.det == DetPassword {
		h.f["tokenSuffixLikely"] = tokenSuffixLikely(val)
	}
	s.add(h)
}

// credentialKey: a normalised key that one of keyed's cases can report.
func credentialKey(nk string) bool {
	return strings.HasSuffix(nk, "consumersecret") || strings.HasSuffix(nk, "clientsecret") || nk == "password" ||
		nk == "parametervalue" || sfPasswordKeys[nk] || genericPasswordKeys[nk] || securityTokenKeys[nk] ||
		accessTokenKeys[nk] || refreshTokenKeys[nk]
}

// isSalesforceKey: the key itself names Salesforce (SF_CLIENT_SECRET,
// sfdc.oauth.prod.clientsecret, salesforce.consumer_secret) — but not keys
// that merely start with the letters sf (sftp_client_secret).
func isSalesforceKey(key string) bool {
	l := strings.ToLower(key)
	for _, p := range []string{"sf_", "sf.", "sf-", "sfdc", "sfdx", "sforce"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return strings.Contains(l, "salesforce") || strings.Contains(l, "sforce")
}

// tokenSuffixLikely: a password for an API login from outside the trusted
// IP ranges carries the 24-character security token at its end.
func tokenSuffixLikely(v string) bool {
	if len(v) < 32 {
		return false
	}
	tail := v[len(v)-24:]
	upper, lower, digits := 0, 0, 0
	for i := 0; i < len(tail); i++ {
		c := tail[i]
		switch {
		case c >= '0' && c <= '9':
			digits = 1
		case c >= 'A' && c <= 'Z':
			upper = 1
		case c >= 'a' && c <= 'z':
			lower = 1
		default:
			return false
		}
	}
	return upper+lower+digits >= 2
}

// valueFormatMatch reports whether a keyed value has the documented shape
// of that credential.
func valueFormatMatch(det, v string) bool {
	switch det {
	case DetConsumerSecret:
		if len(v) == 19 && allBytes(v, func(c byte) bool { return c >= '0' && c <= '9' }) {
			return true
		}
		return len(v) == 64 && allBytes(v, func(c byte) bool { return isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '.' })
	case DetSecurityToken:
		return len(v) >= 20 && len(v) <= 25 && allBytes(v, isAlnum)
	case DetAccessToken:
		return strings.HasPrefix(v, "00D") && strings.IndexByte(v, '!') > 0
	case DetRefreshToken:
		return strings.HasPrefix(v, "5Aep86")
	}
	return false
}

func allBytes(v string, ok func(byte) bool) bool {
	for i := 0; i < len(v); i++ {
		if !ok(v[i]) {
			return false
		}
	}
	return v != ""
}

// siblingText returns the text of <name>…</name> within four lines of pos,
// e.g. the parameterName of an ExternalCredential parameterValue.
func (s *blobScan) siblingText(pos int, name string) string {
	w := s.window(pos, 4, 4)
	open := []byte("<" + name + ">")
	i := bytes.Index(w, open)
	if i < 0 {
		return ""
	}
	rest := w[i+len(open):]
	j := bytes.IndexByte(rest, '<')
	if j < 0 {
		return ""
	}
	return strings.TrimSpace(string(rest[:j]))
}

// customMetadataField: custom metadata records keep values next to their
// field name (<field>ApiKey__c</field><value …>…</value>); the keyword is
// in the field name, the secret in the following value element.
func (s *blobScan) customMetadataField(ms, me int) {
	if s.metadataType() != "CustomMetadata" {
		return
	}
	d := s.data
	ls, le := s.lineBounds(ms)
	open := bytes.Index(d[ls:le], []byte("<field>"))
	if open < 0 {
		return
	}
	fs := ls + open + len("<field>")
	fe := bytes.IndexByte(d[fs:le], '<')
	if fe < 0 || ms < fs || ms >= fs+fe {
		return
	}
	field := string(d[fs : fs+fe])
	w := s.window(ms, 0, 3)
	base := ls // window(ms, 0, 3) starts at the hit's line
	vi := bytes.Index(w, []byte("<value"))
	if vi < 0 {
		return
	}
	gt := bytes.IndexByte(w[vi:], '>')
	if gt < 0 || w[vi+gt-1] == '/' {
		return
	}
	vs := vi + gt + 1
	ve := bytes.IndexByte(w[vs:], '<')
	if ve <= 0 {
		return
	}
	a, b := trimSpan(d, base+vs, base+vs+ve)
	if a >= b {
		return
	}
	raw := ""
	if dec := xmlValue(string(d[a:b])); dec != string(d[a:b]) {
		raw = dec
	}
	s.add(hit{det: DetMetadataSecret, start: a, end: b, raw: raw, keyword: strings.ToLower(string(d[ms:me])), key: field,
		prio: prioKeyed, f: map[string]any{"element": "value", "form": "xml", "quoted": false, "formatMatch": false}})
}

// jsforceLogin: conn.login('user@acme.com', '<password>' + '<security token>')
// — jsforce's username/password login with literals.
func (s *blobScan) jsforceLogin(ms, me int) {
	d := s.data
	if !s.blobContains("jsforce") && !s.salesforceContext(ms) {
		return
	}
	_, le := s.lineBounds(ms)
	args := splitArgs(d, me, le)
	if len(args) < 2 {
		return
	}
	lits := stringLiterals(d, args[1][0], args[1][1])
	if len(lits) == 0 {
		return
	}
	var raw strings.Builder
	for _, l := range lits {
		raw.Write(d[l[0]:l[1]])
	}
	start, end := lits[0][0], lits[len(lits)-1][1]
	if raw.Len() == 0 {
		return
	}
	userLiteral := len(stringLiterals(d, args[0][0], args[0][1])) > 0
	h := hit{det: DetPassword, start: start, end: end, raw: raw.String(), keyword: ".login(", key: "login(password)",
		prio: prioKeyed, f: map[string]any{
			"form":              "jsforce-login",
			"quoted":            true,
			"formatMatch":       false,
			"salesforceKey":     true,
			"concatenated":      len(lits) > 1,
			"tokenSuffixLikely": len(lits) > 1 || tokenSuffixLikely(raw.String()),
		}}
	h.f["usernameLiteral"] = userLiteral
	s.add(h)
}

// splitArgs splits the call arguments starting at i (just after '(') up to
// the matching ')' on the line, respecting quotes and nesting.
func splitArgs(d []byte, i, le int) [][2]int {
	var out [][2]int
	depth := 0
	start := i
	for k := i; k < le; k++ {
		switch c := d[k]; c {
		case '"', '\'', '`':
			k++
			for k < le && d[k] != c {
				if d[k] == '\\' {
					k++
				}
				k++
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return append(out, [2]int{start, k})
			}
			depth--
		case ',':
			if depth == 0 {
				out = append(out, [2]int{start, k})
				start = k + 1
			}
		}
	}
	return out
}

// stringLiterals returns the content spans of the quoted literals in [a,b).
func stringLiterals(d []byte, a, b int) [][2]int {
	var out [][2]int
	for k := a; k < b; k++ {
		c := d[k]
		if c != '"' && c != '\'' && c != '`' {
			continue
		}
		s := k + 1
		k = s
		for k < b && d[k] != c {
			if d[k] == '\\' {
				k++
			}
			k++
		}
		if k > b {
			k = b
		}
		out = append(out, [2]int{s, k})
	}
	return out
}

// xmlLike: files whose <element>value</element> text is XML (metadata, Data
// Loader and Spring configuration, HTML and Visualforce).
func xmlLike(p string) bool {
	l := strings.ToLower(p)
	for _, ext := range []string{".xml", ".page", ".component", ".cmp", ".app", ".html", ".htm", ".object", ".settings",
		".connectedapp", ".namedcredential", ".externalcredential", ".authprovider", ".md", ".ecaglbloauth"} {
		if strings.HasSuffix(l, ext) {
			return ext != ".md" || strings.Contains(l, "custommetadata/")
		}
	}
	return !strings.Contains(path.Base(l), ".")
}

// codeSplice reports a right-hand side that is code, not a literal: a
// quoted "value" that is really the gap between two string pieces glued
// to an expression (" + cfg.password + "), or an unquoted call
// (getPassword(), os.Getenv("X")).
func codeSplice(v string, quoted bool) bool {
	t := strings.TrimSpace(v)
	if t == "" {
		return false
	}
	isQuote := func(c byte) bool { return c == '"' || c == '\'' || c == '`' }
	if t[0] == '+' || t[len(t)-1] == '+' ||
		isQuote(t[0]) && strings.HasPrefix(strings.TrimLeft(t[1:], " "), "+") ||
		isQuote(t[len(t)-1]) && strings.HasSuffix(strings.TrimRight(t[:len(t)-1], " "), "+") {
		return true
	}
	return !quoted && strings.IndexByte(t, '(') > 0
}
