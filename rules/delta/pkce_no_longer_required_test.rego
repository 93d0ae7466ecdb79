package sfguard.rules.delta.pkce_no_longer_required_test

import rego.v1

import data.sfguard.rules.delta.pkce_no_longer_required as rule

ca(oauth) := {"type": "ConnectedApp", "fullName": "Mobile", "content": {"oauthConfig": oauth}}

glbl(c) := {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "Mobile_glbloauth", "content": object.union({"externalClientApplication": "Mobile"}, c)}

oidc(c) := {"type": "OauthOidcSettings", "fullName": "OauthOidc", "content": c}

test_connected_app_true_to_false if {
	some f in rule.deny with input as {"base": ca({"isPkceRequired": true}), "head": ca({"isPkceRequired": false})}
	f.element == ["oauthConfig", "isPkceRequired"]
	f.severity == "medium"
	startswith(f.msg, "Connected app Mobile no longer requires PKCE")
}

test_connected_app_element_removed_means_false if {
	count(rule.deny) == 1 with input as {"base": ca({"isPkceRequired": true}), "head": ca({"scopes": ["Api"]})}
}

test_connected_app_silent_cases if {
	count(rule.deny) == 0 with input as {"base": ca({"isPkceRequired": false}), "head": ca({"isPkceRequired": false})}
	count(rule.deny) == 0 with input as {"base": ca({"isPkceRequired": false}), "head": ca({"isPkceRequired": true})}
	count(rule.deny) == 0 with input as {"base": ca({"isPkceRequired": true}), "head": ca({"isPkceRequired": true})}
	count(rule.deny) == 0 with input as {"base": null, "head": ca({"isPkceRequired": false})}
}

test_eca_explicit_false_fires if {
	some f in rule.deny with input as {"base": glbl({}), "head": glbl({"isPkceRequired": false})}
	f.element == ["isPkceRequired"]
	startswith(f.msg, "External client app Mobile no longer requires PKCE")
}

test_eca_absent_means_true if {
	count(rule.deny) == 0 with input as {"base": glbl({"isPkceRequired": true}), "head": glbl({})}
}

test_org_setting_switched_off_is_high if {
	some f in rule.deny with input as {"base": oidc({"isPkceRequired": true}), "head": oidc({"isPkceRequired": false})}
	f.severity == "high"
}

test_org_setting_unchanged_is_silent if {
	count(rule.deny) == 0 with input as {"base": oidc({"isPkceRequired": false}), "head": oidc({"isPkceRequired": false})}
}
