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
		{"testPassword", false}, // a stock value: reported, lowered
		{"Password123!", false}, // a stock value: reported, lowered
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

// TestStockValue: values made only of credential nouns, filler and counting
// digits are what examples write and what people choose as weak passwords:
// not placeholders (dropped) but stock values (reported, lowered).
func TestStockValue(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"Password123!", true},
		{"testPassword", true},
		{"SuperSecretKey1", true},
		{"my-secret-token", true},
		{"your_password_here", false}, // a template marker: a placeholder
		{"mockAccessToken", false},
		{"changeme", false},
		{"test123", false}, // filler only: an ordinary value
		{"testtest123", false},
		{"Hunter22xyz", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := stockValue(tc.v); got != tc.want {
			t.Errorf("stockValue(%q) = %v, want %v", tc.v, got, tc.want)
		}
	}
}
