package model

import (
	"sort"
	"strings"
)

// Roles of the files of one External Client App in the org input
// (docs/input.md, "externalClientApps").
const (
	ECAHeader        = "header"        // ExternalClientApplication (.eca)
	ECAOauthSettings = "oauthSettings" // ExtlClntAppOauthSettings (.ecaOauth)
	ECAGlobalOauth   = "globalOauth"   // ExtlClntAppGlobalOauthSettings (.ecaGlblOauth)
	ECAOauthPolicies = "oauthPolicies" // ExtlClntAppOauthConfigurablePolicies (.ecaOauthPlcy)
	ECAPolicies      = "policies"      // ExtlClntAppConfigurablePolicies (.ecaPlcy)
)

// ECARoles lists the roles in the order the docs present them.
var ECARoles = []string{ECAHeader, ECAOauthSettings, ECAGlobalOauth, ECAOauthPolicies, ECAPolicies}

// ecaParentElement names the app in every plug-in file.
const ecaParentElement = "externalClientApplication"

var ecaRoleOfType = map[string]string{
	"ExternalClientApplication":            ECAHeader,
	"ExtlClntAppOauthSettings":             ECAOauthSettings,
	"ExtlClntAppGlobalOauthSettings":       ECAGlobalOauth,
	"ExtlClntAppOauthConfigurablePolicies": ECAOauthPolicies,
	"ExtlClntAppConfigurablePolicies":      ECAPolicies,
}

// JoinECA groups the files of each External Client App: app API name ->
// role -> document. The header is keyed by its own full name; every
// plug-in file by its <externalClientApplication> element, because file
// names only follow a convention (_glbloauth, _oauthPlcy, …) that nothing
// enforces. Plug-ins without that element cannot be joined and are left
// out (they are still evaluated as documents). When two files claim the
// same app and role, the one whose path sorts first wins, so the result
// does not depend on discovery order.
func JoinECA(docs []*Document) map[string]map[string]*Document {
	sorted := make([]*Document, 0, len(docs))
	for _, d := range docs {
		if d != nil && d.Type != nil && ecaRoleOfType[d.Type.Name] != "" {
			sorted = append(sorted, d)
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })

	out := map[string]map[string]*Document{}
	for _, d := range sorted {
		role := ecaRoleOfType[d.Type.Name]
		app := d.FullName
		if role != ECAHeader {
			app = ecaParent(d)
			if app == "" {
				continue
			}
		}
		roles := out[app]
		if roles == nil {
			roles = map[string]*Document{}
			out[app] = roles
		}
		if _, taken := roles[role]; !taken {
			roles[role] = d
		}
	}
	return out
}

func ecaParent(d *Document) string {
	if d.Root == nil {
		return ""
	}
	for _, c := range d.Root.Children {
		if c.Name == ecaParentElement {
			return strings.TrimSpace(c.Text)
		}
	}
	return ""
}
