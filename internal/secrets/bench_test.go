package secrets

import (
	"strings"
	"testing"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
)

// benchCorpus is Salesforce source without credentials: the common case,
// where the prefilter alone decides the cost.
func benchCorpus() []byte {
	apex := `/**
 * AccountRollupService keeps the opportunity totals on Account current.
 */
public with sharing class AccountRollupService {
    private static final Integer BATCH_SIZE = 200;
    public static List<Account> findAccounts(Set<Id> accountIds, String filter) {
        List<Account> records = [
            SELECT Id, Name, BillingCity, (SELECT Id, Amount, StageName FROM Opportunities WHERE IsClosed = false)
            FROM Account WHERE Id IN :accountIds WITH SECURITY_ENFORCED LIMIT :BATCH_SIZE
        ];
        for (Account acc : records) {
            switch on acc.Rating { when 'Hot' { acc.Description = 'Priority'; } when else { } }
        }
        return records;
    }
}
`
	lwc := `import { LightningElement, api, track } from 'lwc';
import fetchRows from '@salesforce/apex/RelatedListController.fetchRows';
export default class RelatedList extends LightningElement {
    @api recordId;
    @track rows = [];
    handleRefresh(event) {
        fetchRows({ recordId: this.recordId, filter: event.detail.value })
            .then((result) => { this.rows = result; })
            .catch((error) => { console.log(error.body.message); });
    }
}
`
	xml := `<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <fieldPermissions>
        <editable>true</editable>
        <field>Account.BillingCity</field>
        <readable>true</readable>
    </fieldPermissions>
    <passwordPolicies><minimumPasswordLength>12</minimumPasswordLength></passwordPolicies>
</Profile>
`
	var b strings.Builder
	for b.Len() < 8<<20 {
		b.WriteString(apex)
		b.WriteString(lwc)
		b.WriteString(xml)
	}
	return []byte(b.String())
}

func BenchmarkScanCleanSource(b *testing.B) {
	data := benchCorpus()
	blob := []Blob{{Path: "force-app/main/default/classes/AccountRollupService.cls", Data: data}}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Scan(blob, Options{Jobs: 1})
	}
}

func BenchmarkScanWithCredentials(b *testing.B) {
	f := newFakes(99)
	data := append(benchCorpus(), []byte("\nsf.password = "+f.Password+f.SecurityToken+"\nSFDX_AUTH_URL=force://PlatformCLI::"+f.RefreshToken+"@acme.my.salesforce.com\n")...)
	blob := []Blob{{Path: "mixed.properties", Data: data}}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Scan(blob, Options{Jobs: 1})
	}
}

// BenchmarkPrefilter and BenchmarkAhoCorasick compare the keyword pass alone
// (the reason prefilter.go exists).
func BenchmarkPrefilter(b *testing.B) {
	data := benchCorpus()
	pf := defaultDetector().pf
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pf.each(data, func(int, int, int) {})
	}
}

func BenchmarkAhoCorasick(b *testing.B) {
	data := benchCorpus()
	lits := make([]string, len(keywords))
	for i, k := range keywords {
		lits[i] = k.lit
	}
	bl := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{AsciiCaseInsensitive: true, MatchKind: ahocorasick.LeftMostLongestMatch, DFA: true})
	ac := bl.Build(lits)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		it := ac.IterByte(data)
		for m := it.Next(); m != nil; m = it.Next() {
		}
	}
}
