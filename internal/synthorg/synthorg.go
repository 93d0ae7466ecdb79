// Package synthorg writes large synthetic Salesforce orgs in Metadata API
// format for benchmarks: profiles padded to a realistic size with
// fieldPermissions, objectPermissions and classAccesses (the bulk of real
// profiles, which no built-in rule reads), permission sets and connected
// apps, a share of them insecure. Output is deterministic for a given Spec.
package synthorg

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// Spec sizes an org.
type Spec struct {
	Profiles       int
	ProfileBytes   int // approximate size of each profile
	PermissionSets int
	ConnectedApps  int
}

// Default is the benchmark org of issue 2: 300 profiles of ~2 MB, 200
// permission sets and 50 connected apps (about 600 MB).
var Default = Spec{Profiles: 300, ProfileBytes: 2 << 20, PermissionSets: 200, ConnectedApps: 50}

// Write creates the org under dir (dir/profiles, dir/permissionsets, ...)
// and returns the number of bytes written.
func Write(dir string, s Spec) (int64, error) {
	var total int64
	for _, sub := range []string{"profiles", "permissionsets", "connectedApps", "settings"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return 0, err
		}
	}
	for i := 0; i < s.Profiles; i++ {
		n, err := writeFile(filepath.Join(dir, "profiles", fmt.Sprintf("Synthetic Profile %03d.profile", i)), func(w *bufio.Writer) {
			Profile(w, i, s.ProfileBytes)
		})
		if err != nil {
			return 0, err
		}
		total += n
	}
	for i := 0; i < s.PermissionSets; i++ {
		n, err := writeFile(filepath.Join(dir, "permissionsets", fmt.Sprintf("Synthetic_Set_%03d.permissionset", i)), func(w *bufio.Writer) {
			PermissionSet(w, i)
		})
		if err != nil {
			return 0, err
		}
		total += n
	}
	for i := 0; i < s.ConnectedApps; i++ {
		n, err := writeFile(filepath.Join(dir, "connectedApps", fmt.Sprintf("Synthetic_App_%03d.connectedApp", i)), func(w *bufio.Writer) {
			ConnectedApp(w, i)
		})
		if err != nil {
			return 0, err
		}
		total += n
	}
	n, err := writeFile(filepath.Join(dir, "settings", "Security.settings"), func(w *bufio.Writer) {
		fmt.Fprint(w, securitySettings)
	})
	return total + n, err
}

func writeFile(path string, fill func(*bufio.Writer)) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	fill(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return 0, err
	}
	return st.Size(), f.Close()
}

var objects = []string{"Account", "Contact", "Lead", "Opportunity", "Case", "Campaign", "Order", "Product2", "Quote", "Contract", "Asset", "Task", "Event"}

// Profile writes one profile of about size bytes in retrieve order
// (alphabetical top-level elements). Every third profile grants API Enabled
// without login IP ranges.
func Profile(w *bufio.Writer, i, size int) {
	fmt.Fprint(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profile xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n")
	written := 120
	for c := 0; c < 40; c++ {
		written += wf(w, "    <classAccesses>\n        <apexClass>Synthetic_Class_%03d</apexClass>\n        <enabled>%t</enabled>\n    </classAccesses>\n", c, c%2 == 0)
	}
	fmt.Fprint(w, "    <custom>true</custom>\n")
	tail := 4000
	for f := 0; written < size-tail; f++ {
		written += wf(w, "    <fieldPermissions>\n        <editable>%t</editable>\n        <field>%s.Synthetic_Field_%05d__c</field>\n        <readable>true</readable>\n    </fieldPermissions>\n", f%3 != 0, objects[f%len(objects)], f)
	}
	if i%3 != 0 {
		fmt.Fprintf(w, "    <loginIpRanges>\n        <endAddress>203.0.113.%d</endAddress>\n        <startAddress>203.0.113.%d</startAddress>\n    </loginIpRanges>\n", 10+i%100, i%100)
	}
	for _, o := range objects {
		fmt.Fprintf(w, "    <objectPermissions>\n        <allowCreate>true</allowCreate>\n        <allowDelete>false</allowDelete>\n        <allowEdit>true</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>%s</object>\n        <viewAllRecords>false</viewAllRecords>\n    </objectPermissions>\n", o)
	}
	fmt.Fprint(w, "    <userLicense>Salesforce</userLicense>\n")
	perms := []string{"ActivitiesAccess", "ConvertLeads", "ExportReport", "ViewSetup"}
	if i%3 == 0 {
		perms = append([]string{"ApiEnabled"}, perms...)
	}
	for _, p := range perms {
		fmt.Fprintf(w, "    <userPermissions>\n        <enabled>true</enabled>\n        <name>%s</name>\n    </userPermissions>\n", p)
	}
	fmt.Fprint(w, "</Profile>\n")
}

func wf(w *bufio.Writer, format string, args ...any) int {
	n, _ := fmt.Fprintf(w, format, args...)
	return n
}

// PermissionSet writes one permission set; every fourth grants API Enabled.
func PermissionSet(w *bufio.Writer, i int) {
	fmt.Fprintf(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <description>Synthetic set %d</description>\n", i)
	for f := 0; f < 200; f++ {
		fmt.Fprintf(w, "    <fieldPermissions>\n        <editable>false</editable>\n        <field>%s.Set_Field_%04d__c</field>\n        <readable>true</readable>\n    </fieldPermissions>\n", objects[f%len(objects)], f)
	}
	fmt.Fprintf(w, "    <hasActivationRequired>false</hasActivationRequired>\n    <label>Synthetic Set %d</label>\n", i)
	if i%4 == 0 {
		fmt.Fprint(w, "    <userPermissions>\n        <enabled>true</enabled>\n        <name>ApiEnabled</name>\n    </userPermissions>\n")
	}
	fmt.Fprint(w, "</PermissionSet>\n")
}

// ConnectedApp writes one app; every other app keeps refresh tokens valid
// until revoked, every fifth relaxes IP restrictions, PKCE is off on odd ones.
func ConnectedApp(w *bufio.Writer, i int) {
	relax, rt := "ENFORCE", "specific_inactivity:30:DAYS"
	if i%2 == 0 {
		rt = "infinite"
	}
	if i%5 == 0 {
		relax = "BYPASS"
	}
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>owner%d@example.com</contactEmail>
    <label>Synthetic App %d</label>
    <oauthConfig>
        <callbackUrl>https://app%d.example.com/oauth/callback</callbackUrl>
        <consumerKey>3MVG9Synthetic%06dKeyOnlyForBenchmarks0123456789abcdefghijklmnopqrstuvwxyzAB</consumerKey>
        <isAdminApproved>true</isAdminApproved>
        <isConsumerSecretOptional>false</isConsumerSecretOptional>
        <isPkceRequired>%t</isPkceRequired>
        <scopes>Api</scopes>
        <scopes>RefreshToken</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>%s</ipRelaxation>
        <isTokenExchangeFlowEnabled>false</isTokenExchangeFlowEnabled>
        <refreshTokenPolicy>%s</refreshTokenPolicy>
    </oauthPolicy>
</ConnectedApp>
`, i, i, i, i, i%2 == 0, relax, rt)
}

const securitySettings = `<?xml version="1.0" encoding="UTF-8"?>
<SecuritySettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <networkAccess>
        <ipRanges>
            <description>Everyone</description>
            <end>127.255.255.255</end>
            <start>0.0.0.0</start>
        </ipRanges>
    </networkAccess>
</SecuritySettings>
`
