package secrets

import "testing"

// TestPlaceholderWholeValue: a value is a placeholder when the value itself
// is one, never because a word inside it is (issue 10, item 1).
func TestPlaceholderWholeValue(t *testing.T) {
	f := newFakes(12)
	tests := []struct {
		v    string
		want bool
	}{
		// Stand-ins.
		{"", true},
		{"   ", true},
		{"YOUR_PASSWORD", true},
		{"SF_SECURITY_TOKEN", true},
		{"xxxx", true},
		{"XXXX-XXXX-XXXX", true},
		{"********", true},
		{"<token>", true},
		{"<your security token>", true},
		{"changeme", true},
		{"${SF_PASSWORD}", true},
		{"{{ sf_password }}", true},
		{"%SF_PASSWORD%", true},
		{"@@SF_PASSWORD@@", true},
		{"aaaaaaaa", true},
		{"00000000", true},
		{"abababab", true},
		{"5Aep861...", true},
		{"your_password_here", true},
		{"mockAccessToken", true},
		{"fake-secret-123", true},
		{"testPassword", true},
		{"Password123!", true},
		{"dummy", true},
		// Real-looking values that merely contain a template word.
		{"testtest123" + f.SecurityToken, false},
		{"testtest123", false},
		{"test123", false},
		{"Hunter22xyz" + f.SecurityToken, false},
		{"example" + f.SecurityToken, false},
		{"abcdef" + f.SecurityToken, false},
		{"123456" + f.SecurityToken, false},
		{"Sample2024!Prod", false},
		{"mySecretX9q", false},
		{f.Password, false},
		{f.SecurityToken, false},
	}
	for _, tc := range tests {
		if got := placeholderValue(tc.v); got != tc.want {
			t.Errorf("placeholderValue(%q) = %v, want %v", tc.v, got, tc.want)
		}
	}
}
