package model

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

func TestProblemsAndPessimisticReading(t *testing.T) {
	tests := []struct {
		name, typeName, src string
		want                any
		problems            []Problem
	}{
		{
			name:     "1 and 0 are booleans, True and yes are not",
			typeName: "Profile",
			src: `<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>1</custom>
    <userPermissions>
        <enabled>yes</enabled>
        <name>ApiEnabled</name>
    </userPermissions>
    <userPermissions>
        <enabled>0</enabled>
        <name>ModifyAllData</name>
    </userPermissions>
    <userPermissions>
        <enabled> True </enabled>
        <name>ViewAllData</name>
    </userPermissions>
</Profile>`,
			want: obj{"custom": true, "userPermissions": arr{
				obj{"enabled": true, "name": "ApiEnabled"},
				obj{"enabled": false, "name": "ModifyAllData"},
				obj{"enabled": true, "name": "ViewAllData"},
			}},
			problems: []Problem{
				{4, 9, `<enabled> "yes" is not a boolean (Salesforce accepts true, false, 1 or 0): rules read it as true, the insecure value`},
				{12, 9, `<enabled> "True" is not a boolean (Salesforce accepts true, false, 1 or 0): rules read it as true, the insecure value`},
			},
		},
		{
			name:     "secure-when-true booleans read as false; integers as the worst",
			typeName: "ConnectedApp",
			src: `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <oauthConfig>
        <isPkceRequired>maybe</isPkceRequired>
    </oauthConfig>
    <sessionPolicy>
        <sessionTimeout>two hours</sessionTimeout>
    </sessionPolicy>
</ConnectedApp>`,
			want: obj{"oauthConfig": obj{"isPkceRequired": false}, "sessionPolicy": obj{"sessionTimeout": json.Number("1440")}},
			problems: []Problem{
				{3, 9, `<isPkceRequired> "maybe" is not a boolean (Salesforce accepts true, false, 1 or 0): rules read it as false, the insecure value`},
				{6, 9, `<sessionTimeout> "two hours" is not an integer: rules read it as 1440, the least secure value`},
			},
		},
		{
			name:     "SAML: the SHA-1 fallbacks read as on, JIT and protocol security as insecure",
			typeName: "SamlSsoConfig",
			src: `<SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
    <useConfigRequestMethod>yes</useConfigRequestMethod>
    <useSameDigestAlgoForSigning>True</useSameDigestAlgoForSigning>
    <userProvisioning>maybe</userProvisioning>
</SamlSsoConfig>`,
			want: obj{"useConfigRequestMethod": false, "useSameDigestAlgoForSigning": false, "userProvisioning": true},
			problems: []Problem{
				{2, 5, `<useConfigRequestMethod> "yes" is not a boolean (Salesforce accepts true, false, 1 or 0): rules read it as false, the insecure value`},
				{3, 5, `<useSameDigestAlgoForSigning> "True" is not a boolean (Salesforce accepts true, false, 1 or 0): rules read it as false, the insecure value`},
				{4, 5, `<userProvisioning> "maybe" is not a boolean (Salesforce accepts true, false, 1 or 0): rules read it as true, the insecure value`},
			},
		},
		{
			name:     "duplicates: the least secure value, containers merged",
			typeName: "ConnectedApp",
			src: `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <oauthConfig>
        <isPkceRequired>true</isPkceRequired>
        <isPkceRequired>false</isPkceRequired>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>BYPASS</ipRelaxation>
        <refreshTokenPolicy>infinite</refreshTokenPolicy>
    </oauthPolicy>
    <oauthPolicy>
        <ipRelaxation>ENFORCE</ipRelaxation>
        <refreshTokenPolicy>specific_lifetime:3:HOURS</refreshTokenPolicy>
    </oauthPolicy>
</ConnectedApp>`,
			want: obj{"oauthConfig": obj{"isPkceRequired": false}, "oauthPolicy": obj{"ipRelaxation": "BYPASS", "refreshTokenPolicy": "infinite"}},
			problems: []Problem{
				{3, 9, `<isPkceRequired> occurs 2 times (lines 3, 4) but holds a single value: rules read the least secure of the values`},
				{6, 5, `<oauthPolicy> occurs 2 times (lines 6, 10) but holds a single value: rules read the children of all of them together, the least secure value of each`},
				{7, 9, `<ipRelaxation> occurs 2 times (lines 7, 11) but holds a single value: rules read the least secure of the values`},
				{8, 9, `<refreshTokenPolicy> occurs 2 times (lines 8, 12) but holds a single value: rules read the least secure of the values`},
			},
		},
		{
			name:     "duplicated integers and an unknown enum value rank last",
			typeName: "ProfilePasswordPolicy",
			src: `<ProfilePasswordPolicy xmlns="http://soap.sforce.com/2006/04/metadata">
    <lockoutInterval>0</lockoutInterval>
    <lockoutInterval>15</lockoutInterval>
    <passwordExpiration>90</passwordExpiration>
    <passwordExpiration>0</passwordExpiration>
    <passwordExpiration>365</passwordExpiration>
</ProfilePasswordPolicy>`,
			want: obj{"lockoutInterval": json.Number("15"), "passwordExpiration": json.Number("0")},
			problems: []Problem{
				{2, 5, `<lockoutInterval> occurs 2 times (lines 2, 3) but holds a single value: rules read the least secure of the values`},
				{4, 5, `<passwordExpiration> occurs 3 times (lines 4, 5, 6) but holds a single value: rules read the least secure of the values`},
			},
		},
		{
			name:     "a long malformed value is not echoed whole",
			typeName: "OauthOidcSettings",
			src:      `<OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata"><blockOAuthUnPwFlow>00D000000000001!AQ0AQexampleexampleexample</blockOAuthUnPwFlow></OauthOidcSettings>`,
			want:     obj{"blockOAuthUnPwFlow": false},
			problems: []Problem{{1, 68, `<blockOAuthUnPwFlow> a 42-byte value is not a boolean (Salesforce accepts true, false, 1 or 0): rules read it as false, the insecure value`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Load(mustType(t, tt.typeName), "X", "x.xml", sfmeta.FormatSource, []byte(tt.src), nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, d.JSON().(map[string]any)["content"]); diff != "" {
				t.Errorf("content (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.problems, d.Problems()); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
