package secrets

import (
	"sort"
	"strings"

	"github.com/beevik/etree"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/sfmeta"
)

// appTypes are the metadata types CollectApps reads.
var appTypes = map[string]bool{
	"ConnectedApp":                         true,
	"ExtlClntAppGlobalOauthSettings":       true,
	"ExtlClntAppOauthSettings":             true,
	"ExtlClntAppOauthConfigurablePolicies": true,
}

// IsAppMetadata reports whether CollectApps wants the file at path: connected
// apps and the external client app files that carry the consumer key, the
// scopes and the OAuth policy.
func IsAppMetadata(path string) bool {
	t, _, _, ok := sfmeta.Classify(path)
	return ok && appTypes[t.Name]
}

// CollectApps builds the consumer key → app map used to name the app a
// leaked credential belongs to. An external client app is spread over
// several files joined by <externalClientApplication>; the global OAuth
// file holds the key, the OAuth settings the scopes, the policy file the
// refresh-token and IP policies. Files that do not parse are reported as
// diagnostics naming the file.
func CollectApps(files []Blob) (map[string]AppInfo, []finding.Diagnostic) {
	apps := map[string]AppInfo{}
	var diags []finding.Diagnostic
	type eca struct {
		key, keyPath           string
		scopes                 []string
		refresh, ip, permitted string
		clientCreds            bool
	}
	ecas := map[string]*eca{}
	get := func(name string) *eca {
		if ecas[name] == nil {
			ecas[name] = &eca{}
		}
		return ecas[name]
	}
	for _, f := range files {
		t, fullName, _, ok := sfmeta.Classify(f.Path)
		if !ok || !appTypes[t.Name] {
			continue
		}
		doc := etree.NewDocument()
		if err := doc.ReadFromBytes(f.Data); err != nil {
			diags = append(diags, finding.Diagnostic{File: f.Path, Message: "cannot parse XML: " + err.Error()})
			continue
		}
		root := doc.Root()
		if root == nil {
			diags = append(diags, finding.Diagnostic{File: f.Path, Message: "no root element"})
			continue
		}
		text := func(p string) string {
			if e := root.FindElement(p); e != nil {
				return strings.TrimSpace(e.Text())
			}
			return ""
		}
		switch t.Name {
		case "ConnectedApp":
			key := text("oauthConfig/consumerKey")
			if key == "" {
				continue
			}
			var scopes []string
			for _, e := range root.FindElements("oauthConfig/scopes") {
				scopes = append(scopes, strings.TrimSpace(e.Text()))
			}
			sort.Strings(scopes)
			permitted := "AllSelfAuthorized"
			if text("oauthConfig/isAdminApproved") == "true" {
				permitted = "AdminApprovedPreAuthorized"
			}
			refresh := text("oauthPolicy/refreshTokenPolicy")
			if refresh == "" {
				refresh = "infinite" // documented default
			}
			ip := text("oauthPolicy/ipRelaxation")
			if ip == "" {
				ip = "ENFORCE"
			}
			apps[key] = AppInfo{Type: "ConnectedApp", FullName: fullName, Path: f.Path, Scopes: scopes,
				RefreshTokenPolicy: refresh, IPRelaxation: ip, PermittedUsers: permitted,
				ClientCredentials: text("oauthConfig/isClientCredentialEnabled") == "true"}
		case "ExtlClntAppGlobalOauthSettings":
			name := text("externalClientApplication")
			if k := text("consumerKey"); k != "" && name != "" {
				e := get(name)
				e.key, e.keyPath = k, f.Path
			}
		case "ExtlClntAppOauthSettings":
			name := text("externalClientApplication")
			if name == "" {
				continue
			}
			e := get(name)
			for _, sc := range strings.Split(text("commaSeparatedOauthScopes"), ",") {
				if sc = strings.TrimSpace(sc); sc != "" {
					e.scopes = append(e.scopes, sc)
				}
			}
		case "ExtlClntAppOauthConfigurablePolicies":
			name := text("externalClientApplication")
			if name == "" {
				continue
			}
			e := get(name)
			e.refresh = text("refreshTokenPolicyType")
			if p, u := text("refreshTokenValidityPeriod"), text("refreshTokenValidityUnit"); p != "" && e.refresh != "Infinite" && e.refresh != "Zero" {
				e.refresh += ":" + p + ":" + u
			}
			e.ip = text("ipRelaxationPolicyType")
			e.permitted = text("permittedUsersPolicyType")
			e.clientCreds = text("isClientCredentialsFlowEnabled") == "true"
		}
	}
	for name, e := range ecas {
		if e.key == "" {
			continue
		}
		sort.Strings(e.scopes)
		apps[e.key] = AppInfo{Type: "ExternalClientApplication", FullName: name, Path: e.keyPath, Scopes: e.scopes,
			RefreshTokenPolicy: e.refresh, IPRelaxation: e.ip, PermittedUsers: e.permitted, ClientCredentials: e.clientCreds}
	}
	return apps, diags
}
