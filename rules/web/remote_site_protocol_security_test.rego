package sfguard.rules.web.remote_site_protocol_security_test

import rego.v1

import data.sfguard.rules.web.remote_site_protocol_security as rule

doc(c) := {"type": "RemoteSiteSetting", "fullName": "ERP_API", "path": "remoteSiteSettings/ERP_API.remoteSite", "content": c}

test_disabled_fires if {
	some f in rule.deny with input as doc({"disableProtocolSecurity": true, "isActive": true, "url": "https://erp.example.com"})
	f.element == ["disableProtocolSecurity"]
	not f.severity
	contains(f.msg, "https sessions to http")
}

test_inactive_is_info if {
	some f in rule.deny with input as doc({"disableProtocolSecurity": true, "isActive": false, "url": "https://erp.example.com"})
	f.severity == "info"
	contains(f.msg, "inactive")
}

test_enabled_or_absent_is_silent if {
	count(rule.deny) == 0 with input as doc({"disableProtocolSecurity": false, "isActive": true, "url": "https://erp.example.com"})
	count(rule.deny) == 0 with input as doc({"isActive": true, "url": "https://erp.example.com"})
}
