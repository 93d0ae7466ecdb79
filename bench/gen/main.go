// Command gen writes the synthetic benchmark org (see internal/synthorg).
//
//	go run ./bench/gen -out /tmp/sfguard-bench-org [-profiles 300 -profile-mb 2 -permsets 200 -apps 50]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sfguard/sfguard/internal/synthorg"
)

func main() {
	out := flag.String("out", "", "directory to write the org into (required)")
	s := synthorg.Default
	flag.IntVar(&s.Profiles, "profiles", s.Profiles, "number of profiles")
	mb := flag.Float64("profile-mb", 2, "approximate size of each profile in MiB")
	flag.IntVar(&s.PermissionSets, "permsets", s.PermissionSets, "number of permission sets")
	flag.IntVar(&s.ConnectedApps, "apps", s.ConnectedApps, "number of connected apps")
	flag.Parse()
	if *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	s.ProfileBytes = int(*mb * (1 << 20))
	n, err := synthorg.Write(*out, s)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d bytes (%.1f MiB) to %s\n", n, float64(n)/(1<<20), *out)
}
