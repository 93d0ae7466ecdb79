package sfguard.rules.secrets.third_party_key_test

import rego.v1

import data.sfguard.rules.secrets.third_party_key

base := {
	"detector": "third-party-api-key", "path": "force-app/main/default/customMetadata/Stripe_Config.Default.md-meta.xml",
	"line": 6, "source": "worktree", "key": "", "redacted": "sk_live_…(32 chars)", "hash": "1111222233334444",
	"entropy": 4.7, "placeholder": false, "envReference": false, "pathHints": [], "formatMatch": true,
	"metadataType": "CustomMetadata", "format": "stripe-secret-live", "formatName": "Stripe live secret key", "testMode": false,
}

cases := [
	{"format": "stripe-secret-live", "formatName": "Stripe live secret key", "testMode": false, "want": "critical"},
	{"format": "stripe-secret-test", "formatName": "Stripe test-mode secret key", "testMode": true, "want": "medium"},
	{"format": "stripe-restricted-live", "formatName": "Stripe live restricted key", "testMode": false, "want": "high"},
	{"format": "stripe-restricted-test", "formatName": "Stripe test-mode restricted key", "testMode": true, "want": "medium"},
	{"format": "aws-access-key-id", "formatName": "AWS access key", "testMode": false, "awsSecretNearby": true, "want": "critical"},
	{"format": "aws-access-key-id", "formatName": "AWS access key", "testMode": false, "awsSecretNearby": false, "want": "low"},
	{"format": "slack-bot-token", "formatName": "Slack bot token", "testMode": false, "want": "high"},
	{"format": "github-pat", "formatName": "GitHub personal access token", "testMode": false, "want": "high"},
	{"format": "github-fine-grained-pat", "formatName": "GitHub fine-grained personal access token", "testMode": false, "want": "high"},
	{"format": "google-api-key", "formatName": "Google API key", "testMode": false, "want": "medium"},
]

test_each_format_named_with_its_severity if {
	every c in cases {
		some f in third_party_key.deny with input as object.union(base, object.remove(c, ["want"]))
		f.severity == c.want
		startswith(f.msg, c.formatName)
		contains(f.msg, "in CustomMetadata metadata")
	}
}

test_test_mode_lowered_in_test_path if {
	some f in third_party_key.deny with input as object.union(base, {"format": "stripe-secret-test", "formatName": "Stripe test-mode secret key", "testMode": true, "pathHints": ["test"]})
	f.severity == "low"
	contains(f.msg, "lowered from medium to low")
}

test_live_key_keeps_severity_in_docs if {
	some f in third_party_key.deny with input as object.union(base, {"pathHints": ["docs"]})
	f.severity == "critical"
}

test_placeholder_silent if count(third_party_key.deny) == 0 with input as object.union(base, {"placeholder": true})

test_merge_field_silent if count(third_party_key.deny) == 0 with input as object.union(base, {"envReference": true})
