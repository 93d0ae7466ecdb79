package model

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// flatNode is a comparable view of one node for tests.
type flatNode struct {
	Path      string
	Line, Col int
	Text      string
	Nil       bool
	Attrs     []Attr
	Comments  []string
	Trailing  []string
	Dangling  []string
}

func flatten(n *Node) []flatNode {
	var out []flatNode
	var walk func(n *Node, path string)
	walk = func(n *Node, path string) {
		path += "/" + n.Name
		out = append(out, flatNode{Path: path, Line: n.Line, Col: n.Col, Text: n.Text, Nil: n.Nil, Attrs: n.Attrs, Comments: n.Comments, Trailing: n.Trailing, Dangling: n.Dangling})
		for _, c := range n.Children {
			walk(c, path)
		}
	}
	walk(n, "")
	return out
}

func TestParseSmallDocument(t *testing.T) {
	src := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
		"<!-- file comment -->\n" +
		"<sf:Profile xmlns:sf=\"http://soap.sforce.com/2006/04/metadata\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n" +
		"    <!-- sfguard-ignore SFG-API-001: integration user, reviewed -->\n" +
		"    <sf:userPermissions>\n" +
		"        <enabled>true</enabled>\n" +
		"        <name>ApiEnabled</name>\n" +
		"    </sf:userPermissions>\n" +
		"\t<description xsi:nil=\"true\"/><custom kind=\"x\" >  spaced\n text  </custom>\n" +
		"    <loginHours><![CDATA[ <raw> ]]></loginHours>\n" +
		"    <userLicense>A &amp; B &#x41;</userLicense>\n" +
		"</sf:Profile>\n"
	root, partial, err := Parse([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if partial {
		t.Error("partial = true without a keep function")
	}
	want := []flatNode{
		{Path: "/Profile", Line: 3, Col: 1, Comments: []string{"file comment"}},
		{Path: "/Profile/userPermissions", Line: 5, Col: 5, Comments: []string{"sfguard-ignore SFG-API-001: integration user, reviewed"}},
		{Path: "/Profile/userPermissions/enabled", Line: 6, Col: 9, Text: "true"},
		{Path: "/Profile/userPermissions/name", Line: 7, Col: 9, Text: "ApiEnabled"},
		{Path: "/Profile/description", Line: 9, Col: 2, Nil: true},
		{Path: "/Profile/custom", Line: 9, Col: 31, Text: "spaced\n text", Attrs: []Attr{{Name: "kind", Value: "x"}}},
		{Path: "/Profile/loginHours", Line: 11, Col: 5, Text: "<raw>"},
		{Path: "/Profile/userLicense", Line: 12, Col: 5, Text: "A & B A"},
	}
	if diff := cmp.Diff(want, flatten(root)); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
}

func TestParseRealFilePositions(t *testing.T) {
	// Line numbers checked against `grep -n` of the files in testdata,
	// which are verbatim copies of /work/shared/examples.
	tests := []struct {
		file string
		path string // first node with this path
		line int
		col  int
	}{
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "/ConnectedApp", 3, 1},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "/ConnectedApp/oauthConfig/isPkceRequired", 17, 9},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "/ConnectedApp/oauthPolicy/refreshTokenPolicy", 29, 9},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "/ConnectedApp/sessionPolicy/sessionTimeout", 34, 9},
		{"Profile_mdapi_SalesInsightsIntegrationUser_TRIMMED.profile", "/Profile/loginIpRanges", 5, 5},
		{"Profile_mdapi_SalesInsightsIntegrationUser_TRIMMED.profile", "/Profile/userLicense", 37, 5},
		{"Security_mdapi.settings", "/SecuritySettings/networkAccess/ipRanges", 14, 9},
		{"Security_mdapi.settings", "/SecuritySettings/passwordPolicies/historyRestriction", 63, 9},
		{"Security_mdapi.settings", "/SecuritySettings/sessionSettings/sessionTimeout", 120, 9},
		{"ECA_source_SF_Taegis_Integration_glbloauth.ecaGlblOauth-meta.xml", "/ExtlClntAppGlobalOauthSettings/isPkceRequired", 16, 5},
		{"ECA_source_SF_Taegis_Integration_oauthPlcy.ecaOauthPlcy-meta.xml", "/ExtlClntAppOauthConfigurablePolicies/refreshTokenPolicyType", 12, 5},
		{"OauthOidc_source.settings-meta.xml", "/OauthOidcSettings/isPkceRequired", 6, 5},
	}
	for _, tt := range tests {
		t.Run(tt.file+tt.path, func(t *testing.T) {
			root, _, err := Parse(readTestdata(t, tt.file), nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range flatten(root) {
				if n.Path == tt.path {
					if diff := cmp.Diff([2]int{tt.line, tt.col}, [2]int{n.Line, n.Col}); diff != "" {
						t.Errorf("position (-want +got):\n%s", diff)
					}
					return
				}
			}
			t.Errorf("no node %s", tt.path)
		})
	}
}

// keepOnly builds the expected result of a filtered parse from a full one.
func keepOnly(root *Node, keep func(string) bool) *Node {
	cp := *root
	cp.Children = nil
	for _, c := range root.Children {
		if keep(c.Name) {
			cp.Children = append(cp.Children, c)
		}
	}
	return &cp
}

func keepNames(names ...string) func(string) bool {
	return func(n string) bool {
		for _, k := range names {
			if n == k {
				return true
			}
		}
		return false
	}
}

func TestParseFilteredMatchesFull(t *testing.T) {
	withComments := "<Profile>\n" +
		"  <!-- about the field -->\n" +
		"  <fieldPermissions><editable>true</editable><field>A.b</field></fieldPermissions>\n" +
		"  <!-- about the user permission -->\n" +
		"  <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>\n" +
		"  <!-- about the skipped self-closing one --><objectPermissions/>\n" +
		"  <fieldPermissions><field>x</field></fieldPermissions><loginIpRanges><startAddress>1.2.3.4</startAddress></loginIpRanges>\n" +
		"</Profile>"
	tests := []struct {
		name        string
		data        []byte
		keep        func(string) bool
		wantPartial bool
	}{
		{"profile keeps permissions and ranges", readTestdata(t, "Profile_mdapi_SalesInsightsIntegrationUser_TRIMMED.profile"), keepNames("userPermissions", "loginIpRanges"), true},
		{"profile keeps everything", readTestdata(t, "Profile_mdapi_SalesInsightsIntegrationUser_TRIMMED.profile"), func(string) bool { return true }, false},
		{"security keeps networkAccess", readTestdata(t, "Security_mdapi.settings"), keepNames("networkAccess"), true},
		{"comments of skipped elements are dropped", []byte(withComments), keepNames("userPermissions", "loginIpRanges"), true},
		{"generated profile", []byte(genProfile(300)), keepNames("userPermissions", "loginIpRanges"), true},
		{"keep nothing", []byte(genProfile(3)), keepNames(), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			full, partial, err := Parse(tt.data, nil)
			if err != nil || partial {
				t.Fatalf("full parse: partial=%v err=%v", partial, err)
			}
			got, partial, err := Parse(tt.data, tt.keep)
			if err != nil {
				t.Fatal(err)
			}
			if partial != tt.wantPartial {
				t.Errorf("partial = %v, want %v", partial, tt.wantPartial)
			}
			if diff := cmp.Diff(flatten(keepOnly(full, tt.keep)), flatten(got)); diff != "" {
				t.Errorf("filtered parse differs from the full one (-want +got):\n%s", diff)
			}
		})
	}
	// The comment before the skipped fieldPermissions must not move onto
	// userPermissions.
	root, _, err := Parse([]byte(withComments), keepNames("userPermissions"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"about the user permission"}, root.Children[0].Comments); diff != "" {
		t.Errorf("comments (-want +got):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("<a>", maxDepth+1) + strings.Repeat("</a>", maxDepth+1)
	tests := []struct {
		name string
		data string
		keep func(string) bool
		want *ParseError
	}{
		{"empty file", "", nil, &ParseError{1, 1, "empty file"}},
		{"white space only", " \n\t\r\n", nil, &ParseError{1, 1, "file contains only white space"}},
		{"truncated after a tag", "<?xml version=\"1.0\"?>\n<ConnectedApp>\n    <oauthConfig>\n        <scopes>Api</scopes>\n", nil,
			&ParseError{5, 1, "unexpected end of file: <oauthConfig> opened at line 3:5 is not closed (truncated file?)"}},
		{"truncated inside an end tag", "<ConnectedApp>\n  <label>X</lab", nil, &ParseError{2, 11, "unexpected end of file inside an end tag"}},
		{"truncated inside a start tag", "<ConnectedApp>\n  <label", nil, &ParseError{2, 3, "unexpected end of file inside the tag <label>"}},
		{"mismatched tags", "<Profile>\n  <userPermissions>\n    <enabled>true</enabled>\n  </userPermission>\n</Profile>\n", nil,
			&ParseError{4, 3, "mismatched end tag </userPermission>: expected </userPermissions> to close the element opened at line 2:3"}},
		{"mismatched tags inside a skipped subtree", "<Profile>\n  <fieldPermissions><field>x</fild></fieldPermissions>\n</Profile>", keepNames("userPermissions"),
			&ParseError{2, 29, "mismatched end tag </fild>: expected </field> to close the element opened at line 2:21"}},
		{"end tag without start", "</Profile>", nil, &ParseError{1, 1, "end tag </Profile> without a matching start tag"}},
		{"Shift_JIS declaration", "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<Profile/>", nil,
			&ParseError{1, 1, "unsupported encoding Shift_JIS: Salesforce metadata is UTF-8"}},
		{"ISO-8859-1 declaration", "<?xml version='1.0' encoding = 'ISO-8859-1' ?>\n<Profile/>", nil,
			&ParseError{1, 1, "unsupported encoding ISO-8859-1: Salesforce metadata is UTF-8"}},
		{"UTF-16 BOM", "\xFF\xFE<\x00P\x00", nil, &ParseError{1, 1, "unsupported encoding UTF-16: Salesforce metadata is UTF-8"}},
		{"UTF-16LE without BOM", "<\x00?\x00x\x00m\x00l\x00", nil, &ParseError{1, 1, "UTF-16 text (no BOM): Salesforce metadata is UTF-8"}},
		{"UTF-16BE without BOM", "\x00<\x00P\x00r", nil, &ParseError{1, 1, "UTF-16 text (no BOM): Salesforce metadata is UTF-8"}},
		{"NUL byte", "<Profile>\n  <description>a\x00b</description>\n</Profile>", nil, &ParseError{2, 17, "NUL byte: not allowed in XML (a binary file?)"}},
		{"less-than in a password", "<NamedCredential>\n  <password>Xq7v<Rt9mWz2Lp4</password>\n</NamedCredential>", nil,
			&ParseError{2, 28, "unexpected '<' inside the tag <…>"}},
		{"tag-like password", "<NamedCredential>\n  <password>Xq7v<Rt9mWz2Lp4>Kd8</password>\n</NamedCredential>", nil,
			&ParseError{2, 32, "mismatched end tag </password>: expected </…> to close the element opened at line 2:17"}},
		{"end tag in a password", "<NamedCredential>\n  <password>Xq7v</Rt9mWz2Lp4>Kd8</password>\n</NamedCredential>", nil,
			&ParseError{2, 17, "mismatched end tag </…>: expected </password> to close the element opened at line 2:3"}},
		{"truncated in a password", "<NamedCredential>\n  <password>Xq7v<Rt9mWz2Lp4>", nil,
			&ParseError{2, 29, "unexpected end of file: <…> opened at line 2:17 is not closed (truncated file?)"}},
		{"ampersand in a secret", "<ConnectedApp>\n  <oauthConfig><consumerSecret>A1B2&7A8B9C0D1E2F3</consumerSecret></oauthConfig>\n</ConnectedApp>", nil,
			&ParseError{2, 50, "malformed XML: invalid character entity (write a '&' in text as &amp;)"}},
		{"encoding name that is not one", "<?xml version=\"1.0\" encoding=\"Xq7v Rt9mWz2Lp4\"?>\n<Profile/>", nil,
			&ParseError{1, 1, "unsupported encoding (not a known encoding name): Salesforce metadata is UTF-8"}},
		{"invalid UTF-8", "<Profile>\n  <description>caf\xE9</description>\n</Profile>", nil, &ParseError{2, 19, "invalid UTF-8 byte 0xE9"}},
		{"text after the root", "<Profile/>\ngarbage", nil, &ParseError{2, 1, "text after the root element"}},
		{"second root", "<Profile/><Profile/>", nil, &ParseError{1, 11, "a second root element <Profile>"}},
		{"text before the root", "\n  hello <Profile/>", nil, &ParseError{2, 3, "text before the root element"}},
		{"JSON, not XML", "{\"label\": \"x\"}", nil, &ParseError{1, 1, "not an XML document: it does not start with '<'"}},
		{"comment only", "<!-- nothing -->\n", nil, &ParseError{2, 1, "no root element"}},
		{"billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;\">\n]>\n<lolz>&lol2;</lolz>", nil,
			&ParseError{3, 2, "DOCTYPE with entity declarations is not allowed"}},
		{"unknown entity", "<Profile>\n  <description>a &foo; b</description>\n</Profile>", nil,
			&ParseError{2, 23, "malformed XML: invalid character entity (write a '&' in text as &amp;)"}},
		{"unknown entity with skipped subtrees", "<Profile>\n  <fieldPermissions><field>x</field></fieldPermissions>\n  <description>a &foo; b</description>\n</Profile>", keepNames("description"),
			&ParseError{3, 23, "malformed XML: invalid character entity (write a '&' in text as &amp;)"}},
		{"unquoted attribute", "<Profile>\n  <custom a=b>x</custom>\n</Profile>", nil, &ParseError{2, 14, "malformed XML: unquoted or missing attribute value in element"}},
		{"less-than in text", "<Profile><description>1 < 2</description></Profile>", nil, &ParseError{1, 25, "'<' not followed by a tag name (use &lt; in text)"}},
		{"less-than inside a tag", "<Profile><description a=\"1\" <b/></description></Profile>", nil, &ParseError{1, 29, "unexpected '<' inside the tag <description>"}},
		{"unterminated comment", "<Profile><!-- x </Profile>", nil, &ParseError{1, 10, "unterminated comment"}},
		{"unterminated attribute value", "<Profile a=\"x></Profile>", nil, &ParseError{1, 12, "unterminated attribute value in <Profile>"}},
		{"too deep", deep, nil, &ParseError{1, 3*maxDepth + 1, fmt.Sprintf("elements nested deeper than %d levels", maxDepth)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _, err := Parse([]byte(tt.data), tt.keep)
			if err == nil {
				t.Fatalf("no error; root %+v", root)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a *ParseError", err, err)
			}
			if diff := cmp.Diff(tt.want, pe); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseAccepts(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		line, col int // of the root
	}{
		{"UTF-8 BOM before the declaration", "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile><custom>true</custom></Profile>", 2, 1},
		{"UTF-8 BOM before the root", "\xEF\xBB\xBF<Profile/>", 1, 1},
		{"lower-case utf-8", "<?xml version=\"1.0\" encoding=\"utf-8\"?><Profile/>", 1, 39},
		{"plain DOCTYPE", "<!DOCTYPE Profile>\n<Profile/>", 2, 1},
		{"CRLF line ends", "<?xml version=\"1.0\"?>\r\n\r\n  <Profile/>\r\n", 3, 3},
		{"processing instruction after the root", "<Profile/>\n<?pi x?>\n<!-- bye -->\n", 1, 1},
		{"greater-than in an attribute", "<Profile a=\"x>y\"><custom>1</custom></Profile>", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _, err := Parse([]byte(tt.data), nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([2]int{tt.line, tt.col}, [2]int{root.Line, root.Col}); diff != "" {
				t.Errorf("root position (-want +got):\n%s", diff)
			}
		})
	}
}

// genProfile writes a profile shaped like a real retrieve (alphabetical
// blocks, four-space indent) with n fieldPermissions; n = 10000 gives about
// 2 MB.
func genProfile(n int) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n")
	for i := 0; i < n/160+1; i++ {
		fmt.Fprintf(&b, "    <applicationVisibilities>\n        <application>App%d</application>\n        <default>false</default>\n        <visible>true</visible>\n    </applicationVisibilities>\n", i)
	}
	for i := 0; i < n/3; i++ {
		fmt.Fprintf(&b, "    <classAccesses>\n        <apexClass>Class%05d</apexClass>\n        <enabled>false</enabled>\n    </classAccesses>\n", i)
	}
	b.WriteString("    <custom>true</custom>\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "    <fieldPermissions>\n        <editable>%v</editable>\n        <field>Object%03d__c.Field%05d__c</field>\n        <readable>true</readable>\n    </fieldPermissions>\n", i%2 == 0, i%400, i)
	}
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "    <loginIpRanges>\n        <endAddress>10.0.%d.255</endAddress>\n        <startAddress>10.0.%d.0</startAddress>\n    </loginIpRanges>\n", i, i)
	}
	for i := 0; i < n/25+1; i++ {
		fmt.Fprintf(&b, "    <objectPermissions>\n        <allowCreate>true</allowCreate>\n        <allowDelete>false</allowDelete>\n        <allowEdit>true</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>Object%03d__c</object>\n        <viewAllRecords>false</viewAllRecords>\n    </objectPermissions>\n", i)
	}
	b.WriteString("    <userLicense>Salesforce</userLicense>\n")
	for i := 0; i < n/50+1; i++ {
		fmt.Fprintf(&b, "    <userPermissions>\n        <enabled>true</enabled>\n        <name>Permission%04d</name>\n    </userPermissions>\n", i)
	}
	b.WriteString("</Profile>\n")
	return b.String()
}

var (
	benchProfile = genProfile(10000)
	benchKeep    = keepNames("userPermissions", "loginIpRanges")
)

func BenchmarkParseProfileFull(b *testing.B) {
	data := []byte(benchProfile)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse(data, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseProfileFiltered(b *testing.B) {
	data := []byte(benchProfile)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse(data, benchKeep); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAndTypeProfileFiltered is the whole per-file cost the engine
// pays before evaluation: filtered parse plus the typed Rego input.
func BenchmarkLoadAndTypeProfileFiltered(b *testing.B) {
	data := []byte(benchProfile)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		root, _, err := Parse(data, benchKeep)
		if err != nil {
			b.Fatal(err)
		}
		d := &Document{Root: root}
		_ = d.Content()
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "OauthOidc_source.settings-meta.xml"} {
		f.Add(readTestdata(f, name))
	}
	for _, s := range []string{
		"", "<a/>", "<a><b>x</b><c/><!-- k --><b>y</b></a>", "<a><b></a>", "<a>&foo;</a>", "<!DOCTYPE a [<!ENTITY x 'y'>]><a/>",
		"\xEF\xBB\xBF<a><![CDATA[<b>]]></a>", "<a x='>'><b/></a>trailing", "<?xml version=\"1.0\" encoding=\"latin1\"?><a/>",
		"<a:b xmlns:a='u'><a:c xsi:nil='true'/></a:b>", "<a><b x=y/></a>",
	} {
		f.Add([]byte(s))
	}
	keep := keepNames("b", "userPermissions")
	vocab := messageVocabulary(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		full, partial, err := Parse(data, nil)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Col < 1 {
				t.Fatalf("bad error %#v", err)
			}
			if strings.HasPrefix(pe.Msg, "internal error") {
				t.Fatalf("scanner and XML parser disagree: %v", err)
			}
			if w := quotedContent(pe.Msg, vocab); w != "" {
				t.Fatalf("message %q quotes %q from the file", pe.Msg, w)
			}
			return
		}
		if partial {
			t.Fatal("partial without keep")
		}
		// Whatever parses in full parses filtered, with the same
		// positions for what is kept.
		got, _, err := Parse(data, keep)
		if err != nil {
			t.Fatalf("filtered parse failed where the full one worked: %v", err)
		}
		if diff := cmp.Diff(flatten(keepOnly(full, keep)), flatten(got)); diff != "" {
			t.Fatalf("filtered parse differs (-want +got):\n%s", diff)
		}
		d := &Document{Root: full}
		_ = d.Content()
	})
}

// messageVocabulary is every word of the string literals the parser
// builds its messages from.
func messageVocabulary(tb testing.TB) map[string]bool {
	tb.Helper()
	words := map[string]bool{}
	for _, file := range []string{"parse.go", "message.go"} {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			tb.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					tb.Fatal(err)
				}
				for _, w := range messageWord.FindAllString(s, -1) {
					words[strings.Trim(w, ".:-")] = true
				}
			}
			return true
		})
	}
	return words
}

var (
	messageWord = regexp.MustCompile(`[A-Za-z0-9_.:-]+`)
	numberWord  = regexp.MustCompile(`^([0-9]+:?)+$|^0x[0-9A-F]{2}$`)
)

// quotedContent returns a word of msg that is none of: a word of the
// message templates, a number or position, an element name of some
// metadata type (or a near miss of one: a typo in an end tag), a known
// encoding name. Such a word can only come from the file.
func quotedContent(msg string, vocab map[string]bool) string {
	for _, w := range messageWord.FindAllString(msg, -1) {
		w = strings.Trim(w, ".:-")
		local := string(localName([]byte(w)))
		switch {
		case w == "", vocab[w], numberWord.MatchString(w), sfmeta.KnownElement(local), knownEncoding.MatchString(w):
			continue
		}
		if nearKnownElement(local) {
			continue
		}
		return w
	}
	if strings.IndexFunc(msg, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0 || !utf8.ValidString(msg) {
		return "a control character"
	}
	return ""
}

func nearKnownElement(w string) bool {
	for _, t := range sfmeta.Types {
		for _, name := range append(elementNames(t.Schema()), t.Root) {
			if len(name) >= 4 && editDistanceAtMost(w, name, 2) {
				return true
			}
		}
	}
	return false
}

func elementNames(f *sfmeta.Field) []string {
	var out []string
	for _, c := range f.Children() {
		out = append(out, c.Name)
		out = append(out, elementNames(c)...)
	}
	return out
}

func TestParseLocalNames(t *testing.T) {
	// Prefixes are stripped the way encoding/xml strips them; a name with
	// an empty side of the colon is kept as written.
	root, _, err := Parse([]byte(`<p:Profile xmlns:p="u"><p:custom>1</p:custom><c:/><:d/></p:Profile>`), nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range flatten(root) {
		names = append(names, n.Path)
	}
	want := []string{"/Profile", "/Profile/custom", "/Profile/c:", "/Profile/:d"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

// TestParseCommentPlaces: a comment stands before the element on the next
// line, trails the element it shares a line with, or dangles after the
// last child; filtering keeps each where it was.
func TestParseCommentPlaces(t *testing.T) {
	src := "<ConnectedApp>\n" +
		"    <label>A</label> <!-- trails label -->\n" +
		"    <oauthPolicy>\n" +
		"        <!-- before refreshTokenPolicy -->\n" +
		"        <refreshTokenPolicy>infinite</refreshTokenPolicy><!-- trails a --> <!-- trails b -->\n" +
		"        <ipRelaxation>BYPASS</ipRelaxation>\n" +
		"        <!-- dangles in oauthPolicy -->\n" +
		"    </oauthPolicy>\n" +
		"    <contactEmail>a@example.com</contactEmail> <!-- trails a skipped element -->\n" +
		"    <!-- before oauthConfig --><oauthConfig><callbackUrl>https://x</callbackUrl></oauthConfig>\n" +
		"</ConnectedApp>\n"
	want := []flatNode{
		{Path: "/ConnectedApp", Line: 1, Col: 1},
		{Path: "/ConnectedApp/label", Line: 2, Col: 5, Text: "A", Trailing: []string{"trails label"}},
		{Path: "/ConnectedApp/oauthPolicy", Line: 3, Col: 5},
		{Path: "/ConnectedApp/oauthPolicy/refreshTokenPolicy", Line: 5, Col: 9, Text: "infinite",
			Comments: []string{"before refreshTokenPolicy"}, Trailing: []string{"trails a", "trails b"}},
		{Path: "/ConnectedApp/oauthPolicy/ipRelaxation", Line: 6, Col: 9, Text: "BYPASS"},
		{Path: "/ConnectedApp/oauthConfig", Line: 10, Col: 32, Comments: []string{"before oauthConfig"}},
		{Path: "/ConnectedApp/oauthConfig/callbackUrl", Line: 10, Col: 45, Text: "https://x"},
	}
	want[2].Dangling = []string{"dangles in oauthPolicy"}
	for _, keep := range []func(string) bool{nil, keepNames("label", "oauthPolicy", "oauthConfig")} {
		root, _, err := Parse([]byte(src), keep)
		if err != nil {
			t.Fatal(err)
		}
		got := flatten(root)
		if keep == nil {
			got = flatten(keepOnly(root, keepNames("label", "oauthPolicy", "oauthConfig")))
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("filtered=%v (-want +got):\n%s", keep != nil, d)
		}
	}
}
