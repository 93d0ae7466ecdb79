package source

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path"
	"strings"
)

// MaxArchiveDepth is how deep archives are opened: a retrieve zip inside a
// folder (depth 1), a zip inside that (depth 2). Deeper archives are
// reported and not opened: each level multiplies what a small file can
// expand to.
const MaxArchiveDepth = 2

// opener gives access to an archive's bytes: the file on disk for an
// archive in the walk, a buffer for one inside another archive or in git.
type opener func() (io.ReaderAt, io.Closer, error)

func fileOpener(p string) opener {
	return func() (io.ReaderAt, io.Closer, error) {
		f, err := os.Open(p)
		if err != nil {
			return nil, nil, err
		}
		return f, f, nil
	}
}

func bytesOpener(b []byte) opener {
	return func() (io.ReaderAt, io.Closer, error) {
		return bytes.NewReader(b), io.NopCloser(nil), nil
	}
}

// zipEntry locates one entry's compressed bytes inside its archive.
//
// The walk reads only the central directory and closes the archive; Read
// reopens it and decompresses just this entry from its data offset. That
// keeps no file descriptor open between the walk and the parse, lets
// workers read entries in parallel without sharing a reader, and avoids
// re-parsing the central directory for every entry of a large retrieve.
type zipEntry struct {
	open     opener
	offset   int64
	compSize uint64
	size     uint64
	method   uint16
	crc      uint32
}

func (e *zipEntry) read(display string) ([]byte, error) {
	ra, c, err := e.open()
	if err != nil {
		return nil, fmt.Errorf("%s: %s", display, errText(err))
	}
	defer c.Close()
	var r io.Reader = io.NewSectionReader(ra, e.offset, int64(e.compSize))
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

// archive is one zip being listed: where it is and how to reach it.
type archive struct {
	open           opener
	size           int64
	abs, key, disp string
	depth          int
}

// walkZipFile lists a zip archive on disk, named as an argument or met in
// the walk.
func (w *walker) walkZipFile(abs, key, disp string, size int64) {
	w.walkArchive(archive{open: fileOpener(abs), size: size, abs: abs, key: key, disp: disp, depth: 1})
}

// walkArchive lists the entries of a zip archive like a directory: entries
// are classified by their inner path. Ignore files do not apply inside an
// archive (a retrieve has none); exclude patterns do, against
// "archive.zip!/inner/path".
func (w *walker) walkArchive(a archive) {
	ra, c, err := a.open()
	if err != nil {
		w.diag(a.disp, errText(err))
		return
	}
	defer c.Close()
	zr, err := zip.NewReader(ra, a.size)
	// ErrInsecurePath comes with a usable reader (GODEBUG zipinsecurepath=0);
	// unsafe names are rejected one by one below, keeping the rest.
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		w.diag(a.disp, "corrupt or unreadable zip archive: "+err.Error())
		return
	}
	copies := map[string]int{}
	for _, zf := range zr.File {
		w.zipFile(zf, a, copies)
	}
}

func (w *walker) zipFile(zf *zip.File, a archive, copies map[string]int) {
	name := strings.ReplaceAll(zf.Name, `\`, "/") // archives made on Windows
	if strings.HasSuffix(name, "/") {
		return // directory entry
	}
	if unsafeEntry(name) {
		w.diag(a.disp, fmt.Sprintf("entry %q skipped: its path leaves the archive (absolute or ../)", zf.Name))
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
	entryDisp := a.disp + "!/" + inner
	entryAbs := a.abs + "!/" + inner
	key := a.key + "!/" + inner
	// unzip and Python's zipfile keep the last of two entries with one
	// name, archive/zip lists both: checking only one would let the other
	// hide. Every copy is checked, and the archive is an input problem.
	copies[inner]++
	if n := copies[inner]; n > 1 {
		w.diag(entryDisp, fmt.Sprintf("duplicate entry name in the archive (copy %d): tools that extract it keep only one copy; every copy is checked", n))
		key += fmt.Sprintf("#%d", n)
	}
	if w.excluded(entryAbs, entryDisp) {
		return
	}
	t, fullName, format, ok := classify(inner)
	nested := !ok && isZip(inner) && !w.opts.NoArchives
	if zf.UncompressedSize64 > uint64(w.max) && (ok || nested) {
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
	e := &zipEntry{open: a.open, offset: off, compSize: zf.CompressedSize64,
		size: zf.UncompressedSize64, method: zf.Method, crc: zf.CRC32}
	if nested {
		w.nestedArchive(e, a, entryAbs, key, entryDisp)
		return
	}
	// The size is the header's: an entry over the credential scan's limit
	// is skipped there without being inflated.
	w.add(key, File{
		Path: entryDisp, Abs: entryAbs, Size: int64(zf.UncompressedSize64),
		Type: t, FullName: fullName, Format: format,
		Origin: Origin{Archive: a.disp},
		osPath: a.abs, entry: e, limit: w.max,
	})
}

// nestedArchive opens an archive found inside another one. Its bytes are
// inflated once (within the size limit) and kept for its entries.
func (w *walker) nestedArchive(e *zipEntry, parent archive, abs, key, disp string) {
	if parent.depth >= MaxArchiveDepth {
		w.diag(disp, fmt.Sprintf("archive not opened: nested more than %d levels deep", MaxArchiveDepth))
		return
	}
	b, err := e.read(disp)
	if err != nil {
		w.diag(disp, strings.TrimPrefix(err.Error(), disp+": "))
		return
	}
	w.walkArchive(archive{open: bytesOpener(b), size: int64(len(b)), abs: abs, key: key, disp: disp, depth: parent.depth + 1})
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
