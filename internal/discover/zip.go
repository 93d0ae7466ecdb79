package discover

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path"
	"strings"
)

// zipEntry locates one entry's compressed bytes inside its archive.
//
// The walk reads only the central directory and closes the archive; Read
// reopens it and decompresses just this entry from its data offset. That
// keeps no file descriptor open between the walk and the parse, lets
// workers read entries in parallel without sharing a reader, and avoids
// re-parsing the central directory for every entry of a large retrieve.
type zipEntry struct {
	offset   int64
	compSize uint64
	size     uint64
	method   uint16
	crc      uint32
}

func (e *zipEntry) read(archive, display string) ([]byte, error) {
	f, err := os.Open(archive)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", display, errText(err))
	}
	defer f.Close()
	var r io.Reader = io.NewSectionReader(f, e.offset, int64(e.compSize))
	switch e.method {
	case zip.Store:
	case zip.Deflate:
		fr := flate.NewReader(r)
		defer fr.Close()
		r = fr
	default:
		// Unreachable: the walk rejects other methods.
		return nil, fmt.Errorf("%s: unsupported compression method %d", display, e.method)
	}
	// The declared size was checked against the limit during the walk;
	// reading one byte past it catches an entry whose header lies about
	// its size (a zip bomb) without ever inflating more than that.
	b, err := io.ReadAll(io.LimitReader(r, int64(e.size)+1))
	if err != nil {
		return nil, fmt.Errorf("%s: corrupt zip entry: %w", display, err)
	}
	if uint64(len(b)) != e.size {
		return nil, fmt.Errorf("%s: corrupt zip entry: %d bytes declared, %s found", display, e.size, sizeWord(len(b), e.size))
	}
	// A zero CRC in the central directory means "not recorded"; archive/zip
	// treats it the same way.
	if e.crc != 0 && crc32.ChecksumIEEE(b) != e.crc {
		return nil, fmt.Errorf("%s: corrupt zip entry: checksum mismatch", display)
	}
	return b, nil
}

func sizeWord(n int, declared uint64) string {
	if uint64(n) > declared {
		return "more"
	}
	return fmt.Sprintf("%d", n)
}

// walkZip lists the entries of a zip archive given as an argument, like a
// directory: entries are classified by their inner path. Ignore files do
// not apply inside an archive (a retrieve has none); Exclude globs do,
// against "archive.zip!/inner/path".
func (w *walker) walkZip(abs, real, disp string, size int64) {
	f, err := os.Open(abs)
	if err != nil {
		w.diag(disp, errText(err))
		return
	}
	defer f.Close()
	zr, err := zip.NewReader(f, size)
	// ErrInsecurePath comes with a usable reader (GODEBUG zipinsecurepath=0);
	// unsafe names are rejected one by one below, keeping the rest.
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		w.diag(disp, "corrupt or unreadable zip archive: "+err.Error())
		return
	}
	for _, zf := range zr.File {
		w.zipFile(zf, real, disp)
	}
}

func (w *walker) zipFile(zf *zip.File, real, disp string) {
	name := strings.ReplaceAll(zf.Name, `\`, "/") // archives made on Windows
	if strings.HasSuffix(name, "/") {
		return // directory entry
	}
	if unsafeEntry(name) {
		w.diag(disp, fmt.Sprintf("entry %q skipped: its path leaves the archive (absolute or ../)", zf.Name))
		return
	}
	inner := path.Clean(name)
	if !zf.Mode().IsRegular() {
		return // symlinks and other special entries carry no content to scan
	}
	for _, c := range strings.Split(inner, "/") {
		if c == gitDir {
			return
		}
	}
	entryDisp := disp + "!/" + inner
	t, fullName, format, ok := classify(inner)
	if w.metadataOnly && !ok {
		return
	}
	if w.excluded(entryDisp) {
		return
	}
	if zf.UncompressedSize64 > uint64(w.max) {
		w.diag(entryDisp, fmt.Sprintf("skipped: %d bytes exceeds the %s limit", zf.UncompressedSize64, humanBytes(w.max)))
		return
	}
	if zf.Flags&0x1 != 0 {
		w.diag(entryDisp, "skipped: the entry is encrypted")
		return
	}
	if zf.Method != zip.Store && zf.Method != zip.Deflate {
		w.diag(entryDisp, fmt.Sprintf("skipped: unsupported compression method %d", zf.Method))
		return
	}
	off, err := zf.DataOffset()
	if err != nil {
		w.diag(entryDisp, "corrupt zip entry: "+err.Error())
		return
	}
	w.add(real+"!/"+inner, File{
		Path: entryDisp, Size: int64(zf.UncompressedSize64),
		Type: t, FullName: fullName, Format: format,
		osPath: real,
		entry: &zipEntry{
			offset: off, compSize: zf.CompressedSize64,
			size: zf.UncompressedSize64, method: zf.Method, crc: zf.CRC32,
		},
		limit: w.max,
	})
}

// unsafeEntry reports names that would escape a directory the archive was
// extracted into (zip-slip): absolute paths, drive letters and any ".."
// component.
func unsafeEntry(name string) bool {
	if name == "" || strings.HasPrefix(name, "/") {
		return true
	}
	if len(name) >= 2 && name[1] == ':' {
		return true
	}
	for _, c := range strings.Split(name, "/") {
		if c == ".." {
			return true
		}
	}
	return false
}
