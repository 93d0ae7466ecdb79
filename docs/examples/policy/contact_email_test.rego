package acme.contact_email_test

import rego.v1

import data.acme.contact_email

app(content) := {"type": "ConnectedApp", "fullName": "Billing_Sync", "path": "connectedApps/Billing_Sync.connectedApp", "format": "mdapi", "content": content}

test_missing_email if {
	count(contact_email.deny) == 1 with input as app({"label": "Billing Sync"})
}

test_empty_email if {
	count(contact_email.deny) == 1 with input as app({"label": "Billing Sync", "contactEmail": ""})
}

test_email_set if {
	count(contact_email.deny) == 0 with input as app({"label": "Billing Sync", "contactEmail": "billing-team@example.com"})
}
