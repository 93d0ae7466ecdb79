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
#   revoked.
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
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies]
#   reads: [oauthConfig, oauthPolicy, refreshTokenPolicyType]
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

deny contains f if {
	input.type == "ConnectedApp"
	input.content.oauthConfig
	policy := object.get(input.content, ["oauthPolicy", "refreshTokenPolicy"], "")
	policy in {"infinite", ""}
	f := {
		"msg": message(policy),
		"element": ["oauthPolicy", "refreshTokenPolicy"],
		"value": policy,
	}
}

deny contains f if {
	input.type == "ExtlClntAppOauthConfigurablePolicies"
	input.content.refreshTokenPolicyType == "Infinite"
	f := {
		"msg": sprintf("External client app %s keeps refresh tokens valid until revoked (refreshTokenPolicyType Infinite): one leaked refresh token gives lasting API access", [app_name]),
		"element": ["refreshTokenPolicyType"],
		"value": "Infinite",
	}
}

message(policy) := sprintf("Connected app %s keeps refresh tokens valid until revoked (refreshTokenPolicy infinite): one leaked refresh token gives lasting API access", [input.fullName]) if policy == "infinite"

message(policy) := sprintf("Connected app %s has no refresh token policy, and Salesforce's default is \"valid until revoked\": one leaked refresh token gives lasting API access", [input.fullName]) if policy == ""

app_name := object.get(input.content, "externalClientApplication", input.fullName)
