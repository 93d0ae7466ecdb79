# METADATA
# title: OAuth callback URL with a wildcard
# description: |
#   Salesforce only redirects an authorization code to a callback URL that
#   matches the app's list. A wildcard in that list (https://*.example.com/...)
#   widens it to every host the pattern matches: a forgotten subdomain, a
#   staging host or a subdomain taken over through a dangling DNS record then
#   receives real users' authorization codes. Each URL of the element (one
#   per line) is checked.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.connected_app_create_api_integration.htm
#     description: Enable OAuth settings for API integration (callback URL)
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_connectedapp.htm
#     description: ConnectedApp metadata type (callbackUrl)
# custom:
#   id: SFG-APP-016
#   severity: medium
#   types: [ConnectedApp, ExtlClntAppGlobalOauthSettings]
#   reads: [oauthConfig, callbackUrl, externalClientApplication]
#   tags: [security, oauth, callback-url, connected-app, external-client-app]
#   remediation: |
#     List each real callback URL explicitly, one per line: Setup → App Manager
#     → the app → Edit → Callback URL. In metadata: replace the wildcard URL
#     in `<callbackUrl>` with the exact URLs.
#   examples:
#     fail: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field Sales Mobile</label>
#           <oauthConfig>
#               <callbackUrl>https://*.example-retail.co.jp/oauth/done</callbackUrl>
#           </oauthConfig>
#       </ConnectedApp>
#     pass: |
#       <ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
#           <label>Field Sales Mobile</label>
#           <oauthConfig>
#               <callbackUrl>https://app.example-retail.co.jp/oauth/done</callbackUrl>
#           </oauthConfig>
#       </ConnectedApp>
package sfguard.rules.apps.callback_wildcard

import rego.v1

import data.sfguard.lib.oauth

element := ["oauthConfig", "callbackUrl"] if input.type == "ConnectedApp"

element := ["callbackUrl"] if input.type == "ExtlClntAppGlobalOauthSettings"

deny contains f if {
	value := object.get(input.content, element, "")
	is_string(value)
	some url in oauth.callback_urls(value)
	contains(url, "*")
	f := {
		"msg": sprintf("%s accepts callbacks matching %s (%s): authorization codes go to any host the wildcard matches, including forgotten or taken-over subdomains", [oauth.app_name(input), url, concat("/", element)]),
		"element": element,
		"value": url,
	}
}
