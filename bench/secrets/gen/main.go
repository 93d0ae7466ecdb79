// Command gen writes a synthetic Salesforce repository for the secret-scan
// benchmark: Apex, triggers, LWC JavaScript and HTML, metadata XML,
// properties and CI YAML in the usual sfdx layout, with credentials of every
// kind sfguard detects planted at known places, and the usual false-positive
// traps (Apex tests with fake ids, placeholders, CI secret references).
//
// It writes planted.tsv (path, line, kind) beside the tree so that recall
// can be measured for any scanner that reports file and line.
//
//	go run ./bench/secrets/gen -out /tmp/sfbench -mb 200
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

type gen struct {
	r       *rand.Rand
	root    string
	planted []plant
	bytes   int64
	files   int
}

type plant struct {
	path string
	line int
	kind string
}

func (g *gen) chars(n int, set string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[g.r.Intn(len(set))]
	}
	return string(b)
}

func (g *gen) pick(s ...string) string { return s[g.r.Intn(len(s))] }

// write stores a file; lines holding a planted credential carry the marker
// "@@kind@@" which is removed here and recorded in the manifest.
func (g *gen) write(rel, content string) {
	var out strings.Builder
	for i, line := range strings.SplitAfter(content, "\n") {
		for {
			a := strings.Index(line, "@@")
			if a < 0 {
				break
			}
			b := strings.Index(line[a+2:], "@@")
			if b < 0 {
				break
			}
			kind := line[a+2 : a+2+b]
			line = line[:a] + line[a+2+b+2:]
			g.planted = append(g.planted, plant{rel, i + 1, kind})
		}
		out.WriteString(line)
	}
	full := filepath.Join(g.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		panic(err)
	}
	if err := os.WriteFile(full, []byte(out.String()), 0o644); err != nil {
		panic(err)
	}
	g.bytes += int64(out.Len())
	g.files++
}

// ---- credentials ----

func (g *gen) accessToken() string {
	return "00D" + g.pick("5g", "3N", "1U", "8c") + "0000" + g.chars(6, alnum) + "!" + g.chars(4, alnum) + "." + g.chars(91, alnum)
}
func (g *gen) refresh1() string    { return "5Aep861" + g.chars(80, alnum+"._") }
func (g *gen) refresh2() string    { return "5Aep862" + g.chars(70, alnum) + "==" }
func (g *gen) consumerKey() string { return "3MVG9" + g.chars(80, alnum+"._") }
func (g *gen) secret64() string    { return g.chars(64, "0123456789ABCDEF") }
func (g *gen) secret19() string    { return g.chars(19, "0123456789") }
func (g *gen) token() string       { return g.chars(24, alnum) }
func (g *gen) password() string {
	return g.pick("Acme", "Sales", "Etl", "Deploy", "Sync") + g.chars(7, alnum) + g.pick("!", "#", "$", "%") + g.chars(2, "0123456789")
}
func (g *gen) jwt() string {
	// {"alg":"RS256","typ":"JWT"} . {"iss":"https://login.salesforce.com","sub":"005xx"}
	return "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2xvZ2luLnNhbGVzZm9yY2UuY29tIiwic3ViIjoiMDA1eHgifQ." + g.chars(86, alnum+"-_")
}
func (g *gen) pem() string {
	var b strings.Builder
	b.WriteString("-----BEGIN RSA PRIVATE KEY-----\n")
	for i := 0; i < 25; i++ {
		b.WriteString(g.chars(64, alnum+"+/") + "\n")
	}
	b.WriteString(g.chars(44, alnum+"+/") + "==\n-----END RSA PRIVATE KEY-----\n")
	return b.String()
}

// ---- realistic filler ----

var sobjects = []string{"Account", "Contact", "Opportunity", "Case", "Lead", "Order", "Quote", "Contract", "Asset", "Campaign", "Invoice__c", "Shipment__c", "Subscription__c", "Project__c"}
var fields = []string{"Name", "Status__c", "Amount", "CloseDate", "OwnerId", "BillingCity", "Email", "Phone", "Priority", "StageName", "External_Id__c", "Region__c", "Description", "CreatedDate", "LastModifiedDate"}

func (g *gen) apexClass(name string, methods int) string {
	obj := g.pick(sobjects...)
	var b strings.Builder
	fmt.Fprintf(&b, "/**\n * %s handles %s business logic for the %s team.\n * Keep queries selective: this runs in triggers and batch jobs.\n */\n", name, obj, g.pick("sales", "service", "billing", "logistics"))
	fmt.Fprintf(&b, "public with sharing class %s {\n    private static final Integer BATCH_SIZE = %d;\n    private static final String LOG_PREFIX = '[%s] ';\n\n", name, 50+g.r.Intn(150), name)
	for m := 0; m < methods; m++ {
		f1, f2 := g.pick(fields...), g.pick(fields...)
		fmt.Fprintf(&b, "    public static List<%s> find%s%d(Set<Id> recordIds, String filter) {\n", obj, strings.TrimSuffix(obj, "__c"), m)
		fmt.Fprintf(&b, "        if (recordIds == null || recordIds.isEmpty()) {\n            return new List<%s>();\n        }\n", obj)
		fmt.Fprintf(&b, "        List<%s> records = [\n            SELECT Id, %s, %s\n            FROM %s\n            WHERE Id IN :recordIds AND %s != null\n            WITH SECURITY_ENFORCED\n            LIMIT :BATCH_SIZE\n        ];\n", obj, f1, f2, obj, f1)
		fmt.Fprintf(&b, "        for (%s rec : records) {\n            if (String.isNotBlank(filter) && String.valueOf(rec.get('%s')).contains(filter)) {\n                System.debug(LoggingLevel.FINE, LOG_PREFIX + 'match ' + rec.Id);\n            }\n        }\n", obj, f1)
		fmt.Fprintf(&b, "        return records;\n    }\n\n")
		fmt.Fprintf(&b, "    public static void update%s%d(List<%s> records) {\n        Database.SaveResult[] results = Database.update(records, false);\n        for (Integer i = 0; i < results.size(); i++) {\n            if (!results[i].isSuccess()) {\n                for (Database.Error err : results[i].getErrors()) {\n                    System.debug(LoggingLevel.ERROR, LOG_PREFIX + err.getStatusCode() + ': ' + err.getMessage());\n                }\n            }\n        }\n    }\n\n", strings.TrimSuffix(obj, "__c"), m, obj)
	}
	b.WriteString("}\n")
	return b.String()
}

func (g *gen) apexTest(name string) string {
	obj := g.pick(sobjects...)
	return fmt.Sprintf(`@isTest
private class %sTest {
    private static final Id FAKE_ID = '001000000000001AAA';
    private static final String FAKE_ORG = '00D000000000001';

    @TestSetup
    static void setup() {
        insert new %s(Name = 'Test %s');
    }

    @isTest
    static void handlesEmptyInput() {
        String password = 'test1234';
        String sessionId = '00Dxx0000001gPL!ARxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
        Test.startTest();
        System.assertEquals(0, %s.find%s0(new Set<Id>(), null).size());
        Test.stopTest();
        System.assertNotEquals(null, FAKE_ID);
    }
}
`, name, obj, obj, name, strings.TrimSuffix(obj, "__c"))
}

func (g *gen) lwcJS(name string) string {
	obj := g.pick(sobjects...)
	var b strings.Builder
	fmt.Fprintf(&b, "import { LightningElement, api, wire, track } from 'lwc';\nimport { getRecord, getFieldValue } from 'lightning/uiRecordApi';\nimport { ShowToastEvent } from 'lightning/platformShowToastEvent';\nimport fetchRows from '@salesforce/apex/%sController.fetchRows';\nimport NAME_FIELD from '@salesforce/schema/%s.Name';\n\n", name, obj)
	fmt.Fprintf(&b, "export default class %s extends LightningElement {\n    @api recordId;\n    @track rows = [];\n    error;\n    isLoading = false;\n\n", name)
	for i := 0; i < 6+g.r.Intn(10); i++ {
		fmt.Fprintf(&b, "    handleAction%d(event) {\n        const value = event.detail.value;\n        this.isLoading = true;\n        fetchRows({ recordId: this.recordId, filter: value, pageSize: %d })\n            .then((result) => {\n                this.rows = result.map((r) => ({ ...r, url: `/lightning/r/%s/${r.Id}/view` }));\n                this.error = undefined;\n            })\n            .catch((error) => {\n                this.error = error;\n                this.dispatchEvent(new ShowToastEvent({ title: 'Error loading', message: error.body.message, variant: 'error' }));\n            })\n            .finally(() => {\n                this.isLoading = false;\n            });\n    }\n\n", i, 10+g.r.Intn(90), obj)
	}
	b.WriteString("    get hasRows() {\n        return this.rows && this.rows.length > 0;\n    }\n}\n")
	return b.String()
}

func (g *gen) lwcHTML() string {
	return `<template>
    <lightning-card title="Related records" icon-name="standard:account">
        <template if:true={isLoading}><lightning-spinner alternative-text="Loading"></lightning-spinner></template>
        <template if:true={hasRows}>
            <lightning-datatable key-field="Id" data={rows} columns={columns} hide-checkbox-column></lightning-datatable>
        </template>
        <lightning-input type="password" label="Password" placeholder="Enter your password"></lightning-input>
    </lightning-card>
</template>
`
}

func (g *gen) profile(name string) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <custom>true</custom>\n")
	for _, obj := range sobjects {
		for _, f := range fields {
			fmt.Fprintf(&b, "    <fieldPermissions>\n        <editable>%v</editable>\n        <field>%s.%s</field>\n        <readable>true</readable>\n    </fieldPermissions>\n", g.r.Intn(2) == 0, obj, f)
		}
	}
	for _, obj := range sobjects {
		fmt.Fprintf(&b, "    <objectPermissions>\n        <allowCreate>true</allowCreate>\n        <allowDelete>false</allowDelete>\n        <allowEdit>true</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>%s</object>\n        <viewAllRecords>false</viewAllRecords>\n    </objectPermissions>\n", obj)
	}
	b.WriteString("    <passwordPolicies>\n        <minimumPasswordLength>12</minimumPasswordLength>\n    </passwordPolicies>\n")
	fmt.Fprintf(&b, "    <userLicense>Salesforce</userLicense>\n    <userPermissions>\n        <enabled>true</enabled>\n        <name>ApiEnabled</name>\n    </userPermissions>\n</Profile>\n<!-- %s -->\n", name)
	return b.String()
}

func (g *gen) customField(obj, f string) string {
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>%s</fullName>
    <externalId>false</externalId>
    <label>%s</label>
    <length>255</length>
    <required>false</required>
    <trackHistory>false</trackHistory>
    <trackTrending>false</trackTrending>
    <type>Text</type>
    <unique>false</unique>
    <description>Synced from the ERP nightly; see the integration runbook for %s.</description>
</CustomField>
`, f, strings.ReplaceAll(strings.TrimSuffix(f, "__c"), "_", " "), obj)
}

func (g *gen) workflowYAML() string {
	return `name: validate
on:
  pull_request:
    paths: ["force-app/**"]
jobs:
  validate:
    runs-on: ubuntu-latest
    env:
      SF_USERNAME: ${{ vars.SF_USERNAME }}
      SF_PASSWORD: ${{ secrets.SF_PASSWORD }}
      SFDX_AUTH_URL: ${{ secrets.SFDX_AUTH_URL }}
    steps:
      - uses: actions/checkout@v4
      - run: npm install --global @salesforce/cli
      - run: echo "$SFDX_AUTH_URL" > auth.txt && sf org login sfdx-url --sfdx-url-file auth.txt --alias ci
      - run: sf project deploy validate --target-org ci --test-level RunLocalTests
`
}

func (g *gen) readme() string {
	return "# Project\n\nCopy `build.properties.sample` and set `sf.password = <password><security token>`.\n" +
		"The auth URL looks like `force://PlatformCLI::5Aep861...@acme.my.salesforce.com`; keep it in CI secrets.\n" +
		"Consumer secret: `YOUR_CONSUMER_SECRET`. Access token example: `00Dxx0000001gPL!AR8AQJXg5oj8...`.\n"
}

// ---- planted files, one per kind ----

func (g *gen) plantFile(dir string, k int) {
	switch k % 19 {
	case 0:
		g.write(dir+"/build.properties", "# Ant deploy\nsf.username = deploy@acme.com\nsf.password = @@password-ant@@"+g.password()+g.token()+"\nsf.serverurl = https://login.salesforce.com\n")
	case 1:
		g.write(dir+"/dataloader/process-conf.xml", "<beans>\n    <bean id=\"extract\" class=\"com.salesforce.dataloader.process.ProcessRunner\">\n        <property name=\"configOverrideMap\">\n            <map>\n                <entry key=\"sfdc.username\" value=\"etl@acme.com\"/>\n                <entry key=\"sfdc.password\" value=\"@@password-dataloader@@"+g.password()+g.token()+"\"/>\n            </map>\n        </property>\n    </bean>\n</beans>\n")
	case 2:
		g.write(dir+"/dataloader/config.properties", "sfdc.endpoint=https://login.salesforce.com\nsfdc.oauth.accesstoken=@@access-token@@"+g.accessToken()+"\nsfdc.oauth.refreshtoken=@@refresh-token-862@@"+g.refresh2()+"\nsfdc.oauth.Production.clientsecret=@@consumer-secret-19@@"+g.secret19()+"\n")
	case 3:
		g.write(dir+"/.env.ci", "SF_USERNAME=ci@acme.com\nSF_PASSWORD=\"@@password-env@@"+g.password()+"\"\nSF_SECURITY_TOKEN=@@security-token@@"+g.token()+"\n")
	case 4:
		g.write(dir+"/.env", "SFDX_AUTH_URL=@@sfdx-auth-url@@force://PlatformCLI::"+g.refresh1()+"@acme--uat.sandbox.my.salesforce.com\n")
	case 5: // sfguard:allow: the next line generates a fake credential
		g.write(dir+"/scripts/sync.py", "from simple_salesforce import Salesforce\n\nsf = Salesforce(\n    username='etl@acme.com',\n    password='@@password-simple-salesforce@@"+g.password()+"',\n    security_token='@@security-token-python@@"+g.token()+"',\n)\nprint(sf.query('SELECT Id FROM Account LIMIT 1'))\n")
	case 6: // sfguard:allow: the next line generates a fake credential
		g.write(dir+"/scripts/export.js", "const jsforce = require('jsforce');\nconst conn = new jsforce.Connection();\nconn.login('etl@acme.com', '@@password-jsforce@@"+g.password()+"' + '"+g.token()+"').then(() => console.log('ok'));\n")
	case 7:
		g.write(dir+"/config/auth.json", "{\n  \"status\": 0,\n  \"result\": {\n    \"sfdxAuthUrl\": \"@@sfdx-auth-url-json@@force://"+g.consumerKey()+":"+g.secret64()+":"+g.refresh1()+"@acme.my.salesforce.com\"\n  }\n}\n")
	case 8:
		g.write(dir+"/certs/server.key", "@@private-key@@"+g.pem())
	case 9:
		g.write(dir+"/.sfdx/ci@acme.com.json", "{\n  \"accessToken\": \"@@cli-auth-state@@"+g.chars(32, "0123456789abcdef")+":"+g.chars(160, "0123456789abcdef")+"\",\n  \"username\": \"ci@acme.com\"\n}\n")
	case 10: // sfguard:allow: the next line generates a fake credential
		g.write(dir+"/force-app/main/default/namedCredentials/Legacy.namedCredential-meta.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NamedCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <endpoint>https://erp.acme.com</endpoint>\n    <label>Legacy</label>\n    <password>@@named-credential-password@@"+g.password()+"</password>\n    <principalType>NamedUser</principalType>\n    <protocol>Password</protocol>\n    <username>int</username>\n</NamedCredential>\n")
	case 11: // sfguard:allow: the next line generates a fake credential
		g.write(dir+"/force-app/main/default/authproviders/Okta.authprovider-meta.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<AuthProvider xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <consumerKey>0oa"+g.chars(17, alnum)+"</consumerKey>\n    <consumerSecret>@@authprovider-consumer-secret@@"+g.secret64()+"</consumerSecret>\n    <providerType>OpenIdConnect</providerType>\n    <sendSecretInApis>true</sendSecretInApis>\n</AuthProvider>\n")
	case 12:
		g.write(dir+"/force-app/main/default/externalCredentials/Erp.externalCredential-meta.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ExternalCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <authenticationProtocol>Custom</authenticationProtocol>\n    <externalCredentialParameters>\n        <parameterGroup>DefaultGroup</parameterGroup>\n        <parameterName>ClientSecret</parameterName>\n        <parameterType>AuthParameter</parameterType>\n        <parameterValue>@@external-credential-parameter@@"+g.chars(40, alnum)+"</parameterValue>\n    </externalCredentialParameters>\n    <label>ERP</label>\n</ExternalCredential>\n")
	case 13:
		g.write(dir+"/force-app/main/default/customMetadata/Integration_Setting.Erp.md-meta.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CustomMetadata xmlns=\"http://soap.sforce.com/2006/04/metadata\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n    <label>ERP</label>\n    <values>\n        <field>ApiKey__c</field>\n        <value xsi:type=\"xsd:string\">@@custom-metadata-api-key@@"+g.chars(48, alnum)+"</value>\n    </values>\n</CustomMetadata>\n")
	case 14:
		g.write(dir+"/integration/mule.properties", "salesforce.consumer_key=@@consumer-key@@"+g.consumerKey()+"\nsalesforce.consumer_secret=@@consumer-secret-64@@"+g.secret64()+"\n")
	case 15:
		g.write(dir+"/ops/limits.sh", "#!/bin/sh\ncurl -s -H \"Authorization: Bearer @@access-token-alone@@"+g.accessToken()+"\" https://acme.my.salesforce.com/services/data/v62.0/limits\n")
	case 16:
		g.write(dir+"/notes/handover.cfg", "# nightly sync\nrefresh=@@refresh-token-861@@"+g.refresh1()+"\n")
	case 17:
		g.write(dir+"/tmp/token-response.json", "{\"access_token\": \"@@jwt-access-token@@"+g.jwt()+"\", \"instance_url\": \"https://acme.my.salesforce.com\"}\n")
	case 18:
		g.write(dir+"/.github/workflows/nightly.yml", "name: nightly\njobs:\n  sync:\n    runs-on: ubuntu-latest\n    env:\n      SF_ACCESS_TOKEN: @@access-token-ci@@"+g.accessToken()+"\n    steps:\n      - run: sf org login access-token --instance-url https://acme.my.salesforce.com --no-prompt\n")
	}
}

func main() {
	out := flag.String("out", "", "output directory (created; must not exist)")
	mb := flag.Int("mb", 200, "approximate size in MB")
	seed := flag.Int64("seed", 4, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gen -out DIR [-mb 200]")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gen: %s exists; remove it first\n", *out)
		os.Exit(2)
	}
	g := &gen{r: rand.New(rand.NewSource(*seed)), root: *out}
	target := int64(*mb) << 20
	pkg := 0
	for g.bytes < target {
		dir := fmt.Sprintf("packages/pkg%03d", pkg)
		base := dir + "/force-app/main/default"
		for i := 0; i < 40; i++ {
			name := fmt.Sprintf("%s%sService%d", g.pick("Account", "Order", "Billing", "Case", "Quote", "Asset"), g.pick("Sync", "Rollup", "Routing", "Pricing"), i)
			g.write(base+"/classes/"+name+".cls", g.apexClass(name, 4+g.r.Intn(16)))
			g.write(base+"/classes/"+name+".cls-meta.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ApexClass xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <apiVersion>62.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n")
			g.write(base+"/classes/"+name+"Test.cls", g.apexTest(name))
			lwc := fmt.Sprintf("relatedList%d", i)
			g.write(base+"/lwc/"+lwc+"/"+lwc+".js", g.lwcJS(strings.ToUpper(lwc[:1])+lwc[1:]))
			g.write(base+"/lwc/"+lwc+"/"+lwc+".html", g.lwcHTML())
			obj := g.pick(sobjects...)
			f := g.pick(fields...)
			if !strings.HasSuffix(f, "__c") {
				f += "_Ext__c"
			}
			g.write(fmt.Sprintf("%s/objects/%s/fields/%s%d.field-meta.xml", base, obj, strings.TrimSuffix(f, "__c"), i), g.customField(obj, f))
		}
		for i := 0; i < 3; i++ {
			g.write(fmt.Sprintf("%s/profiles/Profile_%d.profile-meta.xml", base, i), g.profile(fmt.Sprint(i)))
		}
		g.write(dir+"/.github/workflows/validate.yml", g.workflowYAML())
		g.write(dir+"/README.md", g.readme())
		g.write(dir+"/build.properties.sample", "sf.username = your.name@acme.com\nsf.password = ${env.SF_PASSWORD}\n")
		g.plantFile(dir, pkg)
		pkg++
	}
	sort.Slice(g.planted, func(i, j int) bool {
		if g.planted[i].path != g.planted[j].path {
			return g.planted[i].path < g.planted[j].path
		}
		return g.planted[i].line < g.planted[j].line
	})
	f, err := os.Create(*out + ".planted.tsv")
	if err != nil {
		panic(err)
	}
	w := bufio.NewWriter(f)
	for _, p := range g.planted {
		fmt.Fprintf(w, "%s\t%d\t%s\n", p.path, p.line, p.kind)
	}
	if err := w.Flush(); err != nil {
		panic(err)
	}
	f.Close()
	fmt.Printf("wrote %d files, %.1f MB, %d planted credentials; manifest %s.planted.tsv\n", g.files, float64(g.bytes)/(1<<20), len(g.planted), *out)
}
