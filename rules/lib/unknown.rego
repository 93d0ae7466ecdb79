# METADATA
# title: Reading elements the registry does not type
# description: |
#   sfguard type-checks every rule against the input schema generated from
#   its metadata registry (docs/schemas/), so input.content.contnt and
#   object.get(input.content, "contnt", null) are compile errors. Salesforce
#   adds elements every release, and sfguard keeps the ones it does not know
#   (typed by inference, docs/input.md rule 9). get is the escape hatch for
#   reading them: it is object.get, without the schema check.
package sfguard.lib.unknown

import rego.v1

# get(obj, path, fallback) returns the element at path (a key or an array of
# keys) under obj, or fallback when it is absent, e.g.
#   unknown.get(input.content, ["oauthConfig", "isNewFlowEnabled"], false)
get(obj, path, fallback) := object.get(obj, path, fallback)
