package sfmeta

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSchemaLookup(t *testing.T) {
	type got struct {
		Kind     ValueKind
		Repeated bool
		Known    bool
	}
	tests := []struct {
		typeName, path string
		want           got
	}{
		{"ConnectedApp", "oauthConfig/scopes", got{KindString, true, true}},
		{"ConnectedApp", "oauthConfig/isPkceRequired", got{KindBool, false, true}},
		{"ConnectedApp", "oauthConfig/idTokenConfig/idTokenValidity", got{KindInt, false, true}},
		{"ConnectedApp", "oauthConfig", got{KindObject, false, true}},
		{"ConnectedApp", "oauthPolicy/refreshTokenPolicy", got{KindString, false, true}},
		{"ConnectedApp", "sessionPolicy/sessionTimeout", got{KindInt, false, true}},
		{"ConnectedApp", "profileName", got{KindString, true, true}},
		{"ConnectedApp", "permissionSetName", got{KindString, true, true}},
		{"ConnectedApp", "ipRanges", got{KindObject, true, true}},
		{"ConnectedApp", "attributes/key", got{KindString, false, true}},
		{"ConnectedApp", "oauthConfig/isDPopEnabled", got{KindInfer, false, false}},
		{"ExtlClntAppGlobalOauthSettings", "isPkceRequired", got{KindBool, false, true}},
		{"ExtlClntAppGlobalOauthSettings", "idTokenConfig/idTokenValidityInMinutes", got{KindInt, false, true}},
		{"ExtlClntAppOauthConfigurablePolicies", "refreshTokenValidityPeriod", got{KindInt, false, true}},
		{"ExtlClntAppOauthConfigurablePolicies", "sessionTimeoutInMinutes", got{KindInt, false, true}},
		{"ExtlClntAppOauthConfigurablePolicies", "customAttributes", got{KindObject, true, true}},
		{"ExtlClntAppOauthSettings", "trustedIpRanges", got{KindObject, true, true}},
		{"Profile", "userPermissions", got{KindObject, true, true}},
		{"Profile", "userPermissions/enabled", got{KindBool, false, true}},
		{"Profile", "loginIpRanges", got{KindObject, true, true}},
		{"Profile", "fieldPermissions", got{KindObject, true, true}},
		{"Profile", "objectPermissions/modifyAllRecords", got{KindBool, false, true}},
		{"Profile", "classAccesses", got{KindObject, true, true}},
		{"Profile", "customPermissions", got{KindObject, true, true}},
		{"Profile", "loginHours/mondayStart", got{KindInt, false, true}},
		{"Profile", "agentAccesses", got{KindObject, true, true}},
		{"PermissionSet", "userPermissions", got{KindObject, true, true}},
		{"PermissionSet", "loginIpRanges", got{KindInfer, false, false}},
		{"MutingPermissionSet", "objectPermissions", got{KindObject, true, true}},
		{"PermissionSetGroup", "permissionSets", got{KindString, true, true}},
		{"PermissionSetGroup", "mutingPermissionSets", got{KindString, true, true}},
		{"ProfilePasswordPolicy", "minimumPasswordLength", got{KindInt, false, true}},
		{"ProfileSessionSetting", "sessionTimeout", got{KindInt, false, true}},
		{"SecuritySettings", "networkAccess", got{KindObject, false, true}},
		{"SecuritySettings", "networkAccess/ipRanges", got{KindObject, true, true}},
		{"SecuritySettings", "passwordPolicies/historyRestriction", got{KindInt, false, true}},
		{"SecuritySettings", "passwordPolicies/minimumPasswordLength", got{KindInt, false, true}},
		{"SecuritySettings", "sessionSettings/sessionTimeout", got{KindString, false, true}},
		{"SecuritySettings", "sessionSettings/enforceIpRangesEveryRequest", got{KindBool, false, true}},
		{"OauthOidcSettings", "blockOAuthUnPwFlow", got{KindBool, false, true}},
		{"ExternalClientAppSettings", "enableConsumerSecretApiAccess", got{KindBool, false, true}},
		{"CorsWhitelistOrigin", "urlPattern", got{KindString, false, true}},
		{"CspTrustedSite", "isApplicableToConnectSrc", got{KindBool, false, true}},
		{"CspTrustedSite", "context", got{KindString, false, true}},
		{"CspTrustedSite", "endpointUrl", got{KindString, false, true}},
		{"RemoteSiteSetting", "disableProtocolSecurity", got{KindBool, false, true}},
		{"RemoteSiteSetting", "url", got{KindString, false, true}},
		{"SamlSsoConfig", "userProvisioning", got{KindBool, false, true}},
		{"SamlSsoConfig", "requestSignatureMethod", got{KindString, false, true}},
		{"SamlSsoConfig", "useSameDigestAlgoForSigning", got{KindBool, false, true}},
		{"AuthProvider", "consumerSecret", got{KindInfer, false, false}},
		{"ConnectedApp", "", got{KindInfer, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.typeName+"/"+tt.path, func(t *testing.T) {
			ty, ok := ByName(tt.typeName)
			if !ok {
				t.Fatalf("no type %s", tt.typeName)
			}
			g := got{ty.Kind(tt.path), ty.Repeated(tt.path), ty.Lookup(tt.path) != nil}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestSchemaCoversRegistry(t *testing.T) {
	// Every schema belongs to a registered type (a typo in a key would
	// silently leave that type untyped), and every non-secret type has one.
	for name := range schemaSource {
		if _, ok := ByName(name); !ok {
			t.Errorf("schema for unknown type %q", name)
		}
	}
	for i := range Types {
		ty := &Types[i]
		if _, ok := schemaSource[ty.Name]; !ok && !ty.Secretish {
			t.Errorf("type %s has no schema", ty.Name)
		}
		if s := ty.Schema(); s == nil || s.Kind != KindObject {
			t.Errorf("type %s: Schema() = %+v, want an object", ty.Name, s)
		}
	}
}

func TestParseSchemaNotation(t *testing.T) {
	f, err := parseSchema("a b? c# d[] e[]# f { g h[] { i? } } j {}")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Path     string
		Kind     ValueKind
		Repeated bool
	}
	var rows []row
	var walk func(f *Field, prefix string)
	walk = func(f *Field, prefix string) {
		for _, c := range f.Children() {
			rows = append(rows, row{prefix + c.Name, c.Kind, c.Repeated})
			walk(c, prefix+c.Name+"/")
		}
	}
	walk(f, "")
	want := []row{
		{"a", KindString, false}, {"b", KindBool, false}, {"c", KindInt, false}, {"d", KindString, true},
		{"e", KindInt, true}, {"f", KindObject, false}, {"f/g", KindString, false}, {"f/h", KindObject, true},
		{"f/h/i", KindBool, false}, {"j", KindObject, false},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("parsed schema (-want +got):\n%s", diff)
	}

	bad := []struct{ src, want string }{
		{"a { b", `missing '}' after the children of "a"`},
		{"a }", `unexpected "}"`},
		{"{ a }", `'{' without an element name`},
		{"a a", `element "a" listed twice`},
		{"a? { b }", `element "a" is both a boolean and an object`},
		{"[]", `bad element "[]"`},
		{"a/b", `bad element "a/b"`},
	}
	for _, tt := range bad {
		_, err := parseSchema(tt.src)
		got := "<nil>"
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("parseSchema(%q) error = %s, want %s", tt.src, got, tt.want)
		}
	}
}
