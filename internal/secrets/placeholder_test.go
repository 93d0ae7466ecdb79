package secrets

import "testing"

func TestPlaceholderAngleBrackets(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"<password>", true},
		{"<your token here>", true},
		{"user:<CONSUMER_SECRET>", true},
		// Real passwords hold '<' and '>'; a raw '<' is what makes the
		// XML malformed, and the value must still be reported.
		{"Xq7v<Rt9mWz2Lp4Kd8Ns3Bh6", false},
		{"Pq3<Wm8>Zt6Lx9Rv2Nc5Hy4", false},
		{"Rv2>Nc5<Hy", false},
	}
	for _, tt := range tests {
		if got := placeholderValue(tt.v); got != tt.want {
			t.Errorf("placeholderValue(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}
