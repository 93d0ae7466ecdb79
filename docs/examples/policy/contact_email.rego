# METADATA
# title: Connected app without a contact email
# description: |
#   Every connected app must name who to call when its credentials leak or its
#   vendor is breached. Salesforce shows the contact email on the app's page
#   in App Manager; without it, an incident responder has to guess who owns
#   the integration.
# related_resources:
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (contactEmail)
# custom:
#   id: ACME-APP-001
#   severity: low
#   types: [ConnectedApp]
#   reads: [contactEmail, label]
#   tags: [acme, ownership]
#   remediation: |
#     Setup → App Manager → the app → Edit → Contact Email: the owning team's
#     mailbox. In metadata: <contactEmail>team@example.com</contactEmail>.
package acme.contact_email

import rego.v1

deny contains f if {
	object.get(input.content, "contactEmail", "") == ""
	f := {
		"msg": sprintf("Connected app %s (%s) has no contact email", [input.fullName, object.get(input.content, "label", "")]),
		"element": ["contactEmail"],
	}
}
