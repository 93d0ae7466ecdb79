package finding

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseSeverity(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Severity
		wantErr bool
	}{
		{"info", Info, false}, {"LOW", Low, false}, {"Medium", Medium, false}, {"high", High, false},
		{"critical", Critical, false}, {"severe", Info, true}, {"", Info, true},
	} {
		got, err := ParseSeverity(tc.in)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("ParseSeverity(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
	b, _ := Critical.MarshalText()
	var s Severity
	if err := s.UnmarshalText(b); err != nil || s != Critical {
		t.Errorf("text round trip: %v %v", s, err)
	}
}

func TestLessIsATotalOrder(t *testing.T) {
	fs := []Finding{
		{RuleID: "B", Location: Location{File: "b", Line: 1, Column: 1}},
		{RuleID: "A", Location: Location{File: "a", Line: 2, Column: 1}},
		{RuleID: "B", Location: Location{File: "a", Line: 2, Column: 1}},
		{RuleID: "A", Location: Location{File: "a", Line: 1, Column: 5}},
		{RuleID: "A", Location: Location{File: "a", Line: 1, Column: 5, ElementPath: "/x"}, Message: "m"},
	}
	sort.Slice(fs, func(i, j int) bool { return Less(&fs[i], &fs[j]) })
	var got []string
	for _, f := range fs {
		got = append(got, f.File+":"+f.RuleID+":"+f.ElementPath)
	}
	want := []string{"a:A:", "a:A:/x", "a:A:", "a:B:", "b:B:"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestDiagnosticError(t *testing.T) {
	for _, tc := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "a.profile", Message: "empty file"}, "a.profile: empty file"},
		{Diagnostic{File: "a.profile", Line: 3, Message: "bad"}, "a.profile:3: bad"},
		{Diagnostic{File: "a.profile", Line: 3, Column: 7, Message: "bad"}, "a.profile:3:7: bad"},
	} {
		if got := tc.d.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
