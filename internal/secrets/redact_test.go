package secrets

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRedactKind: per kind, exactly what the redacted form may show. The
// wanted strings are exact, so a password-like kind can show no character.
func TestRedactKind(t *testing.T) {
	f := newFakes(77)
	fp := func(v string) string { return Hash(v)[:8] }
	stripe := "sk_" + "live_" + f.SecurityToken
	url := "force://PlatformCLI::" + f.RefreshToken + "@acme.my.salesforce.com"
	tests := []struct {
		det, raw    string
		formatMatch bool
		want        string
	}{
		{DetPassword, f.Password, false, "[password, 14 chars, fp " + fp(f.Password) + "]"},
		{DetPassword, "testtest123" + f.SecurityToken, false, "[password, 35 chars, fp " + fp("testtest123"+f.SecurityToken) + "]"},
		{DetSecurityToken, f.SecurityToken, true, "[security token, 24 chars, fp " + fp(f.SecurityToken) + "]"},
		{DetConsumerSecret, f.ConsumerSecret, true, "[consumer secret, 64 chars, fp " + fp(f.ConsumerSecret) + "]"},
		{DetMetadataSecret, "Kx9&mQ2<vL7#pR4", false, "[secret, 15 chars, fp " + fp("Kx9&mQ2<vL7#pR4") + "]"},
		{DetAccessToken, f.AccessToken, true, f.AccessToken[:16] + "…(112 chars)"},
		{DetAccessToken, "not-a-token-shape-value", false, "[access token, 23 chars, fp " + fp("not-a-token-shape-value") + "]"},
		{DetRefreshToken, f.RefreshToken, true, "5Aep861…(87 chars)"},
		{DetRefreshToken, "encrypted-by-dataloader-0123", false, "[refresh token, 28 chars, fp " + fp("encrypted-by-dataloader-0123") + "]"},
		{DetJWTAccessToken, f.JWT, true, "eyJ…(" + strconv.Itoa(len(f.JWT)) + " chars)"},
		{DetAuthURL, url, true, "force://…@acme.my.salesforce.com (" + strconv.Itoa(len(url)) + " chars)"},
		{DetThirdPartyKey, stripe, true, "sk_live_…(32 chars)"},
		{DetConsumerKey, f.ConsumerKey, true, f.ConsumerKey[:6] + "…(85 chars)"},
	}
	for _, tc := range tests {
		got := redactKind(tc.det, tc.raw, "", tc.formatMatch)
		if d := cmp.Diff(tc.want, got.Redacted); d != "" {
			t.Errorf("%s: (-want +got)\n%s", tc.det, d)
		}
		if got.Length != len(tc.raw) || got.Hash != Hash(tc.raw) {
			t.Errorf("%s: length %d hash %s", tc.det, got.Length, got.Hash)
		}
	}
}
