package sfmeta

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// ValueKind says how an element's text becomes a Rego value.
type ValueKind uint8

// Value kinds. KindInfer is the kind of elements the schema does not know:
// their type is inferred from the content (see docs/input.md).
const (
	KindInfer  ValueKind = iota
	KindString           // text as is
	KindBool             // "true"/"false" -> boolean; other text stays a string
	KindInt              // base-10 integer -> number; other text stays a string
	KindObject           // a container: an empty element is {} rather than ""
)

func (k ValueKind) String() string {
	switch k {
	case KindString:
		return "string"
	case KindBool:
		return "boolean"
	case KindInt:
		return "integer"
	case KindObject:
		return "object"
	default:
		return "inferred"
	}
}

// Field is the schema of one element under a type's root.
type Field struct {
	Name string
	Kind ValueKind
	// Repeated elements are always arrays in the Rego input, even when
	// they occur once (or are the only child).
	Repeated bool
	// Enum is the documented value set of a string element (values.go).
	Enum *Enum
	// SecureWhenTrue marks booleans whose secure value is true; a
	// malformed one reads as false (values.go).
	SecureWhenTrue bool
	// Ints orders the values of an integer element rules grade (values.go).
	Ints     *IntOrder
	children map[string]*Field
}

// Child returns the schema of a child element, or nil when it is unknown.
// It is safe on a nil Field, so callers can walk unknown subtrees.
func (f *Field) Child(name string) *Field {
	if f == nil {
		return nil
	}
	return f.children[name]
}

// Children lists the known child elements sorted by name.
func (f *Field) Children() []*Field {
	if f == nil {
		return nil
	}
	out := make([]*Field, 0, len(f.children))
	for _, c := range f.children {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Schema returns the content schema of the type: a KindObject field whose
// children are the elements under the root. Types without a schema (the
// secret-bearing neighbours) get an empty one, so everything under them is
// inferred.
func (t *Type) Schema() *Field {
	if f, ok := schemas[t.Name]; ok {
		return f
	}
	return emptySchema
}

// Lookup returns the schema of the element at a slash-separated path under
// the root, e.g. "oauthConfig/scopes", or nil when the schema does not know
// it.
func (t *Type) Lookup(path string) *Field {
	f := t.Schema()
	for _, step := range strings.Split(path, "/") {
		if f = f.Child(step); f == nil {
			return nil
		}
	}
	return f
}

// Repeated reports whether the element at path is always an array.
func (t *Type) Repeated(path string) bool {
	f := t.Lookup(path)
	return f != nil && f.Repeated
}

// Kind returns the value kind of the element at path (KindInfer if
// unknown).
func (t *Type) Kind(path string) ValueKind {
	if f := t.Lookup(path); f != nil {
		return f.Kind
	}
	return KindInfer
}

var emptySchema = &Field{Kind: KindObject}

// schemaSource holds each type's content in a compact notation, transcribed
// from the Metadata API guide and real retrieves (see
// /work/shared/reference/salesforce-metadata.md, §2–§6 and §11–§12):
//
//	name       a string leaf
//	name?      a boolean leaf
//	name#      an integer leaf
//	name[]     a repeated element (combine: scopes[], ids[]#)
//	name { … } an object with the listed children (name[] { … } for a
//	           repeated object)
//
// Only what the notation lists is typed; anything else is inferred at
// conversion time, so a field Salesforce adds next release is kept.
// Listing string leaves matters too: a known string whose value happens to
// be "true" must stay a string.
var schemaSource = map[string]string{
	"ConnectedApp": `
		attributes[] { formula key }
		canvasConfig { accessMethod canvasUrl lifecycleClass locations[] options[] samlInitiationMethod }
		contactEmail contactPhone description iconUrl infoUrl
		ipRanges[] { description end start }
		label logoUrl mobileStartUrl
		oauthConfig {
			assetTokenConfig { assetAudiences assetIncludeAttributes? assetIncludeCustomPerms? assetSigningCertId assetValidityPeriod# }
			callbackUrl certificate consumerKey consumerSecret
			idTokenConfig { idTokenAudience idTokenIncludeAttributes? idTokenIncludeCustomPerms? idTokenIncludeStandardClaims? idTokenValidity# }
			isAdminApproved? isClientCredentialEnabled? isCodeCredentialEnabled? isCodeCredentialPostOnly?
			isConsumerSecretOptional? isIntrospectAllTokens? isNamedUserJwtEnabled? isPkceRequired?
			isRefreshTokenRotationEnabled? isSecretRequiredForRefreshToken? isSecretRequiredForTokenExchange?
			isTokenExchangeEnabled?
			oauthClientCredentialUser scopes[] singleLogoutUrl
		}
		oauthPolicy { ipRelaxation isTokenExchangeFlowEnabled? refreshTokenPolicy singleLogoutUrl }
		permissionSetName[] plugin pluginExecutionUser profileName[]
		samlConfig {
			acsUrl certificate encryptionCertificate encryptionType entityUrl issuer samlIdpSLOBindingEnum
			samlNameIdFormat samlSigningAlgoType samlSloUrl samlSubjectCustomAttr samlSubjectType
		}
		sessionPolicy { policyAction sessionLevel sessionTimeout# }
		startUrl`,

	"ExternalClientApplication": `
		contactEmail contactPhone description distributionState iconUrl infoUrl isProtected? label logoUrl
		managedType orgScopedExternalApp`,

	"ExtlClntAppOauthSettings": `
		areAttributesIncludedInAssetToken? areCustomPermsIncludedInAssetToken? assetTokenAudiences
		assetTokenSigningCertificate assetTokenValidity# clientAssertionCertificate commaSeparatedOauthScopes
		customAttributes[] { formula key }
		externalClientApplication isFirstPartyAppEnabled? label oauthLink singleLogoutUrl
		trustedIpRanges[] { description endIpAddress startIpAddress }`,

	"ExtlClntAppGlobalOauthSettings": `
		callbackUrl certificate consumerKey consumerSecret externalClientApplication
		idTokenConfig { idTokenAudience idTokenIncludeAttributes? idTokenIncludeStandardClaims? idTokenValidityInMinutes# }
		isClientCredentialsFlowEnabled? isCodeCredFlowEnabled? isCodeCredPostOnly? isConsumerSecretOptional?
		isDeviceFlowEnabled? isDPopEnabled? isEnforceRefreshTokenTTL? isIntrospectAllTokens? isNamedUserJwtEnabled?
		isPkceRequired? isRefreshTokenRotationEnabled? isSecretRequiredForRefreshToken?
		isSecretRequiredForTokenExchange? isTokenExchangeEnabled?
		label shouldRotateConsumerKey? shouldRotateConsumerSecret?`,

	"ExtlClntAppOauthConfigurablePolicies": `
		apexHandler clientCredentialsFlowUser commaSeparatedCustomScopes commaSeparatedPermissionSet
		commaSeparatedProfile customAttributes[] { formula key } executeHandlerAs externalClientApplication
		guestJwtSessionTimeoutType guestJwtTimeout# ipRelaxationPolicyType isClientCredentialsFlowEnabled?
		isGuestCodeCredFlowEnabled? isNamedUserJwtEnabled? isTokenExchangeFlowEnabled? label
		namedUserJwtSessionTimeoutType namedUserJwtTimeout# permittedUsersPolicyType policyAction
		refreshTokenPolicyType refreshTokenValidityPeriod# refreshTokenValidityUnit requiredSessionLevel
		sessionTimeoutInMinutes# singleLogoutUrl startUrl`,

	"ExtlClntAppConfigurablePolicies": `
		externalClientApplication isCanvasPluginEnabled? isEnabled? isMobilePluginEnabled?
		isNotificationPluginEnabled? isOauthPluginEnabled? isPushPluginEnabled? isSamlPluginEnabled?
		label startPage startUrl`,

	"Profile": permissionBearing + `
		categoryGroupVisibilities[] {} custom?
		layoutAssignments[] { layout recordType }
		loginFlows[] {}
		loginHours {
			mondayStart# mondayEnd# tuesdayStart# tuesdayEnd# wednesdayStart# wednesdayEnd#
			thursdayStart# thursdayEnd# fridayStart# fridayEnd# saturdayStart# saturdayEnd#
			sundayStart# sundayEnd#
		}
		loginIpRanges[] { description endAddress startAddress }
		profileActionOverrides[] {}
		tabVisibilities[] { tab visibility }`,

	"PermissionSet":       permissionBearing + permissionSetOnly,
	"MutingPermissionSet": permissionBearing + permissionSetOnly,

	"PermissionSetGroup": `
		description hasActivationRequired? label mutingPermissionSets[] permissionSets[] status`,

	"ProfilePasswordPolicy": `
		forgotPasswordRedirect? lockoutInterval# maxLoginAttempts# minimumPasswordLength#
		minimumPasswordLifetime? obscure? passwordComplexity# passwordExpiration# passwordHistory#
		passwordQuestion# profile`,

	"ProfileSessionSetting": `
		externalCommunityUserIdentityVerif? forceLogout? profile requiredSessionLevel sessionPersistence?
		sessionTimeout# sessionTimeoutWarning?`,

	"SecuritySettings": `
		canUsersGrantLoginAccess? enableAdminLoginAsAnyUser? enableAuditFieldsInactiveOwner?
		enableAuraSecureEvalPref? enableCoepHeader? enableCoopHeader? enableCrossOrgRedirects?
		enablePermissionsPolicy? enableRequireHttpsConnection? grantCameraAccess grantMicrophoneAccess
		isTLSv12Required? isTLSv12RequiredCommunities?
		networkAccess { ipRanges[] { description end start } }
		passwordPolicies {
			apiOnlyUserHomePageURL complexity enableSetPasswordInApi? expiration historyRestriction#
			lockoutInterval maxLoginAttempts minimumPasswordLength# minimumPasswordLifetime? minPasswordLength
			obscureSecretAnswer? passwordAssistanceMessage passwordAssistanceURL questionRestriction
		}
		redirectBlockModeEnabled? sendCspForUncommonClients?
		sessionSettings {
			allowUserAuthenticationByCertificate? allowUserCertBasedAuthenticationWithOcspValidation?
			auraBoxcarReductionPref? canConfirmEmailChangeInLightningCommunities? canConfirmIdentityBySmsOnly?
			disableTimeoutWarning? enableBuiltInAuthenticator? enableCSPOnEmail? enableCSRFOnGet? enableCSRFOnPost?
			enableCacheAndAutocomplete? enableClickjackNonsetupSFDC? enableClickjackNonsetupUser?
			enableClickjackNonsetupUserHeaderless? enableClickjackSetup? enableCoepHeader?
			enableContentSniffingProtection? enableCoopHeader? enableLightningLogin?
			enableLightningLoginOnlyWithUserPerm? enableMFADirectUILoginOptIn? enableOauthCorsPolicy?
			enablePermissionsPolicy? enablePostForSessions? enableSMSIdentity? enableU2F?
			enableUpgradeInsecureRequests? enableXssProtection? enforceIpRangesEveryRequest?
			enforceUserDeviceRevoked? forceLogoutOnSessionTimeout? forceRelogin? grantCameraAccess
			grantMicrophoneAccess hasRetainedLoginHints? hasUserSwitching? hstsOnForcecomSites?
			identityConfirmationOnEmailChange? identityConfirmationOnTwoFactorRegistrationEnabled?
			lockSessionsToDomain? lockSessionsToIp? lockerServiceAPIVersion lockerServiceCSP? lockerServiceNext?
			lockerServiceNextControl? lockerTrustedMode? logoutURL redirectBlockModeEnabled?
			redirectionWarning? referrerPolicy? referrerPolicyDirective requireHttpOnly? requireHttps?
			securityCentralKillSession? sendCspForUncommonClients? sessionTimeout sidToken3rdPartyAuraApp?
			skipSFAWhenMFADirectUILogin? terminateUserSessionsWhenAdminResetsPassword? untrustedRedirect
			useEAPIRateLimitForConnectAPI? useLocalStorageForLogoutUrl? welcomeEmailTemplateId
		}
		singleSignOnSettings {
			enableCaseInsensitiveFederationID? enableForceDelegatedCallout? enableMultipleSamlConfigs?
			enableSamlJitProvisioning? enableSamlLogin? isLoginWithSalesforceCredentialsDisabled?
		}`,

	"OauthOidcSettings": `
		agentAuthLinking? blockOAuthUnPwFlow? blockOAuthUsrAgtFlow? enableHdlessFgtPswFlow? isPkceRequired?
		oAuthCdCrdtFlowEnable?`,

	"ExternalClientAppSettings": `
		enableClientSecretInRestApiAccess? enableConsumerSecretApiAccess? enablePackageEcaOauthFromDevOrg?`,

	// §11.2: urlPattern is the only element since API 3x; developerName
	// appears in the API 32 guide only.
	"CorsWhitelistOrigin": `developerName urlPattern`,

	// §11.3 (DOC-CSP, WSDL66). context is the CspTrustedSiteContext enum.
	"CspTrustedSite": `
		canAccessCamera? canAccessMicrophone? context description endpointUrl isActive?
		isApplicableToConnectSrc? isApplicableToFontSrc? isApplicableToFrameSrc? isApplicableToImgSrc?
		isApplicableToMediaSrc? isApplicableToStyleSrc? mobileExtension`,

	// §11.4 (DOC-RSS, WSDL66).
	"RemoteSiteSetting": `description disableProtocolSecurity? isActive? url`,

	// §12 (DOC-SAML, WSDL66). requestSignatureMethod is xsd:string in the
	// WSDL (RSA-SHA1/RSA-SHA256 in the guide, 0/1 in real retrieves), so it
	// stays a string; the rules decide which values are known.
	"SamlSsoConfig": `
		attributeName attributeNameIdFormat decryptionCertificate errorUrl executionUserId identityLocation
		identityMapping issuer loginUrl logoutUrl name oauthTokenEndpoint redirectBinding?
		requestSignatureMethod requestSigningCertId salesforceLoginUrl samlEntityId samlJitHandlerId
		samlVersion singleLogoutBinding singleLogoutUrl useConfigRequestMethod? useSameDigestAlgoForSigning?
		userProvisioning? validationCert`,
}

// permissionBearing is what Profile, PermissionSet and MutingPermissionSet
// share (DOC-PROF, DOC-PS).
const permissionBearing = `
		agentAccesses[] {}
		applicationVisibilities[] { application default? visible? }
		classAccesses[] { apexClass enabled? }
		customMetadataTypeAccesses[] { enabled? name }
		customPermissions[] { enabled? name }
		customSettingAccesses[] { enabled? name }
		description
		externalDataSourceAccesses[] { enabled? externalDataSource }
		fieldPermissions[] { editable? field readable? }
		flowAccesses[] { enabled? flow }
		objectPermissions[] {
			allowCreate? allowDelete? allowEdit? allowRead? modifyAllRecords? object viewAllFields? viewAllRecords?
		}
		pageAccesses[] { apexPage enabled? }
		recordTypeVisibilities[] { default? personAccountDefault? recordType visible? }
		ServicePresenceStatusAccesses[] {}
		userLicense
		userPermissions[] { enabled? name }`

const permissionSetOnly = `
		emailRoutingAddressAccesses[] {} externalCredentialPrincipalAccesses[] {} hasActivationRequired? label license
		tabSettings[] { tab visibility }`

var schemas = map[string]*Field{}

func init() {
	for name, src := range schemaSource {
		f, err := parseSchema(src)
		if err != nil {
			// The notation is compiled-in data; a mistake in it is a bug
			// that the package tests catch.
			panic(fmt.Sprintf("sfmeta: schema of %s: %v", name, err))
		}
		schemas[name] = f
	}
}

// parseSchema reads the notation described at schemaSource.
func parseSchema(src string) (*Field, error) {
	toks := strings.Fields(strings.NewReplacer("{", " { ", "}", " } ").Replace(src))
	root := &Field{Kind: KindObject, children: map[string]*Field{}}
	rest, err := parseFields(root, toks)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("unexpected %q", rest[0])
	}
	return root, nil
}

func parseFields(parent *Field, toks []string) ([]string, error) {
	for len(toks) > 0 {
		tok := toks[0]
		if tok == "}" {
			return toks, nil
		}
		if tok == "{" {
			return nil, fmt.Errorf("'{' without an element name")
		}
		toks = toks[1:]
		f := &Field{Kind: KindString}
		name := tok
		for done := false; !done; {
			switch {
			case strings.HasSuffix(name, "[]"):
				f.Repeated = true
				name = strings.TrimSuffix(name, "[]")
			case strings.HasSuffix(name, "?"):
				f.Kind = KindBool
				name = strings.TrimSuffix(name, "?")
			case strings.HasSuffix(name, "#"):
				f.Kind = KindInt
				name = strings.TrimSuffix(name, "#")
			default:
				done = true
			}
		}
		if name == "" || strings.ContainsAny(name, "[]?#/") {
			return nil, fmt.Errorf("bad element %q", tok)
		}
		if _, dup := parent.children[name]; dup {
			return nil, fmt.Errorf("element %q listed twice", name)
		}
		f.Name = name
		if len(toks) > 0 && toks[0] == "{" {
			if f.Kind != KindString {
				return nil, fmt.Errorf("element %q is both a %s and an object", name, f.Kind)
			}
			f.Kind = KindObject
			f.children = map[string]*Field{}
			var err error
			toks, err = parseFields(f, toks[1:])
			if err != nil {
				return nil, err
			}
			if len(toks) == 0 || toks[0] != "}" {
				return nil, fmt.Errorf("missing '}' after the children of %q", name)
			}
			toks = toks[1:]
		}
		parent.children[name] = f
	}
	return toks, nil
}

// secretishElements are the elements of the types read only for
// credentials (they have no content schema), as the Metadata API guide
// lists them.
var secretishElements = strings.Fields(`
	allowMergeFieldsInBody allowMergeFieldsInHeader authProvider authTokenEndpointUrl authorizeUrl
	awsAccessKey awsAccessSecret awsRegion awsService calloutStatus certificate consumerKey consumerSecret
	customErrorsUrl defaultScopes endpoint executionUser externalCredentialParameters
	friendlyName generateAuthorizationHeader iconUrl idTokenIssuer includeOrgIdInIdentifier
	jwtAudience jwtFormulaSubject jwtIssuer jwtSigningCertificate label namedCredentialParameters
	namedCredentialType oauthRefreshToken oauthScope oauthToken parameterName parameterType parameterValue
	password principalType protocol providerType registrationHandler sendAccessTokenInHeader
	sendClientCredentialsInHeader sequenceNumber tokenUrl userInfoUrl username`)

// Built on first use: schemas is filled by init, after package variables.
var knownElements = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	var add func(f *Field)
	add = func(f *Field) {
		for name, c := range f.children {
			m[name] = true
			add(c)
		}
	}
	for _, f := range schemas {
		add(f)
	}
	for _, t := range Types {
		m[t.Root] = true
	}
	for _, n := range secretishElements {
		m[n] = true
	}
	return m
})

// KnownElement reports whether name (a local name) is an element of some
// type sfguard reads. Diagnostics quote only such names: in a malformed
// file, what looks like a tag may be the inside of a password that holds
// a '<'.
func KnownElement(name string) bool { return knownElements()[name] }
