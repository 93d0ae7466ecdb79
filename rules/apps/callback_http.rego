# METADATA
# title: OAuth callback URL over plain http
# description: |
#   The callback URL is where Salesforce sends the authorization code (or, in
#   the user-agent flow, the access token) after the user logs in. Over plain
#   http, anyone on the network path (public Wi-Fi, a proxy, the ISP) reads
#   the code or token off the redirect and can redeem it before the real
#   client does. A callbackUrl element can hold several URLs, one per line;
#   each one is checked. Loopback addresses (localhost, 127.0.0.1, [::1])
#   used by CLIs and native clients never leave the machine and are not
#   reported; custom schemes of mobile apps are not http and not reported.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_create_api_integration.htm
#     description: Enable OAuth settings for API integration (callback URL)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (callbackUrl, one URL per line)
# custom:
#   id: SFG-APP-015
#   severity: medium
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings]
#   reads: [oauthConfig, callbackUrl, externalClientApplication]
#   tags: [security, oauth, callback-url, connected-app, external-client-app]
#   remediation: |
#     Serve the callback over https and update the app: Setup → App Manager →
#     the app → Edit → Callback URL. In metadata: change the `http://` URL in
#     `<callbackUrl>` to `https://`.
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field Sales Mobile</label>
#           <oauthConfig>
#               <callbackUrl>http://field-sales.example.com/oauth/done</callbackUrl>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field Sales Mobile</label>
#           <oauthConfig>
#               <callbackUrl>https://field-sales.example.com/oauth/done
#       http://localhost:1717/OauthRedirect</callbackUrl>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.callback_http

import rego.v1

import data.sfguard.lib.oauth

element := ["oauthConfig", "callbackUrl"] if input.type == "ConnectedApp"

element := ["callbackUrl"] if input.type == "ExtlClntAppGlobalOauthSettings"

deny contains f if {
	value := object.get(input.content, element, "")
	is_string(value)
	some url in oauth.callback_urls(value)
	regex.match(`^(?i)http://`, url)
	not oauth.local_callback(url)
	f := {
		"msg": sprintf("%s sends authorization codes to %s over plain http (%s): anyone on the network path can read the code and redeem it", [oauth.app_name(input), url, concat("/", element)]),
		"element": element,
		"value": url,
	}
}
