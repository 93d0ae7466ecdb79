package sfguard.rules.apps.global_oauth_in_source_test

import rego.v1

import data.sfguard.rules.apps.global_oauth_in_source as rule

test_any_global_settings_file_is_reported_at_its_root if {
	some f in rule.deny with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "IGA_glbloauth", "path": "extlClntAppGlobalOauthSets/IGA_glbloauth.ecaGlblOauth", "content": {"externalClientApplication": "IGA"}}
	f.element == []
	contains(f.msg, "External client app IGA")
}

test_other_eca_files_are_fine if {
	count(rule.deny) == 0 with input as {"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "IGA_oauthPlcy", "path": "p", "content": {"externalClientApplication": "IGA"}}
}
