package secrets

import (
	"fmt"
	"sort"
	"strings"
)

// fakeRand yields deterministic pseudo-random characters so that tests hold
// realistic-looking credentials without literal copies of any real one.
type fakeRand struct{ state uint64 }

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func (r *fakeRand) next() uint64 {
	r.state = r.state*6364136223846793005 + 1442695040888963407
	return r.state >> 33
}

func (r *fakeRand) chars(n int, set string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[r.next()%uint64(len(set))]
	}
	return string(b)
}

// fakes holds one value of every credential shape, derived from a seed.
type fakes struct {
	AccessToken, RefreshToken, RefreshToken2, ConsumerKey, ConsumerSecret, ConsumerSecret19 string
	SecurityToken, Password, PEMBody, JWT                                                   string
}

func newFakes(seed uint64) fakes {
	r := &fakeRand{state: seed}
	f := fakes{}
	f.AccessToken = "00D" + r.chars(12, alnum) + "!" + r.chars(20, alnum) + "." + r.chars(75, alnum)
	f.RefreshToken = "5Aep861" + r.chars(80, alnum+"._")
	f.RefreshToken2 = "5Aep862" + r.chars(70, alnum) + "=="
	f.ConsumerKey = "3MVG9" + r.chars(80, alnum+"._")
	f.ConsumerSecret = strings.ToUpper(r.chars(64, "0123456789abcdef"))
	f.ConsumerSecret19 = r.chars(19, "0123456789")
	f.SecurityToken = r.chars(24, alnum)
	f.Password = "Kp" + r.chars(10, alnum) + "7!"
	var pem strings.Builder
	for i := 0; i < 10; i++ {
		pem.WriteString(r.chars(64, alnum+"+/") + "\n")
	}
	f.PEMBody = pem.String()
	hdr := "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9" // {"alg":"RS256","typ":"JWT"}
	f.JWT = hdr + "." + "eyJpc3MiOiJodHRwczovL2xvZ2luLnNhbGVzZm9yY2UuY29tIiwic3ViIjoiMDA1eHgifQ" + "." + r.chars(86, alnum+"-_")
	return f
}

// all returns every raw value, for the no-leak assertions.
func (f fakes) all() []string {
	return []string{f.AccessToken, f.RefreshToken, f.RefreshToken2, f.ConsumerSecret, f.ConsumerSecret19,
		f.SecurityToken, f.Password, f.JWT, strings.SplitN(f.PEMBody, "\n", 2)[0]}
}

// summary is the part of a candidate most tests compare.
type summary struct {
	Detector string
	Line     int
	Column   int
	Key      string
}

func summarize(cs []Candidate) []summary {
	out := []summary{}
	for _, c := range cs {
		k, _ := c.Fields["key"].(string)
		out = append(out, summary{c.Detector, c.Location.Line, c.Location.Column, k})
	}
	return out
}

func fieldsOf(c Candidate, names ...string) map[string]any {
	m := map[string]any{}
	for _, n := range names {
		if v, ok := c.Fields[n]; ok {
			m[n] = v
		}
	}
	return m
}

func detectorsOf(cs []Candidate) []string {
	var d []string
	for _, c := range cs {
		d = append(d, c.Detector)
	}
	sort.Strings(d)
	return d
}

func sprintAll(cs []Candidate) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "%v\n%+v\n%#v\n", c, c, c)
	}
	return b.String()
}
