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
#   scope: org
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies, ExtlClntAppOauthSettings]
#   reads: [oauthConfig, oauthPolicy, refreshTokenPolicyType, refreshTokenValidityPeriod, refreshTokenValidityUnit, commaSeparatedOauthScopes, externalClientApplication]
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

import data.sfguard.lib.enums
import data.sfguard.lib.oauth

# The default applies when no engine data is loaded (Rego unit tests).
default max_days := 90

max_days := data.sfguard.params.refresh_token_max_days

wording := {"lifetime": "expire after", "inactivity": "expire only when unused for"}

# Only apps that can obtain refresh tokens (oauth.ca_refresh_tokens) are
# graded; the message names the scope that makes the token possible.
finding(d, name, rt, element, value, scope, note) := {
	"msg": sprintf("%s lets refresh tokens %s %d %s (%s%s), and %s: a stolen refresh token keeps minting access tokens for that long; the maximum is %d days", [name, wording[rt.kind], rt.amount, lower(rt.unit), value, note, oauth.refresh_clause(scope), max_days]),
	"document": d.path,
	"element": element,
	"value": value,
}

deny contains f if {
	some d in object.get(input.types, "ConnectedApp", [])
	d.content.oauthConfig
	scope := oauth.ca_refresh_tokens(d.content)
	value := d.content.oauthPolicy.refreshTokenPolicy
	rt := oauth.refresh_token(value)
	rt.kind in {"lifetime", "inactivity"}
	rt.hours > max_days * 24
	f := finding(d, oauth.app_name(d), rt, ["oauthPolicy", "refreshTokenPolicy"], value, scope, "")
}

deny contains f if {
	some name, e in input.externalClientApps
	p := e.oauthPolicies
	p != null
	scope := oauth.eca_refresh_tokens(e)
	t := "ExtlClntAppOauthConfigurablePolicies"
	unit := object.get(p.content, "refreshTokenValidityUnit", "Days")
	c := object.union(p.content, {"refreshTokenValidityUnit": enums.effective(t, "refreshTokenValidityUnit", unit)})
	rt := oauth.eca_refresh_token(c)
	rt.kind in {"lifetime", "inactivity"}
	rt.hours > max_days * 24
	value := sprintf("%s %d %s", [p.content.refreshTokenPolicyType, rt.amount, unit])
	f := finding(p, sprintf("External client app %s", [name]), rt, eca_element(unit), value, scope, unit_note(unit))
}

# An unrecognised unit is the reason for the finding, so it points there.
eca_element(unit) := ["refreshTokenValidityUnit"] if {
	enums.unrecognised("ExtlClntAppOauthConfigurablePolicies", "refreshTokenValidityUnit", unit)
} else := ["refreshTokenValidityPeriod"]

unit_note(unit) := sprintf("; %s", [enums.note("ExtlClntAppOauthConfigurablePolicies", "refreshTokenValidityUnit", unit, "Months")]) if {
	enums.unrecognised("ExtlClntAppOauthConfigurablePolicies", "refreshTokenValidityUnit", unit)
} else := ""
