package sfguard.rules.apps.device_flow_test

import rego.v1

import data.sfguard.rules.apps.device_flow as rule

test_bad_value_fires_0 if {
	some f in rule.deny with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "Field_App", "content": {"externalClientApplication": "Field_App", "isDeviceFlowEnabled": true}}
	f.element == ["isDeviceFlowEnabled"]
	f.value == true
	contains(f.msg, "Field_App")
}

test_safe_value_is_silent_0 if {
	count(rule.deny) == 0 with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "Field_App", "content": {"externalClientApplication": "Field_App", "isDeviceFlowEnabled": false}}
}

test_absent_takes_the_safe_default_0 if {
	count(rule.deny) == 0 with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "Field_App", "content": {"externalClientApplication": "Field_App"}}
}
