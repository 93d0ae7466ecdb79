package model

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

func TestResolve(t *testing.T) {
	type result struct {
		Name      string
		Line, Col int
		XPath     string
		Exact     bool
	}
	tests := []struct {
		file, typeName string
		path           []any
		want           result
	}{
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", nil,
			result{"ConnectedApp", 3, 1, "/ConnectedApp", true}},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []any{"oauthPolicy", "refreshTokenPolicy"},
			result{"refreshTokenPolicy", 29, 9, "/ConnectedApp/oauthPolicy/refreshTokenPolicy", true}},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []any{"oauthConfig", "scopes", 2},
			result{"scopes", 24, 9, "/ConnectedApp/oauthConfig/scopes[3]", true}},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []any{"oauthConfig", "scopes", json.Number("1")},
			result{"scopes", 23, 9, "/ConnectedApp/oauthConfig/scopes[2]", true}},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []any{"oauthConfig", "scopes", float64(0)},
			result{"scopes", 22, 9, "/ConnectedApp/oauthConfig/scopes[1]", true}},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []any{"oauthConfig", "scopes"},
			result{"scopes", 22, 9, "/ConnectedApp/oauthConfig/scopes", true}},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []any{"oauthConfig", "isPkceRequired"},
			result{"isPkceRequired", 17, 9, "/ConnectedApp/oauthConfig/isPkceRequired", true}},
		// Missing elements point at the deepest existing ancestor.
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []any{"oauthConfig", "consumerSecret"},
			result{"oauthConfig", 6, 5, "/ConnectedApp/oauthConfig/consumerSecret", false}},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []any{"oauthConfig", "scopes", int64(7)},
			result{"oauthConfig", 6, 5, "/ConnectedApp/oauthConfig/scopes[8]", false}},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []any{"ipRanges", 1, "start"},
			result{"ConnectedApp", 3, 1, "/ConnectedApp/ipRanges[2]/start", false}},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []any{3},
			result{"ConnectedApp", 3, 1, "/ConnectedApp[3]", false}},
		{"ConnectedApp_mdapi_Mckinsey_Deployment.connectedApp", "ConnectedApp", []any{"oauthConfig", "scopes", float64(0.5)},
			result{"scopes", 22, 9, "/ConnectedApp/oauthConfig/scopes[0.5]", false}},
		{"Profile_mdapi_SalesInsightsIntegrationUser_TRIMMED.profile", "Profile", []any{"userPermissions", 3, "name"},
			result{"name", 52, 9, "/Profile/userPermissions[4]/name", true}},
		{"Profile_mdapi_SalesInsightsIntegrationUser_TRIMMED.profile", "Profile", []any{"loginIpRanges", 7, "startAddress"},
			result{"startAddress", 35, 9, "/Profile/loginIpRanges[8]/startAddress", true}},
		{"Security_mdapi.settings", "SecuritySettings", []any{"networkAccess", "ipRanges", 1},
			result{"ipRanges", 19, 9, "/SecuritySettings/networkAccess/ipRanges[2]", true}},
	}
	for _, tt := range tests {
		t.Run(tt.want.XPath, func(t *testing.T) {
			d, err := Load(mustType(t, tt.typeName), "X", tt.file, sfmeta.FormatMDAPI, readTestdata(t, tt.file), nil)
			if err != nil {
				t.Fatal(err)
			}
			n, xpath, exact := d.Resolve(tt.path)
			got := result{n.Name, n.Line, n.Col, xpath, exact}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Resolve(%v) (-want +got):\n%s", tt.path, diff)
			}
		})
	}
}

func TestAncestry(t *testing.T) {
	root, _, err := Parse([]byte("<Profile><loginIpRanges><startAddress>1</startAddress></loginIpRanges><loginIpRanges><startAddress>2</startAddress></loginIpRanges></Profile>"), nil)
	if err != nil {
		t.Fatal(err)
	}
	d := &Document{Root: root}
	tests := []struct {
		xpath string
		want  []string // Text or Name of each node
	}{
		{"/Profile", []string{"Profile"}},
		{"/Profile/loginIpRanges[2]/startAddress", []string{"Profile", "loginIpRanges", "2"}},
		{"/Profile/loginIpRanges/startAddress", []string{"Profile", "loginIpRanges", "1"}},
		{"/Profile/loginIpRanges[3]/startAddress", []string{"Profile"}},
		{"/Profile/missing/x", []string{"Profile"}},
		{"/Profile/[2]", []string{"Profile"}},
		{"/PermissionSet/x", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, n := range d.Ancestry(tc.xpath) {
			if n.Text != "" {
				got = append(got, n.Text)
			} else {
				got = append(got, n.Name)
			}
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.xpath, diff)
		}
	}
}
