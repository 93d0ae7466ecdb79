# METADATA
# title: IP restrictions relaxed for the app
# description: |
#   A profile's login IP ranges are the strongest network control Salesforce
#   has: outside them a login fails, password and security token or not. The
#   connected app's IP Relaxation policy decides whether OAuth tokens issued to
#   the app obey those ranges. "Relax IP restrictions" (BYPASS) lets a token be
#   used from any address, so a stolen token works from the attacker's network
#   even for a user whose profile is locked to the office. Combined with a
#   refresh token that is valid until revoked, one leaked refresh token is
#   permanent access from anywhere. "Relax IP restrictions for activated
#   devices" (BYPASS_2FACTOR) and "Enforce IP restrictions, but relax for
#   refresh tokens" (ENFORCE_RELAXREFRESH) are narrower but still weaken the
#   ranges.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_continuous_ip.htm
#     description: Connected app IP relaxation and continuous IP enforcement
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (ConnectedAppOauthPolicy.ipRelaxation)
# custom:
#   id: SFG-APP-003
#   severity: high
#   types: [ConnectedApp, ExtlClntAppOauthConfigurablePolicies]
#   reads: [oauthConfig, oauthPolicy, ipRelaxationPolicyType, refreshTokenPolicyType, externalClientApplication]
#   tags: [security, oauth, connected-app, external-client-app, network]
#   remediation: |
#     Setup → App Manager → the app → Manage → Edit Policies → IP Relaxation:
#     choose "Enforce IP restrictions" and add the integration's egress
#     addresses to the integration user's profile login IP ranges instead. In
#     metadata: `<ipRelaxation>ENFORCE</ipRelaxation>` (ConnectedApp) or
#     `<ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>` (external
#     client app OAuth policies).
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Data Sync</label>
#           <oauthConfig><callbackUrl>https://sync.example.com/cb</callbackUrl></oauthConfig>
#           <oauthPolicy>
#               <ipRelaxation>BYPASS</ipRelaxation>
#               <refreshTokenPolicy>infinite</refreshTokenPolicy>
#           </oauthPolicy>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Data Sync</label>
#           <oauthConfig><callbackUrl>https://sync.example.com/cb</callbackUrl></oauthConfig>
#           <oauthPolicy>
#               <ipRelaxation>ENFORCE</ipRelaxation>
#               <refreshTokenPolicy>specific_inactivity:30:DAYS</refreshTokenPolicy>
#           </oauthPolicy>
#       </ConnectedApp>
package sfguard.rules.apps.ip_relaxation

import rego.v1

import data.sfguard.lib.enums
import data.sfguard.lib.names
import data.sfguard.lib.oauth

deny contains f if {
	input.type == "ConnectedApp"
	input.content.oauthConfig
	value := input.content.oauthPolicy.ipRelaxation
	level := oauth.relaxation("ConnectedApp", "oauthPolicy/ipRelaxation", value)
	level != "enforce"
	rt := object.get(input.content, ["oauthPolicy", "refreshTokenPolicy"], "infinite")
	infinite := enums.effective("ConnectedApp", "oauthPolicy/refreshTokenPolicy", rt) == "infinite"
	f := finding(sprintf("Connected app %s", [input.fullName]), "ConnectedApp", "oauthPolicy/ipRelaxation", value, level, infinite, ["oauthPolicy", "ipRelaxation"])
}

deny contains f if {
	input.type == "ExtlClntAppOauthConfigurablePolicies"
	value := input.content.ipRelaxationPolicyType
	level := oauth.relaxation(input.type, "ipRelaxationPolicyType", value)
	level != "enforce"
	app := names.of(input.content, "externalClientApplication", input.fullName)
	rt := object.get(input.content, "refreshTokenPolicyType", "Infinite")
	infinite := enums.effective(input.type, "refreshTokenPolicyType", rt) == "Infinite"
	f := finding(sprintf("External client app %s", [app]), input.type, "ipRelaxationPolicyType", value, level, infinite, ["ipRelaxationPolicyType"])
}

# An undocumented value is read as fully relaxed, and the message says so.
finding(who, type, path, value, level, infinite, element) := {
	"msg": sprintf("%s %s (%s)%s", [who, wording[level], shown(type, path, value), suffix(level, infinite)]),
	"severity": severity(level, infinite),
	"element": element,
	"value": value,
}

shown(type, path, value) := enums.note(type, path, value, "relaxed") if {
	enums.unrecognised(type, path, value)
} else := sprintf("%s %s", [enums.element(path), value])

wording := {
	"relax": "ignores profile login IP ranges for its tokens",
	"relax_2fa": "ignores profile login IP ranges on activated devices",
	"relax_refresh": "ignores profile login IP ranges when refreshing tokens",
}

suffix(level, infinite) := ", and its refresh tokens never expire: one leaked refresh token is permanent access from anywhere" if {
	infinite
	level in {"relax", "relax_refresh"}
} else := ""

severity("relax", true) := "critical"

severity("relax", false) := "high"

severity("relax_refresh", true) := "high"

severity("relax_refresh", false) := "medium"

severity("relax_2fa", _) := "medium"
