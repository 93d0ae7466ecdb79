# METADATA
# title: PKCE no longer required
# description: |
#   In PR mode (`--diff-base`), reports an app or org setting that required
#   Proof Key for Code Exchange (PKCE) at the base revision and no longer does:
#   a connected app's `oauthConfig/isPkceRequired` (absent means false), an
#   external client app's `isPkceRequired` in its global OAuth settings
#   (absent means true, the ECA default) and the org-wide
#   OauthOidcSettings `isPkceRequired`. Without PKCE an intercepted
#   authorization code can be exchanged for tokens by whoever intercepted it.
#   The org-wide setting is high; a single app is medium.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_pkce.htm
#     description: Proof Key for Code Exchange (PKCE) extension
#   - ref: https://datatracker.ietf.org/doc/html/rfc7636
#     description: RFC 7636, Proof Key for Code Exchange
# custom:
#   id: SFG-DELTA-005
#   severity: high
#   scope: delta
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings, OauthOidcSettings]
#   reads: [oauthConfig, isPkceRequired, externalClientApplication]
#   tags: [security, delta, oauth, pkce, connected-app, external-client-app]
#   remediation: |
#     Keep "Require Proof Key for Code Exchange (PKCE)" switched on and update
#     the client to send a code challenge; every current OAuth library and
#     the Salesforce mobile SDKs support it.
package sfguard.rules.delta.pkce_no_longer_required

import rego.v1

deny contains f if {
	input.head.type == "ConnectedApp"
	input.base != null
	object.get(input.base.content, ["oauthConfig", "isPkceRequired"], false) == true
	input.head.content.oauthConfig
	object.get(input.head.content, ["oauthConfig", "isPkceRequired"], false) != true
	f := {
		"msg": sprintf("Connected app %s no longer requires PKCE: an intercepted authorization code can be redeemed without the code verifier", [input.head.fullName]),
		"severity": "medium",
		"element": ["oauthConfig", "isPkceRequired"],
		"value": false,
	}
}

deny contains f if {
	input.head.type == "ExtlClntAppGlobalOauthSettings"
	input.base != null
	object.get(input.base.content, "isPkceRequired", true) == true
	object.get(input.head.content, "isPkceRequired", true) == false
	app := object.get(input.head.content, "externalClientApplication", input.head.fullName)
	f := {
		"msg": sprintf("External client app %s no longer requires PKCE: an intercepted authorization code can be redeemed without the code verifier", [app]),
		"severity": "medium",
		"element": ["isPkceRequired"],
		"value": false,
	}
}

deny contains f if {
	input.head.type == "OauthOidcSettings"
	input.base != null
	object.get(input.base.content, "isPkceRequired", false) == true
	object.get(input.head.content, "isPkceRequired", false) != true
	f := {
		"msg": "The org no longer requires PKCE for supported authorization flows (OauthOidcSettings isPkceRequired): every app that does not require it on its own accepts authorization codes without a code verifier",
		"severity": "high",
		"element": ["isPkceRequired"],
		"value": false,
	}
}
