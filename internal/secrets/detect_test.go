package secrets

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func scanOne(t *testing.T, path, content string) []Candidate {
	t.Helper()
	cs, diags := Scan([]Blob{{Path: path, Data: []byte(content), Source: SourceWorktree}}, Options{})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	return cs
}

// TestDetectorsTruePositives: every detector fires on realistic input, on the
// right line and column, with the features the rules rely on.
func TestDetectorsTruePositives(t *testing.T) {
	f := newFakes(42)
	tests := []struct {
		name, path, content string
		want                []summary
		fields              map[string]any // checked on the first candidate
	}{
		{
			name:    "access token alone in a shell script",
			path:    "scripts/query.sh",
			content: "#!/bin/sh\ncurl -H \"Authorization: Bearer " + f.AccessToken + "\" \\\n  https://acme.my.salesforce.com/services/data/v60.0/limits\n",
			want:    []summary{{DetAccessToken, 2, 32, ""}},
			fields:  map[string]any{"formatMatch": true, "placeholder": false, "payloadLength": 96, "pairedWith": []string{"instanceUrl"}},
		},
		{
			name:    "access token under SF_ACCESS_TOKEN keeps the key",
			path:    ".github/workflows/deploy.yml",
			content: "env:\n  SF_ACCESS_TOKEN: " + f.AccessToken + "\n",
			want:    []summary{{DetAccessToken, 2, 20, "SF_ACCESS_TOKEN"}},
			fields:  map[string]any{"formatMatch": true, "envReference": false},
		},
		{
			name:    "JWT access token with a Salesforce issuer",
			path:    "tmp/token.json",
			content: `{"access_token": "` + f.JWT + `", "token_type": "Bearer"}`,
			want:    []summary{{DetJWTAccessToken, 1, 19, ""}},
			fields:  map[string]any{"salesforceContext": "claims"},
		},
		{
			name:    "refresh token 5Aep861 without companions",
			path:    "notes/handover.txt",
			content: "Use this for the nightly sync:\n" + f.RefreshToken + "\n",
			want:    []summary{{DetRefreshToken, 2, 1, ""}},
			fields:  map[string]any{"form": "5Aep861", "pathHints": []string{}}, // notes.txt is not documentation
		},
		{
			name:    "older refresh token 5Aep862 under a Data Loader key",
			path:    "dataloader/config.properties",
			content: "sfdc.endpoint=https://login.salesforce.com\nsfdc.oauth.refreshtoken=" + f.RefreshToken2 + "\n",
			want:    []summary{{DetRefreshToken, 2, 25, "sfdc.oauth.refreshtoken"}},
			fields:  map[string]any{"form": "5Aep862", "formatMatch": true},
		},
		{
			name:    "SFDX auth URL of the CLI client with an empty secret",
			path:    ".env",
			content: "SFDX_AUTH_URL=force://PlatformCLI::" + f.RefreshToken + "@acme--uat.sandbox.my.salesforce.com\n",
			want:    []summary{{DetAuthURL, 1, 15, ""}},
			fields: map[string]any{"platformCLI": true, "hasClientSecret": false, "host": "acme--uat.sandbox.my.salesforce.com",
				"refreshTokenForm": "5Aep861", "clientId": "PlatformCLI"},
		},
		{
			name:    "SFDX auth URL with a connected app inside sf JSON output",
			path:    "auth/prod.json",
			content: "{\n  \"status\": 0,\n  \"result\": {\n    \"sfdxAuthUrl\": \"force://" + f.ConsumerKey + ":" + f.ConsumerSecret + ":" + f.RefreshToken + "@acme.my.salesforce.com\"\n  }\n}\n",
			want:    []summary{{DetAuthURL, 4, 21, ""}},
			fields:  map[string]any{"platformCLI": false, "hasClientSecret": true, "consumerKey": Redact(f.ConsumerKey).Redacted},
		},
		{
			name:    "consumer key in an sf CLI login line",
			path:    "scripts/deploy.sh",
			content: "sf org login jwt --client-id " + f.ConsumerKey + " --jwt-key-file server.key --username ci@acme.com\n",
			want:    []summary{{DetConsumerKey, 1, 30, ""}},
			fields:  map[string]any{"cliLogin": true},
		},
		{
			name:    "consumer key is an identifier",
			path:    "config/sfdx-ci.yml",
			content: "client_id: " + f.ConsumerKey + "\n",
			want:    []summary{{DetConsumerKey, 1, 12, ""}},
			fields:  map[string]any{"formatMatch": true},
		},
		{
			name:    "consumer secret, 64-character form, next to its key",
			path:    "integration/app.properties",
			content: "salesforce.consumer_key=" + f.ConsumerKey + "\nsalesforce.consumer_secret=" + f.ConsumerSecret + "\n",
			want:    []summary{{DetConsumerKey, 1, 25, ""}, {DetConsumerSecret, 2, 28, "salesforce.consumer_secret"}},
		},
		{
			name:    "consumer secret, 19-digit form, Data Loader per-environment key",
			path:    "dataloader/config.properties",
			content: "sfdc.oauth.Production.clientsecret=" + f.ConsumerSecret19 + "\n",
			want:    []summary{{DetConsumerSecret, 1, 36, "sfdc.oauth.Production.clientsecret"}},
			fields:  map[string]any{"formatMatch": true, "salesforceKey": true, "dataLoader": true},
		},
		{
			name: "AuthProvider consumerSecret element",
			path: "force-app/main/default/authproviders/Okta.authprovider-meta.xml",
			content: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AuthProvider xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n" +
				"    <consumerKey>0oa1b2c3d4e5f6g7h8i9</consumerKey>\n    <consumerSecret>" + f.ConsumerSecret + "</consumerSecret>\n" +
				"    <sendSecretInApis>true</sendSecretInApis>\n</AuthProvider>\n",
			want:   []summary{{DetConsumerSecret, 4, 21, "consumerSecret"}},
			fields: map[string]any{"metadataType": "AuthProvider", "form": "xml"},
		},
		{
			name:    "Ant build.properties password with the security token appended",
			path:    "build.properties",
			content: "sf.username = deploy@acme.com\nsf.password = " + f.Password + f.SecurityToken + "\nsf.serverurl = https://login.salesforce.com\n",
			want:    []summary{{DetPassword, 2, 15, "sf.password"}},
			fields:  map[string]any{"tokenSuffixLikely": true, "pairedWith": []string{"instanceUrl", "username"}, "salesforceKey": true},
		},
		{
			name: "Data Loader process-conf.xml plaintext password",
			path: "dataloader/process-conf.xml",
			content: "<beans>\n  <bean id=\"accountExtract\" class=\"com.salesforce.dataloader.process.ProcessRunner\">\n" +
				"    <entry key=\"sfdc.username\" value=\"etl@acme.com\"/>\n    <entry key=\"sfdc.password\" value=\"" + f.Password + "\"/>\n  </bean>\n</beans>\n",
			want:   []summary{{DetPassword, 4, 39, "sfdc.password"}},
			fields: map[string]any{"form": "xml-entry", "encrypted": false, "encryptionKeyFile": false, "dataLoader": true},
		},
		{
			name: "Data Loader encrypted password with the key file configured",
			path: "dataloader/process-conf.xml",
			content: "<beans>\n    <entry key=\"process.encryptionKeyFile\" value=\"C:\\dl\\dataLoader.key\"/>\n" +
				"    <entry key=\"sfdc.password\" value=\"4285b36161c65a22a1b1c3f2e8d9a7b6\"/>\n</beans>\n",
			want:   []summary{{DetPassword, 3, 39, "sfdc.password"}},
			fields: map[string]any{"encrypted": true, "encryptionKeyFile": true},
		},
		{
			name:    "SF_PASSWORD and SF_SECURITY_TOKEN in an env file",
			path:    "ci/.env.ci",
			content: "SF_USERNAME=ci@acme.com\nSF_PASSWORD=\"" + f.Password + "\"\nSF_SECURITY_TOKEN=" + f.SecurityToken + "\n",
			want:    []summary{{DetPassword, 2, 14, "SF_PASSWORD"}, {DetSecurityToken, 3, 19, "SF_SECURITY_TOKEN"}},
			fields:  map[string]any{"pairedWith": []string{"securityToken", "username"}, "quoted": true},
		},
		{
			name: "simple_salesforce call with literals",
			path: "etl/sync.py",
			content: "from simple_salesforce import Salesforce\n\nsf = Salesforce(\n    username='etl@acme.com',\n" +
				"    password='" + f.Password + "',\n    security_token='" + f.SecurityToken + "')\n",
			want:   []summary{{DetPassword, 5, 15, "password"}, {DetSecurityToken, 6, 21, "security_token"}},
			fields: map[string]any{"salesforceKey": false, "pairedWith": []string{"securityToken", "username"}},
		},
		{
			name: "Java WSC ConnectorConfig setters",
			path: "integration/src/main/java/com/acme/SfClient.java",
			content: "import com.sforce.ws.ConnectorConfig;\n\nConnectorConfig config = new ConnectorConfig();\nconfig.setUsername(\"int@acme.com\");\n" +
				"config.setPassword(\"" + f.Password + "\" + \"" + f.SecurityToken + "\");\n",
			want:   []summary{{DetPassword, 5, 21, "setPassword"}},
			fields: map[string]any{"form": "setter", "tokenSuffixLikely": true, "length": len(f.Password) + 24},
		},
		{
			name:    "jsforce login with password and token concatenated",
			path:    "scripts/export.js",
			content: "const jsforce = require('jsforce');\nconst conn = new jsforce.Connection();\nawait conn.login('etl@acme.com', '" + f.Password + "' + '" + f.SecurityToken + "');\n",
			want:    []summary{{DetPassword, 3, 35, "login(password)"}},
			fields:  map[string]any{"concatenated": true, "tokenSuffixLikely": true, "usernameLiteral": true, "length": len(f.Password) + 24},
		},
		{
			name:    "PEM key for the JWT bearer flow",
			path:    "certs/server.key",
			content: "-----BEGIN RSA PRIVATE KEY-----\n" + f.PEMBody + "-----END RSA PRIVATE KEY-----\n",
			want:    []summary{{DetPrivateKey, 1, 1, ""}},
			fields:  map[string]any{"keyType": "RSA", "jwtKeyFile": true, "encrypted": false, "bodyLength": 640},
		},
		{
			name:    "PEM key escaped inside JSON",
			path:    "config/jwt.json",
			content: `{"username":"ci@acme.com","privateKey":"-----BEGIN PRIVATE KEY-----\n` + strings.ReplaceAll(f.PEMBody, "\n", `\n`) + `-----END PRIVATE KEY-----\n"}`,
			want:    []summary{{DetPrivateKey, 1, 41, ""}},
			fields:  map[string]any{"keyType": "", "jwtKeyFile": true, "bodyLength": 640},
		},
		{
			name:    "committed CLI auth file",
			path:    "home/.sfdx/ci@acme.com.json",
			content: "{\n  \"accessToken\": \"8a7f3c2e1d0b9a8f7e6d5c4b3a291807:6f5e4d3c2b1a09f8e7d6c5b4a3928170\",\n  \"orgId\": \"00D5g000004abcd\"\n}\n",
			want:    []summary{{DetCLIAuthState, 2, 19, "accessToken"}},
			fields:  map[string]any{"stateFile": "ci@acme.com.json", "encryptedValue": true},
		},
		{
			name: "legacy NamedCredential password",
			path: "force-app/main/default/namedCredentials/Erp.namedCredential-meta.xml",
			content: "<NamedCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <endpoint>https://erp.acme.com</endpoint>\n" +
				"    <password>" + f.Password + "</password>\n    <principalType>NamedUser</principalType>\n    <username>sfdc-int</username>\n</NamedCredential>\n",
			want:   []summary{{DetMetadataSecret, 3, 15, "password"}},
			fields: map[string]any{"metadataType": "NamedCredential", "element": "password"},
		},
		{
			name: "ExternalCredential parameter value",
			path: "force-app/main/default/externalCredentials/Erp.externalCredential-meta.xml",
			content: "<ExternalCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <externalCredentialParameters>\n" +
				"        <parameterName>ClientSecret</parameterName>\n        <parameterType>AuthParameter</parameterType>\n" +
				"        <parameterValue>" + f.ConsumerSecret + "</parameterValue>\n    </externalCredentialParameters>\n</ExternalCredential>\n",
			want:   []summary{{DetMetadataSecret, 5, 25, "ClientSecret"}},
			fields: map[string]any{"parameterName": "ClientSecret", "parameterType": "AuthParameter"},
		},
		{
			name: "custom metadata record with an API key field",
			path: "force-app/main/default/customMetadata/Integration_Setting.Erp.md-meta.xml",
			content: "<CustomMetadata xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <values>\n        <field>ApiKey__c</field>\n" +
				"        <value xsi:type=\"xsd:string\">" + f.ConsumerSecret + "</value>\n    </values>\n</CustomMetadata>\n",
			want:   []summary{{DetMetadataSecret, 4, 38, "ApiKey__c"}},
			fields: map[string]any{"metadataType": "CustomMetadata"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := scanOne(t, tc.path, tc.content)
			if d := cmp.Diff(tc.want, summarize(cs)); d != "" {
				t.Fatalf("candidates (-want +got):\n%s", d)
			}
			if tc.fields != nil {
				names := make([]string, 0, len(tc.fields))
				for k := range tc.fields {
					names = append(names, k)
				}
				if d := cmp.Diff(tc.fields, fieldsOf(cs[0], names...)); d != "" {
					t.Errorf("fields (-want +got):\n%s", d)
				}
			}
		})
	}
}

// TestDetectorsFalsePositives: realistic files that hold no credential give
// no candidate, or only candidates the rules will drop (placeholder/env).
func TestDetectorsFalsePositives(t *testing.T) {
	tests := []struct {
		name, path, content string
		want                []summary
		flags               []string // Fields that must be true on every candidate
	}{
		{
			name: "Apex test class with fake ids",
			path: "force-app/main/default/classes/AccountServiceTest.cls",
			content: "@isTest\nprivate class AccountServiceTest {\n    @isTest static void run() {\n" +
				"        Id orgId = '00D000000000001';\n        Account a = new Account(Id = '001000000000001AAA', Name = 'x');\n" +
				"        String password = 'test123';\n        System.assertEquals('00Dxx0000001gPL', UserInfo.getOrganizationId());\n    }\n}\n",
			want: []summary{},
		},
		{
			name:    "placeholders in a README",
			path:    "README.md",
			content: "Set `SF_PASSWORD=<your password>` and `SF_SECURITY_TOKEN=YOUR_TOKEN`, then\nsfdx force:auth:sfdxurl:store -f authfile (contents: force://PlatformCLI::<refresh_token>@<instance>)\n",
			want:    []summary{{DetSecurityToken, 1, 58, "SF_SECURITY_TOKEN"}}, // "<your password>" is no value at all
			flags:   []string{"placeholder"},
		},
		{
			name:    "environment references in CI",
			path:    ".github/workflows/ci.yml",
			content: "env:\n  SF_PASSWORD: ${{ secrets.SF_PASSWORD }}\n  SF_SECURITY_TOKEN: $SF_SECURITY_TOKEN\n  SFDX_AUTH_URL: ${{ secrets.SFDX_AUTH_URL }}\n",
			want:    []summary{{DetPassword, 2, 16, "SF_PASSWORD"}, {DetSecurityToken, 3, 22, "SF_SECURITY_TOKEN"}},
			flags:   []string{"envReference"},
		},
		{
			name: "JS reading secrets from the environment",
			path: "scripts/login.js",
			content: "const jsforce = require('jsforce');\nconst password = process.env.SF_PASSWORD;\n" +
				"await conn.login(process.env.SF_USERNAME, password + process.env.SF_TOKEN);\nconst client_secret = os.environ['X'];\n",
			want: []summary{},
		},
		{
			name:    "Python reading from os.environ",
			path:    "etl/sync.py",
			content: "sf = Salesforce(username=os.environ['SF_USER'], password=os.environ['SF_PASS'], security_token=os.environ['SF_TOKEN'])\n",
			want:    []summary{},
		},
		{
			name:    "password policy metadata is not a password",
			path:    "force-app/main/default/settings/Security.settings-meta.xml",
			content: "<SecuritySettings xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <passwordPolicies>\n        <minimumPasswordLength>12</minimumPasswordLength>\n        <passwordAssistanceMessage>Call IT</passwordAssistanceMessage>\n    </passwordPolicies>\n</SecuritySettings>\n",
			want:    []summary{},
		},
		{
			name:    "generic password outside Salesforce context",
			path:    "docker-compose.yml",
			content: "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: hunter2hunter2\n      password: s3cretValue99\n",
			want:    []summary{},
		},
		{
			name:    "NamedCredential with a credential merge field",
			path:    "force-app/main/default/namedCredentials/Erp.namedCredential-meta.xml",
			content: "<NamedCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <password>{!$Credential.Password}</password>\n</NamedCredential>\n",
			want:    []summary{{DetMetadataSecret, 2, 15, "password"}},
			flags:   []string{"envReference"},
		},
		{
			name:    "placeholder access token and refresh token",
			path:    "docs/oauth.md",
			content: "access_token: 00Dxx0000001gPL!AR8AQxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nrefresh: 5Aep861XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n",
			want:    []summary{{DetAccessToken, 1, 15, ""}, {DetRefreshToken, 2, 10, ""}},
			flags:   []string{"placeholder"},
		},
		{
			name:    "ordinary JWT without Salesforce context",
			path:    "web/auth.test.js",
			content: "const t = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';\n",
			want:    []summary{},
		},
		{
			name:    "PEM public key and certificate",
			path:    "certs/server.crt",
			content: "-----BEGIN CERTIFICATE-----\nMIIC...\n-----END CERTIFICATE-----\n-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n",
			want:    []summary{},
		},
		{
			name:    "project-level .sf config without tokens",
			path:    ".sf/config.json",
			content: "{\n  \"target-org\": \"acme-uat\"\n}\n",
			want:    []summary{},
		},
		{
			name:    "minified static resource with unquoted expressions",
			path:    "force-app/main/default/staticresources/loginlib.resource",
			content: "var s={salesforce:1};function l(e){return{username:e.username,password:e.password,security_token:e.token}}\n",
			want:    []summary{},
		},
		{
			name: "property reads and templates that mention sf.password",
			path: "build/Deploy.groovy",
			content: "String pw = \"${props['sf.password']}\"\nString password = \"${props['sf.password']}\"\n" +
				"ant.setProperty('sf.password', cfg.sfPass())\nurl = f\"snowflake://{sf.user}:{sf.password}@{sf.account}\"\n" +
				"html = field('sf-password', 'Password', sf.password, { type: 'password' })\n",
			want: []summary{},
		},
		{
			name:    "sftp client secret is not a Salesforce key",
			path:    "config/transfer.properties",
			content: "sftp_client_secret=Zk29dLq0vXw8aB3nM5pR\n",
			want:    []summary{},
		},
		{
			name:    "comparison is not an assignment",
			path:    "force-app/main/default/classes/Login.cls",
			content: "if (sf.password == 'Welcome123') { return; } // salesforce\n",
			want:    []summary{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := scanOne(t, tc.path, tc.content)
			if d := cmp.Diff(tc.want, summarize(cs)); d != "" {
				t.Fatalf("candidates (-want +got):\n%s", d)
			}
			for _, c := range cs {
				for _, fl := range tc.flags {
					if c.Fields[fl] != true {
						t.Errorf("%s: %s = %v, want true", c, fl, c.Fields[fl])
					}
				}
			}
		})
	}
}

func TestInlineAllowAndLineMapping(t *testing.T) {
	f := newFakes(7)
	content := "a=" + f.RefreshToken + " # sfguard:allow\n# sfguard:allow rotated, kept for the incident report\nb=" + f.RefreshToken2 + "\nc=" + f.AccessToken + "\n"
	got := summarize(scanOne(t, "x.env", content))
	if d := cmp.Diff([]summary{{DetAccessToken, 4, 3, ""}}, got); d != "" {
		t.Errorf("allow markers (-want +got):\n%s", d)
	}

	// History blobs hold only added lines; LineMap gives the real line.
	cs, _ := Scan([]Blob{{Path: "h.env", Data: []byte("x=1\nt=" + f.RefreshToken + "\n"), LineMap: []int{10, 42},
		Source: SourceHistory}}, Options{})
	if d := cmp.Diff([]summary{{DetRefreshToken, 42, 3, ""}}, summarize(cs)); d != "" {
		t.Errorf("LineMap (-want +got):\n%s", d)
	}

	// Staged blobs: only changed lines are reported.
	cs, _ = Scan([]Blob{{Path: "s.env", Data: []byte("a=" + f.RefreshToken + "\nb=" + f.AccessToken + "\n"),
		FilterChanged: true, Changed: []LineRange{{Start: 2, End: 2}}, Source: SourceStaged}}, Options{})
	if d := cmp.Diff([]summary{{DetAccessToken, 2, 3, ""}}, summarize(cs)); d != "" {
		t.Errorf("FilterChanged (-want +got):\n%s", d)
	}
	// A key whose body changes on line 4 is reported at its BEGIN line.
	pem := "x=1\n-----BEGIN PRIVATE KEY-----\n" + f.PEMBody + "-----END PRIVATE KEY-----\n"
	cs, _ = Scan([]Blob{{Path: "k.pem", Data: []byte(pem), FilterChanged: true, Changed: []LineRange{{Start: 4, End: 4}}}}, Options{})
	if d := cmp.Diff([]summary{{DetPrivateKey, 2, 1, ""}}, summarize(cs)); d != "" {
		t.Errorf("FilterChanged multi-line (-want +got):\n%s", d)
	}
}

func TestSkipsAndNotes(t *testing.T) {
	f := newFakes(9)
	big := strings.Repeat("x", 200) + "\n" + f.RefreshToken + "\n"
	blobs := []Blob{
		{Path: "big.txt", Data: []byte(big)},
		{Path: "image.png", Data: []byte("\x89PNG\x00\x00" + f.RefreshToken)},
		{Path: "certs/server.key", Data: []byte("\x30\x82\x04\xa4\x00\x01binary DER")},
		{Path: "ok.txt", Data: []byte(f.RefreshToken)},
	}
	r := ScanAll(blobs, Options{MaxFileSize: 100})
	wantNotes := []Note{
		{Path: "big.txt", Reason: "skipped: 289 bytes is over the 100 byte limit (max file size)"},
		{Path: "image.png", Reason: "skipped: binary file"},
		{Path: "certs/server.key", Reason: "skipped: binary file"},
	}
	if d := cmp.Diff(wantNotes, r.Notes); d != "" {
		t.Errorf("notes (-want +got):\n%s", d)
	}
	want := []summary{{DetJWTKeyFile, 1, 1, ""}, {DetRefreshToken, 1, 1, ""}}
	if d := cmp.Diff(want, summarize(r.Candidates)); d != "" {
		t.Errorf("candidates (-want +got):\n%s", d)
	}
	if r.Candidates[0].Fields["binary"] != true || r.Files != 1 {
		t.Errorf("server.key binary=%v files=%d", r.Candidates[0].Fields["binary"], r.Files)
	}
}

// TestNoRawSecretAnywhere scans every rendering of every candidate for the
// planted raw values.
func TestNoRawSecretAnywhere(t *testing.T) {
	f := newFakes(1234)
	content := strings.Join([]string{
		"SF_ACCESS_TOKEN=" + f.AccessToken,
		"refresh=" + f.RefreshToken + " old=" + f.RefreshToken2,
		"consumer_secret=" + f.ConsumerSecret + " sfdc.oauth.prod.clientsecret=" + f.ConsumerSecret19,
		"sf = Salesforce(username='u@acme.com', password='" + f.Password + "', security_token='" + f.SecurityToken + "')",
		"auth: force://PlatformCLI::" + f.RefreshToken + "@acme.my.salesforce.com token " + f.JWT + " salesforce",
		"-----BEGIN PRIVATE KEY-----", strings.TrimSpace(f.PEMBody), "-----END PRIVATE KEY-----",
	}, "\n")
	cs := scanOne(t, "leak.txt", content)
	if len(cs) < 9 {
		t.Fatalf("expected every planted value to be found, got %v", summarize(cs))
	}
	js, err := json.Marshal(cs)
	if err != nil {
		t.Fatal(err)
	}
	text := string(js) + sprintAll(cs)
	for _, raw := range f.all() {
		for _, probe := range []string{raw, raw[len(raw)/2:]} {
			if len(probe) >= 8 && strings.Contains(text, probe) {
				t.Errorf("raw secret fragment %q…(len %d) leaked", probe[:4], len(probe))
			}
		}
	}
	for _, c := range cs {
		s := c.Secret
		if k := strings.Index(s.Redacted, "…"); k*4 > s.Length {
			t.Errorf("%s: redacted prefix %d chars is over 25%% of %d", c.Detector, k, s.Length)
		}
		if len(s.Hash) != 16 {
			t.Errorf("%s: hash %q is not 16 hex digits", c.Detector, s.Hash)
		}
	}
}

func TestDeterministicParallel(t *testing.T) {
	f := newFakes(5)
	var blobs []Blob
	for i := 0; i < 64; i++ {
		blobs = append(blobs, Blob{Path: "f" + string(rune('a'+i%26)) + ".env", Data: []byte("x=" + f.RefreshToken + "\ny=" + f.AccessToken + "\n")})
	}
	one, _ := Scan(blobs, Options{Jobs: 1})
	many, _ := Scan(blobs, Options{Jobs: 8})
	if d := cmp.Diff(summarize(one), summarize(many)); d != "" || len(one) != 128 {
		t.Errorf("parallel scan differs or is incomplete (%d):\n%s", len(one), d)
	}
}

func TestStdinBlob(t *testing.T) {
	f := newFakes(3)
	b := Blob{Path: "<stdin>", Data: []byte("token " + f.RefreshToken + "\n"), Source: SourceStdin}
	cs, _ := Scan([]Blob{b}, Options{})
	want := []string{"<stdin>:1:7: salesforce-refresh-token 5Aep861…(87 chars)"}
	var got []string
	for _, c := range cs {
		got = append(got, c.String())
	}
	if d := cmp.Diff(want, got); d != "" || cs[0].Source != SourceStdin {
		t.Errorf("stdin (-want +got):\n%s", d)
	}
}

func TestRedact(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"5Aep861abcdefghijklmnopqrstuvwxyz", "5Aep86…(33 chars)"},
		{"abcdefgh", "ab…(8 chars)"},
		{"abc", "…(3 chars)"},
		{"\x00\x01\x02\x03\x04\x05\x06\x07", "…(8 chars)"},
	}
	for _, tc := range tests {
		if got := Redact(tc.in).Redacted; got != tc.want {
			t.Errorf("Redact(len %d) = %q, want %q", len(tc.in), got, tc.want)
		}
	}
}
