package rules_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sfguard/sfguard/internal/config"
	"github.com/sfguard/sfguard/internal/scan"
	"github.com/sfguard/sfguard/internal/sfmeta"
	"github.com/sfguard/sfguard/internal/testutil"
)

const unknownValue = "SFGUARD_NOT_A_VALUE"

// enumProbe is a realistic file in which the enum at a path holds
// unknownValue (written as %s), with every neighbour a rule needs to reach
// that element.
type enumProbe struct {
	file string // path under the scan root
	xml  string
}

const caProbe = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>owner@example.com</contactEmail>
    <label>Probe</label>
    <oauthConfig>
        <callbackUrl>https://probe.example.com/cb</callbackUrl>
        <isAdminApproved>true</isAdminApproved>
        <scopes>Api</scopes>
        <scopes>RefreshToken</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>%s</ipRelaxation>
        <refreshTokenPolicy>%s</refreshTokenPolicy>
    </oauthPolicy>
</ConnectedApp>
`

const ecaPolicyProbe = `<?xml version="1.0" encoding="UTF-8"?>
<ExtlClntAppOauthConfigurablePolicies xmlns="http://soap.sforce.com/2006/04/metadata">
    <externalClientApplication>Probe</externalClientApplication>
    <ipRelaxationPolicyType>%s</ipRelaxationPolicyType>
    <label>Probe_oauthPlcy</label>
    <permittedUsersPolicyType>%s</permittedUsersPolicyType>
    <refreshTokenPolicyType>%s</refreshTokenPolicyType>
    <refreshTokenValidityPeriod>12</refreshTokenValidityPeriod>
    <refreshTokenValidityUnit>%s</refreshTokenValidityUnit>
</ExtlClntAppOauthConfigurablePolicies>
`

const passwordProbe = `<?xml version="1.0" encoding="UTF-8"?>
<SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <passwordPolicies>
        <complexity>%s</complexity>
        <expiration>%s</expiration>
        <historyRestriction>3</historyRestriction>
        <lockoutInterval>%s</lockoutInterval>
        <maxLoginAttempts>%s</maxLoginAttempts>
        <minimumPasswordLength>8</minimumPasswordLength>
        <questionRestriction>%s</questionRestriction>
    </passwordPolicies>
    <sessionSettings>
        <sessionTimeout>%s</sessionTimeout>
    </sessionSettings>
</SecuritySettings>
`

const cspProbe = `<?xml version="1.0" encoding="UTF-8"?>
<CspTrustedSite xmlns="http://soap.sforce.com/2006/04/metadata">
    <canAccessCamera>false</canAccessCamera>
    <canAccessMicrophone>false</canAccessMicrophone>
    <context>%s</context>
    <endpointUrl>https://tile.openstreetmap.org</endpointUrl>
    <isActive>true</isActive>
    <isApplicableToConnectSrc>false</isApplicableToConnectSrc>
    <isApplicableToImgSrc>true</isApplicableToImgSrc>
</CspTrustedSite>
`

const samlProbe = `<?xml version="1.0" encoding="UTF-8"?>
<SamlSsoConfig xmlns="http://soap.sforce.com/2006/04/metadata">
    <decryptionCertificate>SAML_Assertion_Decryption</decryptionCertificate>
    <identityLocation>SubjectNameId</identityLocation>
    <identityMapping>FederationId</identityMapping>
    <issuer>https://idp.example.com/saml</issuer>
    <name>Probe</name>
    <requestSignatureMethod>%s</requestSignatureMethod>
    <requestSigningCertId>0P1000000000001</requestSigningCertId>
    <samlVersion>%s</samlVersion>
    <useSameDigestAlgoForSigning>true</useSameDigestAlgoForSigning>
    <userProvisioning>false</userProvisioning>
</SamlSsoConfig>
`

// probes fills each template with secure values except at the probed path.
func probes() map[string]enumProbe {
	ca := func(ip, rt string) enumProbe {
		return enumProbe{"connectedApps/Probe.connectedApp", fmt.Sprintf(caProbe, ip, rt)}
	}
	eca := func(ip, users, rt, unit string) enumProbe {
		return enumProbe{"extlClntAppOauthPolicies/Probe_oauthPlcy.ecaOauthPlcy", fmt.Sprintf(ecaPolicyProbe, ip, users, rt, unit)}
	}
	pw := func(v ...string) enumProbe {
		args := make([]any, len(v))
		for i := range v {
			args[i] = v[i]
		}
		return enumProbe{"settings/Security.settings", fmt.Sprintf(passwordProbe, args...)}
	}
	saml := func(method, version string) enumProbe {
		return enumProbe{"samlssoconfigs/Probe.samlssoconfig", fmt.Sprintf(samlProbe, method, version)}
	}
	const u = unknownValue
	return map[string]enumProbe{
		"CspTrustedSite context":                                        {"cspTrustedSites/Probe.cspTrustedSite", fmt.Sprintf(cspProbe, u)},
		"SamlSsoConfig requestSignatureMethod":                          saml(u, "SAML2_0"),
		"SamlSsoConfig samlVersion":                                     saml("1", u),
		"ConnectedApp oauthPolicy/ipRelaxation":                         ca(u, "zero"),
		"ConnectedApp oauthPolicy/refreshTokenPolicy":                   ca("ENFORCE", u),
		"ExtlClntAppOauthConfigurablePolicies ipRelaxationPolicyType":   eca(u, "AdminApprovedPreAuthorized", "Zero", "Days"),
		"ExtlClntAppOauthConfigurablePolicies permittedUsersPolicyType": eca("Enforce", u, "Zero", "Days"),
		"ExtlClntAppOauthConfigurablePolicies refreshTokenPolicyType":   eca("Enforce", "AdminApprovedPreAuthorized", u, "Days"),
		"ExtlClntAppOauthConfigurablePolicies refreshTokenValidityUnit": eca("Enforce", "AdminApprovedPreAuthorized", "SpecificLifetime", u),
		"SecuritySettings passwordPolicies/complexity":                  pw(u, "NinetyDays", "Forever", "ThreeAttempts", "DoesNotContainPassword", "TwoHours"),
		"SecuritySettings passwordPolicies/expiration":                  pw("UpperLowerCaseNumericSpecialCharacters", u, "Forever", "ThreeAttempts", "DoesNotContainPassword", "TwoHours"),
		"SecuritySettings passwordPolicies/lockoutInterval":             pw("UpperLowerCaseNumericSpecialCharacters", "NinetyDays", u, "ThreeAttempts", "DoesNotContainPassword", "TwoHours"),
		"SecuritySettings passwordPolicies/maxLoginAttempts":            pw("UpperLowerCaseNumericSpecialCharacters", "NinetyDays", "Forever", u, "DoesNotContainPassword", "TwoHours"),
		"SecuritySettings passwordPolicies/questionRestriction":         pw("UpperLowerCaseNumericSpecialCharacters", "NinetyDays", "Forever", "ThreeAttempts", u, "TwoHours"),
		"SecuritySettings sessionSettings/sessionTimeout":               pw("UpperLowerCaseNumericSpecialCharacters", "NinetyDays", "Forever", "ThreeAttempts", "DoesNotContainPassword", u),
	}
}

// TestUnknownEnumValuesAreFindings walks every enum the registry knows. For
// each security-relevant one, a file holding an undocumented value must
// produce a finding at that element whose message names the value: an
// unknown value is never a pass. A new security enum in the registry fails
// this test until a probe (and a rule that reports it) exists.
func TestUnknownEnumValuesAreFindings(t *testing.T) {
	all := probes()
	seen := map[string]bool{}
	for _, ep := range sfmeta.Enums() {
		key := ep.Type + " " + ep.Path
		if !ep.Enum.Security {
			continue
		}
		seen[key] = true
		t.Run(key, func(t *testing.T) {
			p, ok := all[key]
			if !ok {
				t.Fatalf("no probe for security enum %s: add one and make a rule report its unknown values", key)
			}
			line := probeLine(p.xml, ep.Path)
			root := t.TempDir()
			testutil.WriteFile(t, root, p.file, p.xml)
			res, err := scan.Run(context.Background(), &scan.Settings{
				Paths: []string{root}, Metadata: true, Jobs: 1, Config: &config.Config{}, NoIgnore: true, Tool: "sfguard",
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range res.Report.Diagnostics {
				t.Errorf("unexpected input problem: %s", d.Error())
			}
			want := fmt.Sprintf("unrecognised value %q for %s", unknownValue, filepath.Base(ep.Path))
			var got []string
			for _, f := range res.Report.Findings {
				if strings.Contains(f.Message, want) && f.Line == line {
					return
				}
				got = append(got, fmt.Sprintf("%s %d: %s", f.RuleID, f.Line, f.Message))
			}
			t.Errorf("no finding at line %d saying %q; got:\n%s", line, want, strings.Join(got, "\n"))
		})
	}
	for key := range all {
		if !seen[key] {
			t.Errorf("probe %s names no security enum of the registry", key)
		}
	}
}

// probeLine is the line of the element holding unknownValue.
func probeLine(xml, path string) int {
	el := "<" + filepath.Base(path) + ">" + unknownValue
	for i, l := range strings.Split(xml, "\n") {
		if strings.Contains(l, el) {
			return i + 1
		}
	}
	return -1
}
