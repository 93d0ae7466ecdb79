package sfmeta

import (
	"bytes"
	"encoding/json"
	"sort"
)

// JSON Schemas of the Rego input (docs/input.md), generated from the
// registry so that a type or element added here reaches the published
// schemas (docs/schemas/) and the policy type checker without a second edit.
//
// The schemas are written for two readers. A JSON Schema validator (or an
// editor) reads them as usual. OPA's type checker reads them too, and it
// treats an object with "properties" as closed whatever
// "additionalProperties" says, while a bare "type" list is read by its first
// matching member only; so leaves whose text may not fit their kind use
// anyOf (which OPA reads as "any"), and objects list their properties.
// Unknown elements are real data all the same (docs/input.md rule 9); rules
// reach them with object.get, which the checker does not constrain.

// SchemaDraft is the JSON Schema dialect of the generated schemas (the
// newest one OPA's checker reads).
const SchemaDraft = "http://json-schema.org/draft-07/schema#"

// SchemaBaseURI prefixes the $id of every generated schema.
const SchemaBaseURI = "https://sfguard.dev/schemas/input/v1/"

// escapeHatch is repeated in the description of every closed object.
const escapeHatch = "Elements the registry does not know are kept in the input but are not listed here; read them with object.get(obj, \"elementName\", null) (see docs/writing-rules.md)."

// DocumentSchema returns the JSON Schema of the per-document input of t.
func (t *Type) DocumentSchema() map[string]any {
	s := t.documentSchema()
	s["$schema"] = SchemaDraft
	s["$id"] = SchemaBaseURI + t.Name + ".json"
	return s
}

func (t *Type) documentSchema() map[string]any {
	content := fieldSchema(t.Schema(), true)
	content["description"] = "The typed children of the <" + t.Root + "> root element. " + escapeHatch
	return map[string]any{
		"title":                "sfguard input v1: " + t.Name + " document",
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"type", "fullName", "path", "format", "content"},
		"properties": map[string]any{
			"type":     map[string]any{"type": "string", "enum": []string{t.Name}, "description": "Metadata API type name."},
			"fullName": map[string]any{"type": "string", "description": "Component full name, URL-decoded from the file name."},
			"path":     map[string]any{"type": "string", "description": "Display path, slash-separated; archive.zip!/inner/path inside a zip."},
			"format":   map[string]any{"type": "string", "enum": []string{string(FormatMDAPI), string(FormatSource)}},
			"content":  content,
		},
	}
}

// fieldSchema describes one element. root is the content object, which is
// never null.
func fieldSchema(f *Field, root bool) map[string]any {
	var s map[string]any
	switch f.Kind {
	case KindBool:
		s = leafUnion("boolean", "true or false; other text stays a string; xsi:nil gives null")
	case KindInt:
		s = leafUnion("integer", "a base-10 integer; other text stays a string; xsi:nil gives null")
	case KindObject:
		s = objectSchema(f, root)
	default:
		s = map[string]any{"type": []string{"string", "null"}}
	}
	if f.Repeated {
		return map[string]any{"type": "array", "items": s, "description": "Repeated element: always an array, in document order."}
	}
	return s
}

func leafUnion(kind, desc string) map[string]any {
	return map[string]any{
		"anyOf":       []any{map[string]any{"type": kind}, map[string]any{"type": "string"}, map[string]any{"type": "null"}},
		"description": desc,
	}
}

func objectSchema(f *Field, root bool) map[string]any {
	s := map[string]any{"type": []string{"object", "null"}}
	if root {
		s["type"] = "object"
	}
	kids := f.Children()
	if len(kids) == 0 {
		// A container whose children the registry does not list: every
		// child is inferred, so the object stays open.
		s["description"] = "Children are not typed by the registry; they are inferred (docs/input.md rule 9)."
		return s
	}
	props := make(map[string]any, len(kids))
	for _, c := range kids {
		props[c.Name] = fieldSchema(c, false)
	}
	s["properties"] = props
	s["additionalProperties"] = false
	if !root {
		s["description"] = escapeHatch
	}
	return s
}

// OrgSchema returns the JSON Schema of the org-scope input: every document,
// the documents by type, and the external client apps joined by name.
func OrgSchema() map[string]any {
	defs := map[string]any{}
	var docRefs []any
	byType := map[string]any{}
	for i := range Types {
		t := &Types[i]
		defs[t.Name] = t.documentSchema()
		ref := map[string]any{"$ref": "#/definitions/" + t.Name}
		docRefs = append(docRefs, ref)
		byType[t.Name] = map[string]any{"type": "array", "items": ref}
	}
	roles := map[string]any{}
	for role, typ := range ECARoleTypes {
		roles[role] = map[string]any{"anyOf": []any{map[string]any{"$ref": "#/definitions/" + typ}, map[string]any{"type": "null"}}}
	}
	return map[string]any{
		"$schema":              SchemaDraft,
		"$id":                  SchemaBaseURI + "org.json",
		"title":                "sfguard input v1: org view",
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"documents", "types", "externalClientApps"},
		"definitions":          defs,
		"properties": map[string]any{
			"documents": map[string]any{"type": "array", "items": map[string]any{"anyOf": docRefs}, "description": "Every parsed document, sorted by path."},
			"types": map[string]any{
				"type": "object", "properties": byType, "additionalProperties": false,
				"description": "The same documents grouped by type; types without documents are absent.",
			},
			"externalClientApps": map[string]any{
				"type":        "object",
				"description": "External Client Apps keyed by API name, each joining its files by role; a role without a file is null.",
				"additionalProperties": map[string]any{
					"type": "object", "properties": roles, "additionalProperties": false,
					"required": sortedKeys(roles),
				},
			},
		},
	}
}

// ECARoleTypes maps each role of the joined External Client App in the org
// input to the metadata type that fills it.
var ECARoleTypes = map[string]string{
	"header":        "ExternalClientApplication",
	"oauthSettings": "ExtlClntAppOauthSettings",
	"globalOauth":   "ExtlClntAppGlobalOauthSettings",
	"oauthPolicies": "ExtlClntAppOauthConfigurablePolicies",
	"policies":      "ExtlClntAppConfigurablePolicies",
}

// DeltaSchema returns the JSON Schema of the delta-scope input of t: the
// document at the PR's base (null when the component is new) and at its head.
func (t *Type) DeltaSchema() map[string]any {
	base := t.documentSchema()
	base["type"] = []string{"object", "null"}
	return map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"base", "head"},
		"properties":           map[string]any{"base": base, "head": t.documentSchema()},
	}
}

// CandidateSchema returns the JSON Schema of a credential candidate, the
// input of secret-scope rules (docs/secrets.md).
func CandidateSchema() map[string]any {
	props := map[string]any{}
	for _, f := range CandidateFields {
		props[f.Name] = candidateField(f)
	}
	return map[string]any{
		"$schema":              SchemaDraft,
		"$id":                  SchemaBaseURI + "secret.json",
		"title":                "sfguard input v1: credential candidate",
		"description":          "What a secret detector found. The raw value is never part of it.",
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"detector", "path", "line", "column"},
		"properties":           props,
	}
}

func candidateField(f CandidateField) map[string]any {
	var s map[string]any
	switch f.Kind {
	case "object":
		s = map[string]any{"type": "object"}
	case "array":
		s = map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
	default:
		s = map[string]any{"type": f.Kind}
	}
	s["description"] = f.Doc
	return s
}

// SchemaFiles returns every generated schema by file name, as written to
// docs/schemas/: <Type>.json per metadata type, org.json and secret.json.
func SchemaFiles() map[string][]byte {
	out := map[string][]byte{}
	for i := range Types {
		out[Types[i].Name+".json"] = marshalSchema(Types[i].DocumentSchema())
	}
	out["org.json"] = marshalSchema(OrgSchema())
	out["secret.json"] = marshalSchema(CandidateSchema())
	return out
}

// marshalSchema renders a schema deterministically (encoding/json sorts map
// keys), indented and with a trailing newline.
func marshalSchema(s map[string]any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		// Only maps, slices and strings: cannot fail.
		panic(err)
	}
	return b.Bytes()
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
