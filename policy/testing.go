package policy

import (
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestModules parses every Rego file of the built-in pack and of dirs, the
// *_test.rego files included, checks the METADATA of the rules as New does
// and gives each rule module its typed input schema. It returns the modules
// by file name and the compiler to run them with (OPA's tester), so that
// Rego unit tests see exactly the rules a scan compiles. User files are
// named by their path; built-in files "rules/<group>/<file>" and listed in
// builtin.
func TestModules(dirs []string) (modules map[string]*ast.Module, builtin map[string]bool, c *ast.Compiler, err error) {
	srcs, err := loadSourcesWhere(dirs, func(p string) bool { return strings.HasSuffix(p, ".rego") })
	if err != nil {
		return nil, nil, nil, err
	}
	parsed, err := parseAll(srcs)
	if err != nil {
		return nil, nil, nil, err
	}
	builtin = map[string]bool{}
	modules = make(map[string]*ast.Module, len(srcs))
	keys := map[string]bool{}
	schemas := schemaCache{}
	pkgKeys := map[string]string{}
	var getErrs ast.Errors
	for i, s := range srcs {
		m := parsed[i]
		modules[s.name] = m
		builtin[s.name] = s.builtin
		if strings.HasSuffix(s.name, "_test.rego") {
			continue
		}
		r, ok, err := ruleFromModule(s.name, m, s.builtin)
		if err != nil {
			return nil, nil, nil, err
		}
		if !ok {
			continue
		}
		if key := annotateInputSchema(m, r); key != "" {
			keys[key] = true
			pkgKeys[m.Package.Path.String()] = key
			getErrs = append(getErrs, checkGetPaths(s.name, m, schemas.get(key))...)
		}
	}
	// Second pass: the constant inputs of each test package against the
	// schema of the rule package it tests (acme.x_test tests acme.x).
	for name, m := range modules {
		if !strings.HasSuffix(name, "_test.rego") {
			continue
		}
		pkg := strings.TrimSuffix(m.Package.Path.String(), "_test")
		if key, ok := pkgKeys[pkg]; ok {
			getErrs = append(getErrs, checkTestInputs(name, m, key)...)
		}
	}
	if len(getErrs) > 0 {
		sort.Slice(getErrs, func(i, j int) bool { return getErrs[i].Location.Compare(getErrs[j].Location) < 0 })
		return nil, nil, nil, compileError(getErrs)
	}
	return modules, builtin, newCompiler(keys, schemas), nil
}

// CompileError formats compiler errors the way New reports them: type
// errors with file:line:column and the nearest valid field.
func CompileError(errs ast.Errors) error { return compileError(errs) }
