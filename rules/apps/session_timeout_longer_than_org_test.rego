package sfguard.rules.apps.session_timeout_longer_than_org_test

import rego.v1

import data.sfguard.rules.apps.session_timeout_longer_than_org as rule

ca(m) := {"type": "ConnectedApp", "fullName": "Mail", "path": "connectedApps/Mail.connectedApp", "content": {"sessionPolicy": {"sessionTimeout": m}}}

security(v) := {"type": "SecuritySettings", "fullName": "Security", "path": "settings/Security.settings", "content": {"sessionSettings": {"sessionTimeout": v}}}

test_longer_than_org_fires if {
	some f in rule.deny with input as {"types": {"ConnectedApp": [ca(240)], "SecuritySettings": [security("TwoHours")]}}
	f.document == "connectedApps/Mail.connectedApp"
	f.element == ["sessionPolicy", "sessionTimeout"]
	contains(f.msg, "4 hours")
	contains(f.msg, "org-wide session timeout of 2 hours")
}

test_equal_or_shorter_is_silent if {
	count(rule.deny) == 0 with input as {"types": {"ConnectedApp": [ca(720)], "SecuritySettings": [security("TwelveHours")]}}
	count(rule.deny) == 0 with input as {"types": {"ConnectedApp": [ca(15)], "SecuritySettings": [security("ThirtyMinutes")]}}
}

test_baseline_without_security_settings if {
	some f in rule.deny with input as {"types": {"ConnectedApp": [ca(480)]}}
	contains(f.msg, "baseline")
	count(rule.deny) == 0 with input as {"types": {"ConnectedApp": [ca(120)]}}
}

test_eca_minutes if {
	some f in rule.deny with input as {"types": {"ExtlClntAppOauthConfigurablePolicies": [{"type": "ExtlClntAppOauthConfigurablePolicies", "fullName": "IGA_oauthPlcy", "path": "p", "content": {"externalClientApplication": "IGA", "sessionTimeoutInMinutes": 1440}}], "SecuritySettings": [security("TwelveHours")]}}
	f.element == ["sessionTimeoutInMinutes"]
	contains(f.msg, "External client app IGA")
}

test_no_own_timeout_inherits if {
	count(rule.deny) == 0 with input as {"types": {"ConnectedApp": [{"type": "ConnectedApp", "fullName": "M", "path": "m", "content": {"sessionPolicy": {"policyAction": "RaiseSessionLevel"}}}]}}
}
