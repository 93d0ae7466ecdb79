# METADATA
# title: URL and origin helpers for CORS, trusted URLs and remote sites
# description: |
#   Helpers for the URLs Salesforce stores as plain text in the CORS
#   allowlist (urlPattern), trusted URLs (CspTrustedSite endpointUrl) and
#   remote site settings (url). Real files hold exact hosts, leading
#   wildcards (https://*.force.com), scheme-less hosts (*.adobe.io), IP
#   addresses and deploy-time placeholders (${SF_INSTANCE_URL}); every helper
#   is total over those shapes, and anything it cannot read is "unparsed"
#   rather than fine.
package sfguard.lib.web

import rego.v1

import data.sfguard.lib.enums

# parse(u) is {scheme, host, port} of "scheme://host[:port][/path]" or of a
# scheme-less "host[:port]"; scheme and host are lower-cased, scheme is ""
# when absent. Undefined for text that is not a URL (spaces, empty host,
# placeholders).
parse(u) := x if {
	m := regex.find_all_string_submatch_n(`^(?:([A-Za-z][A-Za-z0-9+.-]*)://)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9*_.-]+)(?::([0-9]{1,5}))?(?:[/?#][^\s]*)?$`, trim_space(u), 1)
	count(m) == 1
	x := {"scheme": lower(m[0][1]), "host": trim_suffix(lower(m[0][2]), "."), "port": m[0][3]}
}

# placeholder(u) holds for values substituted at deploy time, such as
# ${SF_INSTANCE_URL} in projects that template their metadata.
placeholder(u) if regex.match(`\$\{[^}]*\}|\{![^}]*\}`, u)

wildcard(host) if contains(host, "*")

# loopback(host) holds for hosts that never leave the user's machine.
loopback(host) if host in {"localhost", "[::1]"}

loopback(host) if regex.match(`^127\.[0-9]+\.[0-9]+\.[0-9]+$`, host)

# Domains whose subdomains belong to many customers: a wildcard over one of
# them admits hosts other tenants control. The default applies when no
# engine data is loaded.
default shared_domains := [
	"force.com", "salesforce.com", "site.com", "visualforce.com", "salesforce-sites.com",
	"herokuapp.com", "amazonaws.com", "cloudfront.net", "azurewebsites.net", "appspot.com",
	"web.app", "firebaseapp.com", "github.io", "netlify.app", "vercel.app", "pages.dev",
	"workers.dev", "ngrok.io", "ngrok-free.app",
]

shared_domains := data.sfguard.params.shared_domains

# wildcard_base("*.my.site.com") == "my.site.com": what the wildcard sits on.
wildcard_base(host) := base if {
	parts := split(host, "*")
	base := trim_left(parts[count(parts) - 1], ".")
}

# shared_domain(base) is the shared domain base equals or lies under.
shared_domain(base) := d if {
	some d in shared_domains
	base == d
} else := d if {
	some d in shared_domains
	endswith(base, concat("", [".", d]))
}

# broad_wildcard(host) explains why a wildcard host admits hosts the org
# does not control; undefined for a wildcard over a domain of the org's own
# (*.example.com) and for hosts without a wildcard.
broad_wildcard(host) := "matches every host" if {
	wildcard(host)
	wildcard_base(host) == ""
} else := sprintf("matches every host under the top-level domain .%s", [wildcard_base(host)]) if {
	wildcard(host)
	not contains(wildcard_base(host), ".")
} else := sprintf("matches hosts under %s, where any customer of that platform can have a subdomain", [shared_domain(wildcard_base(host))]) if {
	wildcard(host)
}

# inactive_note(content) and inactive_severity(content) lower a finding on
# an entry that is switched off (isActive false) to info, saying why: it
# takes effect as soon as someone activates it.
inactive_note(content) := "; the entry is inactive, so this applies once it is activated" if {
	content.isActive == false
} else := ""

inactive_severity(content) := {"severity": "info"} if {
	content.isActive == false
} else := {}

# CSP directives a CspTrustedSite can open, by element.
csp_flags := {
	"isApplicableToConnectSrc": "connect-src",
	"isApplicableToFrameSrc": "frame-src",
	"isApplicableToImgSrc": "img-src",
	"isApplicableToStyleSrc": "style-src",
	"isApplicableToFontSrc": "font-src",
	"isApplicableToMediaSrc": "media-src",
}

# connect-src lets component code send data to the host (fetch, XHR,
# WebSocket); frame-src lets pages embed it. The others only load passive
# content.
active_directives := {"connect-src", "frame-src"}

# csp_directives(content) is the set of directives a trusted URL opens. A
# flag that is not a boolean counts as on. A file with none of the flags
# (written before API 48) opens every directive, as Salesforce documents for
# API 49 and earlier; one with every flag false opens img-src (API 50-58).
csp_directives(content) := ds if {
	some flag, _ in csp_flags
	flag in object.keys(content)
	ds := flagged(content)
	count(ds) > 0
} else := {"img-src"} if {
	some flag, _ in csp_flags
	flag in object.keys(content)
} else := {d | some _, d in csp_flags}

flagged(content) := {d |
	some flag, d in csp_flags
	v := content[flag]
	v != false
}

# csp_directives_text(content) names the directives for a message.
csp_directives_text(content) := concat(", ", sort([d | some d in csp_directives(content)]))

# csp_context_text(content) describes where the trusted URL applies; a
# context the registry does not know (CspTrustedSiteContext) is read as All.
csp_context_text(content) := sprintf("in context All (%s)", [enums.note("CspTrustedSite", "context", content.context, "All")]) if {
	enums.unrecognised("CspTrustedSite", "context", content.context)
} else := sprintf("in context %s", [content.context]) if {
	content.context
} else := "(no context given)"
