# METADATA
# title: OAuth scope newly added to an app
# description: |
#   In PR mode (`--diff-base`), reports OAuth scopes that a connected app
#   (`oauthConfig/scopes`) or an external client app
#   (`commaSeparatedOauthScopes` in its OAuth settings) requests in the change
#   but did not request at the base revision. A scope decides what every token
#   issued to the app can do, for every user who authorises it. `Full` and
#   `RefreshToken` (offline access) are reported as high, `Api`, `Web` and
#   the API platform scopes as medium, identity-only scopes (`Basic`,
#   `OpenID`, `Profile`, `Email`, `Address`, `Phone`) as info and the rest
#   as low. For an app that is new in the change all its scopes are reported.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm
#     description: OAuth tokens and scopes
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppOauthConfig scopes)
# custom:
#   id: SFG-DELTA-002
#   severity: high
#   scope: delta
#   types: [ConnectedApp, ExtlClntAppOauthSettings]
#   reads: [oauthConfig, commaSeparatedOauthScopes, externalClientApplication]
#   tags: [security, delta, oauth, connected-app, external-client-app, scopes]
#   remediation: |
#     Request the narrowest scopes the integration needs: `Api` instead of
#     `Full`, and `RefreshToken` only when the integration must work while no
#     user is present. If the new scope is needed, record the decision with a
#     suppression that has a reason and an expiry date.
package sfguard.rules.delta.oauth_scope_added

import rego.v1

import data.sfguard.lib.delta
import data.sfguard.lib.oauth

scope_severity := {
	"Full": "high", "RefreshToken": "high", "OfflineAccess": "high",
	"Api": "medium", "Web": "medium", "SFApiPlatform": "medium", "MCP": "medium",
	"CustomApplications": "medium", "CDPQuery": "medium", "CDPIngest": "medium",
	"Basic": "info", "OpenID": "info", "Profile": "info", "Email": "info", "Address": "info", "Phone": "info",
}

severity(s) := v if v := scope_severity[s]

else := "low"

scope_effect := {
	"Full": "full access to everything the user can reach, including refresh tokens",
	"RefreshToken": "offline access: refresh tokens that keep working while the user is away",
	"OfflineAccess": "offline access: refresh tokens that keep working while the user is away",
	"Api": "the user's data through the REST and SOAP APIs",
	"Web": "the web UI with the user's session",
	"SFApiPlatform": "the Salesforce API platform",
	"MCP": "Salesforce MCP servers acting as the user",
}

effect(s) := sprintf(" (%s)", [scope_effect[s]]) if scope_effect[s]

else := ""

verb := "(new in this change) requests" if delta.is_new

else := "newly requests"

deny contains f if {
	input.head.type == "ConnectedApp"
	before := {s | some s in object.get(delta.base_content, ["oauthConfig", "scopes"], [])}
	some i, s in object.get(input.head.content, ["oauthConfig", "scopes"], [])
	not s in before
	f := {
		"msg": sprintf("Connected app %s %s OAuth scope %s%s", [input.head.fullName, verb, s, effect(s)]),
		"severity": severity(s),
		"element": ["oauthConfig", "scopes", i],
		"value": s,
	}
}

deny contains f if {
	input.head.type == "ExtlClntAppOauthSettings"
	before := oauth.eca_scopes(object.get(delta.base_content, "commaSeparatedOauthScopes", ""))
	some s in oauth.eca_scopes(object.get(input.head.content, "commaSeparatedOauthScopes", ""))
	not s in before
	app := object.get(input.head.content, "externalClientApplication", input.head.fullName)
	f := {
		"msg": sprintf("External client app %s %s OAuth scope %s%s", [app, verb, s, effect(s)]),
		"severity": severity(s),
		"element": ["commaSeparatedOauthScopes"],
		"value": s,
	}
}
