package model

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

func mustType(t testing.TB, name string) *sfmeta.Type {
	t.Helper()
	ty, ok := sfmeta.ByName(name)
	if !ok {
		t.Fatalf("no type %s", name)
	}
	return ty
}

func contentJSON(t *testing.T, typeName, src string) any {
	t.Helper()
	d, err := Load(mustType(t, typeName), "X", "x.xml", sfmeta.FormatSource, []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	return d.JSON().(map[string]any)["content"]
}

type obj = map[string]any
type arr = []any

func TestContentTyping(t *testing.T) {
	tests := []struct {
		name     string
		typeName string
		src      string
		want     any
	}{
		{
			name:     "connected app: arrays, booleans, integers, nil, unknown elements",
			typeName: "ConnectedApp",
			src: `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    <contactPhone xsi:nil="true"/>
    <description/>
    <label>true</label>
    <newList>x</newList>
    <newList>y</newList>
    <newObject><flag>false</flag><count>1</count></newObject>
    <oauthConfig>
        <idTokenConfig><idTokenValidity>5</idTokenValidity></idTokenConfig>
        <isAdminApproved>true</isAdminApproved>
        <isDPopEnabled>false</isDPopEnabled>
        <isPkceRequired>yes</isPkceRequired>
        <scopes>Api</scopes>
    </oauthConfig>
    <oauthPolicy/>
    <profileName>Integration User</profileName>
    <sessionPolicy><sessionTimeout>abc</sessionTimeout></sessionPolicy>
    <startUrl>
        https://example.com/start
    </startUrl>
</ConnectedApp>`,
			want: obj{
				"contactPhone": nil,                              // xsi:nil
				"description":  "",                               // empty leaf
				"label":        "true",                           // a known string stays a string
				"newList":      arr{"x", "y"},                    // unknown, occurs twice
				"newObject":    obj{"flag": false, "count": "1"}, // unknown leaves: only true/false are typed
				"oauthConfig": obj{
					"idTokenConfig":   obj{"idTokenValidity": json.Number("5")},
					"isAdminApproved": true,
					"isDPopEnabled":   false,      // not in the schema, inferred
					"isPkceRequired":  false,      // a malformed boolean reads as the insecure value
					"scopes":          arr{"Api"}, // one scope is still an array
				},
				"oauthPolicy":   obj{}, // known container, empty
				"profileName":   arr{"Integration User"},
				"sessionPolicy": obj{"sessionTimeout": json.Number("1440")}, // malformed integer: the least secure value
				"startUrl":      "https://example.com/start",
			},
		},
		{
			name:     "security settings: empty networkAccess and integer strings",
			typeName: "SecuritySettings",
			src: `<SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <networkAccess/>
    <passwordPolicies><historyRestriction>3</historyRestriction><minimumPasswordLength>08</minimumPasswordLength><expiration>NinetyDays</expiration></passwordPolicies>
</SecuritySettings>`,
			want: obj{
				"networkAccess":    obj{},
				"passwordPolicies": obj{"historyRestriction": json.Number("3"), "minimumPasswordLength": json.Number("8"), "expiration": "NinetyDays"},
			},
		},
		{
			name:     "security settings: one trusted range is an array",
			typeName: "SecuritySettings",
			src: `<SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <networkAccess><ipRanges><end>255.255.255.255</end><start>0.0.0.0</start></ipRanges></networkAccess>
</SecuritySettings>`,
			want: obj{"networkAccess": obj{"ipRanges": arr{obj{"end": "255.255.255.255", "start": "0.0.0.0"}}}},
		},
		{
			name:     "profile: permission lists and login hours",
			typeName: "Profile",
			src: `<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>false</custom>
    <loginHours><mondayStart>480</mondayStart></loginHours>
    <loginIpRanges><endAddress>1.1.1.1</endAddress><startAddress>1.1.1.1</startAddress></loginIpRanges>
    <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
</Profile>`,
			want: obj{
				"custom":          false,
				"loginHours":      obj{"mondayStart": json.Number("480")},
				"loginIpRanges":   arr{obj{"endAddress": "1.1.1.1", "startAddress": "1.1.1.1"}},
				"userPermissions": arr{obj{"enabled": true, "name": "ApiEnabled"}},
			},
		},
		{
			name:     "profile password policy integers",
			typeName: "ProfilePasswordPolicy",
			src: `<ProfilePasswordPolicy xmlns="http://soap.sforce.com/2006/04/metadata">
    <lockoutInterval>30</lockoutInterval><maxLoginAttempts>0</maxLoginAttempts><obscure>false</obscure><profile>api only</profile>
</ProfilePasswordPolicy>`,
			want: obj{"lockoutInterval": json.Number("30"), "maxLoginAttempts": json.Number("0"), "obscure": false, "profile": "api only"},
		},
		{
			name:     "permission set group lists",
			typeName: "PermissionSetGroup",
			src: `<PermissionSetGroup xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>G</label><mutingPermissionSets>M</mutingPermissionSets><permissionSets>A</permissionSets>
</PermissionSetGroup>`,
			want: obj{"label": "G", "mutingPermissionSets": arr{"M"}, "permissionSets": arr{"A"}},
		},
		{
			name:     "secret-bearing type without schema: everything inferred",
			typeName: "AuthProvider",
			src: `<AuthProvider xmlns="http://soap.sforce.com/2006/04/metadata">
    <consumerSecret>s3cr3t</consumerSecret><sendSecretInApis>false</sendSecretInApis><scope>a</scope>
</AuthProvider>`,
			want: obj{"consumerSecret": "s3cr3t", "sendSecretInApis": false, "scope": "a"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, contentJSON(t, tt.typeName, tt.src)); diff != "" {
				t.Errorf("content (-want +got):\n%s", diff)
			}
		})
	}
}

func TestInput(t *testing.T) {
	src := `<OauthOidcSettings xmlns="http://soap.sforce.com/2006/04/metadata"><isPkceRequired>false</isPkceRequired></OauthOidcSettings>`
	d, err := Load(mustType(t, "OauthOidcSettings"), "OauthOidc", "force-app/main/default/settings/OauthOidc.settings-meta.xml", sfmeta.FormatSource, []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := obj{
		"type":     "OauthOidcSettings",
		"fullName": "OauthOidc",
		"path":     "force-app/main/default/settings/OauthOidc.settings-meta.xml",
		"format":   "source",
		"content":  obj{"isPkceRequired": false},
	}
	if diff := cmp.Diff(want, d.JSON()); diff != "" {
		t.Errorf("input (-want +got):\n%s", diff)
	}
}

func TestContentOfRealFiles(t *testing.T) {
	// Spot checks on the verbatim examples: values rules read.
	tests := []struct {
		file, typeName string
		path           []string
		want           any
	}{
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []string{"oauthConfig", "scopes"}, arr{"Api", "Web", "RefreshToken"}},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []string{"oauthConfig", "isPkceRequired"}, false},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []string{"sessionPolicy", "sessionTimeout"}, json.Number("15")},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []string{"permissionSetName"}, arr{"API Enabled"}},
		{"Security_mdapi.settings", "SecuritySettings", []string{"passwordPolicies", "historyRestriction"}, json.Number("3")},
		{"Security_mdapi.settings", "SecuritySettings", []string{"sessionSettings", "useEAPIRateLimitForConnectAPI"}, false},
		{"ECA_source_SF_Taegis_Integration_oauthPlcy.ecaOauthPlcy-meta.xml", "ExtlClntAppOauthConfigurablePolicies", []string{"refreshTokenValidityPeriod"}, json.Number("365")},
		{"ECA_source_SF_Taegis_Integration_glbloauth.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", []string{"isPkceRequired"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.path[len(tt.path)-1], func(t *testing.T) {
			v := contentJSON(t, tt.typeName, string(readTestdata(t, tt.file)))
			for _, step := range tt.path {
				v = v.(map[string]any)[step]
			}
			if diff := cmp.Diff(tt.want, v); diff != "" {
				t.Errorf("value (-want +got):\n%s", diff)
			}
		})
	}
}
