package secrets

import (
	"sort"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/model"
	"github.com/sfguard/sfguard/internal/sfmeta"
)

// connectedApp is the one app type that is a single file.
const connectedAppType = "ConnectedApp"

// ecaReads names, per External Client App role (registered in sfmeta),
// the top-level elements the app index reads, so that a metadata scan that
// parses only what its rules read keeps them too (see AppKeep).
var ecaReads = map[string][]string{
	sfmeta.ECAGlobalOauth:   {"consumerKey"},
	sfmeta.ECAOauthSettings: {"commaSeparatedOauthScopes"},
	sfmeta.ECAOauthPolicies: {"refreshTokenPolicyType", "refreshTokenValidityPeriod", "refreshTokenValidityUnit", "ipRelaxationPolicyType", "permittedUsersPolicyType", "isClientCredentialsFlowEnabled"},
}

// appReads is what the app index reads of a type; nil for other types.
func appReads(t *sfmeta.Type) []string {
	if t.Name == connectedAppType {
		return []string{"oauthConfig", "oauthPolicy"}
	}
	return ecaReads[t.ECARole]
}

// IsAppMetadata reports whether the app index reads the file at path:
// connected apps and the external client app files that carry the consumer
// key, the scopes and the OAuth policy.
func IsAppMetadata(path string) bool {
	t, _, _, ok := sfmeta.Classify(path)
	return ok && appReads(t) != nil
}

// IsAppType reports whether the app index reads files of a metadata type.
func IsAppType(name string) bool {
	t, ok := sfmeta.ByName(name)
	return ok && appReads(t) != nil
}

// AppKeep extends a parse filter for a type with the elements the app
// index reads; nil (parse everything) stays nil.
func AppKeep(typeName string, keep func(string) bool) func(string) bool {
	t, ok := sfmeta.ByName(typeName)
	if !ok {
		return keep
	}
	reads := appReads(t)
	if keep == nil || reads == nil {
		return keep
	}
	return func(name string) bool {
		for _, r := range reads {
			if r == name {
				return true
			}
		}
		return keep(name)
	}
}

// CollectApps parses app files with the metadata parser and indexes them
// (see Apps). Files that do not parse are reported as diagnostics naming
// the file.
func CollectApps(files []Blob) (map[string]AppInfo, []finding.Diagnostic) {
	var docs []*model.Document
	var diags []finding.Diagnostic
	for _, f := range files {
		t, fullName, format, ok := sfmeta.Classify(f.Path)
		if !ok || appReads(t) == nil {
			continue
		}
		d, err := model.Load(t, fullName, f.Path, format, f.Data, nil)
		if err != nil {
			diags = append(diags, finding.Diagnostic{File: f.Path, Message: err.Error()})
			continue
		}
		docs = append(docs, d)
	}
	return Apps(docs), diags
}

// Apps builds the consumer key → app map used to name the app a leaked
// credential belongs to, from documents the metadata scan already parsed.
// An external client app is spread over several files, joined as the
// metadata rules join them (model.JoinECA): the global OAuth file holds
// the key, the OAuth settings the scopes, the policy file the
// refresh-token and IP policies.
func Apps(docs []*model.Document) map[string]AppInfo {
	apps := map[string]AppInfo{}
	for _, d := range docs {
		if d != nil && d.Root != nil && d.Type.Name == connectedAppType {
			if key := text(d.Root, "oauthConfig", "consumerKey"); key != "" {
				apps[key] = connectedApp(d)
			}
		}
	}
	for name, roles := range model.JoinECA(docs) {
		g := roles[model.ECAGlobalOauth]
		if g == nil {
			continue
		}
		key := text(g.Root, "consumerKey")
		if key == "" {
			continue
		}
		apps[key] = externalClientApp(name, g.Path, roles)
	}
	return apps
}

func connectedApp(d *model.Document) AppInfo {
	var scopes []string
	if oc := child(d.Root, "oauthConfig"); oc != nil {
		for _, c := range oc.Children {
			if c.Name == "scopes" {
				scopes = append(scopes, c.Text)
			}
		}
	}
	sort.Strings(scopes)
	permitted := "AllSelfAuthorized"
	if text(d.Root, "oauthConfig", "isAdminApproved") == "true" {
		permitted = "AdminApprovedPreAuthorized"
	}
	// Salesforce's defaults when the elements are absent.
	refresh := text(d.Root, "oauthPolicy", "refreshTokenPolicy")
	if refresh == "" {
		refresh = "infinite"
	}
	ip := text(d.Root, "oauthPolicy", "ipRelaxation")
	if ip == "" {
		ip = "ENFORCE"
	}
	return AppInfo{Type: connectedAppType, FullName: d.FullName, Path: d.Path, Scopes: scopes,
		RefreshTokenPolicy: refresh, IPRelaxation: ip, PermittedUsers: permitted,
		ClientCredentials: text(d.Root, "oauthConfig", "isClientCredentialEnabled") == "true"}
}

func externalClientApp(name, keyPath string, roles map[string]*model.Document) AppInfo {
	a := AppInfo{Type: "ExternalClientApplication", FullName: name, Path: keyPath}
	if s := roles[model.ECAOauthSettings]; s != nil {
		for _, sc := range strings.Split(text(s.Root, "commaSeparatedOauthScopes"), ",") {
			if sc = strings.TrimSpace(sc); sc != "" {
				a.Scopes = append(a.Scopes, sc)
			}
		}
		sort.Strings(a.Scopes)
	}
	if p := roles[model.ECAOauthPolicies]; p != nil {
		r := p.Root
		a.RefreshTokenPolicy = text(r, "refreshTokenPolicyType")
		if n, u := text(r, "refreshTokenValidityPeriod"), text(r, "refreshTokenValidityUnit"); n != "" && a.RefreshTokenPolicy != "Infinite" && a.RefreshTokenPolicy != "Zero" {
			a.RefreshTokenPolicy += ":" + n + ":" + u
		}
		a.IPRelaxation = text(r, "ipRelaxationPolicyType")
		a.PermittedUsers = text(r, "permittedUsersPolicyType")
		a.ClientCredentials = text(r, "isClientCredentialsFlowEnabled") == "true"
	}
	return a
}

func child(n *model.Node, name string) *model.Node {
	if n == nil {
		return nil
	}
	for _, c := range n.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// text is the text of the first element along path below n, "" if absent.
func text(n *model.Node, path ...string) string {
	for _, p := range path {
		if n = child(n, p); n == nil {
			return ""
		}
	}
	return n.Text
}
