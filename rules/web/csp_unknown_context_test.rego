package sfguard.rules.web.csp_unknown_context_test

import rego.v1

import data.sfguard.rules.web.csp_unknown_context as rule

doc(c) := {"type": "CspTrustedSite", "fullName": "Site", "path": "cspTrustedSites/Site.cspTrustedSite", "content": {"context": c, "endpointUrl": "https://tile.openstreetmap.org", "isActive": true}}

test_unknown_context_fires if {
	some f in rule.deny with input as doc("Lightning")
	f.element == ["context"]
	contains(f.msg, "unrecognised value \"Lightning\" for context; treated as All")
	some g in rule.deny with input as doc("Visualforce")
	g.value == "Visualforce"
}

test_known_contexts_are_silent if {
	every c in ["All", "Communities", "FieldServiceMobileExtension", "LEX", "LightningOut", "VisualForce"] {
		count(rule.deny) == 0 with input as doc(c)
	}
	count(rule.deny) == 0 with input as {"type": "CspTrustedSite", "fullName": "S", "path": "p", "content": {"endpointUrl": "https://x.example.com"}}
}
