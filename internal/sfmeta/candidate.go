package sfmeta

// CandidateField is one field of a credential candidate, the input of
// secret-scope rules. The list is the contract of docs/secrets.md ("Rego
// input"); the secret detectors may set only these names (a test in
// internal/secrets checks it), and the generated schema secret.json is
// built from it.
type CandidateField struct {
	Name string
	// Kind is the JSON Schema type: string, integer, number, boolean,
	// array (of strings) or object.
	Kind string
	Doc  string
}

// CandidateFields lists every candidate field, common ones first.
var CandidateFields = []CandidateField{
	{"detector", "string", "Detector id (docs/secrets.md)."},
	{"path", "string", "Path from the project root (the enclosing git work tree; without git, the configuration file's folder, else the scanned folder), slash-separated, whatever directory sfguard runs in; archive.zip!/inner/path inside a zip. Locations keep the display path."},
	{"line", "integer", "1-based line of the secret's first byte."},
	{"column", "integer", "1-based column of the secret's first byte."},
	{"source", "string", "worktree, staged, history or stdin."},
	{"commit", "string", "Commit SHA (history scans only)."},
	{"keyword", "string", "The literal that triggered the detector."},
	{"key", "string", "Assignment key, XML element, JSON key or parameter name; empty for shape-only hits."},
	{"redacted", "string", "Kind, length and fingerprint only for values found by key; the non-secret part of a structured token (00D org id, 5Aep861, auth URL host, vendor prefix)."},
	{"length", "integer", "Length of the value in bytes."},
	{"hash", "string", "First 16 hex digits of the value's SHA-256."},
	{"entropy", "number", "Shannon entropy in bits per byte, two decimals."},
	{"placeholder", "boolean", "The whole value is a template, mask, elision, variable name or template vocabulary (never a word inside a value)."},
	{"stockValue", "boolean", "A value found by key made only of credential nouns, filler words and counting digits (Password123!): reported at a lowered severity."},
	{"encoding", "string", "utf-16le or utf-16be when the file was decoded from UTF-16; absent otherwise."},
	{"envReference", "boolean", "The value references an environment variable or secret store."},
	{"pathHints", "array", "test, fixture, docs, example, apex-test."},
	{"lineRedacted", "string", "The line with detected values and long letter-and-digit runs replaced by *."},
	{"formatMatch", "boolean", "The value has the documented shape of its credential."},
	{"pairedWith", "array", "Companions within five lines: username, password, securityToken, consumerKey, consumerSecret, instanceUrl."},
	{"consumerKey", "string", "Redacted consumer key found with the credential."},
	{"app", "object", "The connected app or external client app that consumer key belongs to."},
	{"metadataType", "string", "Metadata type of the file when it is one, else empty."},
	{"cliLogin", "boolean", "The line is an sf org login / sfdx force:auth command."},
	// Detector-specific fields.
	{"payloadLength", "integer", "Access token: length of the part after the org id."},
	{"salesforceContext", "string", "JWT: claims or nearby."},
	{"form", "string", "Refresh token form (5Aep861/5Aep862) or how a keyed value was written (assign, xml, xml-entry, setter, jsforce-login)."},
	{"quoted", "boolean", "The value was quoted."},
	{"platformCLI", "boolean", "Auth URL: the client id is PlatformCLI."},
	{"hasClientSecret", "boolean", "Auth URL: carries a client secret."},
	{"host", "string", "Auth URL: the instance host."},
	{"clientId", "string", "Auth URL: the client id, redacted unless it is PlatformCLI."},
	{"refreshTokenForm", "string", "Auth URL: the refresh token's form."},
	{"salesforceKey", "boolean", "The key itself names Salesforce."},
	{"dataLoader", "boolean", "A Data Loader configuration value."},
	{"encryptionKeyFile", "boolean", "The file sets process.encryptionKeyFile."},
	{"encrypted", "boolean", "Data Loader: encrypted with a key file; PEM: an encrypted private key."},
	{"tokenSuffixLikely", "boolean", "A password whose last 24 characters look like an appended security token."},
	{"concatenated", "boolean", "jsforce: the password is concatenated with a token."},
	{"usernameLiteral", "boolean", "jsforce: the username is a literal."},
	{"keyType", "string", "PEM: the key type."},
	{"bodyLength", "integer", "PEM: length of the key body."},
	{"jwtKeyFile", "boolean", "PEM: the file is named like a JWT bearer key (server.key, *jwt*)."},
	{"binary", "boolean", "server.key: the content is binary."},
	{"pem", "boolean", "server.key: the content is PEM."},
	{"stateFile", "string", "CLI state: the file name."},
	{"field", "string", "CLI state: the JSON field."},
	{"encryptedValue", "boolean", "CLI state: the value is sfdx-encrypted."},
	{"element", "string", "Metadata: the XML element holding the value."},
	{"parameterName", "string", "Metadata: the parameter name."},
	{"parameterType", "string", "Metadata: the parameter type."},
	{"percentEncoded", "boolean", "Access token or auth URL written URL-encoded (%21, force%3A%2F%2F)."},
	{"format", "string", "Third-party key: format id (stripe-secret-live, aws-access-key-id, slack-bot-token, github-pat, google-api-key, …)."},
	{"formatName", "string", "Third-party key: the format's human name."},
	{"testMode", "boolean", "Third-party key: a Stripe test-mode key."},
	{"awsSecretNearby", "boolean", "AWS access key id: a 40-character secret access key within five lines."},
}
