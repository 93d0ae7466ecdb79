package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"github.com/google/go-cmp/cmp"

	"github.com/sfguard/sfguard/internal/finding"
	"github.com/sfguard/sfguard/internal/sfmeta"
	"github.com/sfguard/sfguard/internal/testutil"
)

// entry is the comparable summary of a File.
type entry struct {
	Path     string
	Type     string
	FullName string
	Format   sfmeta.Format
	Size     int64
}

func summarize(files []File) []entry {
	var out []entry
	for _, f := range files {
		e := entry{Path: f.Path, FullName: f.FullName, Format: f.Format, Size: f.Size}
		if f.Type != nil {
			e.Type = f.Type.Name
		}
		out = append(out, e)
	}
	return out
}

// writeTree creates files under root; a value of "<dir>" makes an empty
// directory.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if content == "<dir>" {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const xml = `<?xml version="1.0" encoding="UTF-8"?>` // 38 bytes

func md(path string, typ string, name string, format sfmeta.Format) entry {
	return entry{Path: path, Type: typ, FullName: name, Format: format, Size: int64(len(xml))}
}

func plain(path string, size int) entry {
	return entry{Path: path, Size: int64(size)}
}

func TestWalkTrees(t *testing.T) {
	mdapi := map[string]string{
		"unpackaged/package.xml":                                     xml,
		"unpackaged/connectedApps/Billing.connectedApp":              xml,
		"unpackaged/connectedapps/Legacy.connectedapp":               xml, // old retrieves wrote lower case
		"unpackaged/profiles/Integration.profile":                    xml,
		"unpackaged/profiles/AMLCTF Retail Audit Case R%2FW.profile": xml,
		"unpackaged/settings/Security.settings":                      xml,
		"unpackaged/settings/Foo.settings":                           xml, // not a settings type sfguard reads
		"unpackaged/classes/Util.cls":                                "x",
		"unpackaged/permissionsets/Api.permissionset":                xml,
	}
	source := map[string]string{
		"force-app/main/default/connectedApps/Billing.connectedApp-meta.xml":                  xml,
		"force-app/main/default/settings/OauthOidc.settings-meta.xml":                         xml,
		"force-app/main/default/settings/Security.settings-meta.xml":                          xml,
		"force-app/main/default/settings/Foo.settings-meta.xml":                               xml,
		"force-app/main/default/profiles/R%2FW.profile-meta.xml":                              xml,
		"force-app/main/default/externalClientApps/Taegis.eca-meta.xml":                       xml,
		"force-app/main/default/extlClntAppGlobalOauthSets/T_glbloauth.ecaGlblOauth-meta.xml": xml,
		// Decomposed permission set: the parent file is recognised, the
		// per-element children are not.
		"force-app/main/default/permissionsets/Ops/Ops.permissionset-meta.xml":         xml,
		"force-app/main/default/permissionsets/Ops/ApiEnabled.userPermission-meta.xml": xml,
		"force-app/main/default/permissionsets/Ops/Other.permissionset-meta.xml":       xml,
		"force-app/main/default/classes/Util.cls-meta.xml":                             xml,
	}

	tests := []struct {
		name         string
		tree         map[string]string
		args         []string
		opts         Options
		metadataOnly bool
		want         []entry
		wantDiags    []finding.Diagnostic
	}{
		{
			name:         "mdapi layout",
			tree:         mdapi,
			metadataOnly: true,
			want: []entry{
				md("unpackaged/connectedApps/Billing.connectedApp", "ConnectedApp", "Billing", sfmeta.FormatMDAPI),
				md("unpackaged/connectedapps/Legacy.connectedapp", "ConnectedApp", "Legacy", sfmeta.FormatMDAPI),
				md("unpackaged/permissionsets/Api.permissionset", "PermissionSet", "Api", sfmeta.FormatMDAPI),
				md("unpackaged/profiles/AMLCTF Retail Audit Case R%2FW.profile", "Profile", "AMLCTF Retail Audit Case R/W", sfmeta.FormatMDAPI),
				md("unpackaged/profiles/Integration.profile", "Profile", "Integration", sfmeta.FormatMDAPI),
				md("unpackaged/settings/Security.settings", "SecuritySettings", "Security", sfmeta.FormatMDAPI),
			},
		},
		{
			name:         "source layout",
			tree:         source,
			metadataOnly: true,
			want: []entry{
				md("force-app/main/default/connectedApps/Billing.connectedApp-meta.xml", "ConnectedApp", "Billing", sfmeta.FormatSource),
				md("force-app/main/default/externalClientApps/Taegis.eca-meta.xml", "ExternalClientApplication", "Taegis", sfmeta.FormatSource),
				md("force-app/main/default/extlClntAppGlobalOauthSets/T_glbloauth.ecaGlblOauth-meta.xml", "ExtlClntAppGlobalOauthSettings", "T_glbloauth", sfmeta.FormatSource),
				md("force-app/main/default/permissionsets/Ops/Ops.permissionset-meta.xml", "PermissionSet", "Ops", sfmeta.FormatSource),
				md("force-app/main/default/profiles/R%2FW.profile-meta.xml", "Profile", "R/W", sfmeta.FormatSource),
				md("force-app/main/default/settings/OauthOidc.settings-meta.xml", "OauthOidcSettings", "OauthOidc", sfmeta.FormatSource),
				md("force-app/main/default/settings/Security.settings-meta.xml", "SecuritySettings", "Security", sfmeta.FormatSource),
			},
		},
		{
			name: "every file for the secret scan",
			tree: map[string]string{
				"unpackaged/profiles/Integration.profile": xml,
				"scripts/deploy.sh":                       "echo hi\n",
				".env":                                    "A=1\n",
				"archive.zip":                             "PK",
				".git/config":                             "[core]\n",
				".git/objects/ab/cdef":                    "blob",
			},
			// A zip met in the walk is opened; one that is not a zip is
			// an input problem, not a silently skipped binary.
			want: []entry{
				plain(".env", -1),
				plain("scripts/deploy.sh", -1),
				md("unpackaged/profiles/Integration.profile", "Profile", "Integration", sfmeta.FormatMDAPI),
			},
			wantDiags: []finding.Diagnostic{{File: "archive.zip", Message: "corrupt or unreadable zip archive: zip: not a valid zip file"}},
		},
		{
			name: "sfdx-project.json package directories limit the config scan",
			tree: map[string]string{
				"sfdx-project.json":                                      `{"packageDirectories":[{"path":"force-app","default":true},{"path":"pkgs/extra"},{"path":"force-app/main"},{"path":"force-app-extra"},{"path":"gone"}]}`,
				"force-app-extra/profiles/FX.profile-meta.xml":           xml,
				"force-app/main/default/profiles/Admin.profile-meta.xml": xml,
				"pkgs/extra/profiles/Extra.profile-meta.xml":             xml,
				"pkgs/other/profiles/Other.profile-meta.xml":             xml,
				"scripts/profiles/Template.profile-meta.xml":             xml,
			},
			metadataOnly: true,
			want: []entry{
				md("force-app-extra/profiles/FX.profile-meta.xml", "Profile", "FX", sfmeta.FormatSource),
				md("force-app/main/default/profiles/Admin.profile-meta.xml", "Profile", "Admin", sfmeta.FormatSource),
				md("pkgs/extra/profiles/Extra.profile-meta.xml", "Profile", "Extra", sfmeta.FormatSource),
			},
			wantDiags: []finding.Diagnostic{{File: "sfdx-project.json", Message: `package directory "gone" does not exist`}},
		},
		{
			name: "package directories do not limit the secret scan",
			tree: map[string]string{
				"sfdx-project.json": `{"packageDirectories":[{"path":"force-app"}]}`,
				"force-app/main/default/profiles/Admin.profile-meta.xml": xml,
				"scripts/creds.txt": "x",
			},
			want: []entry{
				md("force-app/main/default/profiles/Admin.profile-meta.xml", "Profile", "Admin", sfmeta.FormatSource),
				plain("scripts/creds.txt", -1),
				plain("sfdx-project.json", -1),
			},
		},
		{
			name: "package directory outside the project",
			tree: map[string]string{
				"sfdx-project.json":                         `{"packageDirectories":[{"path":"../shared"},{"path":"/etc"},{"path":"force-app"}]}`,
				"force-app/profiles/Admin.profile-meta.xml": xml,
			},
			metadataOnly: true,
			want:         []entry{md("force-app/profiles/Admin.profile-meta.xml", "Profile", "Admin", sfmeta.FormatSource)},
			wantDiags: []finding.Diagnostic{
				{File: "sfdx-project.json", Message: `package directory "../shared" is outside the project; skipped`},
				{File: "sfdx-project.json", Message: `package directory "/etc" is outside the project; skipped`},
			},
		},
		{
			name: "malformed sfdx-project.json walks the whole directory",
			tree: map[string]string{
				"sfdx-project.json":                         "{\n  \"packageDirectories\": [\n    {\"path\": \"force-app\"},\n  ]\n}\n",
				"force-app/profiles/Admin.profile-meta.xml": xml,
				"other/profiles/Other.profile-meta.xml":     xml,
			},
			metadataOnly: true,
			want: []entry{
				md("force-app/profiles/Admin.profile-meta.xml", "Profile", "Admin", sfmeta.FormatSource),
				md("other/profiles/Other.profile-meta.xml", "Profile", "Other", sfmeta.FormatSource),
			},
			wantDiags: []finding.Diagnostic{{File: "sfdx-project.json", Line: 4,
				Message: "malformed sfdx-project.json: invalid character ']' looking for beginning of value; walking the whole directory"}},
		},
		{
			name: "package directory named . is the whole project",
			tree: map[string]string{
				"sfdx-project.json":        `{"packageDirectories":[{"path":"-first"},{"path":"./"},{"path":"sub"}]}`,
				"profiles/Admin.profile":   xml,
				"sub/profiles/Sub.profile": xml,
			},
			metadataOnly: true,
			want: []entry{
				md("profiles/Admin.profile", "Profile", "Admin", sfmeta.FormatMDAPI),
				md("sub/profiles/Sub.profile", "Profile", "Sub", sfmeta.FormatMDAPI),
			},
		},
		{
			name: "gitignore with negation, nested files, dir patterns and info/exclude",
			tree: map[string]string{
				".git/info/exclude":                  "# local only\nlocal/\n",
				".gitignore":                         "*.profile\n!Keep.profile\nbuild/\n*.settings\n",
				"profiles/Drop.profile":              xml,
				"profiles/Keep.profile":              xml,
				"build/profiles/Built.profile":       xml,
				"local/profiles/Mine.permissionset":  xml,
				"sub/.gitignore":                     "connectedApps/\n!/settings/Security.settings\n",
				"sub/connectedApps/A.connectedApp":   xml,
				"sub/settings/Security.settings":     xml,
				"sub/permissionsets/P.permissionset": xml,
				"other/connectedApps/B.connectedApp": xml, // sub/.gitignore does not reach here
			},
			metadataOnly: true,
			want: []entry{
				md("other/connectedApps/B.connectedApp", "ConnectedApp", "B", sfmeta.FormatMDAPI),
				md("profiles/Keep.profile", "Profile", "Keep", sfmeta.FormatMDAPI),
				md("sub/permissionsets/P.permissionset", "PermissionSet", "P", sfmeta.FormatMDAPI),
				md("sub/settings/Security.settings", "SecuritySettings", "Security", sfmeta.FormatMDAPI),
			},
		},
		{
			name: "forceignore at the project root",
			tree: map[string]string{
				"sfdx-project.json": `{"packageDirectories":[{"path":"force-app"}]}`,
				".forceignore":      "# sf CLI ignore file\r\n**/profiles/**\r\n!**/profiles/Keep.profile-meta.xml\r\n",
				"force-app/main/default/profiles/Admin.profile-meta.xml":       xml,
				"force-app/main/default/profiles/Keep.profile-meta.xml":        xml,
				"force-app/main/default/connectedApps/A.connectedApp-meta.xml": xml,
				// Only the project-root .forceignore counts.
				"force-app/.forceignore": "**/connectedApps/**\n",
			},
			metadataOnly: true,
			want: []entry{
				md("force-app/main/default/connectedApps/A.connectedApp-meta.xml", "ConnectedApp", "A", sfmeta.FormatSource),
				md("force-app/main/default/profiles/Keep.profile-meta.xml", "Profile", "Keep", sfmeta.FormatSource),
			},
		},
		{
			// .forceignore keeps files out of deploys, not out of the
			// repository: the credential scan still reads them.
			name: "forceignored files reach the credential scan only",
			tree: map[string]string{
				"sfdx-project.json": `{"packageDirectories":[{"path":"force-app"}]}`,
				".forceignore":      "**/profiles/**\n**/Skip.connectedApp-meta.xml\n",
				"force-app/main/default/profiles/Admin.profile-meta.xml":          xml,
				"force-app/main/default/connectedApps/Skip.connectedApp-meta.xml": xml,
			},
			want: []entry{
				plain(".forceignore", -1),
				plain("force-app/main/default/connectedApps/Skip.connectedApp-meta.xml", -1),
				plain("force-app/main/default/profiles/Admin.profile-meta.xml", -1),
				plain("sfdx-project.json", -1),
			},
		},
		{
			name: "forceignore in the argument directory without a project",
			tree: map[string]string{
				".forceignore":           "profiles/Admin.profile\n",
				"profiles/Admin.profile": xml,
				"profiles/Other.profile": xml,
			},
			metadataOnly: true,
			want:         []entry{md("profiles/Other.profile", "Profile", "Other", sfmeta.FormatMDAPI)},
		},
		{
			name: "NoIgnore keeps ignored files but still skips .git",
			tree: map[string]string{
				".gitignore":                 "*.profile\n",
				".forceignore":               "**/settings\n",
				"profiles/Drop.profile":      xml,
				"settings/Security.settings": xml,
				".git/profiles/Git.profile":  xml,
			},
			opts:         Options{NoIgnore: true},
			metadataOnly: true,
			want: []entry{
				md("profiles/Drop.profile", "Profile", "Drop", sfmeta.FormatMDAPI),
				md("settings/Security.settings", "SecuritySettings", "Security", sfmeta.FormatMDAPI),
			},
		},
		{
			name: "exclude globs prune directories and files",
			tree: map[string]string{
				"fixtures/profiles/F.profile":    xml,
				"src/profiles/A.profile":         xml,
				"src/profiles/B.profile":         xml,
				"src/settings/Security.settings": xml,
			},
			opts:         Options{Exclude: plainPatterns("fixtures/**", "**/B.profile", "[")},
			metadataOnly: true,
			want: []entry{
				md("src/profiles/A.profile", "Profile", "A", sfmeta.FormatMDAPI),
				md("src/settings/Security.settings", "SecuritySettings", "Security", sfmeta.FormatMDAPI),
			},
			wantDiags: []finding.Diagnostic{{File: "[", Message: "invalid exclude pattern (doublestar syntax); ignored"}},
		},
		{
			name: "oversized files are reported and skipped",
			tree: map[string]string{
				"profiles/Big.profile":   xml + strings.Repeat(" ", 100),
				"profiles/Small.profile": xml,
				"notes/big.txt":          strings.Repeat("x", 200), // not a candidate: never looked at
			},
			opts:         Options{MaxFileSize: 100},
			metadataOnly: true,
			want:         []entry{md("profiles/Small.profile", "Profile", "Small", sfmeta.FormatMDAPI)},
			wantDiags:    []finding.Diagnostic{{File: "profiles/Big.profile", Message: "skipped: 138 bytes exceeds the 100-byte limit"}},
		},
		{
			name:         "oversized explicit file",
			tree:         map[string]string{"profiles/Big.profile": xml + strings.Repeat(" ", 100)},
			args:         []string{"profiles/Big.profile"},
			opts:         Options{MaxFileSize: 100},
			metadataOnly: true,
			wantDiags:    []finding.Diagnostic{{File: "profiles/Big.profile", Message: "skipped: 138 bytes exceeds the 100-byte limit"}},
		},
		{
			name: "explicit file arguments",
			tree: map[string]string{
				".gitignore":                   "*.profile\n",
				"profiles/Admin.profile":       xml,
				"README.md":                    "# hi\n",
				"connectedApps/A.connectedApp": xml,
			},
			// An ignored file named explicitly is still scanned; the
			// same file twice is listed once; a named file that is not
			// metadata is listed for the credential scan.
			args: []string{"profiles/Admin.profile", "README.md", "missing.profile", "./profiles/Admin.profile", "."},
			want: []entry{
				plain(".gitignore", -1),
				plain("README.md", 5),
				md("connectedApps/A.connectedApp", "ConnectedApp", "A", sfmeta.FormatMDAPI),
				md("profiles/Admin.profile", "Profile", "Admin", sfmeta.FormatMDAPI),
			},
			wantDiags: []finding.Diagnostic{
				{File: "missing.profile", Message: "no such file or directory"},
			},
		},
		{
			name: "exclude globs apply to explicit files and zips",
			tree: map[string]string{
				"fixtures/profiles/F.profile": xml,
				"fixtures/org.zip":            "not read",
				"profiles/A.profile":          xml,
			},
			args:         []string{"fixtures/profiles/F.profile", "fixtures/org.zip", "profiles/A.profile"},
			opts:         Options{Exclude: plainPatterns("fixtures/**")},
			metadataOnly: true,
			want:         []entry{md("profiles/A.profile", "Profile", "A", sfmeta.FormatMDAPI)},
		},
		{
			// A partial profile saved outside profiles/ is metadata when
			// named; in a walk only the folder layout counts.
			name: "explicit metadata file outside its folder",
			tree: map[string]string{
				"tickets/Admin.profile":  xml,
				"tickets/prod.settings":  xml + "<!-- x --><SecuritySettings xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>",
				"tickets/walked.profile": xml,
			},
			args: []string{"tickets/Admin.profile", "tickets/prod.settings"},
			want: []entry{
				md("tickets/Admin.profile", "Profile", "Admin", sfmeta.FormatMDAPI),
				{Path: "tickets/prod.settings", Type: "SecuritySettings", FullName: "prod", Format: sfmeta.FormatMDAPI, Size: int64(len(xml) + 77)},
			},
		},
		{
			name: "explicit non-metadata file in the secret scan",
			tree: map[string]string{"README.md": "# hi\n"},
			args: []string{"README.md"},
			want: []entry{plain("README.md", 5)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, tc.tree)
			t.Chdir(root)
			files, diags := walkMode(tc.args, tc.opts, tc.metadataOnly)
			if diff := cmp.Diff(tc.want, summarize(files)); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantDiags, diags); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWalkExplicitBareFileName(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"settings/Security.settings": xml})
	t.Chdir(filepath.Join(root, "settings"))
	files, diags := walkMode([]string{"Security.settings"}, Options{}, true)
	want := []entry{md("Security.settings", "SecuritySettings", "Security", sfmeta.FormatMDAPI)}
	if diff := cmp.Diff(want, summarize(files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags)
	}
}

func TestWalkAncestorIgnoreFiles(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		".git/info/exclude":                                       "*.permissionset\n",
		".gitignore":                                              "*.profile\n!Keep.profile\nbuild/\n",
		"sfdx-project.json":                                       `{"packageDirectories":[{"path":"force-app"}]}`,
		".forceignore":                                            "**/connectedApps/Skip.connectedApp-meta.xml\n",
		"force-app/.gitignore":                                    "settings/\n",
		"force-app/main/profiles/Drop.profile":                    xml,
		"force-app/main/profiles/Keep.profile":                    xml,
		"force-app/main/permissionsets/P.permissionset":           xml,
		"force-app/main/connectedApps/Skip.connectedApp-meta.xml": xml,
		"force-app/main/connectedApps/Keep.connectedApp-meta.xml": xml,
		"force-app/main/settings/Security.settings":               xml,
		"build/profiles/Built.profile":                            xml,
		// A nested clone is its own work tree: the outer *.profile rule
		// does not reach into it when it is the argument.
		"vendor/lib/.git/HEAD":               "ref: refs/heads/main\n",
		"vendor/lib/profiles/Vendor.profile": xml,
	})
	t.Chdir(root)
	tests := []struct {
		name string
		args []string
		want []entry
	}{
		{
			name: "subdirectory of the repository and project",
			args: []string{"force-app/main"},
			want: []entry{
				md("force-app/main/connectedApps/Keep.connectedApp-meta.xml", "ConnectedApp", "Keep", sfmeta.FormatSource),
				md("force-app/main/profiles/Keep.profile", "Profile", "Keep", sfmeta.FormatMDAPI),
			},
		},
		{
			name: "an ignored directory named explicitly is scanned",
			args: []string{"build"},
			want: []entry{md("build/profiles/Built.profile", "Profile", "Built", sfmeta.FormatMDAPI)},
		},
		{
			name: "a nested work tree starts its own ignore scope",
			args: []string{"vendor/lib"},
			want: []entry{md("vendor/lib/profiles/Vendor.profile", "Profile", "Vendor", sfmeta.FormatMDAPI)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, diags := walkMode(tc.args, Options{}, true)
			if diff := cmp.Diff(tc.want, summarize(files)); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			if len(diags) != 0 {
				t.Errorf("unexpected diagnostics: %v", diags)
			}
		})
	}
}

// TestWalkLinkedWorktree: in a linked worktree .git is a file pointing at
// the repository's git directory; the exclude file git applies is the one
// in the common directory, and reading .git/info/exclude through the file
// must not become an input problem.
func TestWalkLinkedWorktree(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"repo/.git/info/exclude":                    "*.permissionset\n",
		"repo/.git/worktrees/wt/commondir":          "../..\n",
		"wt/.git":                                   "gitdir: ../repo/.git/worktrees/wt\n",
		"wt/src/profiles/Admin.profile":             xml,
		"wt/src/permissionsets/Local.permissionset": xml,
	})
	t.Chdir(filepath.Join(root, "wt"))
	files, diags := walkMode([]string{"src"}, Options{}, true)
	want := []entry{md("src/profiles/Admin.profile", "Profile", "Admin", sfmeta.FormatMDAPI)}
	if diff := cmp.Diff(want, summarize(files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags)
	}
}

// TestNonMetadataUnstated: files that are not metadata candidates are
// listed with Size -1 (the walk does not stat them), no size limit applies,
// and Read still returns the whole file.
func TestNonMetadataUnstated(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"big.txt":   strings.Repeat("x", 300),
		"notes.txt": "hello",
	})
	files, diags := Walk([]string{root}, Options{MaxFileSize: 1000})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	type sizes struct{ Listed, Read int64 }
	got := map[string]sizes{}
	for i := range files {
		b, err := files[i].Read()
		if err != nil {
			t.Fatal(err)
		}
		got[filepath.Base(files[i].Path)] = sizes{files[i].Size, int64(len(b))}
	}
	want := map[string]sizes{"big.txt": {-1, 300}, "notes.txt": {-1, 5}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sizes (-want +got):\n%s", diff)
	}
}

// walkMode is Walk seen by one half: with metadataOnly, the metadata
// candidates only.
func walkMode(args []string, opts Options, metadataOnly bool) ([]File, []finding.Diagnostic) {
	files, diags := Walk(args, opts)
	if metadataOnly {
		files = Metadata(files)
	}
	return files, diags
}

func plainPatterns(globs ...string) []Pattern {
	out := make([]Pattern, len(globs))
	for i, g := range globs {
		out[i] = Pattern{Glob: g}
	}
	return out
}

// TestPatternQuickRejectAgreesWithGoGit: the literal-run quick reject in
// pattern.match never changes go-git's answer; it only skips work.
func TestPatternQuickRejectAgreesWithGoGit(t *testing.T) {
	lines := []string{
		"package.xml", "**/jsconfig.json", "**/__tests__/**", "**/classes/*__*.*", "*.log", "!keep.log",
		"build/", "/root-only.txt", "docs/**", "a/**/b", "**/.eslintrc.json", "?ero*.xml", "[Pp]rofiles/",
		`\#hash`, `\!bang`, "trailing-space  ", "dir with space/x", "*", "**", "!**/classes/Keep__c.cls",
		"force-app/main/default/profiles/Admin.profile-meta.xml", "a**b",
	}
	domains := [][]string{nil, {"root"}, {"root", "force-app"}}
	paths := [][]string{
		{"root", "package.xml"}, {"root", "force-app", "main", "default", "classes", "My__c.cls"},
		{"root", "force-app", "main", "default", "classes", "Plain.cls"}, {"root", "x", "__tests__", "t.js"},
		{"root", "x", "jsconfig.json"}, {"root", "app.log"}, {"root", "keep.log"}, {"root", "build"},
		{"root", "root-only.txt"}, {"root", "docs", "a.md"}, {"root", "docs"}, {"root", "a", "x", "y", "b"},
		{"root", "a", "b"}, {"root", "zero1.xml"}, {"root", "Profiles"}, {"root", "#hash"}, {"root", "!bang"},
		{"root", "trailing-space"}, {"root", "dir with space", "x"}, {"root", "force-app", "main", "default", "profiles", "Admin.profile-meta.xml"},
		{"root", "aXXb"}, {"root"}, {},
	}
	for _, d := range domains {
		for _, line := range lines {
			p := newPattern(line, d)
			for _, path := range paths {
				for _, isDir := range []bool{false, true} {
					want := gitignore.ParsePattern(line, d).Match(path, isDir)
					if p.inside {
						want = gitignore.NoMatch
						if len(path) > 0 {
							want = p.p.Match(path[:len(path)-1], true)
						}
					}
					if got := p.match(path, isDir); got != want {
						t.Errorf("pattern %q (domain %v) on %v dir=%v: got %v, go-git says %v", line, d, path, isDir, got, want)
					}
				}
			}
		}
	}
}

// TestWalkReadsTrackedIgnoredFiles: .gitignore keeps untracked files out of
// git, not files git already tracks. A file committed before its pattern
// was added, or added with `git add -f`, and a folder holding one, are
// walked; their untracked neighbours that the pattern matches are not.
func TestWalkReadsTrackedIgnoredFiles(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"build.properties":          "sf.password = x\n",
		"secrets/ci.env":            "SF_PASSWORD=x\n",
		"secrets/local.env":         "SF_PASSWORD=y\n",
		"logs/run.log":              "nothing\n",
		"src/profiles/A.profile":    xml,
		"src/profiles/B.profile":    xml,
		"src/local/Scratch.profile": xml,
	})
	testutil.Git(t, root, "init", "-q")
	testutil.Git(t, root, "add", "-A")
	testutil.Git(t, root, "commit", "-q", "-m", "before the ignore rules")
	writeTree(t, root, map[string]string{".gitignore": "*.properties\nsecrets/\nlogs/\nsrc/local/\n"})
	testutil.Git(t, root, "rm", "-q", "--cached", "secrets/local.env", "logs/run.log", "src/local/Scratch.profile")
	testutil.Git(t, root, "add", ".gitignore")
	testutil.Git(t, root, "commit", "-q", "-m", "ignore rules")
	t.Chdir(root)

	files, diags := Walk([]string{"."}, Options{})
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	want := []string{".gitignore", "build.properties", "secrets/ci.env", "src/profiles/A.profile", "src/profiles/B.profile"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags)
	}
}
