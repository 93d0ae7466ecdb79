# METADATA
# title: Remote site over plain http
# description: |
#   A remote site registered with an http:// URL lets Apex callouts,
#   Visualforce pages and XmlHttpRequest code talk to that host without TLS:
#   request bodies, credentials and session IDs sent to it, and the data it
#   returns into the org, can be read or changed by anyone on the network
#   path. It is a separate finding from "Disable Protocol Security": real
#   orgs register http URLs with protocol security left on. A URL sfguard
#   cannot read, or with a scheme other than https or http, is reported as
#   unrecognised; a deploy-time placeholder (${…}) is reported at info. An
#   inactive remote site is reported at info.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=xcloud.configuring_remoteproxy.htm
#     description: Configure remote site settings
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_remotesitesetting.htm
#     description: RemoteSiteSetting metadata type (url)
# custom:
#   id: SFG-RSS-002
#   severity: medium
#   types: [RemoteSiteSetting]
#   reads: [isActive, url]
#   tags: [security, remote-site, callout, tls]
#   remediation: |
#     Move the endpoint to https and register the https URL: Setup → Remote
#     Site Settings → the site → Edit → Remote Site URL. In metadata:
#     `<url>https://…</url>`. Better still, call it through a Named
#     Credential.
#   examples:
#     fail: |
#       <RemoteSiteSetting xmlns="http://soap.sforce.com/2006/04/metadata">
#           <disableProtocolSecurity>false</disableProtocolSecurity>
#           <isActive>true</isActive>
#           <url>http://tinyurl.com</url>
#       </RemoteSiteSetting>
#     pass: |
#       <RemoteSiteSetting xmlns="http://soap.sforce.com/2006/04/metadata">
#           <disableProtocolSecurity>false</disableProtocolSecurity>
#           <isActive>true</isActive>
#           <url>https://tinyurl.com</url>
#       </RemoteSiteSetting>
package sfguard.rules.web.remote_site_plain_http

import rego.v1

import data.sfguard.lib.web

url := object.get(input.content, "url", "")

deny contains f if {
	input.type == "RemoteSiteSetting"
	u := web.parse(url)
	u.scheme == "http"
	f := object.union(
		{
			"msg": sprintf("Remote site %s calls %s over plain http (url): what callouts send and receive there can be read and changed on the network%s", [input.fullName, url, web.inactive_note(input.content)]),
			"element": ["url"],
			"value": url,
		},
		web.inactive_severity(input.content),
	)
}

deny contains f if {
	input.type == "RemoteSiteSetting"
	u := web.parse(url)
	not u.scheme in {"http", "https"}
	f := object.union(
		{
			"msg": sprintf("Remote site %s has the URL %s with %s (url); treated as plain http%s", [input.fullName, url, scheme_text(u.scheme), web.inactive_note(input.content)]),
			"element": ["url"],
			"value": url,
		},
		web.inactive_severity(input.content),
	)
}

deny contains f if {
	input.type == "RemoteSiteSetting"
	not web.parse(url)
	f := {
		"msg": sprintf("Remote site %s has a URL sfguard cannot read (url %v)%s; treated as plain http: check the value that is deployed", [input.fullName, url, placeholder_note]),
		"severity": unreadable_severity,
		"element": ["url"],
		"value": url,
	}
}

placeholder_note := ", a placeholder substituted at deploy time" if {
	is_string(url)
	web.placeholder(url)
} else := ""

unreadable_severity := "info" if placeholder_note != ""

else := "info" if input.content.isActive == false

else := "medium"

scheme_text("") := "no scheme"

scheme_text(s) := sprintf("the scheme %s", [s]) if s != ""
