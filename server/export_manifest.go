package server

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"verbatim/article/model"
)

// manifestPath is the export's manifest, in a dot-directory that the documented nginx configuration
// never serves and that a sync never uploads. It lists the site files and the article shards
// (manifestShardDir), each with its hash, so that an export reads and writes only the shards of the
// articles that changed.
const manifestPath = ".verbatim/manifest"

// manifestShardDir holds the manifest's article shards, one file per shard prefix (shardOf).
const manifestShardDir = ".verbatim/manifest.d"

// manifestHeader is the manifest's first line: its format and version. A manifest with another first
// line is not read, and the export is then a full one.
const manifestHeader = "verbatim-export-manifest 2"

// shardHeader opens a shard file, followed by a space and the shard's prefix.
const shardHeader = "verbatim-export-shard 2"

// shardPrefixLen is the length of a shard's prefix: the first hex digits of the SHA-256 of an
// article's id, so 4,096 shards, of about 25 articles each at 100,000 articles.
const shardPrefixLen = 3

// maxManifestLine bounds a line of the manifest or of a shard (a path is at most a few hundred
// bytes); maxShardBytes bounds a shard file read whole.
const (
	maxManifestLine = 1 << 20
	maxShardBytes   = 256 << 20
)

// The manifest is text, one record a line, so that standard tools (grep, awk, sort, comm, sha256sum)
// work on it. The top-level file lists the shards and the site files:
//
//	verbatim-export-manifest 2
//	build <fingerprint of what every file depends on: the app version, base URL, partners…>
//	version <the app version>
//	shard <prefix> <sha256 of the shard file> <its size> <files> <articles> <deleted> <digest>
//	…                                    one per shard that has articles, by prefix
//	site
//	file <sha256> <size> <path>          the files of no one article, by path
//
// and each shard, .verbatim/manifest.d/<prefix>, the articles whose id's SHA-256 (in hex) starts with
// the prefix, by id:
//
//	verbatim-export-shard 2 <prefix>
//	article <id> <sha256 of its source file>
//	file <sha256> <size> <path>          one per file of the article above
//
// A shard line counts the shard's files and articles, and the deleted ones among them (kept without
// -prune); its digest is shardDigest of the library's articles in the shard when it was written, so
// that an export whose library gives the same digest, in the same build, neither reads nor writes
// the shard. Paths are slash paths relative to the export directory, as the URL path without its
// leading slash (pages with .html). A path is the rest of its line, so it may hold spaces but no
// line break.

// fileEntry is one file of the export: its path, the SHA-256 of its bytes and its size.
type fileEntry struct {
	path string
	sum  [sha256.Size]byte
	size int64
}

// newFileEntry describes body, written at path.
func newFileEntry(path string, body []byte) fileEntry {
	return fileEntry{path: path, sum: sha256.Sum256(body), size: int64(len(body))}
}

// articleRecord is what the manifest says of one article: the fingerprint of the source file it was
// rendered from and the files rendered. A record read from a manifest holds its file lines as read
// (raw, checked for shape only), so that an unchanged article's lines go into the next manifest
// without being parsed and formatted again; parse makes files of them when they are needed.
type articleRecord struct {
	id     model.ArticleID
	source string
	files  []fileEntry
	raw    []byte // the file lines as read, each ending in a line break; nil once parsed or when made
	nFiles int    // the number of file lines in raw
}

// count returns how many files the record lists.
func (r *articleRecord) count() int {
	if r.raw != nil {
		return r.nFiles
	}
	return len(r.files)
}

// parse makes files of the raw lines read from the manifest (a no-op for a record already parsed).
func (r *articleRecord) parse() error {
	if r.raw == nil {
		return nil
	}
	files := make([]fileEntry, 0, r.nFiles)
	for rest := r.raw; len(rest) > 0; {
		l, more, _ := bytes.Cut(rest, []byte{'\n'})
		e, err := parseFileLine(strings.TrimPrefix(string(l), "file "))
		if err != nil {
			return fmt.Errorf("%w: article %s: %v", errManifestFormat, r.id, err)
		}
		files = append(files, e)
		rest = more
	}
	r.files, r.raw, r.nFiles = files, nil, 0
	return nil
}

// lineReader reads the lines of a manifest or a shard, with one line of look-ahead.
type lineReader struct {
	sc     *bufio.Scanner
	line   string // the next line not yet consumed, valid when peeked
	peeked bool
	lineNo int
	name   string // the file, for errors
}

// errManifestFormat is wrapped by every error about a manifest the export cannot read.
var errManifestFormat = errors.New("unreadable export manifest")

func newLineReader(r io.Reader, name string) *lineReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxManifestLine)
	return &lineReader{sc: sc, name: name}
}

func (m *lineReader) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: %s line %d: %s", errManifestFormat, m.name, m.lineNo, fmt.Sprintf(format, args...))
}

// next returns the next line, consuming it.
func (m *lineReader) next() (string, bool) {
	l, ok := m.peek()
	m.peeked = false
	return l, ok
}

// peek returns the next line without consuming it.
func (m *lineReader) peek() (string, bool) {
	if m.peeked {
		return m.line, true
	}
	if !m.sc.Scan() {
		return "", false
	}
	m.lineNo++
	m.line, m.peeked = m.sc.Text(), true
	return m.line, true
}

// err returns the scanner's error, as an unreadable manifest when a line is too long.
func (m *lineReader) err() error {
	err := m.sc.Err()
	if errors.Is(err, bufio.ErrTooLong) {
		return m.errorf("a line over %d bytes", maxManifestLine)
	}
	return err
}

// end fails unless the input is over.
func (m *lineReader) end() error {
	if l, ok := m.next(); ok {
		return m.errorf("unexpected line %q", l)
	}
	return m.err()
}

// nextArticle returns the next article's record, or false when the articles are over (another
// line, or the end).
func (m *lineReader) nextArticle() (articleRecord, bool, error) {
	l, ok := m.peek()
	rest, isArticle := strings.CutPrefix(l, "article ")
	if !ok || !isArticle {
		return articleRecord{}, false, m.err()
	}
	m.next()
	id, source, ok := strings.Cut(rest, " ")
	if !ok || !model.ValidID(id) {
		return articleRecord{}, false, m.errorf("bad article line %q", l)
	}
	rec := articleRecord{id: model.ArticleID(id), source: source}
	for {
		l, ok := m.peek()
		rest, isFile := strings.CutPrefix(l, "file ")
		if !ok || !isFile {
			return rec, true, m.err()
		}
		m.next()
		if !fileLineShape(rest) {
			return articleRecord{}, false, m.errorf("bad file line %q", rest)
		}
		rec.raw = append(append(rec.raw, l...), '\n')
		rec.nFiles++
	}
}

// fileLineShape reports whether s looks like "<sha256> <size> <path>": a 64-digit hex sum, a size in
// decimal digits and a path. It is the cheap check of the lines an export carries through unparsed;
// parseFileLine checks the rest.
func fileLineShape(s string) bool {
	const sumLen = 2 * sha256.Size
	if len(s) < sumLen+4 || s[sumLen] != ' ' {
		return false
	}
	size, path, ok := strings.Cut(s[sumLen+1:], " ")
	if !ok || size == "" || path == "" {
		return false
	}
	for i := range len(size) {
		if size[i] < '0' || size[i] > '9' {
			return false
		}
	}
	return true
}

// files reads the file lines that follow.
func (m *lineReader) files() ([]fileEntry, error) {
	var out []fileEntry
	for {
		l, ok := m.peek()
		rest, isFile := strings.CutPrefix(l, "file ")
		if !ok || !isFile {
			return out, m.err()
		}
		m.next()
		e, err := parseFileLine(rest)
		if err != nil {
			return nil, m.errorf("%v", err)
		}
		out = append(out, e)
	}
}

// parseFileLine parses "<sha256> <size> <path>".
func parseFileLine(s string) (fileEntry, error) {
	sum, rest, ok1 := strings.Cut(s, " ")
	size, path, ok2 := strings.Cut(rest, " ")
	var e fileEntry
	n, err := strconv.ParseInt(size, 10, 64)
	if !ok1 || !ok2 || err != nil || n < 0 || path == "" || hex.DecodedLen(len(sum)) != sha256.Size {
		return e, fmt.Errorf("bad file line %q", s)
	}
	if _, err := hex.Decode(e.sum[:], []byte(sum)); err != nil {
		return e, fmt.Errorf("bad file line %q", s)
	}
	e.path, e.size = path, n
	return e, nil
}

// shardInfo is the manifest's line of one shard.
type shardInfo struct {
	prefix   string
	sum      [sha256.Size]byte // of the shard file
	size     int64             // of the shard file
	files    int               // the file lines of its articles
	articles int               // its articles, the deleted ones included
	deleted  int               // the articles the library no longer had when it was written
	digest   [sha256.Size]byte // shardDigest of the library's articles in the shard, then
}

// topManifest is the top-level manifest, read whole: the shards by prefix and the site files by
// path. It is small: at most one line per shard prefix, and the site files.
type topManifest struct {
	build, version string
	shards         map[string]shardInfo
	site           map[string]fileEntry
}

// readTopManifest reads the top-level manifest.
//
// Trust boundary: the file is the export's own, but it may be truncated, damaged or of another
// version; anything that does not parse is an error wrapping errManifestFormat, never a panic, and
// a line is bounded by maxManifestLine.
func readTopManifest(r io.Reader) (*topManifest, error) {
	m := newLineReader(r, "manifest")
	if l, ok := m.next(); !ok || l != manifestHeader {
		if err := m.err(); err != nil {
			return nil, err
		}
		return nil, m.errorf("the first line is %q, want %q", l, manifestHeader)
	}
	top := &topManifest{shards: map[string]shardInfo{}, site: map[string]fileEntry{}}
	for _, key := range []string{"build", "version"} {
		l, _ := m.next()
		v, ok := strings.CutPrefix(l, key+" ")
		if !ok {
			return nil, m.errorf("want the %s line", key)
		}
		if key == "build" {
			top.build = v
		} else {
			top.version = v
		}
	}
	last := ""
	for {
		l, ok := m.next()
		if !ok {
			if err := m.err(); err != nil {
				return nil, err
			}
			return nil, m.errorf("no site section: the manifest was cut short")
		}
		if l == "site" {
			break
		}
		rest, isShard := strings.CutPrefix(l, "shard ")
		if !isShard {
			return nil, m.errorf("unexpected line %q", l)
		}
		sh, err := parseShardLine(rest)
		if err != nil || sh.prefix <= last {
			return nil, m.errorf("bad shard line %q", l)
		}
		last = sh.prefix
		top.shards[sh.prefix] = sh
	}
	files, err := m.files()
	if err != nil {
		return nil, err
	}
	if err := m.end(); err != nil {
		return nil, err
	}
	for _, e := range files {
		top.site[e.path] = e
	}
	return top, nil
}

// parseShardLine parses "<prefix> <sum> <size> <files> <articles> <deleted> <digest>".
func parseShardLine(s string) (shardInfo, error) {
	f := strings.Split(s, " ")
	var sh shardInfo
	if len(f) != 7 || !validShardPrefix(f[0]) {
		return sh, errors.New("bad shard line")
	}
	sh.prefix = f[0]
	var nums [4]int64
	for i := range nums {
		n, err := strconv.ParseInt(f[2+i], 10, 64)
		if err != nil || n < 0 {
			return sh, errors.New("bad shard line")
		}
		nums[i] = n
	}
	sh.size, sh.files, sh.articles, sh.deleted = nums[0], int(nums[1]), int(nums[2]), int(nums[3])
	for _, x := range []struct {
		hex string
		out *[sha256.Size]byte
	}{{f[1], &sh.sum}, {f[6], &sh.digest}} {
		if len(x.hex) != 2*sha256.Size {
			return sh, errors.New("bad shard line")
		}
		if _, err := hex.Decode(x.out[:], []byte(x.hex)); err != nil {
			return sh, errors.New("bad shard line")
		}
	}
	if sh.deleted > sh.articles || sh.articles == 0 {
		return sh, errors.New("bad shard line")
	}
	return sh, nil
}

// validShardPrefix reports whether p is a shard prefix: shardPrefixLen lowercase hex digits.
func validShardPrefix(p string) bool {
	if len(p) != shardPrefixLen {
		return false
	}
	for i := range len(p) {
		if !('0' <= p[i] && p[i] <= '9' || 'a' <= p[i] && p[i] <= 'f') {
			return false
		}
	}
	return true
}

// shardOf returns the shard prefix of article id: the first hex digits of the SHA-256 of the id, as
// `printf %s ID | sha256sum | cut -c1-3` prints them.
func shardOf(id model.ArticleID) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:])[:shardPrefixLen]
}

// shardFile returns the path of a shard's file, relative to the export directory.
func shardFile(prefix string) string { return manifestShardDir + "/" + prefix }

// shardDigest returns the digest of a shard's articles in the library: a SHA-256 of each one's id and
// source fingerprint, in id order. An article whose source changed, and one added or deleted,
// changes it.
func shardDigest(articles []libArticle) [sha256.Size]byte {
	h := sha256.New()
	for _, a := range articles {
		h.Write([]byte(string(a.id) + " " + a.source + "\n"))
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// libArticle is one article of the library, for the export: its id and source fingerprint.
type libArticle struct {
	id     model.ArticleID
	source string
}

// readShard parses a shard file (body), which the manifest lists as sh: its size and hash must be
// the listed ones, its header must name the prefix, and its articles must be in id order.
//
// Trust boundary: as readTopManifest; the checksum catches a shard cut short or changed behind the
// export's back.
func readShard(body []byte, sh shardInfo) ([]articleRecord, error) {
	if int64(len(body)) != sh.size || sha256.Sum256(body) != sh.sum {
		return nil, fmt.Errorf("%w: shard %s: its size or hash is not the manifest's (cut short or changed)", errManifestFormat, sh.prefix)
	}
	m := newLineReader(bytes.NewReader(body), "shard "+sh.prefix)
	if l, ok := m.next(); !ok || l != shardHeader+" "+sh.prefix {
		return nil, m.errorf("the first line is %q, want %q", l, shardHeader+" "+sh.prefix)
	}
	var recs []articleRecord
	for {
		rec, ok, err := m.nextArticle()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if n := len(recs); (n > 0 && recs[n-1].id >= rec.id) || shardOf(rec.id) != sh.prefix {
			return nil, m.errorf("article %s is out of order or not of this shard", rec.id)
		}
		recs = append(recs, rec)
	}
	if err := m.end(); err != nil {
		return nil, err
	}
	return recs, nil
}

// shardWriter builds one shard file in memory (a shard is small: about 60 KB at 100,000 articles).
type shardWriter struct {
	buf                      bytes.Buffer
	prefix                   string
	files, articles, deleted int
}

func newShardWriter(prefix string) *shardWriter {
	w := &shardWriter{prefix: prefix}
	w.buf.WriteString(shardHeader + " " + prefix + "\n")
	return w
}

// article adds rec, whose article the library no longer has when deleted.
func (w *shardWriter) article(rec articleRecord, deleted bool) {
	w.buf.WriteString("article " + string(rec.id) + " " + rec.source + "\n")
	if rec.raw != nil {
		w.buf.Write(rec.raw)
	} else {
		writeFileLines(&w.buf, rec.files)
	}
	w.articles++
	w.files += rec.count()
	if deleted {
		w.deleted++
	}
}

// info returns the shard's manifest line, with digest, the shardDigest of its library articles.
func (w *shardWriter) info(digest [sha256.Size]byte) shardInfo {
	return shardInfo{prefix: w.prefix, sum: sha256.Sum256(w.buf.Bytes()), size: int64(w.buf.Len()),
		files: w.files, articles: w.articles, deleted: w.deleted, digest: digest}
}

// writeFileLines writes one "file <sha256> <size> <path>" line per file.
func writeFileLines(w interface {
	io.Writer
	io.StringWriter
}, files []fileEntry) {
	var buf [2 * sha256.Size]byte
	for _, e := range files {
		hex.Encode(buf[:], e.sum[:])
		w.WriteString("file ")
		w.Write(buf[:])
		w.WriteString(" " + strconv.FormatInt(e.size, 10) + " " + e.path + "\n")
	}
}

// writeTopManifest writes the top-level manifest: the shards (by prefix) and the site files.
func writeTopManifest(w io.Writer, build, version string, shards []shardInfo, site []fileEntry) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "%s\nbuild %s\nversion %s\n", manifestHeader, build, version)
	for _, sh := range shards {
		fmt.Fprintf(bw, "shard %s %x %d %d %d %d %x\n", sh.prefix, sh.sum, sh.size, sh.files, sh.articles, sh.deleted, sh.digest)
	}
	bw.WriteString("site\n")
	writeFileLines(bw, site)
	return bw.Flush()
}
