# METADATA
# title: Refresh token policy relaxed
# description: |
#   In PR mode (`--diff-base`), reports a connected app
#   (`oauthPolicy/refreshTokenPolicy`) or external client app
#   (`refreshTokenPolicyType` with `refreshTokenValidityPeriod` and
#   `refreshTokenValidityUnit`) whose refresh tokens live longer after the
#   change than before: "immediately expire" to any lifetime, a longer
#   lifetime or inactivity window, a fixed lifetime to an inactivity window
#   (which use can extend forever), or anything to "valid until revoked".
#   A connected app without a refresh token policy is valid until revoked,
#   Salesforce's default. Relaxing to "valid until revoked" is high; other
#   relaxations are medium.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_oauth.htm
#     description: Manage OAuth access policies for a connected app
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppOauthPolicy)
# custom:
#   id: SFG-DELTA-003
#   severity: high
#   scope: delta
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies]
#   reads: [oauthConfig, oauthPolicy, refreshTokenPolicyType, refreshTokenValidityPeriod, refreshTokenValidityUnit, externalClientApplication]
#   tags: [security, delta, oauth, refresh-token, connected-app, external-client-app]
#   remediation: |
#     Keep the shorter refresh token lifetime unless the integration truly
#     needs longer-lived tokens; prefer "expire refresh token if not used for"
#     a short window over "valid until revoked". If the change is intended,
#     record the decision with a suppression that has a reason and an expiry.
package sfguard.rules.delta.refresh_token_relaxed

import rego.v1

import data.sfguard.lib.oauth

specific := {"lifetime", "inactivity"}

# looser(a, b): tokens under policy a can be used for longer than under b.
looser(a, b) if {
	a.kind == "infinite"
	b.kind != "infinite"
}

looser(a, b) if {
	b.kind == "zero"
	a.kind != "zero"
}

looser(a, b) if {
	a.kind in specific
	b.kind in specific
	a.hours > b.hours
}

looser(a, b) if {
	a.kind == "inactivity"
	b.kind == "lifetime"
	a.hours >= b.hours
}

severity(p) := "high" if p.kind == "infinite"

else := "medium"

ca_policy(c) := object.get(c, ["oauthPolicy", "refreshTokenPolicy"], "infinite")

deny contains f if {
	input.head.type == "ConnectedApp"
	input.base != null
	input.base.content.oauthConfig
	input.head.content.oauthConfig
	before := ca_policy(input.base.content)
	after := ca_policy(input.head.content)
	looser(oauth.refresh_token(after), oauth.refresh_token(before))
	f := {
		"msg": sprintf("Connected app %s relaxes its refresh token policy from %s to %s", [input.head.fullName, describe(before), describe(after)]),
		"severity": severity(oauth.refresh_token(after)),
		"element": ["oauthPolicy", "refreshTokenPolicy"],
		"value": after,
	}
}

deny contains f if {
	input.head.type == "ExtlClntAppOauthConfigurablePolicies"
	input.base != null
	before := oauth.eca_refresh_token(input.base.content)
	after := oauth.eca_refresh_token(input.head.content)
	looser(after, before)
	app := object.get(input.head.content, "externalClientApplication", input.head.fullName)
	f := {
		"msg": sprintf("External client app %s relaxes its refresh token policy from %s to %s", [app, eca_describe(before), eca_describe(after)]),
		"severity": severity(after),
		"element": ["refreshTokenPolicyType"],
		"value": eca_describe(after),
	}
}

describe(p) := "\"valid until revoked\" (infinite)" if p == "infinite"

else := "\"immediately expire\" (zero)" if p == "zero"

else := p

eca_describe(p) := "\"valid until revoked\" (Infinite)" if p.kind == "infinite"

else := "\"immediately expire\" (Zero)" if p.kind == "zero"

else := sprintf("%s %d %s", [p.kind, p.amount, lower(p.unit)])
