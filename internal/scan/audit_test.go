package scan

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRedactLine(t *testing.T) {
	cases := []struct {
		name, in string
		held     bool
		want     string
	}{
		{"secret element", `    <consumerSecret>7D41C9E2B85A06F3D1E4</consumerSecret>`, false, `    <consumerSecret>[redacted]</consumerSecret>`},
		{"password element with prefix", `<sf:password>hunter2</sf:password>`, false, `<sf:password>[redacted]</sf:password>`},
		{"withheld line keeps its indent", "\t\tBearer 00D5g000004Hk2p!abc", true, "\t\t⋯ line withheld: it holds a credential"},
		{"org id", `"id": "00D5g000004Hk2pEAC",`, false, `"id": "00D5…[redacted]",`},
		{"api name stays", `<field>Account.Custom_Field_000__c</field>`, false, `<field>Account.Custom_Field_000__c</field>`},
		{"enum stays", `<refreshTokenPolicy>infinite</refreshTokenPolicy>`, false, `<refreshTokenPolicy>infinite</refreshTokenPolicy>`},
		{"address stays", `<start>198.51.0.0</start>`, false, `<start>198.51.0.0</start>`},
	}
	for _, c := range cases {
		if diff := cmp.Diff(c.want, redactLine(c.in, c.held)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}
