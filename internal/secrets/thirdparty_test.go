package secrets

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// customMetadata wraps a value in a realistic custom metadata record.
func customMetadata(field, value string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <label>Default</label>
    <protected>false</protected>
    <values>
        <field>` + field + `</field>
        <value xsi:type="xsd:string">` + value + `</value>
    </values>
</CustomMetadata>
`)
}

// TestThirdPartyKeys: one rule, the format named, for every vendor format of
// issue 10 item 6, with generated values.
func TestThirdPartyKeys(t *testing.T) {
	r := &fakeRand{state: 66}
	upperB32 := "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	stripeLive := "sk_" + "live_" + r.chars(24, alnum)
	stripeTest := "sk_" + "test_" + r.chars(99, alnum)
	restricted := "rk_" + "live_" + r.chars(24, alnum)
	awsID := "AK" + "IA" + r.chars(16, upperB32)
	awsSecret := r.chars(18, alnum) + "/" + r.chars(21, alnum)
	slack := "xo" + "xb-" + r.chars(12, "0123456789") + "-" + r.chars(13, "0123456789") + "-" + r.chars(24, alnum)
	ghp := "gh" + "p_" + r.chars(36, alnum)
	pat := "github" + "_pat_" + r.chars(22, alnum) + "_" + r.chars(59, alnum)
	google := "AI" + "za" + r.chars(35, alnum+"-_")
	const cmd = "force-app/main/default/customMetadata/Integration.Default.md-meta.xml"
	tests := []struct {
		name, path string
		data       []byte
		want       []string
		msg        string
	}{
		{"Stripe live secret key in custom metadata", cmd, customMetadata("Secret_Key__c", stripeLive),
			[]string{"7:38 SFG-SEC-010 critical"}, "Stripe live secret key sk_live_…(32 chars) in CustomMetadata metadata"},
		{"Stripe test key is reported, not dropped for 'test'", cmd, customMetadata("Stripe_Key__c", stripeTest),
			[]string{"7:38 SFG-SEC-010 medium"}, "Stripe test-mode secret key sk_test_…(107 chars)"},
		{"Stripe restricted key in Apex", "force-app/main/default/classes/StripeClient.cls",
			[]byte("public with sharing class StripeClient {\n    private static final String KEY = '" + restricted + "';\n}\n"),
			[]string{"2:40 SFG-SEC-010 high"}, "Stripe live restricted key rk_live_…"},
		{"AWS access key with its secret", "force-app/main/default/customMetadata/S3.Default.md-meta.xml",
			[]byte(strings.Replace(string(customMetadata("Access_Key_Id__c", awsID)), "</values>\n", "</values>\n    <values>\n        <field>Secret__c</field>\n        <value xsi:type=\"xsd:string\">"+awsSecret+"</value>\n    </values>\n", 1)),
			[]string{"7:38 SFG-SEC-010 critical"}, "AWS access key AKIA…(20 chars)"},
		{"AWS access key id alone", "scripts/upload.sh", []byte("aws configure set aws_access_key_id " + awsID + "\n"),
			[]string{"1:37 SFG-SEC-010 low"}, "not a login"},
		{"Slack bot token in a custom setting default", "force-app/main/default/objects/Slack__c/fields/Token__c.field-meta.xml",
			[]byte("<CustomField xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <fullName>Token__c</fullName>\n    <defaultValue>&apos;" + slack + "&apos;</defaultValue>\n</CustomField>\n"),
			[]string{"3:25 SFG-SEC-010 high"}, "Slack bot token xoxb-…"},
		{"GitHub classic token", cmd, customMetadata("Token__c", ghp), []string{"7:38 SFG-SEC-010 high"}, "GitHub personal access token ghp_…(40 chars)"},
		{"GitHub fine-grained token", ".github/workflows/release.yml", []byte("env:\n  GH_TOKEN: " + pat + "\n"),
			[]string{"2:13 SFG-SEC-010 high"}, "GitHub fine-grained personal access token github_pat_…(93 chars)"},
		{"Google API key", cmd, customMetadata("Maps_Key__c", google), []string{"7:38 SFG-SEC-010 medium"}, "Google API key AIza…(39 chars)"},
		// Negatives: shapes that only resemble a key.
		{"documentation placeholders", "docs/stripe.md",
			[]byte("Set `Secret_Key__c` to your key (sk_" + "live_XXXXXXXXXXXXXXXXXXXXXXXX) and the AWS id (AK" + "IAIOSFODNN7EXAMPLE).\n"),
			[]string{}, ""},
		{"too short, or part of a longer identifier", "force-app/main/default/classes/Keys.cls",
			[]byte("String a = 'sk_" + "test_123';\nString b = 'mask_" + "live_" + r.chars(30, alnum) + "';\nString c = 'xo" + "xb-notatoken';\nString d = 'gh" + "p_short';\n"),
			[]string{}, ""},
		{"a merge field is no key", cmd, customMetadata("Secret_Key__c", "{!$Credential.Stripe.ApiKey}"), []string{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, msgs := evalBlob(t, tc.path, tc.data)
			// The custom metadata value is also a metadata secret (SFG-SEC-009)
			// when the field is secret-like; this test is about SFG-SEC-010.
			var mine, mineMsgs []string
			for i, g := range got {
				if strings.Contains(g, "SFG-SEC-010") {
					mine, mineMsgs = append(mine, g), append(mineMsgs, msgs[i])
				}
			}
			if mine == nil {
				mine = []string{}
			}
			if d := cmp.Diff(tc.want, mine); d != "" {
				t.Errorf("findings (-want +got):\n%s\nall: %q %q", d, got, msgs)
			}
			for _, m := range mineMsgs {
				if !strings.Contains(m, tc.msg) {
					t.Errorf("message %q lacks %q", m, tc.msg)
				}
			}
		})
	}
}
