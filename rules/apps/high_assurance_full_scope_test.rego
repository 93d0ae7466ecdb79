package sfguard.rules.apps.high_assurance_full_scope_test

import rego.v1

import data.sfguard.rules.apps.high_assurance_full_scope as rule

ca(scopes, policy) := {"type": "ConnectedApp", "fullName": "Mail", "path": "connectedApps/Mail.connectedApp", "content": {"oauthConfig": {"scopes": scopes}, "sessionPolicy": policy}}

org(apps) := {"types": {"ConnectedApp": apps}, "externalClientApps": {}}

test_full_scope_without_high_assurance_fires if {
	some f in rule.deny with input as org([ca(["Api", "Full"], {"policyAction": "RaiseSessionLevel"})])
	f.element == ["sessionPolicy", "sessionLevel"]
	contains(f.msg, "absent")
}

test_high_assurance_or_no_full_scope_is_silent if {
	count(rule.deny) == 0 with input as org([ca(["Full"], {"sessionLevel": "HIGH_ASSURANCE"})])
	count(rule.deny) == 0 with input as org([ca(["Api", "RefreshToken"], {})])
}

test_eca_uses_scopes_from_its_settings_file if {
	e := {"IGA": {
		"header": null, "globalOauth": null, "policies": null,
		"oauthSettings": {"type": "ExtlClntAppOauthSettings", "path": "o", "content": {"commaSeparatedOauthScopes": "Api, Full"}},
		"oauthPolicies": {"type": "ExtlClntAppOauthConfigurablePolicies", "path": "p", "content": {"requiredSessionLevel": "STANDARD"}},
	}}
	some f in rule.deny with input as {"types": {}, "externalClientApps": e}
	f.document == "p"
	f.element == ["requiredSessionLevel"]
}
