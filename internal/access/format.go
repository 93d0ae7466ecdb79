package access

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Formats are the output formats of `sfguard access`.
var Formats = []string{"text", "json", "csv"}

// Write prints m in format; width is the terminal width for text.
func Write(w io.Writer, m *Matrix, format string, width int) error {
	switch format {
	case "text":
		return WriteText(w, m, width)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	case "csv":
		return WriteCSV(w, m)
	}
	return fmt.Errorf("unknown format %q (available: %s)", format, strings.Join(Formats, ", "))
}

// WriteText prints the ways in worst first, then the principals, the apps
// and the trusted IP ranges, as tables that fit width.
func WriteText(w io.Writer, m *Matrix, width int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "WAYS IN, worst first (%s)\n", m.counts())
	ways := table{header: []string{"SEVERITY", "PRINCIPAL", "WAY IN", "FROM", "LASTS", "RULE"}}
	for _, e := range m.Entries() {
		ways.add(e.Way.Severity.String(), e.Principal.Kind+" "+e.Principal.Name, e.Way.How, e.Way.From, e.Way.Lasts, dash(e.Way.Rule))
	}
	if len(ways.rows) == 0 {
		b.WriteString("  (none: no principal in the scan can log in or call the API)\n")
	} else if err := ways.write(&b, width); err != nil {
		return err
	}

	b.WriteString("\nPRINCIPALS\n")
	ps := table{header: []string{"PRINCIPAL", "LICENCE", "API", "LOGIN IP RANGES", "MFA WAIVED", "ADMIN POWERS", "WAYS IN"}}
	for i := range m.Principals {
		p := &m.Principals[i]
		ps.add(p.Kind+" "+p.Name, dash(p.License), api(p), ranges(p), yesNo(p.MFAWaived), dash(strings.Join(p.AdminPowers, ", ")), strconv.Itoa(len(p.Ways)))
	}
	if err := ps.write(&b, width); err != nil {
		return err
	}

	b.WriteString("\nAPPS\n")
	as := table{header: []string{"SEVERITY", "APP", "WHO", "TOKENS", "IP RELAXATION", "PKCE, SECRET", "SCOPES", "FLOWS"}}
	for i := range m.Apps {
		a := &m.Apps[i]
		as.add(a.Severity.String(), a.Kind+" "+a.Name, a.Who, a.Summary, a.IPRelaxation.Text, proof(a), dash(strings.Join(a.Scopes, " ")), strings.Join(a.Flows, ", "))
	}
	if len(as.rows) == 0 {
		b.WriteString("  (no connected app or external client app with OAuth in the scan)\n")
	} else if err := as.write(&b, width); err != nil {
		return err
	}

	b.WriteString("\nTRUSTED IP RANGES (Setup → Network Access: no security token asked from here)\n")
	ts := table{header: []string{"RANGE", "ADDRESSES", "DESCRIPTION", "NOTE"}}
	for _, r := range m.TrustedIPRanges {
		ts.add(r.Start+"–"+r.End, strconv.FormatInt(r.Addresses, 10), dash(r.Description), rangeNote(r))
	}
	if len(ts.rows) == 0 {
		b.WriteString("  (none in the scan)\n")
	} else if err := ts.write(&b, width); err != nil {
		return err
	}
	b.WriteByte('\n')
	for _, l := range wrap("Permission sets and groups reach users through assignments, which metadata does not record: their ways in apply to whoever holds them.", width) {
		b.WriteString(l + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (m *Matrix) counts() string {
	n := map[string]int{}
	for _, p := range m.Principals {
		n[p.Kind]++
	}
	count := func(k int, one, many string) string {
		if k == 1 {
			return "1 " + one
		}
		return strconv.Itoa(k) + " " + many
	}
	return strings.Join([]string{
		count(n["Profile"], "profile", "profiles"),
		count(n["Permission set"], "permission set", "permission sets"),
		count(n["Permission set group"], "permission set group", "permission set groups"),
		count(len(m.Apps), "OAuth app", "OAuth apps"),
	}, ", ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func api(p *Principal) string {
	switch {
	case p.APIOnly:
		return "API only"
	case p.APIEnabled:
		return "enabled"
	}
	return "no"
}

func ranges(p *Principal) string {
	r := p.LoginRanges
	switch r.Class {
	case "none":
		return "none: any address"
	case "broad", "specific":
		return fmt.Sprintf("%s: %d addresses", r.Class, r.Addresses)
	}
	return r.Class
}

func required(s Switch) string {
	if s.Value {
		return "required"
	}
	return "not required"
}

func proof(a *App) string {
	return fmt.Sprintf("PKCE %s; secret %s for code, %s for refresh", required(a.PKCE), required(a.SecretWebServer), required(a.SecretRefresh))
}

func rangeNote(r Range) string {
	switch {
	case !r.Public && r.Addresses == 0:
		return "not a usable range"
	case !r.Public:
		return "private: never matches"
	case r.Broad:
		return "broad"
	}
	return ""
}

// CSV columns: one row per way in, with its principal; principals without
// a way in get one row with the way columns empty.
var csvHeader = []string{"principal_kind", "principal", "document", "licence", "api", "login_ip_ranges", "login_ip_addresses", "mfa_waived", "admin_powers", "severity", "way", "app", "from", "addresses", "lasts", "rule", "summary", "file", "line"}

// WriteCSV writes the matrix as one spreadsheet table.
func WriteCSV(w io.Writer, m *Matrix) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for i := range m.Principals {
		p := &m.Principals[i]
		base := []string{p.Kind, p.Name, p.Document, p.License, api(p), p.LoginRanges.Class, strconv.FormatInt(p.LoginRanges.Addresses, 10), yesNo(p.MFAWaived), strings.Join(p.AdminPowers, "; ")}
		if len(p.Ways) == 0 {
			if err := cw.Write(defuse(append(base, make([]string, len(csvHeader)-len(base))...))); err != nil {
				return err
			}
			continue
		}
		for _, wy := range p.Ways {
			row := append(append([]string(nil), base...), wy.Severity.String(), wy.How, wy.App, wy.From, strconv.FormatInt(wy.Addresses, 10), wy.Lasts, wy.Rule, wy.Summary, wy.Location.File, strconv.Itoa(wy.Location.Line))
			if err := cw.Write(defuse(row)); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuse keeps a spreadsheet from running a cell as a formula: names and
// descriptions come from metadata anyone can commit, so a text cell that
// starts like a formula gets a leading apostrophe. Numbers are left alone.
func defuse(row []string) []string {
	for i, c := range row {
		if c == "" || strings.IndexByte("=+-@\t\r", c[0]) < 0 {
			continue
		}
		if _, err := strconv.ParseInt(c, 10, 64); err == nil {
			continue
		}
		row[i] = "'" + c
	}
	return row
}
