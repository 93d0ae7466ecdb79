// Command score compares a scanner's reported locations with the manifest
// written by gen and prints recall and the number of reports outside
// planted lines.
//
//	score -planted tree.planted.tsv -format sfguard|gitleaks|grep REPORT
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

type loc struct {
	path string
	line int
}

func main() {
	planted := flag.String("planted", "", "manifest from gen")
	format := flag.String("format", "sfguard", "report format: sfguard (path:line:rule:sev), gitleaks (JSON), grep (path:line:text)")
	root := flag.String("root", "", "prefix to strip from reported paths")
	flag.Parse()
	if *planted == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: score -planted FILE [-format F] [-root DIR] REPORT")
		os.Exit(2)
	}
	want := map[loc]string{}
	pf, err := os.Open(*planted)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	sc := bufio.NewScanner(pf)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		n, _ := strconv.Atoi(parts[1])
		want[loc{parts[0], n}] = parts[2]
	}
	pf.Close()
	got := map[loc]bool{}
	norm := func(p string) string {
		p = strings.TrimPrefix(p, *root)
		return strings.TrimPrefix(p, "/")
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	switch *format {
	case "gitleaks":
		var rep []struct {
			File      string
			StartLine int
		}
		if len(strings.TrimSpace(string(data))) > 0 {
			if err := json.Unmarshal(data, &rep); err != nil {
				fmt.Fprintln(os.Stderr, "gitleaks report:", err)
				os.Exit(2)
			}
		}
		for _, r := range rep {
			got[loc{norm(r.File), r.StartLine}] = true
		}
	default: // sfguard and grep: path:line:...
		for _, line := range strings.Split(string(data), "\n") {
			parts := strings.SplitN(line, ":", 3)
			if len(parts) < 2 {
				continue
			}
			n, err := strconv.Atoi(parts[1])
			if err != nil {
				continue
			}
			got[loc{norm(parts[0]), n}] = true
		}
	}
	// A multi-line match (a key on one line, its value on the next) is
	// reported where it starts, so the line before a planted value counts
	// unless that line holds a planted value of its own.
	found, missedKinds := 0, map[string]int{}
	for l, kind := range want {
		prev := loc{l.path, l.line - 1}
		_, prevPlanted := want[prev]
		if got[l] || got[prev] && !prevPlanted {
			found++
		} else {
			missedKinds[kind]++
		}
	}
	extra := 0
	for l := range got {
		_, at := want[l]
		_, before := want[loc{l.path, l.line + 1}]
		if !at && !before {
			extra++
		}
	}
	var missed []string
	for k, n := range missedKinds {
		missed = append(missed, fmt.Sprintf("%s×%d", k, n))
	}
	sort.Strings(missed)
	fmt.Printf("recall %d/%d (%.1f%%), %d reported locations outside planted lines", found, len(want), 100*float64(found)/float64(len(want)), extra)
	if len(missed) > 0 {
		fmt.Printf(", missed: %s", strings.Join(missed, " "))
	}
	fmt.Println()
}
