# METADATA
# title: Profile password policy weaker than the org's
# description: |
#   A ProfilePasswordPolicy replaces the org-wide password policy (Setup →
#   Password Policies) for every user of one profile. Where it is weaker than
#   the org's on any point (passwords that expire later or never, shorter or
#   simpler passwords, a shorter history, more login attempts, a shorter
#   lockout, no minimum lifetime, an answer that may contain the password,
#   an unobscured answer), the users of that profile escape the policy the
#   org chose, and they are usually the integration and community users an
#   attacker looks for. One finding per profile policy lists every point on
#   which it is weaker, with the profile's and the org's elements as
#   locations. The other password rules grade each value against the
#   baseline; this one compares the two policies, so a profile that is
#   within the baseline but below the org's own bar is still reported.
#   Compared with the Security settings of the scan (the first by path if it
#   has several); without them nothing is compared. A profile value that is
#   not a number or boolean is read as weaker.
# related_resources:
#   - ref: https://help.salesforce.com/s/articleView?id=sf.admin_password.htm
#     description: Set password policies
#   - ref: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profilepasswordpolicy.htm
#     description: ProfilePasswordPolicy metadata type
# custom:
#   id: SFG-PWD-010
#   severity: low
#   scope: org
#   types: [SecuritySettings, ProfilePasswordPolicy]
#   reads: [passwordPolicies, forgotPasswordRedirect, lockoutInterval, maxLoginAttempts, minimumPasswordLength, minimumPasswordLifetime, obscure, passwordComplexity, passwordExpiration, passwordHistory, passwordQuestion, profile]
#   tags: [security, password, profile]
#   remediation: |
#     Setup → Profiles → the profile → Password Policies: raise each listed
#     setting to at least the org-wide value, or delete the profile's
#     password policy so the org's applies. In metadata: the listed elements
#     of the profile's ProfilePasswordPolicy file.
#   examples:
#     fail: |
#       <ProfilePasswordPolicy xmlns="http://soap.sforce.com/2006/04/metadata">
#           <lockoutInterval>15</lockoutInterval>
#           <maxLoginAttempts>10</maxLoginAttempts>
#           <minimumPasswordLength>8</minimumPasswordLength>
#           <passwordComplexity>1</passwordComplexity>
#           <passwordExpiration>90</passwordExpiration>
#           <passwordHistory>3</passwordHistory>
#           <profile>partner community</profile>
#       </ProfilePasswordPolicy>
#       <!-- settings/Security.settings: minimumPasswordLength 12, complexity UpperLowerCaseNumericSpecialCharacters -->
#     pass: |
#       <ProfilePasswordPolicy xmlns="http://soap.sforce.com/2006/04/metadata">
#           <lockoutInterval>30</lockoutInterval>
#           <maxLoginAttempts>3</maxLoginAttempts>
#           <minimumPasswordLength>12</minimumPasswordLength>
#           <passwordComplexity>4</passwordComplexity>
#           <passwordExpiration>90</passwordExpiration>
#           <passwordHistory>5</passwordHistory>
#           <profile>partner community</profile>
#       </ProfilePasswordPolicy>
package sfguard.rules.password.profile_weaker_than_org

import rego.v1

import data.sfguard.lib.password

org_docs := [d | some d in object.get(input.types, "SecuritySettings", []); d.content.passwordPolicies]

org := org_docs[0]

# Facts in the order ProfilePasswordPolicy lists them.
order := ["lockoutInterval", "maxLoginAttempts", "minLength", "minLifetime", "obscure", "complexity", "expiration", "history", "questionRestriction"]

# weaker(name, p, o): the profile's canonical value p is weaker than the
# org's o. 0 means never expires / no attempt limit (weakest) and, for the
# lockout, locked until an admin unlocks (strongest).
weaker("expiration", p, o) if {
	o != 0
	p == 0
}

weaker("expiration", p, o) if {
	o != 0
	p > o
}

weaker("maxLoginAttempts", p, o) if {
	o != 0
	p == 0
}

weaker("maxLoginAttempts", p, o) if {
	o != 0
	p > o
}

weaker("lockoutInterval", p, o) if {
	p != 0
	o == 0
}

weaker("lockoutInterval", p, o) if {
	p != 0
	p < o
}

weaker(name, p, o) if {
	name in {"complexity", "questionRestriction", "history", "minLength"}
	p < o
}

weaker(name, false, true) if name in {"minLifetime", "obscure"}

# gaps(d) lists {element, text} for every fact on which the profile policy
# d is weaker than the org's, in file order.
gaps(d) := [g |
	some name in order
	g := gap(d, name)
]

gap(d, name) := g if {
	p := password.fact(d, name)
	o := password.fact(org, name)
	weaker(name, p.n, o.n)
	g := {"element": p.element, "org": o.element, "text": sprintf("%s %v (org-wide %s %v)", [p.element[0], p.raw, concat("/", o.element), o.raw])}
}

gap(d, name) := g if {
	el := password.facts[name].profile
	raw := d.content[el]
	not is_number(raw)
	not is_boolean(raw)
	o := password.fact(org, name)
	g := {"element": [el], "org": o.element, "text": sprintf("%s %v (unrecognised; read as weaker than the org-wide %s %v)", [el, raw, concat("/", o.element), o.raw])}
}

deny contains f if {
	some d in object.get(input.types, "ProfilePasswordPolicy", [])
	gs := gaps(d)
	count(gs) > 0
	f := {
		"msg": sprintf("The password policy override of profile %q is weaker than the org-wide password policy on %s: %s. Users of the profile escape the policy the org chose", [object.get(d.content, "profile", d.fullName), points(count(gs)), concat("; ", [g.text | some g in gs])]),
		"document": d.path,
		"element": gs[0].element,
		"value": [g.text | some g in gs],
		"related": array.concat(
			[{"document": d.path, "element": g.element} | some i, g in gs; i > 0],
			[{"document": org.path, "element": g.org} | some g in gs],
		),
	}
}

points(1) := "1 point"

points(n) := sprintf("%d points", [n]) if n != 1
