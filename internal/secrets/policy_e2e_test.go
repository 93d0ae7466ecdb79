package secrets

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/policy"
)

var (
	engineOnce sync.Once
	engine     *policy.Engine
	engineErr  error
)

// evalBlob runs detection and the built-in secret rules on one file and
// returns "RULE severity" per finding plus the messages.
func evalBlob(t *testing.T, path string, data []byte) ([]string, []string) {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = policy.New(policy.Options{}) })
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	cs, diags := Scan([]Blob{{Path: path, Data: data, Source: SourceWorktree}}, Options{})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	in := make([]policy.SecretInput, len(cs))
	for i, c := range cs {
		in[i] = policy.SecretInput{Detector: c.Detector, Location: c.Location, Secret: c.Secret, Fields: c.Fields}
	}
	fs, pdiags := engine.EvalSecrets(context.Background(), in, 1)
	if len(pdiags) != 0 {
		t.Fatalf("policy diagnostics: %v", pdiags)
	}
	short, msgs := []string{}, []string{}
	for _, f := range fs {
		short = append(short, fmt.Sprintf("%d:%d %s %s", f.Line, f.Column, f.RuleID, f.Severity))
		msgs = append(msgs, f.Message)
	}
	return short, msgs
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	put := func(u uint16) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	if bom {
		put(0xFEFF)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		put(u)
	}
	return out
}

// TestIssue10Shapes: the real-world shapes of issue 10, end to end through
// the built-in rules. Values are generated; none is a real credential.
func TestIssue10Shapes(t *testing.T) {
	f := newFakes(10)
	authURL := "force://PlatformCLI::" + f.RefreshToken + "@acme--uat.sandbox.my.salesforce.com"
	encodedToken := strings.Replace(f.AccessToken, "!", "%21", 1)
	tests := []struct {
		name, path string
		data       []byte
		want       []string
		msg        string // a fragment every message must contain
	}{
		// 1. Placeholders are whole values.
		{"Ant password containing test with a token appended", "build.properties",
			[]byte("sf.username = dev@acme.com.dev\nsf.password = testtest123" + f.SecurityToken + "\nsf.serverurl = https://login.salesforce.com\n"),
			[]string{"2:15 SFG-SEC-006 critical"}, "security token appended"},
		{"the same with an ordinary password", "build.properties",
			[]byte("sf.username = dev@acme.com.dev\nsf.password = Hunter22xyz" + f.SecurityToken + "\n"),
			[]string{"2:15 SFG-SEC-006 critical"}, ""},
		{"whole-value placeholders stay silent", "build.properties",
			[]byte("sf.username = you@example.com\nsf.password = YOUR_PASSWORD\nsf.securityToken = <security token>\nSF_PASSWORD=changeme\nsf.pass=********\nsfdc.password=${SF_PASSWORD}\nsf.pwd=%SF_PASSWORD%\n"),
			[]string{}, ""},
		{"a refresh token is never a placeholder because of a word inside it", "ci/env.sh",
			[]byte("export SF_REFRESH=5Aep861testExample" + f.RefreshToken[7:] + "\n"),
			[]string{"1:19 SFG-SEC-002 critical"}, ""},
		// 2. Paths lower by one step, structured tokens never.
		{"Ant's own sample/build.properties is configuration", "sample/build.properties",
			[]byte("sf.username = deploy@acme.com\nsf.password = Hunter22xyz" + f.SecurityToken + "\n"),
			[]string{"2:15 SFG-SEC-006 critical"}, ""},
		{"build/build.properties too", "build/build.properties",
			[]byte("sf.username = deploy@acme.com\nsf.password = Hunter22xyz" + f.SecurityToken + "\n"),
			[]string{"2:15 SFG-SEC-006 critical"}, ""},
		{"a password in a docs path is lowered one step, with the reason", "docs/deploy.md",
			[]byte("Deploy with Ant:\n\n    sf.username = deploy@acme.com\n    sf.password = Hunter22xyz" + f.SecurityToken + "\n"),
			[]string{"4:19 SFG-SEC-006 high"}, "lowered from critical to high because the file is in a docs path"},
		{"a password in a .txt note is not documentation", "notes/org-logins.txt",
			[]byte("sf.username = deploy@acme.com\nsf.password = Hunter22xyz" + f.SecurityToken + "\n"),
			[]string{"2:15 SFG-SEC-006 critical"}, ""},
		{"a live auth URL in AGENTS.md stays critical", "AGENTS.md",
			[]byte("# Agents\n\nUAT login: " + authURL + "\n"),
			[]string{"3:12 SFG-SEC-003 critical"}, "live credential wherever"},
		{"the same in a runbook under docs/", "docs/runbooks/uat.md",
			[]byte("`sf org login sfdx-url` with:\n\n```\n" + authURL + "\n```\n"),
			[]string{"4:1 SFG-SEC-003 critical"}, ""},
		{"an access token in a test path keeps critical", "force-app/test/fixtures/session.json",
			[]byte(`{"access_token": "` + f.AccessToken + `", "instance_url": "https://acme.my.salesforce.com"}`),
			[]string{"1:19 SFG-SEC-001 critical"}, ""},
		// 3. Decode before detecting.
		{"URL-encoded access token in a log line", "logs/callout.log",
			[]byte("GET /services/data/v60.0/limits?oauth_token=" + encodedToken + " 200\n"),
			[]string{"1:45 SFG-SEC-001 critical"}, ""},
		{"URL-encoded SFDX auth URL in a query string", "scripts/login.ps1",
			[]byte("$u = 'https://ci.acme.com/hook?auth=" + strings.NewReplacer(":", "%3A", "/", "%2F", "@", "%40").Replace(authURL) + "'\n"),
			[]string{"1:37 SFG-SEC-003 critical"}, "acme--uat.sandbox.my.salesforce.com"},
		{"UTF-16 LE with BOM (PowerShell) holding an auth URL", "scripts/auth.ps1",
			utf16Bytes("# login\r\n$env:SFDX_AUTH_URL = '"+authURL+"'\r\n", false, true),
			[]string{"2:45 SFG-SEC-003 critical"}, ""},
		{"UTF-16 BE without BOM", "scripts/auth.txt",
			utf16Bytes("SFDX_AUTH_URL="+authURL+"\n", true, false),
			[]string{"1:29 SFG-SEC-003 critical"}, ""},
		{"UTF-8 with BOM", "build.properties",
			append([]byte("\xEF\xBB\xBF"), "sf.username = a@acme.com\nsf.password = Hunter22xyz"+f.SecurityToken+"\n"...),
			[]string{"2:15 SFG-SEC-006 critical"}, ""},
		{"entity-escaped password in a NamedCredential", "force-app/main/default/namedCredentials/Erp.namedCredential-meta.xml",
			[]byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NamedCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <endpoint>https://erp.acme.com</endpoint>\n    <label>Erp</label>\n    <password>Kx9&amp;mQ2&lt;vL7#pR4</password>\n    <principalType>NamedUser</principalType>\n    <protocol>Password</protocol>\n    <username>sfdc-int</username>\n</NamedCredential>\n"),
			[]string{"5:15 SFG-SEC-009 high"}, "[secret, 15 chars"},
		// 4. Merge fields and formulas are not secrets.
		{"ExternalCredential formula with entities", "force-app/main/default/externalCredentials/Erp.externalCredential-meta.xml",
			[]byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ExternalCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <authenticationProtocol>Custom</authenticationProtocol>\n    <externalCredentialParameters>\n        <parameterName>Authorization</parameterName>\n        <parameterType>AuthHeader</parameterType>\n        <parameterValue>{!&apos;Bearer &apos; &amp; $Credential.OAuthToken}</parameterValue>\n        <sequenceNumber>1</sequenceNumber>\n    </externalCredentialParameters>\n    <label>Erp</label>\n</ExternalCredential>\n"),
			[]string{}, ""},
		{"NamedCredential merge fields", "force-app/main/default/namedCredentials/Erp.namedCredential-meta.xml",
			[]byte("<NamedCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <password>{!$Credential.Password}</password>\n</NamedCredential>\n"),
			[]string{}, ""},
		{"custom metadata value that is a label reference", "force-app/main/default/customMetadata/Stripe_Config.Default.md-meta.xml",
			[]byte("<CustomMetadata xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <label>Default</label>\n    <values>\n        <field>Api_Key__c</field>\n        <value xsi:type=\"xsd:string\">{!$Label.Stripe_Api_Key}</value>\n    </values>\n</CustomMetadata>\n"),
			[]string{}, ""},
		{"bare $Credential reference", "force-app/main/default/externalCredentials/Api.externalCredential-meta.xml",
			[]byte("<ExternalCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <externalCredentialParameters>\n        <parameterName>ApiToken</parameterName>\n        <parameterType>AuthParameter</parameterType>\n        <parameterValue>$Credential.OAuthToken</parameterValue>\n    </externalCredentialParameters>\n</ExternalCredential>\n"),
			[]string{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, msgs := evalBlob(t, tc.path, tc.data)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("findings (-want +got):\n%s\nmessages: %q", d, msgs)
			}
			for _, m := range msgs {
				if !strings.Contains(m, tc.msg) {
					t.Errorf("message %q lacks %q", m, tc.msg)
				}
			}
		})
	}
}

// TestCodeIsNotAValue: right-hand sides that are code, and prose that
// mentions an element, are not values; a real literal next to them still is.
func TestCodeIsNotAValue(t *testing.T) {
	f := newFakes(11)
	tests := []struct {
		name, path, content string
		want                []string
	}{
		{"Go test building a Python login from pieces", "internal/x/login_test.go",
			"content := \"sf = Salesforce(username='u@acme.com',\\n    password='\" + f.Password + \"',\\n    security_token='\" + f.Token + \"')\\n\"\n", []string{}},
		{"Apex SOAP login body built by concatenation", "force-app/main/default/classes/SoapLogin.cls",
			"String body = '<login><username>' + user + '</username><password>' + pwd + token + '</password></login>'; // salesforce login\n", []string{}},
		{"Markdown table mentioning an element", "docs/metadata.md",
			"| `salesforce-metadata-secret` | NamedCredential `<password>`, ExternalCredential `<parameterValue>` |\n", []string{}},
		{"unquoted call in a properties-like doc", "docs/config.md",
			"In code write (`password = getPassword()`) for the Salesforce login.\n", []string{}},
		{"a literal on the same kind of line still counts", "scripts/login.py",
			"from simple_salesforce import Salesforce\nsf = Salesforce(username='u@acme.com', password='" + f.Password + "', security_token='" + f.SecurityToken + "')\n",
			[]string{"2:50 SFG-SEC-006 critical", "2:83 SFG-SEC-006 critical"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, msgs := evalBlob(t, tc.path, []byte(tc.content))
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("findings (-want +got):\n%s\n%q", d, msgs)
			}
		})
	}
}
