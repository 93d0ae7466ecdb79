// Package sfmeta knows the Salesforce metadata types sfguard reads: where they
// live on disk (folder and suffix, in both Metadata API and source format),
// which root element their XML must have, and the shape of their content
// (which elements repeat, which are booleans or integers).
//
// It is pure data plus lookups; discovery, parsing and the policy engine all
// read from it so that a type is described in exactly one place.
package sfmeta

import "strings"

// Format is the on-disk layout a file was found in.
type Format string

const (
	// FormatMDAPI is the Metadata API layout: <dir>/<fullName>.<suffix>.
	FormatMDAPI Format = "mdapi"
	// FormatSource is the sfdx source layout: <dir>/<fullName>.<suffix>-meta.xml.
	FormatSource Format = "source"
)

// Type describes one metadata type.
type Type struct {
	// Name is the Metadata API type name as written in package.xml
	// (for settings, the concrete settings type such as SecuritySettings).
	Name string
	// Dir is the folder the files live in (same in both formats).
	Dir string
	// Suffix is the file suffix without the dot, e.g. "connectedApp".
	Suffix string
	// Root is the expected root element name.
	Root string
	// SettingsName is set for Settings types: the file base name
	// (Security, OauthOidc, ExternalClientApp).
	SettingsName string
	// Secretish marks types read only for secrets (AuthProvider,
	// NamedCredential, ExternalCredential); they are parsed like the others.
	Secretish bool
	// ECARole is set for the files of an External Client App: the role the
	// file plays in the joined app (docs/input.md, "externalClientApps").
	ECARole string
}

// Roles of the files of one External Client App.
const (
	ECAHeader        = "header"        // ExternalClientApplication (.eca)
	ECAOauthSettings = "oauthSettings" // ExtlClntAppOauthSettings (.ecaOauth)
	ECAGlobalOauth   = "globalOauth"   // ExtlClntAppGlobalOauthSettings (.ecaGlblOauth)
	ECAOauthPolicies = "oauthPolicies" // ExtlClntAppOauthConfigurablePolicies (.ecaOauthPlcy)
	ECAPolicies      = "policies"      // ExtlClntAppConfigurablePolicies (.ecaPlcy)
)

// Types lists every type sfguard recognises, in a stable order.
var Types = []Type{
	{Name: "ConnectedApp", Dir: "connectedApps", Suffix: "connectedApp", Root: "ConnectedApp"},
	{Name: "ExternalClientApplication", Dir: "externalClientApps", Suffix: "eca", Root: "ExternalClientApplication", ECARole: ECAHeader},
	{Name: "ExtlClntAppOauthSettings", Dir: "extlClntAppOauthSettings", Suffix: "ecaOauth", Root: "ExtlClntAppOauthSettings", ECARole: ECAOauthSettings},
	{Name: "ExtlClntAppGlobalOauthSettings", Dir: "extlClntAppGlobalOauthSets", Suffix: "ecaGlblOauth", Root: "ExtlClntAppGlobalOauthSettings", ECARole: ECAGlobalOauth},
	{Name: "ExtlClntAppOauthConfigurablePolicies", Dir: "extlClntAppOauthPolicies", Suffix: "ecaOauthPlcy", Root: "ExtlClntAppOauthConfigurablePolicies", ECARole: ECAOauthPolicies},
	{Name: "ExtlClntAppConfigurablePolicies", Dir: "extlClntAppPolicies", Suffix: "ecaPlcy", Root: "ExtlClntAppConfigurablePolicies", ECARole: ECAPolicies},
	{Name: "Profile", Dir: "profiles", Suffix: "profile", Root: "Profile"},
	{Name: "PermissionSet", Dir: "permissionsets", Suffix: "permissionset", Root: "PermissionSet"},
	{Name: "PermissionSetGroup", Dir: "permissionsetgroups", Suffix: "permissionsetgroup", Root: "PermissionSetGroup"},
	{Name: "MutingPermissionSet", Dir: "mutingpermissionsets", Suffix: "mutingpermissionset", Root: "MutingPermissionSet"},
	{Name: "ProfilePasswordPolicy", Dir: "profilePasswordPolicies", Suffix: "profilePasswordPolicy", Root: "ProfilePasswordPolicy"},
	{Name: "ProfileSessionSetting", Dir: "profileSessionSettings", Suffix: "profileSessionSetting", Root: "ProfileSessionSetting"},
	{Name: "SecuritySettings", Dir: "settings", Suffix: "settings", Root: "SecuritySettings", SettingsName: "Security"},
	{Name: "OauthOidcSettings", Dir: "settings", Suffix: "settings", Root: "OauthOidcSettings", SettingsName: "OauthOidc"},
	{Name: "ExternalClientAppSettings", Dir: "settings", Suffix: "settings", Root: "ExternalClientAppSettings", SettingsName: "ExternalClientApp"},
	{Name: "CorsWhitelistOrigin", Dir: "corsWhitelistOrigins", Suffix: "corsWhitelistOrigin", Root: "CorsWhitelistOrigin"},
	{Name: "CspTrustedSite", Dir: "cspTrustedSites", Suffix: "cspTrustedSite", Root: "CspTrustedSite"},
	{Name: "RemoteSiteSetting", Dir: "remoteSiteSettings", Suffix: "remoteSite", Root: "RemoteSiteSetting"},
	{Name: "SamlSsoConfig", Dir: "samlssoconfigs", Suffix: "samlssoconfig", Root: "SamlSsoConfig"},
	{Name: "AuthProvider", Dir: "authproviders", Suffix: "authprovider", Root: "AuthProvider", Secretish: true},
	{Name: "NamedCredential", Dir: "namedCredentials", Suffix: "namedCredential", Root: "NamedCredential", Secretish: true},
	{Name: "ExternalCredential", Dir: "externalCredentials", Suffix: "externalCredential", Root: "ExternalCredential", Secretish: true},
}

var (
	byName   = map[string]*Type{}
	bySuffix = map[string][]*Type{} // lower-cased suffix -> types
)

func init() {
	for i := range Types {
		t := &Types[i]
		byName[t.Name] = t
		s := strings.ToLower(t.Suffix)
		bySuffix[s] = append(bySuffix[s], t)
	}
}

// ByName returns the type with the given Metadata API name.
func ByName(name string) (*Type, bool) {
	t, ok := byName[name]
	return t, ok
}

// Names returns every type name in registry order.
func Names() []string {
	out := make([]string, len(Types))
	for i, t := range Types {
		out[i] = t.Name
	}
	return out
}

// Classify decides from a slash-separated path whether a file is a candidate
// metadata file. It looks only at the name and the parent folder, never at
// content, so that non-candidates are never opened. The returned fullName is
// URL-decoded (profiles/R%2FW.profile -> "R/W").
//
// Folder names are matched case-insensitively because old Metadata API
// retrieves wrote connectedapps/X.connectedapp.
func Classify(path string) (t *Type, fullName string, format Format, ok bool) {
	n, ok := splitPath(path)
	if !ok {
		return nil, "", "", false
	}
	for _, cand := range bySuffix[n.suffix] {
		if !strings.EqualFold(n.parent, cand.Dir) {
			continue
		}
		if cand.SettingsName != "" && n.stem != cand.SettingsName {
			continue
		}
		return cand, DecodeFullName(n.stem), n.format, true
	}
	return nil, "", "", false
}

// ClassifyNamed classifies a file the user named on the command line, which
// may sit anywhere (a partial profile saved beside a ticket, Admin.profile in
// the current directory): by its suffix, wherever it lies. Where a suffix
// belongs to several types (the .settings files), the file name decides, and
// failing that its root element — root is called only then, and returns ""
// when the file has none.
func ClassifyNamed(path string, root func() string) (t *Type, fullName string, format Format, ok bool) {
	if t, fullName, format, ok = Classify(path); ok {
		return t, fullName, format, ok
	}
	n, ok := splitPath(path)
	if !ok {
		return nil, "", "", false
	}
	cands := bySuffix[n.suffix]
	switch {
	case len(cands) == 0:
		return nil, "", "", false
	case len(cands) == 1:
		return cands[0], DecodeFullName(n.stem), n.format, true
	}
	for _, cand := range cands {
		if cand.SettingsName != "" && n.stem == cand.SettingsName {
			return cand, DecodeFullName(n.stem), n.format, true
		}
	}
	r := root()
	for _, cand := range cands {
		if r != "" && cand.Root == r {
			return cand, DecodeFullName(n.stem), n.format, true
		}
	}
	return nil, "", "", false
}

// pathName is a file path taken apart the way metadata names files.
type pathName struct {
	parent, stem, suffix string // suffix lower-cased
	format               Format
}

func splitPath(path string) (pathName, bool) {
	base := path
	var n pathName
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		base = path[i+1:]
		dir := path[:i]
		if j := strings.LastIndexByte(dir, '/'); j >= 0 {
			n.parent = dir[j+1:]
		} else {
			n.parent = dir
		}
	}
	n.format = FormatMDAPI
	name := base
	if strings.HasSuffix(name, "-meta.xml") {
		n.format = FormatSource
		name = strings.TrimSuffix(name, "-meta.xml")
	}
	dot := strings.LastIndexByte(name, '.')
	if dot <= 0 {
		return n, false
	}
	n.stem, n.suffix = name[:dot], strings.ToLower(name[dot+1:])
	return n, true
}

// DecodeFullName reverses the percent-encoding Salesforce applies to
// full names in file names. Invalid escapes are kept verbatim.
func DecodeFullName(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}
