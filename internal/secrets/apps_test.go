package secrets

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func loadAppBlobs(t *testing.T) []Blob {
	t.Helper()
	var blobs []Blob
	root := "testdata/apps"
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		blobs = append(blobs, Blob{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(blobs, func(i, j int) bool { return blobs[i].Path < blobs[j].Path })
	return blobs
}

const (
	mckinseyKey = "3MVG9zlTNB8o8BA2CfUrLuva7AF8T3C_EfTCJbwJlUpfNoJM61KTcXJhtoJqGdLvl5t3EBoyOmHo2VgYUS_gl"
	taegisKey   = "3MVG9Lu3LaaTCEgJsIIE_ro7ODLtuHSV_hcXQHq8KhPRdAZQnfTHovGdmjxJy7NRbr9IVUkXsi71C74reaqYs"
)

func TestCollectApps(t *testing.T) {
	blobs := loadAppBlobs(t)
	for _, b := range blobs {
		if !IsAppMetadata(b.Path) {
			t.Errorf("IsAppMetadata(%s) = false", b.Path)
		}
	}
	apps, diags := CollectApps(append(blobs, Blob{Path: "connectedApps/Broken.connectedApp", Data: []byte("<ConnectedApp><oauthConfig>")}))
	want := map[string]AppInfo{
		mckinseyKey: {Type: "ConnectedApp", FullName: "Mckinsey_Deployment", Path: "connectedApps/Mckinsey_Deployment.connectedApp",
			Scopes: []string{"Api", "RefreshToken", "Web"}, RefreshTokenPolicy: "specific_inactivity:90:DAYS", IPRelaxation: "ENFORCE",
			PermittedUsers: "AdminApprovedPreAuthorized"},
		taegisKey: {Type: "ExternalClientApplication", FullName: "SF_Taegis_Integration",
			Path:   "extlClntAppGlobalOauthSets/SF_Taegis_Integration_glbloauth.ecaGlblOauth-meta.xml",
			Scopes: []string{"Api", "RefreshToken"}, RefreshTokenPolicy: "SpecificLifetime:365:Days", IPRelaxation: "Bypass",
			PermittedUsers: "AllSelfAuthorized", ClientCredentials: true},
	}
	if d := cmp.Diff(want, apps); d != "" {
		t.Errorf("apps (-want +got):\n%s", d)
	}
	if len(diags) != 1 || diags[0].File != "connectedApps/Broken.connectedApp" {
		t.Errorf("want one diagnostic naming the broken file, got %v", diags)
	}
}

// TestCorrelation: a consumer secret next to a known consumer key names the
// app and its blast radius.
func TestCorrelation(t *testing.T) {
	apps, _ := CollectApps(loadAppBlobs(t))
	f := newFakes(11)
	content := "SF_CONSUMER_KEY=" + taegisKey + "\nSF_CONSUMER_SECRET=" + f.ConsumerSecret + "\nSF_REFRESH_TOKEN=" + f.RefreshToken + "\n"
	cs, _ := Scan([]Blob{{Path: "ci/taegis.env", Data: []byte(content)}}, Options{Apps: apps})
	if d := cmp.Diff([]string{DetConsumerKey, DetConsumerSecret, DetRefreshToken}, detectorsOf(cs)); d != "" {
		t.Fatalf("detectors (-want +got):\n%s", d)
	}
	wantApp := map[string]any{"type": "ExternalClientApplication", "fullName": "SF_Taegis_Integration",
		"path":   "extlClntAppGlobalOauthSets/SF_Taegis_Integration_glbloauth.ecaGlblOauth-meta.xml",
		"scopes": []string{"Api", "RefreshToken"}, "refreshTokenPolicy": "SpecificLifetime:365:Days", "ipRelaxation": "Bypass",
		"permittedUsers": "AllSelfAuthorized", "clientCredentials": true}
	for _, c := range cs {
		if d := cmp.Diff(wantApp, c.Fields["app"]); d != "" {
			t.Errorf("%s app (-want +got):\n%s", c.Detector, d)
		}
		if c.Detector != DetConsumerKey && !strings.HasPrefix(c.Fields["consumerKey"].(string), "3MVG9L…") {
			t.Errorf("%s consumerKey = %v", c.Detector, c.Fields["consumerKey"])
		}
	}
	// Unknown key, far away: no correlation.
	far := "SF_CONSUMER_KEY=" + mckinseyKey + strings.Repeat("\n", 20) + "SF_CONSUMER_SECRET=" + f.ConsumerSecret + "\n"
	cs, _ = Scan([]Blob{{Path: "ci/far.env", Data: []byte(far)}}, Options{Apps: apps})
	for _, c := range cs {
		if _, ok := c.Fields["consumerKey"]; ok && c.Detector == DetConsumerSecret {
			t.Errorf("secret 20 lines away from the key must not be correlated: %v", c.Fields["consumerKey"])
		}
	}
}

// TestMoreAppsAskedOnlyWhenNeeded: the apps beyond Apps (a pre-commit
// scan's whole repository) are listed only for a consumer key Apps does
// not hold, once however many blobs ask, and then name the app.
func TestMoreAppsAskedOnlyWhenNeeded(t *testing.T) {
	apps, _ := CollectApps(loadAppBlobs(t))
	f := newFakes(12)
	withKey := func(key string) Blob {
		return Blob{Path: "ci/" + key[:8] + ".env", Data: []byte("SF_CONSUMER_KEY=" + key + "\nSF_CONSUMER_SECRET=" + f.ConsumerSecret + "\n")}
	}
	tests := []struct {
		name      string
		blobs     []Blob
		near      map[string]AppInfo
		wantAsked int
	}{
		{"no consumer key", []Blob{{Path: "README.md", Data: []byte("nothing here\n")}}, nil, 0},
		{"key found near", []Blob{withKey(taegisKey)}, apps, 0},
		{"key not near, many blobs", []Blob{withKey(taegisKey), withKey(taegisKey), withKey(taegisKey)}, nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			asked := 0
			more := func() map[string]AppInfo {
				mu.Lock()
				defer mu.Unlock()
				asked++
				return apps
			}
			cs, _ := Scan(tc.blobs, Options{Apps: tc.near, MoreApps: more, Jobs: 2})
			if asked != tc.wantAsked {
				t.Errorf("MoreApps asked %d times, want %d", asked, tc.wantAsked)
			}
			for _, c := range cs {
				if app, ok := c.Fields["app"].(map[string]any); !ok || app["fullName"] != "SF_Taegis_Integration" {
					t.Errorf("%s %s: app %v, want SF_Taegis_Integration", c.Location.File, c.Detector, c.Fields["app"])
				}
			}
		})
	}
}
