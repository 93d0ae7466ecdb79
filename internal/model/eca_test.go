package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

func TestJoinECA(t *testing.T) {
	load := func(typeName, fullName, path, src string) *Document {
		t.Helper()
		d, err := Load(mustType(t, typeName), fullName, path, sfmeta.FormatSource, []byte(src), nil)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	docs := []*Document{
		load("ExtlClntAppOauthConfigurablePolicies", "Taegis_oauthPlcy", "extlClntAppOauthPolicies/Taegis_oauthPlcy.ecaOauthPlcy-meta.xml",
			"<ExtlClntAppOauthConfigurablePolicies><externalClientApplication>Taegis</externalClientApplication></ExtlClntAppOauthConfigurablePolicies>"),
		load("ExternalClientApplication", "Taegis", "externalClientApps/Taegis.eca-meta.xml",
			"<ExternalClientApplication><label>Taegis</label></ExternalClientApplication>"),
		// The file name says Other, the element says Taegis: the element wins.
		load("ExtlClntAppGlobalOauthSettings", "Other_glbloauth", "extlClntAppGlobalOauthSets/Other_glbloauth.ecaGlblOauth-meta.xml",
			"<ExtlClntAppGlobalOauthSettings><externalClientApplication> Taegis </externalClientApplication></ExtlClntAppGlobalOauthSettings>"),
		load("ExtlClntAppOauthSettings", "Taegis_oauth", "extlClntAppOauthSettings/Taegis_oauth.ecaOauth-meta.xml",
			"<ExtlClntAppOauthSettings><externalClientApplication>Taegis</externalClientApplication></ExtlClntAppOauthSettings>"),
		load("ExtlClntAppConfigurablePolicies", "Taegis_plcy", "extlClntAppPolicies/Taegis_plcy.ecaPlcy-meta.xml",
			"<ExtlClntAppConfigurablePolicies><externalClientApplication>Taegis</externalClientApplication></ExtlClntAppConfigurablePolicies>"),
		// A second policy file for the same app: the path sorting first wins.
		load("ExtlClntAppConfigurablePolicies", "A_plcy", "extlClntAppPolicies/A_plcy.ecaPlcy-meta.xml",
			"<ExtlClntAppConfigurablePolicies><externalClientApplication>Taegis</externalClientApplication></ExtlClntAppConfigurablePolicies>"),
		// A plug-in whose header is not in the scan.
		load("ExtlClntAppOauthConfigurablePolicies", "Lonely_oauthPlcy", "extlClntAppOauthPolicies/Lonely_oauthPlcy.ecaOauthPlcy-meta.xml",
			"<ExtlClntAppOauthConfigurablePolicies><externalClientApplication>Lonely</externalClientApplication></ExtlClntAppOauthConfigurablePolicies>"),
		// No parent element: cannot be joined.
		load("ExtlClntAppOauthSettings", "Orphan", "extlClntAppOauthSettings/Orphan.ecaOauth-meta.xml",
			"<ExtlClntAppOauthSettings><label>x</label></ExtlClntAppOauthSettings>"),
		// Not an ECA type.
		load("Profile", "Admin", "profiles/Admin.profile-meta.xml", "<Profile/>"),
		nil,
	}
	got := map[string]map[string]string{}
	for app, roles := range JoinECA(docs) {
		got[app] = map[string]string{}
		for role, d := range roles {
			got[app][role] = d.Path
		}
	}
	want := map[string]map[string]string{
		"Taegis": {
			ECAHeader:        "externalClientApps/Taegis.eca-meta.xml",
			ECAOauthSettings: "extlClntAppOauthSettings/Taegis_oauth.ecaOauth-meta.xml",
			ECAGlobalOauth:   "extlClntAppGlobalOauthSets/Other_glbloauth.ecaGlblOauth-meta.xml",
			ECAOauthPolicies: "extlClntAppOauthPolicies/Taegis_oauthPlcy.ecaOauthPlcy-meta.xml",
			ECAPolicies:      "extlClntAppPolicies/A_plcy.ecaPlcy-meta.xml",
		},
		"Lonely": {ECAOauthPolicies: "extlClntAppOauthPolicies/Lonely_oauthPlcy.ecaOauthPlcy-meta.xml"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JoinECA (-want +got):\n%s", diff)
	}
}

func TestLoadKeepsECAParentWhenFiltering(t *testing.T) {
	data := readTestdata(t, "ECA_source_SF_Taegis_Integration_oauthPlcy.ecaOauthPlcy-meta.xml")
	// The rules read only ipRelaxationPolicyType; the join still works.
	d, err := Load(mustType(t, "ExtlClntAppOauthConfigurablePolicies"), "SF_Taegis_Integration_oauthPlcy", "p", sfmeta.FormatSource, data, keepNames("ipRelaxationPolicyType"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range d.Root.Children {
		names = append(names, c.Name)
	}
	if diff := cmp.Diff([]string{"externalClientApplication", "ipRelaxationPolicyType"}, names); diff != "" {
		t.Errorf("kept elements (-want +got):\n%s", diff)
	}
	joined := JoinECA([]*Document{d})
	if joined["SF_Taegis_Integration"][ECAOauthPolicies] != d {
		t.Errorf("JoinECA = %v, want the policy file under SF_Taegis_Integration", joined)
	}
}
