package secrets

import (
	"fmt"
	"strings"

	"github.com/sfguard/sfguard/internal/finding"
)

// redactKind describes a detected secret by its kind. Nothing of a password,
// a security token or any value found through its key name is shown — not
// even a first letter, since a short prefix of a human-chosen password is a
// real hint. Structured tokens show only their non-secret part: the org id
// of an access token (it is in every URL of the org), the 5Aep861 form of a
// refresh token, the host of an SFDX auth URL, the eyJ of a JWT, the vendor
// prefix of a third-party key. raw is the value hashed for the fingerprint
// unless hash is given (a PEM key is fingerprinted on its normalised body).
func redactKind(det, raw, hash string, formatMatch bool) *finding.Secret {
	if hash == "" {
		hash = Hash(raw)
	}
	sec := &finding.Secret{Length: len(raw), Hash: hash}
	if shown := visiblePart(det, raw, formatMatch); shown != "" {
		sec.Redacted = fmt.Sprintf("%s…(%d chars)", shown, len(raw))
		if det == DetAuthURL {
			sec.Redacted = fmt.Sprintf("force://…@%s (%d chars)", shown, len(raw))
		}
		return sec
	}
	if det == DetConsumerKey {
		// An identifier, not a secret: the short prefix helps find the app.
		sec.Redacted = Redact(raw).Redacted
		return sec
	}
	sec.Redacted = fmt.Sprintf("[%s, %d chars, fp %s]", kindName(det), len(raw), hash[:min(8, len(hash))])
	return sec
}

// visiblePart returns the non-secret part of a structured value, or "".
func visiblePart(det, raw string, formatMatch bool) string {
	switch det {
	case DetAccessToken:
		if bang := strings.IndexByte(raw, '!'); formatMatch && strings.HasPrefix(raw, "00D") && (bang == 15 || bang == 18) {
			return raw[:bang+1]
		}
	case DetJWTAccessToken:
		if strings.HasPrefix(raw, "eyJ") {
			return "eyJ"
		}
	case DetRefreshToken:
		if formatMatch && len(raw) > 7 && strings.HasPrefix(raw, "5Aep86") {
			return raw[:7]
		}
	case DetThirdPartyKey:
		return thirdPartyPrefix(raw)
	case DetAuthURL:
		if at := strings.LastIndexByte(raw, '@'); at >= 0 && at+1 < len(raw) {
			return raw[at+1:]
		}
	}
	return ""
}

func kindName(det string) string {
	switch det {
	case DetPassword:
		return "password"
	case DetSecurityToken:
		return "security token"
	case DetConsumerSecret:
		return "consumer secret"
	case DetAccessToken:
		return "access token"
	case DetRefreshToken:
		return "refresh token"
	case DetPrivateKey, DetJWTKeyFile:
		return "private key"
	case DetCLIAuthState:
		return "CLI credential"
	case DetThirdPartyKey:
		return "API key"
	}
	return "secret"
}
