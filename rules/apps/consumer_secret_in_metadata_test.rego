package sfguard.rules.apps.consumer_secret_in_metadata_test

import rego.v1

import data.sfguard.rules.apps.consumer_secret_in_metadata as rule

secret := "E5C0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E"

test_connected_app_secret_fires_without_printing_it if {
	some f in rule.deny with input as {"type": "ConnectedApp", "fullName": "Billing", "content": {"oauthConfig": {"consumerSecret": secret}}}
	f.element == ["oauthConfig", "consumerSecret"]
	not contains(f.msg, secret)
	contains(f.msg, "64 characters")
}

test_eca_secret_fires if {
	some f in rule.deny with input as {"type": "ExtlClntAppGlobalOauthSettings", "fullName": "B_glbloauth", "content": {"externalClientApplication": "B", "consumerSecret": secret}}
	f.element == ["consumerSecret"]
}

test_placeholders_and_empty_are_silent if {
	every v in ["", "xxxxxxxxxx", "${CONSUMER_SECRET}", "<consumer-secret>", "YOUR_SECRET_HERE", "changeme"] {
		count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "B", "content": {"oauthConfig": {"consumerSecret": v}}}
	}
}

test_absent_is_silent if {
	count(rule.deny) == 0 with input as {"type": "ConnectedApp", "fullName": "B", "content": {"oauthConfig": {"consumerKey": "3MVG9abc"}}}
}
