package server

import (
	"cmp"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"verbatim/app"
	"verbatim/article/model"
)

// entry is what the library keeps in memory of one content file: enough to route, to order the
// listing and to tell whether the file changed, never the article itself. The summary and the
// speaker counts are a record in the detail log (rec), read when a page of the listing or the
// speaker table needs them. Entries are immutable once in a snapshot.
type entry struct {
	Name  string          // slash path below the content directory
	ID    model.ArticleID // the article's id (fileSlug, made unique in file-name order)
	Err   string          // why the file is not served (it failed to read or to parse), or empty
	Size  int64           // bytes, as last read
	MTime int64           // modification time in Unix nanoseconds, as last read
	Hash  [32]byte        // SHA-256 of the file's bytes: the article's source fingerprint

	// pubSec and pubNsec are the summary's publication time, when hasPub: the library's order.
	pubSec  int64
	pubNsec int32
	hasPub  bool

	rec    recRef  // the detail record in the snapshot's log, when Err is empty and inline is nil
	inline *detail // the detail itself, for a library with no state directory (or a log that failed)
}

// ok reports whether the entry's article is served.
func (e *entry) ok() bool { return e.Err == "" }

// fingerprint returns the entry's source fingerprint as hex.
func (e *entry) fingerprint() string { return hex.EncodeToString(e.Hash[:]) }

// setPublished sets the entry's publication time from a summary's Published (RFC 3339), as
// app.CompareSummaries reads it.
func (e *entry) setPublished(published string) {
	e.pubSec, e.pubNsec, e.hasPub = 0, 0, false
	if published == "" {
		return
	}
	if t, err := time.Parse(time.RFC3339, published); err == nil {
		e.pubSec, e.pubNsec, e.hasPub = t.Unix(), int32(t.Nanosecond()), true
	}
}

// compareEntries orders served entries as app.CompareSummaries orders their summaries: newest
// first, then the undated, each by id.
func compareEntries(a, b *entry) int {
	switch {
	case a.hasPub && b.hasPub:
		if c := cmp.Or(cmp.Compare(b.pubSec, a.pubSec), cmp.Compare(b.pubNsec, a.pubNsec)); c != 0 {
			return c
		}
	case a.hasPub:
		return -1
	case b.hasPub:
		return 1
	}
	return cmp.Compare(a.ID, b.ID)
}

// snapshot is one state of the library: every content file's entry, the routes and the order of
// the listing. A scan builds a new snapshot and swaps it in; a snapshot is never modified, so
// requests read it without locks.
type snapshot struct {
	gen     uint64
	entries []*entry // file-name order
	byID    map[model.ArticleID]*entry
	order   []*entry   // the served articles' entries, in library order (compareEntries)
	log     *detailLog // where the entries' records are, or nil when they are inline
	gone    map[model.ArticleID]bool

	speakers     sync.Once         // speakerTable, computed on first use
	speakerTable *app.SpeakerTable // the snapshot's people (speakerTableOf)
	spk          *speakerState     // the library's speaker state, or nil
	speakerReads int               // the details speakerTableOf read (the others came from spk)
}

// newSnapshot indexes entries (in file-name order), whose records are in log, and the ids of
// deleted articles.
func newSnapshot(gen uint64, entries []*entry, log *detailLog, gone map[model.ArticleID]bool) *snapshot {
	s := &snapshot{gen: gen, entries: entries, log: log, gone: gone, byID: make(map[model.ArticleID]*entry, len(entries))}
	for _, e := range entries {
		s.byID[e.ID] = e
		if e.ok() {
			s.order = append(s.order, e)
		}
	}
	slices.SortFunc(s.order, compareEntries)
	return s
}

// namedAll returns the entry of each of files in s, or nil where s has none: files are in
// file-name order (walk), as s.entries are, so one merge of the two lists finds them all, where
// a binary search a file compared about 17 names (most of them alike for most of their
// length) at 100,000 articles, a tenth of a restart's instructions besides hashing.
func (s *snapshot) namedAll(files []fileStat) []*entry {
	out := make([]*entry, len(files))
	j := 0
	for i, f := range files {
		for j < len(s.entries) && s.entries[j].Name < f.name {
			j++
		}
		if j < len(s.entries) && s.entries[j].Name == f.name {
			out[i] = s.entries[j]
		}
	}
	return out
}

// detail returns a served entry's detail: its summary and speaker counts.
func (s *snapshot) detail(e *entry) (detail, error) {
	if e.inline != nil {
		d := *e.inline
		d.Sum.ID = e.ID
		return d, nil
	}
	if s.log == nil {
		return detail{}, fmt.Errorf("article %s: %w", e.ID, errBadRef)
	}
	b, err := s.log.read(e.rec)
	if err != nil {
		return detail{}, fmt.Errorf("article %s: %w", e.ID, err)
	}
	return decodeRecord(b, e.ID)
}

// listing returns page n of the library, reading its summaries from the detail log.
func (s *snapshot) listing(n int) (app.Listing, error) {
	page, lo, hi, ok := app.ListingFrame(len(s.order), n)
	if !ok {
		return app.Listing{}, fmt.Errorf("page %d: %w", n, errNoPage)
	}
	page.Articles = make([]app.Summary, hi-lo)
	for i, e := range s.order[lo:hi] {
		d, err := s.detail(e)
		if err != nil {
			return app.Listing{}, fmt.Errorf("page %d: %w", n, err)
		}
		page.Articles[i] = d.Sum
	}
	return page, nil
}

// indexMagic opens the index file; its last byte is the layout's version, which changes when the
// layout or its meaning does.
const indexMagic = "VBAIDX\x00\x03"

// indexName is the index's file name in the state directory.
const indexName = "index.bin"

// maxIndexBytes bounds the index file read at start: about 120 bytes an article, so far more
// than a million articles.
const maxIndexBytes = 1 << 30

// indexFile is the library's index as persisted in the state directory: the entries (without their
// details, which are in the detail log it names) and the ids of deleted articles.
type indexFile struct {
	Content string   // the content directory's absolute path
	Build   string   // buildKey of the binary that wrote it: another parser may summarise otherwise
	Log     string   // the detail log's base name
	LogSize int64    // the detail log's length when the index was written
	LogCRC  uint32   // its CRC-32C
	Entries []*entry // a snapshot's, when written: they are immutable, so they are encoded in place
	Gone    []model.ArticleID
}

// encodeIndex returns idx in the index file's layout: indexMagic; the content directory, build,
// log name, length and CRC; the entries, each as its strings, numbers, hash and record reference;
// the gone ids; and a CRC-32C of all that before it.
func encodeIndex(idx *indexFile) []byte {
	b := make([]byte, 0, indexBytes(idx))
	b = append(b, indexMagic...)
	b = appendString(b, idx.Content)
	b = appendString(b, idx.Build)
	b = appendString(b, idx.Log)
	b = binary.AppendVarint(b, idx.LogSize)
	b = binary.AppendUvarint(b, uint64(idx.LogCRC))
	b = binary.AppendUvarint(b, uint64(len(idx.Entries)))
	for _, e := range idx.Entries {
		b = appendString(b, e.Name)
		b = appendString(b, string(e.ID))
		b = appendString(b, e.Err)
		b = binary.AppendVarint(b, e.Size)
		b = binary.AppendVarint(b, e.MTime)
		b = append(b, e.Hash[:]...)
		var pub byte
		if e.hasPub {
			pub = 1
		}
		b = append(b, pub)
		b = binary.AppendVarint(b, e.pubSec)
		b = binary.AppendVarint(b, int64(e.pubNsec))
		b = binary.AppendVarint(b, e.rec.off)
		b = binary.AppendUvarint(b, uint64(e.rec.n))
	}
	b = binary.AppendUvarint(b, uint64(len(idx.Gone)))
	for _, id := range idx.Gone {
		b = appendString(b, string(id))
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// indexBytes is about the size of idx encoded, and no less for usual entries: its strings, and
// entryBytes for each entry's lengths, numbers, hash and flag. encodeIndex makes its buffer that
// large, where growing it by appends copied and cleared several times the file's size (10 MB at
// 100,000 articles) in a first start.
func indexBytes(idx *indexFile) int {
	n := len(indexMagic) + len(idx.Content) + len(idx.Build) + len(idx.Log) + 64
	for _, e := range idx.Entries {
		n += len(e.Name) + len(e.ID) + len(e.Err) + entryBytes
	}
	for _, id := range idx.Gone {
		n += len(id) + 2
	}
	return n
}

// entryBytes bounds what an entry takes in the index file besides its strings, for entries of the
// usual sizes: three string lengths under 16 KB (6 bytes), size and modification time (10 and 9),
// the hash and the flag (33), the publication time (5 and 5), the record's place (5 and 3).
const entryBytes = 6 + 10 + 9 + 33 + 5 + 5 + 5 + 3

// minEntryBytes is the fewest bytes an entry takes in the index file (three empty strings, five
// one-byte numbers, the hash, the flag): a bound on the count a file of n bytes may claim.
const minEntryBytes = 3 + 2 + 32 + 1 + 4

// decodeIndex decodes an index file of encodeIndex.
//
// Trust boundary: the file may be truncated, damaged or of another version: the checksum and every
// length are checked, so that it is an error, never a panic or an allocation beyond its size. The
// strings of all entries share one allocation.
func decodeIndex(b []byte) (*indexFile, error) {
	if len(b) < len(indexMagic)+4 || string(b[:len(indexMagic)-1]) != indexMagic[:len(indexMagic)-1] {
		return nil, errors.New("not an index file")
	}
	if b[len(indexMagic)-1] != indexMagic[len(indexMagic)-1] {
		return nil, fmt.Errorf("%w: layout %d", errStaleIndex, b[len(indexMagic)-1])
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, errors.New("the index file is truncated or damaged (checksum mismatch)")
	}
	d := fieldReader{b: body[len(indexMagic):]}
	idx := &indexFile{Content: d.str(), Build: d.str(), Log: d.str(), LogSize: d.varint(), LogCRC: uint32(d.uint())}
	if n := d.count(minEntryBytes); n > 0 {
		all := make([]entry, n)
		idx.Entries = make([]*entry, n)
		for i := range all {
			idx.Entries[i] = &all[i]
		}
	}
	var strs strings.Builder
	raw := make([][3][]byte, len(idx.Entries)) // each entry's name, id and error, until strs is built
	for i, e := range idx.Entries {
		for j := range raw[i] {
			raw[i][j] = d.bytes(d.uint())
			strs.Grow(len(raw[i][j]))
		}
		e.Size, e.MTime = d.varint(), d.varint()
		copy(e.Hash[:], d.bytes(32))
		flag := d.bytes(1)
		e.hasPub = len(flag) == 1 && flag[0] == 1
		e.pubSec, e.pubNsec = d.varint(), int32(d.varint())
		e.rec.off, e.rec.n = d.varint(), uint32(d.uint())
	}
	for i := range idx.Entries {
		for _, s := range raw[i] {
			strs.Write(s)
		}
	}
	all, at := strs.String(), 0
	next := func(n int) string { at += n; return all[at-n : at] }
	for i, e := range idx.Entries {
		e.Name, e.ID, e.Err = next(len(raw[i][0])), model.ArticleID(next(len(raw[i][1]))), next(len(raw[i][2]))
	}
	if n := d.count(1); n > 0 {
		idx.Gone = make([]model.ArticleID, n)
		for i := range idx.Gone {
			idx.Gone[i] = model.ArticleID(d.str())
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%d bytes after the index", len(d.b))
	}
	if d.err != nil {
		return nil, fmt.Errorf("the index file is damaged: %w", d.err)
	}
	return idx, nil
}

// saveIndex writes the snapshot's entries to dir/index.bin, atomically (a temporary file renamed
// over the old one), so that a crash leaves the old index or the new one, never half of one; then
// it removes the detail logs the index no longer names. The snapshot's records must be in its log.
func saveIndex(dir, content string, s *snapshot) error {
	if s.log == nil {
		return errors.New("the library's summaries are not in a detail log")
	}
	idx := indexFile{Content: content, Build: buildKey(), Log: s.log.name, Entries: s.entries}
	idx.LogSize, idx.LogCRC = s.log.state()
	for _, e := range s.entries {
		if e.ok() && e.inline != nil {
			return fmt.Errorf("article %s's summary is not in the detail log", e.ID)
		}
	}
	for id := range s.gone {
		idx.Gone = append(idx.Gone, id)
	}
	slices.Sort(idx.Gone)
	if err := writeFileAtomic(dir, indexName, encodeIndex(&idx)); err != nil {
		return err
	}
	os.Remove(filepath.Join(dir, "index.gob")) // the layout before index.bin
	removeOtherLogs(dir, s.log.name)
	return nil
}

// errStaleIndex is returned by loadIndex for an index written for another content directory, by
// another build or in another layout.
var errStaleIndex = errors.New("the index was written for another content directory or build")

// loadIndex reads dir/index.bin and opens the detail log it names. It returns fs.ErrNotExist
// (wrapped) when there is none.
//
// Trust boundary: the state directory is the operator's, but its files may be truncated, damaged
// or from another version; anything that does not decode, or does not match, is no index.
func loadIndex(dir, content string) (*indexFile, *detailLog, error) {
	b, err := readBounded(filepath.Join(dir, indexName), maxIndexBytes)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the index: %w", err)
	}
	idx, err := decodeIndex(b)
	if err != nil {
		return nil, nil, err
	}
	if idx.Content != content || idx.Build != buildKey() {
		return nil, nil, errStaleIndex
	}
	log, err := openLog(dir, idx.Log, idx.LogSize, idx.LogCRC)
	if err != nil {
		return nil, nil, fmt.Errorf("the index's detail log: %w", err)
	}
	return idx, log, nil
}

// buildKey identifies the running binary, so that an index is reused only by the build that wrote
// it: a new parser may find other titles, quotes and speakers. It is the Go build ID that the
// linker writes in an ELF executable's .note.go.buildid (goBuildID), whose last part is a hash of
// the executable's own bytes, read from the file's first pages; an executable without one (another
// object format, or linked with -buildid=) is keyed by the SHA-256 of its bytes, as every build was
// before: that read the whole executable (30 MB) at every start.
var buildKey = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	if id := goBuildID(exe); id != "" {
		return "go:" + id
	}
	f, err := os.Open(exe)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(h.Sum(nil))
})

// goBuildID returns the Go build ID of the ELF executable exe, or "" when it has none. The note is
// four words (the name's and the description's lengths, the type 4, the name "Go\x00\x00") and the
// ID, hashes separated by slashes (four of them from go build); a note that is not so gives "".
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil || s.Size > 4096 {
		return ""
	}
	b, err := s.Data()
	if err != nil || len(b) < 16 || string(b[12:16]) != "Go\x00\x00" {
		return ""
	}
	nameLen, descLen, typ := f.ByteOrder.Uint32(b), f.ByteOrder.Uint32(b[4:]), f.ByteOrder.Uint32(b[8:])
	if nameLen != 4 || typ != 4 || uint64(descLen) > uint64(len(b)-16) {
		return ""
	}
	id := string(b[16 : 16+descLen])
	if !strings.Contains(id, "/") || strings.ContainsAny(id, "\x00\n") {
		return ""
	}
	return id
}

// DefaultStateDir returns where `verbatim serve` keeps the index of content directory content when
// no -state is given: under systemd's $CACHE_DIRECTORY when set (CacheDirectory= in the unit),
// else under the user's cache directory ($XDG_CACHE_HOME or ~/.cache on Linux), in verbatim/ and a
// folder named after the content directory and a hash of its absolute path, so that two content
// directories never share an index. It is empty for the embedded samples, which need none.
func DefaultStateDir(content string) (string, error) {
	if content == "" {
		return "", nil
	}
	abs, err := filepath.Abs(content)
	if err != nil {
		return "", err
	}
	base := os.Getenv("CACHE_DIRECTORY")
	if base == "" {
		if base, err = os.UserCacheDir(); err != nil {
			return "", fmt.Errorf("no cache directory for the library's index (give -state): %w", err)
		}
		base = filepath.Join(base, "verbatim")
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, filepath.Base(abs)+"-"+hex.EncodeToString(sum[:6])), nil
}
