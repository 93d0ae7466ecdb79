package sfmeta

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// This file holds what sfguard knows about the values of typed elements:
// the documented enums (with their default), which reading of a boolean or
// integer is the insecure one, and how to rank duplicated values. The parser
// uses it to read a malformed or duplicated value pessimistically; the rules
// receive the enums as data.sfguard.meta.enums so that they test a setting
// against the values Salesforce documents and report anything else.
//
// Sources: /work/shared/reference/salesforce-metadata.md §2.3, §3.3, §4.5,
// §4.6, §5.2, §5.3, §13.

// Enum is the documented value set of a string element.
type Enum struct {
	// Values lists the documented values from the most to the least secure
	// where the order matters for security (it decides which of two
	// duplicated values rules see), otherwise in documentation order.
	Values []string `json:"values"`
	// Pattern, when set, replaces Values for elements that follow a
	// grammar rather than a list (refreshTokenPolicy).
	Pattern string `json:"pattern,omitempty"`
	// Default is the documented value when the element is absent ("" when
	// the element is required or has no default).
	Default string `json:"default,omitempty"`
	// Security marks enums whose unknown values are a security question:
	// a built-in rule reports them ("unrecognised value X for …") and reads
	// them as Worst.
	Security bool `json:"security"`
	// Worst is the value rules assume for an unrecognised value.
	Worst string `json:"worst,omitempty"`

	re *regexp.Regexp
}

// Known reports whether v is one of the documented values.
func (e *Enum) Known(v string) bool {
	if e.re != nil {
		return e.re.MatchString(v)
	}
	for _, x := range e.Values {
		if x == v {
			return true
		}
	}
	return false
}

// rank orders values from the most (0) to the least secure; unknown
// values rank last.
func (e *Enum) rank(v string) float64 {
	if e.re != nil {
		return refreshTokenRank(v)
	}
	for i, x := range e.Values {
		if x == v {
			return float64(i)
		}
	}
	return float64(len(e.Values))
}

// IntOrder says which integers of an element are the less secure ones.
type IntOrder struct {
	// Worst is the reading of a malformed value.
	Worst int
	// HigherWorse: a larger number is less secure (timeouts, lifetimes).
	HigherWorse bool
	// ZeroWorst: 0 is the least secure value whatever the direction
	// (passwordExpiration 0 = never expires; maxLoginAttempts 0 = no limit).
	ZeroWorst bool
	// ZeroBest: 0 is the most secure value (lockoutInterval 0 = locked
	// until an administrator unlocks).
	ZeroBest bool
}

// Worse returns the less secure of two values.
func (o *IntOrder) Worse(a, b int) int {
	score := func(v int) float64 {
		switch {
		case v == 0 && o.ZeroWorst:
			return 1e18
		case v == 0 && o.ZeroBest:
			return -1e18
		case o.HigherWorse:
			return float64(v)
		default:
			return -float64(v)
		}
	}
	if score(b) > score(a) {
		return b
	}
	return a
}

// refreshTokenPattern is the ConnectedApp refreshTokenPolicy grammar (§2.3).
const refreshTokenPattern = `^(infinite|zero|specific_(lifetime|inactivity):[1-9][0-9]*:(HOURS|DAYS|MONTHS))$`

// refreshTokenRank: zero < specific by hours < infinite < unknown.
func refreshTokenRank(v string) float64 {
	switch v {
	case "zero":
		return 0
	case "infinite":
		return 1e15
	}
	parts := strings.Split(v, ":")
	if len(parts) == 3 {
		n, err := strconv.Atoi(parts[1])
		hours := map[string]int{"HOURS": 1, "DAYS": 24, "MONTHS": 720}[parts[2]]
		if err == nil && hours > 0 {
			return float64(n * hours)
		}
	}
	return 1e16
}

var sessionLevels = []string{"HIGH_ASSURANCE", "STANDARD", "LOW"}

// enumSource: type name -> element path -> enum.
var enumSource = map[string]map[string]*Enum{
	"ConnectedApp": {
		"oauthPolicy/ipRelaxation": {Values: []string{"ENFORCE", "ENFORCE_RELAXREFRESH", "BYPASS_2FACTOR", "BYPASS"},
			Default: "ENFORCE", Security: true, Worst: "BYPASS"},
		"oauthPolicy/refreshTokenPolicy": {Pattern: refreshTokenPattern, Default: "infinite", Security: true, Worst: "infinite",
			Values: []string{"zero", "specific_lifetime:<n>:<HOURS|DAYS|MONTHS>", "specific_inactivity:<n>:<HOURS|DAYS|MONTHS>", "infinite"}},
		"oauthConfig/scopes": {Values: []string{"Basic", "Api", "Web", "Full", "Chatter", "CustomApplications", "RefreshToken",
			"OpenID", "Profile", "Email", "Address", "Phone", "OfflineAccess", "CustomPermissions", "Wave", "Eclair", "Pardot",
			"Lightning", "Content", "CDPIngest", "CDPProfile", "CDPQuery", "Chatbot", "CDPSegment", "CDPIdentityResolution",
			"CDPCalculatedInsight", "ForgotPassword", "UserRegistration", "SFAP", "Interaction", "CDP", "EinsteinGPT",
			"PwdlessLogin", "MCP", "SCRT"}},
		"sessionPolicy/policyAction": {Values: []string{"Block", "RaiseSessionLevel"}},
	},
	"ExtlClntAppOauthConfigurablePolicies": {
		"ipRelaxationPolicyType": {Values: []string{"Enforce", "Enforce_RelaxRefresh", "Bypass_2factor", "Bypass"},
			Default: "Enforce", Security: true, Worst: "Bypass"},
		"refreshTokenPolicyType": {Values: []string{"Zero", "SpecificLifetime", "SpecificInactivity", "Infinite"},
			Default: "Infinite", Security: true, Worst: "Infinite"},
		"refreshTokenValidityUnit": {Values: []string{"Hours", "Days", "Months"}, Security: true, Worst: "Months"},
		"permittedUsersPolicyType": {Values: []string{"AdminApprovedPreAuthorized", "AllSelfAuthorized"},
			Default: "AllSelfAuthorized", Security: true, Worst: "AllSelfAuthorized"},
		"requiredSessionLevel": {Values: sessionLevels},
		"policyAction":         {Values: []string{"Block", "RaiseSessionLevel"}},
	},
	"ProfileSessionSetting": {
		"requiredSessionLevel": {Values: sessionLevels},
	},
	// §11.3: from the narrowest context to All, which an unknown value is
	// read as.
	"CspTrustedSite": {
		"context": {Values: []string{"FieldServiceMobileExtension", "LightningOut", "VisualForce", "LEX", "Communities", "All"},
			Security: true, Worst: "All"},
	},
	// §12. requestSignatureMethod is a free string in the WSDL: the guide's
	// names and the numbers retrieves write (0 = RSA-SHA1, 1 = RSA-SHA256,
	// the Setup picklist order).
	"SamlSsoConfig": {
		"samlVersion":            {Values: []string{"SAML2_0", "SAML1_1"}, Security: true, Worst: "SAML1_1"},
		"requestSignatureMethod": {Values: []string{"RSA-SHA256", "1", "RSA-SHA1", "0"}, Security: true, Worst: "RSA-SHA1"},
		"identityLocation":       {Values: []string{"SubjectNameId", "Attribute"}},
		"identityMapping":        {Values: []string{"FederationId", "Username", "UserId"}},
		"singleLogoutBinding":    {Values: []string{"RedirectBinding", "PostBinding"}},
	},
	"SecuritySettings": {
		"passwordPolicies/complexity": {Values: []string{"UpperLowerCaseNumericSpecialCharacters", "UpperLowerCaseNumeric",
			"Any3UpperLowerCaseNumericSpecialCharacters", "SpecialCharacters", "AlphaNumeric", "NoRestriction"},
			Default: "AlphaNumeric", Security: true, Worst: "NoRestriction"},
		"passwordPolicies/expiration": {Values: []string{"ThirtyDays", "SixtyDays", "NinetyDays", "SixMonths", "OneYear", "Never"},
			Default: "NinetyDays", Security: true, Worst: "Never"},
		"passwordPolicies/lockoutInterval": {Values: []string{"Forever", "SixtyMinutes", "ThirtyMinutes", "FifteenMinutes"},
			Default: "FifteenMinutes", Security: true, Worst: "FifteenMinutes"},
		"passwordPolicies/maxLoginAttempts": {Values: []string{"ThreeAttempts", "FiveAttempts", "TenAttempts", "NoLimit"},
			Default: "TenAttempts", Security: true, Worst: "NoLimit"},
		"passwordPolicies/questionRestriction": {Values: []string{"DoesNotContainPassword", "None"},
			Default: "DoesNotContainPassword", Security: true, Worst: "None"},
		"sessionSettings/sessionTimeout": {Values: []string{"FifteenMinutes", "ThirtyMinutes", "SixtyMinutes", "NinetyMinutes",
			"TwoHours", "FourHours", "EightHours", "TwelveHours", "TwentyFourHours"}, Security: true, Worst: "TwentyFourHours"},
		"sessionSettings/untrustedRedirect": {Values: []string{"NeverAllowed", "WithUserPermission", "AlwaysAllowed"}},
		"sessionSettings/referrerPolicyDirective": {Values: []string{"no-referrer", "same-origin", "strict-origin",
			"strict-origin-when-cross-origin", "origin", "origin-when-cross-origin", "no-referrer-when-downgrade", "unsafe-url"},
			Default: "strict-origin-when-cross-origin"},
		"grantCameraAccess":                     {Values: []string{"Never", "TrustedUrls", "Always"}},
		"grantMicrophoneAccess":                 {Values: []string{"Never", "TrustedUrls", "Always"}},
		"sessionSettings/grantCameraAccess":     {Values: []string{"Never", "TrustedUrls", "Always"}},
		"sessionSettings/grantMicrophoneAccess": {Values: []string{"Never", "TrustedUrls", "Always"}},
	},
}

// secureWhenTrue lists the booleans whose secure value is true: a
// malformed value there reads as false. Every other boolean reads as true,
// because true is what grants a permission or enables a flow.
var secureWhenTrue = map[string][]string{
	"ConnectedApp": {"oauthConfig/isAdminApproved", "oauthConfig/isCodeCredentialPostOnly", "oauthConfig/isPkceRequired",
		"oauthConfig/isRefreshTokenRotationEnabled", "oauthConfig/isSecretRequiredForRefreshToken",
		"oauthConfig/isSecretRequiredForTokenExchange"},
	"ExternalClientApplication": {"isProtected"},
	"ExtlClntAppGlobalOauthSettings": {"isCodeCredPostOnly", "isDPopEnabled", "isEnforceRefreshTokenTTL", "isPkceRequired",
		"isRefreshTokenRotationEnabled", "isSecretRequiredForRefreshToken", "isSecretRequiredForTokenExchange",
		"shouldRotateConsumerKey", "shouldRotateConsumerSecret"},
	"PermissionSet":         {"hasActivationRequired"},
	"PermissionSetGroup":    {"hasActivationRequired"},
	"ProfilePasswordPolicy": {"minimumPasswordLifetime", "obscure"},
	"ProfileSessionSetting": {"externalCommunityUserIdentityVerif", "forceLogout"},
	// false falls back to SHA-1 (§12).
	"SamlSsoConfig":     {"useConfigRequestMethod", "useSameDigestAlgoForSigning"},
	"OauthOidcSettings": {"blockOAuthUnPwFlow", "blockOAuthUsrAgtFlow", "isPkceRequired"},
	"SecuritySettings": {"enableCoepHeader", "enableCoopHeader", "enablePermissionsPolicy", "enableRequireHttpsConnection",
		"isTLSv12Required", "isTLSv12RequiredCommunities", "redirectBlockModeEnabled", "sendCspForUncommonClients",
		"passwordPolicies/minimumPasswordLifetime", "passwordPolicies/obscureSecretAnswer",
		"sessionSettings/enableCSPOnEmail", "sessionSettings/enableCSRFOnGet", "sessionSettings/enableCSRFOnPost",
		"sessionSettings/enableClickjackNonsetupSFDC", "sessionSettings/enableClickjackNonsetupUser",
		"sessionSettings/enableClickjackNonsetupUserHeaderless", "sessionSettings/enableClickjackSetup",
		"sessionSettings/enableCoepHeader", "sessionSettings/enableContentSniffingProtection", "sessionSettings/enableCoopHeader",
		"sessionSettings/enableMFADirectUILoginOptIn", "sessionSettings/enablePermissionsPolicy",
		"sessionSettings/enablePostForSessions", "sessionSettings/enableSMSIdentity", "sessionSettings/enableUpgradeInsecureRequests",
		"sessionSettings/enableXssProtection", "sessionSettings/enforceIpRangesEveryRequest",
		"sessionSettings/enforceUserDeviceRevoked", "sessionSettings/forceLogoutOnSessionTimeout", "sessionSettings/forceRelogin",
		"sessionSettings/hstsOnForcecomSites", "sessionSettings/identityConfirmationOnEmailChange",
		"sessionSettings/identityConfirmationOnTwoFactorRegistrationEnabled", "sessionSettings/lockSessionsToDomain",
		"sessionSettings/lockSessionsToIp", "sessionSettings/lockerServiceCSP", "sessionSettings/redirectBlockModeEnabled",
		"sessionSettings/redirectionWarning", "sessionSettings/referrerPolicy", "sessionSettings/requireHttpOnly",
		"sessionSettings/requireHttps", "sessionSettings/sendCspForUncommonClients",
		"sessionSettings/terminateUserSessionsWhenAdminResetsPassword"},
}

// intOrders: type -> path -> order of the integers rules grade.
var intOrders = map[string]map[string]IntOrder{
	"ConnectedApp": {
		"sessionPolicy/sessionTimeout":              {Worst: 1440, HigherWorse: true},
		"oauthConfig/idTokenConfig/idTokenValidity": {Worst: 720, HigherWorse: true},
	},
	"ExtlClntAppOauthConfigurablePolicies": {
		"refreshTokenValidityPeriod": {Worst: 1000000, HigherWorse: true},
		"sessionTimeoutInMinutes":    {Worst: 1440, HigherWorse: true},
	},
	"ProfilePasswordPolicy": {
		"lockoutInterval":       {Worst: 15, ZeroBest: true},
		"maxLoginAttempts":      {Worst: 0, HigherWorse: true, ZeroWorst: true},
		"minimumPasswordLength": {Worst: 5},
		"passwordComplexity":    {Worst: 0},
		"passwordExpiration":    {Worst: 0, HigherWorse: true, ZeroWorst: true},
		"passwordHistory":       {Worst: 0},
		"passwordQuestion":      {Worst: 0},
	},
	"ProfileSessionSetting": {
		"sessionTimeout": {Worst: 1440, HigherWorse: true},
	},
	"SecuritySettings": {
		"passwordPolicies/historyRestriction":    {Worst: 0},
		"passwordPolicies/minimumPasswordLength": {Worst: 5},
	},
}

// init runs after the schemas are compiled (Go runs a package's init
// functions in file-name order: registry.go, schema.go, values.go).
func init() {
	for typeName, m := range enumSource {
		t := byName[typeName]
		for path, e := range m {
			f := mustLookup(t, path, KindString)
			if e.Pattern != "" {
				e.re = regexp.MustCompile(e.Pattern)
			}
			if e.Security && (e.Worst == "" || !e.Known(e.Worst)) {
				panic(fmt.Sprintf("sfmeta: enum %s %s: worst value %q is not a known value", typeName, path, e.Worst))
			}
			f.Enum = e
		}
	}
	for typeName, paths := range secureWhenTrue {
		for _, path := range paths {
			mustLookup(byName[typeName], path, KindBool).SecureWhenTrue = true
		}
	}
	for typeName, m := range intOrders {
		for path, o := range m {
			mustLookup(byName[typeName], path, KindInt).Ints = &o
		}
	}
}

func mustLookup(t *Type, path string, kind ValueKind) *Field {
	if t == nil {
		panic("sfmeta: value table names an unknown type")
	}
	f := t.Lookup(path)
	if f == nil || f.Kind != kind {
		panic(fmt.Sprintf("sfmeta: %s %s is not a known %s element", t.Name, path, kind))
	}
	return f
}

// ParseBool reads an xsd:boolean the way the Metadata API does: true,
// false, 1 and 0 (§16), after the surrounding white space the parser has
// already trimmed. Any other spelling (True, yes, "") is malformed.
func ParseBool(s string) (v, ok bool) {
	switch s {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

// Pessimistic returns the reading of a malformed boolean: the insecure one.
func (f *Field) Pessimistic() bool { return !f.SecureWhenTrue }

// WorseString returns the less secure of two values of a string element.
// Without a known order the later value wins, the way a deploy overwrites.
func (f *Field) WorseString(a, b string) string {
	if f.Enum == nil {
		return b
	}
	if f.Enum.rank(b) >= f.Enum.rank(a) {
		return b
	}
	return a
}

// EnumPath is one enum of the registry with its location.
type EnumPath struct {
	Type, Path string
	Enum       *Enum
}

// Enums lists every enum the registry knows, sorted by type and path.
func Enums() []EnumPath {
	var out []EnumPath
	for typeName, m := range enumSource {
		for path, e := range m {
			out = append(out, EnumPath{typeName, path, e})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return out[i].Path < out[j].Path
	})
	return out
}

// RegoData is what the policy engine publishes as data.sfguard.meta:
// {"enums": {Type: {"a/b": {values, pattern, default, security, worst}}}}.
func RegoData() map[string]any {
	enums := map[string]any{}
	for _, ep := range Enums() {
		m, _ := enums[ep.Type].(map[string]any)
		if m == nil {
			m = map[string]any{}
			enums[ep.Type] = m
		}
		vals := make([]any, len(ep.Enum.Values))
		for i, v := range ep.Enum.Values {
			vals[i] = v
		}
		m[ep.Path] = map[string]any{
			"values": vals, "pattern": ep.Enum.Pattern, "default": ep.Enum.Default,
			"security": ep.Enum.Security, "worst": ep.Enum.Worst,
		}
	}
	return map[string]any{"enums": enums}
}
