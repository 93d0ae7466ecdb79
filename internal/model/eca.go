package model

import (
	"sort"
	"strings"

	"github.com/sfguard/sfguard/internal/sfmeta"
)

// Roles of the files of one External Client App in the org input
// (docs/input.md, "externalClientApps"); which type plays which role is
// registered in sfmeta.
const (
	ECAHeader        = sfmeta.ECAHeader
	ECAOauthSettings = sfmeta.ECAOauthSettings
	ECAGlobalOauth   = sfmeta.ECAGlobalOauth
	ECAOauthPolicies = sfmeta.ECAOauthPolicies
	ECAPolicies      = sfmeta.ECAPolicies
)

// ECARoles lists the roles in the order the docs present them.
var ECARoles = []string{ECAHeader, ECAOauthSettings, ECAGlobalOauth, ECAOauthPolicies, ECAPolicies}

// ecaParentElement names the app in every plug-in file.
const ecaParentElement = "externalClientApplication"

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
		if d != nil && d.Type != nil && d.Type.ECARole != "" {
			sorted = append(sorted, d)
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })

	out := map[string]map[string]*Document{}
	for _, d := range sorted {
		role := d.Type.ECARole
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
