package secrets

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzScan: no input makes a detector panic or emit a position outside the
// blob, and every candidate stays JSON-encodable.
func FuzzScan(f *testing.F) {
	fk := newFakes(8)
	seeds := []string{
		"sf.password = " + fk.Password + fk.SecurityToken,
		"force://PlatformCLI::" + fk.RefreshToken + "@x.my.salesforce.com",
		"<entry key=\"sfdc.password\" value=\"",
		"<consumerSecret>" + fk.ConsumerSecret,
		"-----BEGIN RSA PRIVATE KEY-----\n" + fk.PEMBody,
		"conn.login('a', 'b' + 'c'",
		"00D" + strings.Repeat("A", 12) + "!",
		"eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJzYWxlc2ZvcmNlIn0.",
		"<field>ApiKey__c</field>\n<value",
		"password=\"\\",
	}
	for _, s := range seeds {
		f.Add(s, "x.properties")
		f.Add(s, "force-app/main/default/customMetadata/A.B.md-meta.xml")
	}
	f.Fuzz(func(t *testing.T, data, path string) {
		if path == "" {
			path = "x"
		}
		cs, _ := Scan([]Blob{{Path: path, Data: []byte(data)}}, Options{Jobs: 1})
		lines := strings.Count(data, "\n") + 1
		for _, c := range cs {
			if c.Location.Line < 1 || c.Location.Line > lines || c.Location.Column < 1 {
				t.Fatalf("%s: position %d:%d outside %d lines", c.Detector, c.Location.Line, c.Location.Column, lines)
			}
			if _, err := json.Marshal(c); err != nil {
				t.Fatalf("%s: %v", c.Detector, err)
			}
		}
	})
}
