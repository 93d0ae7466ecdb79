# METADATA
# title: Refresh token lifetime longer than the maximum
# description: |
#   A refresh token policy with an expiry is only as good as its length. "Expire
#   refresh token after 12 months" or "if not used for 1 year" still gives a
#   stolen token most of a year of silent API access, long enough for a laptop
#   image, a backup or a vendor's database to leak and be used. This rule
#   reports a specific lifetime or inactivity window longer than a
#   configurable maximum (90 days by default), in both representations: the
#   connected app `refreshTokenPolicy` string and the external client app
#   `refreshTokenPolicyType` with `refreshTokenValidityPeriod`/`Unit`.
#   "Valid until revoked" is SFG-APP-001's business; "immediately expire" is
#   fine.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_oauth.htm
#     description: Manage OAuth access policies for a connected app (refresh token policy)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppOauthPolicy.refreshTokenPolicy)
# custom:
#   id: SFG-APP-005
#   severity: medium
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies]
#   reads: [oauthConfig, oauthPolicy, refreshTokenPolicyType, refreshTokenValidityPeriod, refreshTokenValidityUnit, externalClientApplication]
#   params:
#     refresh_token_max_days: 90
#   tags: [security, oauth, refresh-token, connected-app, external-client-app]
#   remediation: |
#     Setup → App Manager → the app → Manage → Edit Policies → Refresh Token
#     Policy: "Expire refresh token if not used for" 30 days or less (or a
#     lifetime within the maximum). In metadata:
#     `<refreshTokenPolicy>specific_inactivity:30:DAYS</refreshTokenPolicy>`
#     (ConnectedApp) or `refreshTokenValidityPeriod` 30 with
#     `refreshTokenValidityUnit` Days (external client app OAuth policies).
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field Sales Mobile</label>
#           <oauthConfig><scopes>Api</scopes><scopes>RefreshToken</scopes></oauthConfig>
#           <oauthPolicy>
#               <ipRelaxation>ENFORCE</ipRelaxation>
#               <refreshTokenPolicy>specific_lifetime:12:MONTHS</refreshTokenPolicy>
#           </oauthPolicy>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field Sales Mobile</label>
#           <oauthConfig><scopes>Api</scopes><scopes>RefreshToken</scopes></oauthConfig>
#           <oauthPolicy>
#               <ipRelaxation>ENFORCE</ipRelaxation>
#               <refreshTokenPolicy>specific_inactivity:30:DAYS</refreshTokenPolicy>
#           </oauthPolicy>
#       </ConnectedApp>
package sfguard.rules.apps.refresh_token_too_long

import rego.v1

import data.sfguard.lib.oauth

# The default applies when no engine data is loaded (Rego unit tests).
default max_days := 90

max_days := data.sfguard.params.refresh_token_max_days

wording := {"lifetime": "expire after", "inactivity": "expire only when unused for"}

finding(rt, element, value) := {
	"msg": sprintf("%s lets refresh tokens %s %d %s (%s): a stolen refresh token keeps minting access tokens for that long; the maximum is %d days", [oauth.app_name(input), wording[rt.kind], rt.amount, lower(rt.unit), value, max_days]),
	"element": element,
	"value": value,
}

deny contains f if {
	input.type == "ConnectedApp"
	input.content.oauthConfig
	value := input.content.oauthPolicy.refreshTokenPolicy
	rt := oauth.refresh_token(value)
	rt.kind in {"lifetime", "inactivity"}
	rt.hours > max_days * 24
	f := finding(rt, ["oauthPolicy", "refreshTokenPolicy"], value)
}

deny contains f if {
	input.type == "ExtlClntAppOauthConfigurablePolicies"
	rt := oauth.eca_refresh_token(input.content)
	rt.kind in {"lifetime", "inactivity"}
	rt.hours > max_days * 24
	f := finding(rt, ["refreshTokenValidityPeriod"], sprintf("%s %d %s", [input.content.refreshTokenPolicyType, rt.amount, input.content.refreshTokenValidityUnit]))
}
