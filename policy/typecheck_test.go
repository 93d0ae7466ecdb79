package policy

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/rules"
)

// ruleHead is a user rule's METADATA and package, 9 lines, so the body of
// every test rule starts on line 10.
func ruleHead(types string) string {
	return `# METADATA
# title: Connected app has a contact email
# custom:
#   id: ACME-001
#   severity: low
#   types: ` + types + `
package acme.contact

import rego.v1
`
}

// firstLine returns the first line of an error, the one a user reads.
func firstLines(err error, n int) string {
	lines := strings.Split(err.Error(), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// TestMisspeltFieldIsACompileError is the first done-when: a user
// rule reading a field that does not exist fails to load with the file,
// line and column, and the nearest valid field.
func TestMisspeltFieldIsACompileError(t *testing.T) {
	tests := []struct {
		name, types, body, want string
	}{
		{
			name:  "content field",
			types: "[ConnectedApp]",
			body:  "deny contains f if {\n\tnot input.content.contnt\n\tf := {\"msg\": \"no contact\", \"element\": []}\n}\n",
			want: `compiling policies failed:
  DIR/p.rego:11:6: undefined ref: input.content.contnt (input.content has no field "contnt"; nearest valid field: input.content.contactEmail; an element the registry does not know is read with data.sfguard.lib.unknown.get, see docs/writing-rules.md)
	input.content.contnt
	              ^`,
		},
		{
			name:  "top-level field",
			types: "[ConnectedApp]",
			body:  "deny contains f if {\n\tinput.contnt.contactEmail == \"\"\n\tf := {\"msg\": \"empty\", \"element\": []}\n}\n",
			want: `compiling policies failed:
  DIR/p.rego:11:2: undefined ref: input.contnt.contactEmail (input has no field "contnt"; nearest valid field: input.content; an element the registry does not know is read with data.sfguard.lib.unknown.get, see docs/writing-rules.md)
	input.contnt.contactEmail
	      ^`,
		},
		{
			name:  "nested field of a union of types",
			types: "[ConnectedApp, ExtlClntAppGlobalOauthSettings]",
			body:  "deny contains f if {\n\tinput.content.oauthConfig.isPkceRequird == false\n\tf := {\"msg\": \"x\", \"element\": []}\n}\n",
			want: `compiling policies failed:
  DIR/p.rego:11:2: undefined ref: input.content.oauthConfig.isPkceRequird (input.content.oauthConfig has no field "isPkceRequird"; nearest valid field: input.content.oauthConfig.isPkceRequired; an element the registry does not know is read with data.sfguard.lib.unknown.get, see docs/writing-rules.md)`,
		},
		{
			name:  "object.get with a constant path",
			types: "[ConnectedApp]",
			body:  "deny contains f if {\n\tsome s in object.get(input.content, [\"oauthConfig\", \"scopse\"], [])\n\tf := {\"msg\": s, \"element\": []}\n}\n",
			want: `compiling policies failed:
  DIR/p.rego:11:12: object.get reads input.content.oauthConfig.scopse: input.content.oauthConfig has no field "scopse"; nearest valid field: scopes; an element the registry does not know is read with data.sfguard.lib.unknown.get (docs/writing-rules.md)`,
		},
		{
			name:  "org input type name",
			types: "[ConnectedApp]\n#   scope: org",
			body:  "deny contains f if {\n\tsome d in input.types.ConectedApp\n\tf := {\"msg\": \"x\", \"document\": d.path, \"element\": []}\n}\n",
			want: `compiling policies failed:
  DIR/p.rego:11:12: undefined ref: input.types.ConectedApp[_] (input.types has no field "ConectedApp"; nearest valid field: input.types.ConnectedApp; an element the registry does not know is read with data.sfguard.lib.unknown.get, see docs/writing-rules.md)`,
		},
		{
			name:  "delta input",
			types: "[Profile]\n#   scope: delta",
			body:  "deny contains f if {\n\tsome p in input.head.content.userPermission\n\tf := {\"msg\": p.name, \"element\": []}\n}\n",
			want: `compiling policies failed:
  DIR/p.rego:11:12: undefined ref: input.head.content.userPermission[_] (input.head.content has no field "userPermission"; nearest valid field: input.head.content.userPermissions; an element the registry does not know is read with data.sfguard.lib.unknown.get, see docs/writing-rules.md)`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writePolicy(t, map[string]string{"p.rego": ruleHead(tc.types) + tc.body})
			_, err := New(Options{PolicyDirs: []string{dir}})
			if err == nil {
				t.Fatal("the rule loaded")
			}
			want := strings.ReplaceAll(tc.want, "DIR", dir)
			got := firstLines(err, strings.Count(want, "\n")+1)
			if strings.Contains(tc.types, "scope:") {
				// the scope line shifts the body by one
				want = strings.Replace(want, "p.rego:11:", "p.rego:12:", 1)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBuiltinsTypeCheck: the shipped pack type-checks against the input
// schemas. Scans skip this check for the built-ins (Options.CheckBuiltins),
// so this test is where a typo in a shipped rule is caught.
func TestBuiltinsTypeCheck(t *testing.T) {
	if _, err := New(Options{CheckBuiltins: true}); err != nil {
		t.Fatal(err)
	}
}

// TestBuiltinTypoIsACompileError: with CheckBuiltins the built-in pack is
// compiled with the same schemas as users' rules, so a typo in a test-only
// copy of a shipped rule fails.
func TestBuiltinTypoIsACompileError(t *testing.T) {
	const file = "apps/full_scope.rego"
	orig, err := fs.ReadFile(rules.FS, file)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ from, to, want string }{
		{
			"input.content.commaSeparatedOauthScopes", "input.content.commaSeparatedOauthScope",
			`undefined ref: input.content.commaSeparatedOauthScope (input.content has no field "commaSeparatedOauthScope"; nearest valid field: input.content.commaSeparatedOauthScopes;`,
		},
		{
			`["oauthConfig", "scopes"]`, `["oauthConfig", "scope"]`,
			`object.get reads input.content.oauthConfig.scope: input.content.oauthConfig has no field "scope"; nearest valid field: scopes;`,
		},
	} {
		text := string(orig)
		if !strings.Contains(text, tc.from) {
			t.Fatalf("%s no longer contains %s; update the test", file, tc.from)
		}
		text = strings.Replace(text, tc.from, tc.to, 1)
		line := 1 + strings.Count(text[:strings.Index(text, tc.to)], "\n")
		srcs, err := loadSources(nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range srcs {
			if srcs[i].name == "rules/"+file {
				srcs[i].text = text
			}
		}
		_, err = newFromSources(Options{CheckBuiltins: true}, srcs)
		if err == nil {
			t.Fatalf("%s with %s loaded", file, tc.to)
		}
		prefix := "rules/" + file + ":" + strconv.Itoa(line) + ":"
		if !strings.Contains(err.Error(), prefix) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %q\nwant it to contain %q and %q", err, prefix, tc.want)
		}
	}
}

// TestEscapeHatch: an element the registry does not know is kept in the
// input and read with unknown.get, which the checker lets through.
func TestEscapeHatch(t *testing.T) {
	body := `import data.sfguard.lib.unknown

deny contains f if {
	unknown.get(input.content, ["oauthConfig", "isBrandNewFlowEnabled"], false) == true
	f := {"msg": "new flow", "element": ["oauthConfig", "isBrandNewFlowEnabled"]}
}
`
	dir := writePolicy(t, map[string]string{"p.rego": ruleHead("[ConnectedApp]") + body})
	e, err := New(Options{PolicyDirs: []string{dir}, Enabled: func(r finding.Rule) bool { return r.ID == "ACME-001" }})
	if err != nil {
		t.Fatal(err)
	}
	fs := evalOne(t, e, "connectedApps/A.connectedApp", `<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>A</label>
    <oauthConfig>
        <isBrandNewFlowEnabled>true</isBrandNewFlowEnabled>
    </oauthConfig>
</ConnectedApp>`)
	if len(fs) != 1 || fs[0].Line != 4 {
		t.Errorf("findings %+v, want one on line 4", fs)
	}
}

// TestTestInputsAreChecked: a Rego test whose constant input misspells a
// field fails to load instead of passing for the wrong reason.
func TestTestInputsAreChecked(t *testing.T) {
	rule := ruleHead("[ConnectedApp]") + "deny contains f if {\n\tnot input.content.contactEmail\n\tf := {\"msg\": \"x\", \"element\": []}\n}\n"
	test := "package acme.contact_test\n\nimport rego.v1\n\nimport data.acme.contact\n\ntest_silent if {\n\tcount(contact.deny) == 0 with input as {\"type\": \"ConnectedApp\", \"content\": {\"contactEmial\": \"a@example.com\"}}\n}\n"
	dir := writePolicy(t, map[string]string{"p.rego": rule, "p_test.rego": test})
	_, _, _, err := TestModules([]string{dir})
	want := dir + `/p_test.rego:8:41: test input does not match the rule's input schema: input.content has no field "contactEmial"; nearest valid field: contactEmail`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v\nwant it to contain %q", err, want)
	}
	ok := strings.Replace(test, "contactEmial", "contactEmail", 1)
	dir = writePolicy(t, map[string]string{"p.rego": rule, "p_test.rego": ok})
	if _, _, _, err := TestModules([]string{dir}); err != nil {
		t.Errorf("valid test input rejected: %v", err)
	}
}
