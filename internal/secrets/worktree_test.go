package secrets

import "testing"

// TestHeaderSizeSkipsWithoutReading (issue 11.5): content only Read can
// produce (a zip entry) whose known size is over the limit is skipped with
// a note, and Read is never called — inflating 60 MiB only to skip it cost
// seconds per entry.
func TestHeaderSizeSkipsWithoutReading(t *testing.T) {
	files := []WorkFile{{Path: "r.zip!/dump.csv", Size: 60 << 20, Read: func() ([]byte, error) {
		t.Error("Read called for an entry over the limit")
		return nil, nil
	}}}
	res := ScanWorkTree(files, Options{})
	want := Note{Path: "r.zip!/dump.csv", Reason: "skipped: 62914560 bytes is over the 10485760 byte limit (max file size)"}
	if len(res.Notes) != 1 || res.Notes[0] != want {
		t.Errorf("notes = %v, want %v", res.Notes, want)
	}
}
