# METADATA
# title: Refresh token valid until revoked
# description: |
#   The app's OAuth policy keeps refresh tokens valid until someone revokes
#   them. A refresh token is a long-lived credential: whoever holds one can mint
#   new access tokens for the user who authorised the app, without a password,
#   a security token or MFA. With "valid until revoked" a token copied from a
#   laptop, a CI variable or an integration's database keeps working for years.
#   Salesforce's default for connected apps is exactly this policy: a
#   ConnectedApp without `oauthPolicy/refreshTokenPolicy` is valid until
#   revoked, and so is a value Salesforce does not document. Only apps that
#   can obtain refresh tokens are reported: the RefreshToken (or
#   OfflineAccess) scope, and for external client apps the scopes of their
#   OAuth settings file (assumed possible when that file is not in the scan).
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_manage_oauth.htm
#     description: Manage OAuth access policies for a connected app
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_limit_idle_ttl.htm
#     description: Limit the idle refresh token TTL in connected apps
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppOauthPolicy)
# custom:
#   id: SFG-APP-001
#   severity: high
#   scope: org
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies, ExtlClntAppOauthSettings]
#   reads: [oauthConfig, oauthPolicy, refreshTokenPolicyType, commaSeparatedOauthScopes, externalClientApplication]
#   tags: [security, oauth, connected-app, external-client-app, refresh-token]
#   remediation: |
#     In Setup → App Manager → the app → Manage → Edit Policies, set Refresh
#     Token Policy to "Expire refresh token if not used for" a short window (for
#     example 30 days) or "Expire refresh token after" a fixed lifetime. In
#     metadata: `<refreshTokenPolicy>specific_inactivity:30:DAYS</refreshTokenPolicy>`
#     under `<oauthPolicy>` (ConnectedApp), or `refreshTokenPolicyType`
#     `SpecificInactivity` with `refreshTokenValidityPeriod`/`refreshTokenValidityUnit`
#     (external client app OAuth policies).
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Marketing Sync</label>
#           <oauthConfig>
#               <callbackUrl>https://sync.example.com/oauth/callback</callbackUrl>
#               <scopes>Api</scopes>
#               <scopes>RefreshToken</scopes>
#           </oauthConfig>
#           <oauthPolicy>
#               <ipRelaxation>ENFORCE</ipRelaxation>
#               <refreshTokenPolicy>infinite</refreshTokenPolicy>
#           </oauthPolicy>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Marketing Sync</label>
#           <oauthConfig>
#               <callbackUrl>https://sync.example.com/oauth/callback</callbackUrl>
#               <scopes>Api</scopes>
#               <scopes>RefreshToken</scopes>
#           </oauthConfig>
#           <oauthPolicy>
#               <ipRelaxation>ENFORCE</ipRelaxation>
#               <refreshTokenPolicy>specific_inactivity:30:DAYS</refreshTokenPolicy>
#           </oauthPolicy>
#       </ConnectedApp>
package sfguard.rules.apps.refresh_token_infinite

import rego.v1

import data.sfguard.lib.enums
import data.sfguard.lib.oauth

deny contains f if {
	some d in object.get(input.types, "ConnectedApp", [])
	d.content.oauthConfig
	scope := oauth.ca_refresh_tokens(d.content)
	policy := object.get(d.content, ["oauthPolicy", "refreshTokenPolicy"], "")
	why := ca_reading(policy)
	f := {
		"msg": sprintf("Connected app %s keeps refresh tokens valid until revoked (%s), and %s: one leaked refresh token gives lasting API access", [d.fullName, why, oauth.refresh_clause(scope)]),
		"document": d.path,
		"element": ["oauthPolicy", "refreshTokenPolicy"],
		"value": policy,
	}
}

ca_reading("") := "no refresh token policy; Salesforce's default is \"valid until revoked\""

ca_reading(p) := "refreshTokenPolicy infinite" if p == "infinite"

ca_reading(p) := enums.note("ConnectedApp", "oauthPolicy/refreshTokenPolicy", p, "valid until revoked") if {
	p != ""
	enums.unrecognised("ConnectedApp", "oauthPolicy/refreshTokenPolicy", p)
}

deny contains f if {
	some name, e in input.externalClientApps
	p := e.oauthPolicies
	p != null
	t := "ExtlClntAppOauthConfigurablePolicies"
	value := object.get(p.content, "refreshTokenPolicyType", "")
	value != ""
	enums.effective(t, "refreshTokenPolicyType", value) == "Infinite"
	scope := oauth.eca_refresh_tokens(e)
	f := {
		"msg": sprintf("External client app %s keeps refresh tokens valid until revoked (%s), and %s: one leaked refresh token gives lasting API access", [name, eca_reading(value), oauth.refresh_clause(scope)]),
		"document": p.path,
		"element": ["refreshTokenPolicyType"],
		"value": value,
	}
}

eca_reading("Infinite") := "refreshTokenPolicyType Infinite"

eca_reading(v) := enums.note("ExtlClntAppOauthConfigurablePolicies", "refreshTokenPolicyType", v, "Infinite") if v != "Infinite"
