# METADATA
# title: IP relaxation policy relaxed
# description: |
#   In PR mode (`--diff-base`), reports a connected app
#   (`oauthPolicy/ipRelaxation`) or external client app
#   (`ipRelaxationPolicyType`) whose tokens are held to the user's profile
#   login IP ranges less strictly after the change: Enforce → Enforce but
#   relax for refresh tokens → Relax for activated devices (second factor) →
#   Relax IP restrictions. With "Relax IP restrictions" a stolen token works
#   from any network even though the user's profile restricts logins by IP.
#   An absent setting means Enforce. Relaxing fully is high; partial
#   relaxations are medium.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_continuous_ip.htm
#     description: Connected app IP relaxation and continuous IP enforcement
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppOauthPolicy ipRelaxation)
# custom:
#   id: SFG-DELTA-004
#   severity: high
#   scope: delta
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies]
#   reads: [oauthConfig, oauthPolicy, ipRelaxationPolicyType, externalClientApplication]
#   tags: [security, delta, oauth, network, connected-app, external-client-app]
#   remediation: |
#     Keep "Enforce IP restrictions" and add the integration's egress
#     addresses to the login IP ranges of its profile instead. If the
#     relaxation is needed, record the decision with a suppression that has a
#     reason and an expiry date.
package sfguard.rules.delta.ip_relaxation_relaxed

import rego.v1

import data.sfguard.lib.oauth

rank := {"enforce": 0, "relax_refresh": 1, "relax_2fa": 2, "relax": 3}

label := {
	"enforce": "Enforce IP restrictions",
	"relax_refresh": "Enforce IP restrictions, but relax for refresh tokens",
	"relax_2fa": "Relax IP restrictions for activated devices",
	"relax": "Relax IP restrictions",
}

relaxed(before, after) := r if {
	b := oauth.ip_relaxation[before]
	a := oauth.ip_relaxation[after]
	rank[a] > rank[b]
	r := {"before": b, "after": a}
}

severity(r) := "high" if r.after == "relax"

else := "medium"

deny contains f if {
	input.head.type == "ConnectedApp"
	input.base != null
	input.head.content.oauthConfig
	before := object.get(input.base.content, ["oauthPolicy", "ipRelaxation"], "ENFORCE")
	after := object.get(input.head.content, ["oauthPolicy", "ipRelaxation"], "ENFORCE")
	r := relaxed(before, after)
	f := {
		"msg": sprintf("Connected app %s relaxes IP restrictions from %q (%s) to %q (%s)", [input.head.fullName, label[r.before], before, label[r.after], after]),
		"severity": severity(r),
		"element": ["oauthPolicy", "ipRelaxation"],
		"value": after,
	}
}

deny contains f if {
	input.head.type == "ExtlClntAppOauthConfigurablePolicies"
	input.base != null
	before := object.get(input.base.content, "ipRelaxationPolicyType", "Enforce")
	after := object.get(input.head.content, "ipRelaxationPolicyType", "Enforce")
	r := relaxed(before, after)
	app := object.get(input.head.content, "externalClientApplication", input.head.fullName)
	f := {
		"msg": sprintf("External client app %s relaxes IP restrictions from %q (%s) to %q (%s)", [app, label[r.before], before, label[r.after], after]),
		"severity": severity(r),
		"element": ["ipRelaxationPolicyType"],
		"value": after,
	}
}
