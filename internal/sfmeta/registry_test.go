package sfmeta

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestClassifyWebAndSSOTypes checks the folder and suffix of the types added
// for CORS, trusted URLs, remote sites and SAML (reference §11.1), in both
// layouts and in the lower-case spelling the Metadata API guide uses for
// CORS and SAML.
func TestClassifyWebAndSSOTypes(t *testing.T) {
	type got struct {
		Type, FullName string
		Format         Format
		OK             bool
	}
	tests := []struct {
		path string
		want got
	}{
		{"src/corsWhitelistOrigins/https_force_com.corsWhitelistOrigin", got{"CorsWhitelistOrigin", "https_force_com", FormatMDAPI, true}},
		{"force-app/main/default/corsWhitelistOrigins/http_localhost_8080.corsWhitelistOrigin-meta.xml", got{"CorsWhitelistOrigin", "http_localhost_8080", FormatSource, true}},
		{"unpackaged/corswhitelistorigins/partner.corswhitelistorigin", got{"CorsWhitelistOrigin", "partner", FormatMDAPI, true}},
		{"src/cspTrustedSites/SharePoint.cspTrustedSite", got{"CspTrustedSite", "SharePoint", FormatMDAPI, true}},
		{"force-app/main/default/cspTrustedSites/openStreetMap.cspTrustedSite-meta.xml", got{"CspTrustedSite", "openStreetMap", FormatSource, true}},
		{"src/remoteSiteSettings/jitterbit_api.remoteSite", got{"RemoteSiteSetting", "jitterbit_api", FormatMDAPI, true}},
		{"force-app/main/default/remoteSiteSettings/b3d__X3B_API.remoteSite-meta.xml", got{"RemoteSiteSetting", "b3d__X3B_API", FormatSource, true}},
		{"src/samlssoconfigs/Zeppelin_AD.samlssoconfig", got{"SamlSsoConfig", "Zeppelin_AD", FormatMDAPI, true}},
		{"force-app/main/default/samlssoconfigs/X3bforms_SAML_SSO_Setting.samlssoconfig-meta.xml", got{"SamlSsoConfig", "X3bforms_SAML_SSO_Setting", FormatSource, true}},
		// The suffix is remoteSite, not remoteSiteSetting; a wrong folder is
		// not a candidate.
		{"src/remoteSiteSettings/x.remoteSiteSetting", got{}},
		{"src/remoteSites/x.remoteSite", got{}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			ty, name, format, ok := Classify(tt.path)
			g := got{FullName: name, Format: format, OK: ok}
			if ty != nil {
				g.Type = ty.Name
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// A file the user names is metadata by its suffix wherever it sits (issue 9,
// item 9); ambiguous suffixes are settled by the file name, then the root.
func TestClassifyNamed(t *testing.T) {
	type got struct {
		Type, Name string
		Format     Format
		OK         bool
	}
	tests := []struct {
		path, root string
		want       got
	}{
		{"profiles/Admin.profile", "", got{"Profile", "Admin", FormatMDAPI, true}},
		{"tickets/1234/Admin.profile", "", got{"Profile", "Admin", FormatMDAPI, true}},
		{"Admin.profile", "", got{"Profile", "Admin", FormatMDAPI, true}},
		{"/tmp/R%2FW.profile-meta.xml", "", got{"Profile", "R/W", FormatSource, true}},
		{"review/Billing.connectedApp-meta.xml", "", got{"ConnectedApp", "Billing", FormatSource, true}},
		{"backup/Security.settings", "", got{"SecuritySettings", "Security", FormatMDAPI, true}},
		{"backup/prod-security.settings", "SecuritySettings", got{"SecuritySettings", "prod-security", FormatMDAPI, true}},
		{"backup/other.settings", "AccountSettings", got{}},
		{"notes.txt", "", got{}},
		{"README", "", got{}},
	}
	for _, tc := range tests {
		ty, name, format, ok := ClassifyNamed(tc.path, func() string { return tc.root })
		g := got{Name: name, Format: format, OK: ok}
		if ty != nil {
			g.Type = ty.Name
		}
		if diff := cmp.Diff(tc.want, g); diff != "" {
			t.Errorf("ClassifyNamed(%q) (-want +got):\n%s", tc.path, diff)
		}
	}
}
