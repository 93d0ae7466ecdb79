package sfguard.rules.sso.saml_version_test

import rego.v1

import data.sfguard.rules.sso.saml_version as rule

rsa2048 := "MIIDITCCAgmgAwIBAgIUFXLcH+3F1/5WmKjKfeoGO+5NK/cwDQYJKoZIhvcNAQELBQAwIDEeMBwGA1UEAwwVQ29ycG9yYXRlIElkUCBTaWduaW5nMB4XDTI2MTIwNDAyNDgzMloXDTM2MTIwMTAyNDgzMlowIDEeMBwGA1UEAwwVQ29ycG9yYXRlIElkUCBTaWduaW5nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs/Z6t+xWhp+b5P9qJ0WZPup4AwbvezBGAfNS5fPGUYzbmmVVHJCRbHYNWeMWwg7PaMMeTHu4EjjAC5utiGuDv1gXdtO7U310tRTmaQ37xjAunMeFFQGnLpW44wB8xR0EEnwAh70OLqlzTBfpz2+Bv18ABgTMy9t8q57Yc6tC5XPlDYv1+7k18RQ5oJ/wxGh5LacLSY0xiX5zG124ur4Y+QOoGE7mnEsJQVP5pFd/W8CJVPBV3VBwG6EkdtlnTKlJfIZoX5GMTEbnD/FAgL8NJRgcWOmIx/iD/HNuUaQzJbyvhbTSvL85M3NcAtcAAuZj0xbcpdSjuE7X5TFnSD7nxwIDAQABo1MwUTAdBgNVHQ4EFgQUf5j6jpghqp/vIDNcgmYgin4hIQ4wHwYDVR0jBBgwFoAUf5j6jpghqp/vIDNcgmYgin4hIQ4wDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEAWD8dlMV/N66fgV8czhGWQ1Vc1U9mEAy8O82MaaqqgxnGEa8Iq9MjhPkkWJXUY6ygTjVRGa+zqbeOxEcQZVibF3oYVw7qj1hUQ36qQrnOOUblOzIkkprGlSg95Ho1YoOnGQ0GX09Qgl7blr2O54Fy2qiYm9rrDauxuDSI5tF1VHu7HT07p5/aRKinpMaVoOto6yfDBJTHJw6sd5GaStyqPZo03GOYBVFzgYslZ2yRgTP5jwpAUF3u7Ykh4ORezbl5xaT7esXXF2DiczM3XgRqWn364JzaYooNqN6HqDBhNgx6sqwfvGU+sUBNTs+utlcqXMIbaZ74yRK/8h5lPWUlXg=="

rsa1024 := "MIICJDCCAY2gAwIBAgIUeibXUiCgsZ0YKxpCSWcQ2XJEZvQwDQYJKoZIhvcNAQEFBQAwJDEiMCAGA1UEAwwZTGVnYWN5IEFERlMgVG9rZW4gU2lnbmluZzAeFw0yNjEyMDQwMjQ4MzJaFw0zNjEyMDEwMjQ4MzJaMCQxIjAgBgNVBAMMGUxlZ2FjeSBBREZTIFRva2VuIFNpZ25pbmcwgZ8wDQYJKoZIhvcNAQEBBQADgY0AMIGJAoGBAOYnzYZNIywqVELcULAlU3D4sPp4/GbyK74bpYCyvm0+KvsHUMWTeG/NT7kGDs8bmhT5GfMBwQcl4PoX5dh22UoFmuUviWHbdHRmyoMH0W++nYWEBsKwo9dLPrmemMWqZNRe9hewSv+18EJpdTPQ4POGV8k13xn3I7Chn0PA6ZcTAgMBAAGjUzBRMB0GA1UdDgQWBBTCJ/oeyDj736Y+JXMF/Q8aOFxt8DAfBgNVHSMEGDAWgBTCJ/oeyDj736Y+JXMF/Q8aOFxt8DAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBBQUAA4GBAKXsSl+aKGldPEHbneaphaCsabtO1k9UfDUxOWO18LYtMwZAm2O12DPJjRGjvx40nvXPSHEnwZzbr29DrihGIEolXn/wjTULPQL7IdYlSLvd0S17r4mLcXIIsOZ0IULdd4k00U5XOAs6Pk/x6MU0KVq6t1qpcj8Ljgi+imx597be"

doc(c) := {"type": "SamlSsoConfig", "fullName": "Corporate_IdP", "path": "samlssoconfigs/Corporate_IdP.samlssoconfig", "content": object.union({"identityLocation": "SubjectNameId", "identityMapping": "FederationId", "issuer": "https://idp.example.com/saml", "name": "Corporate IdP", "samlVersion": "SAML2_0", "validationCert": rsa2048}, c)}

test_saml11_fires if {
	some f in rule.deny with input as doc({"samlVersion": "SAML1_1"})
	f.element == ["samlVersion"]
}

test_unknown_version_fails_closed if {
	some f in rule.deny with input as doc({"samlVersion": "SAML3_0"})
	contains(f.msg, "unrecognised value \"SAML3_0\" for samlVersion; treated as SAML1_1")
}

test_saml2_is_silent if {
	count(rule.deny) == 0 with input as doc({})
}
