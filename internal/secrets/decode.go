package secrets

import (
	"bytes"
	"html"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Decoding before detection. File bytes enter detection in detector.scan;
// whatever reads them (work tree, index, history, stdin) hands over the bytes
// as stored, and this file turns them into the text the detectors read:
//
//   - UTF-16 LE/BE text, with or without a BOM (PowerShell 5 and Windows
//     editors write it), is decoded to UTF-8 instead of being skipped as
//     binary. offsets maps every decoded byte back to the original byte, so
//     reported columns still point into the file as stored.
//   - A UTF-8 BOM needs nothing: it is three non-word bytes before line 1.
//   - XML values are entity-decoded (xmlValue) and URL-encoded tokens are
//     percent-decoded where their shape says so (access tokens with %21,
//     force%3A%2F%2F auth URLs), before their features are computed.

// Text encodings reported in the encoding field.
const (
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
)

// utf16Order recognises UTF-16 text: a BOM, or (without one) a first 8 KiB
// where the high byte of almost every code unit is zero, as in mostly-ASCII
// text. It returns encUTF16LE, encUTF16BE or "".
func utf16Order(data []byte) string {
	if len(data) >= 2 {
		switch {
		case data[0] == 0xFF && data[1] == 0xFE:
			return encUTF16LE
		case data[0] == 0xFE && data[1] == 0xFF:
			return encUTF16BE
		}
	}
	head := data[:min(len(data), binarySniff)&^1]
	// Text without a NUL byte is not UTF-16: one fast IndexByte spares the
	// pairwise count for almost every file.
	if len(head) < 4 || bytes.IndexByte(head, 0) < 0 {
		return ""
	}
	var zeroEven, zeroOdd int
	for i := 0; i < len(head); i += 2 {
		if head[i] == 0 {
			zeroEven++
		}
		if head[i+1] == 0 {
			zeroOdd++
		}
	}
	units := len(head) / 2
	switch {
	case zeroOdd*10 >= units*9 && zeroEven*10 < units:
		return encUTF16LE
	case zeroEven*10 >= units*9 && zeroOdd*10 < units:
		return encUTF16BE
	}
	return ""
}

// looksBinary is git's test (a NUL byte in the first 8 KiB), except that
// UTF-16 text is text.
func looksBinary(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), binarySniff)], 0) >= 0 && utf16Order(data) == ""
}

// decodeUTF16 returns the UTF-8 text of UTF-16 data and, for every byte of
// it plus one past the end, the offset of the original byte it came from.
func decodeUTF16(data []byte, enc string) ([]byte, []int) {
	start := 0
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		start = 2
	}
	unit := func(i int) uint16 {
		if enc == encUTF16BE {
			return uint16(data[i])<<8 | uint16(data[i+1])
		}
		return uint16(data[i+1])<<8 | uint16(data[i])
	}
	out := make([]byte, 0, len(data)/2+8)
	offsets := make([]int, 0, len(data)/2+8)
	var buf [4]byte
	for i := start; i+1 < len(data); {
		r, n := rune(unit(i)), 2
		if utf16.IsSurrogate(r) && i+3 < len(data) {
			if d := utf16.DecodeRune(r, rune(unit(i+2))); d != utf8.RuneError {
				r, n = d, 4
			}
		}
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
		}
		w := utf8.EncodeRune(buf[:], r)
		for k := 0; k < w; k++ {
			offsets = append(offsets, i)
		}
		out = append(out, buf[:w]...)
		i += n
	}
	return out, append(offsets, len(data))
}

// xmlValue decodes the entities of an XML or HTML value (&amp;, &apos;,
// &#33;, &#x21;) so that features, the fingerprint and merge-field checks
// see the value Salesforce stores, not its escaped form.
func xmlValue(v string) string {
	if strings.IndexByte(v, '&') < 0 {
		return v
	}
	return html.UnescapeString(v)
}

// percentDecode decodes %XX escapes in d[i:limit) while the bytes stay
// within ok (or are an escape); it returns the decoded bytes and, for each
// decoded byte plus one past the end, its offset in d.
func percentDecode(d []byte, i, limit int, ok func(byte) bool) ([]byte, []int) {
	var out []byte
	var offs []int
	for i < limit {
		c := d[i]
		if c == '%' && i+2 < limit && isHexByte(d[i+1]) && isHexByte(d[i+2]) {
			out = append(out, unhex(d[i+1])<<4|unhex(d[i+2]))
			offs = append(offs, i)
			i += 3
			continue
		}
		if !ok(c) {
			break
		}
		out = append(out, c)
		offs = append(offs, i)
		i++
	}
	return out, append(offs, i)
}

func isHexByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// mergeField reports a Salesforce merge field or formula rather than a
// value: {!$Credential.Password}, {!'Bearer ' & $Credential.OAuthToken},
// {!$Label.Api_Key}, or a bare $Credential.OAuthToken reference. Named and
// external credentials resolve them at callout time; they hold no secret.
func mergeField(v string) bool {
	t := strings.TrimSpace(v)
	if i := strings.Index(t, "{!"); i >= 0 {
		if j := strings.IndexByte(t[i:], '}'); j > 0 && strings.IndexByte(t[i:i+j], '$') > 0 {
			return true
		}
	}
	l := strings.ToLower(t)
	for _, g := range []string{"$credential.", "$label.", "$setup.", "$api.", "$organization.", "$user.",
		"$custommetadata.", "$permission.", "$profile.", "$site."} {
		if strings.Contains(l, g) {
			return true
		}
	}
	return false
}
