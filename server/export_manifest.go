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
// never serves and that a sync never uploads.
const manifestPath = ".verbatim/manifest"

// manifestHeader is the manifest's first line: its format and version. A manifest with another first
// line is not read, and the export is then a full one.
const manifestHeader = "verbatim-export-manifest 1"

// The manifest is a text file, one record a line, so that it reads and writes in a single pass at a
// million files and standard tools (grep, awk, sort, comm, sha256sum) work on it:
//
//	verbatim-export-manifest 1
//	build <fingerprint of what every file depends on: the app version, base URL, partners…>
//	version <the app version>
//	article <id> <sha256 of its source file>
//	file <sha256> <size> <path>          one per file of the article above
//	…                                    every article, by id
//	site
//	file <sha256> <size> <path>          the files of no one article, by path
//
// Paths are slash paths relative to the export directory, as the URL path without its leading slash
// (pages with .html). A path is the rest of its line, so it may hold spaces but no line break.

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

// manifestReader reads a manifest as a stream: the header, then one article at a time (by id), then
// the site files.
type manifestReader struct {
	sc      *bufio.Scanner
	line    string // the next line not yet consumed, valid when peeked
	peeked  bool
	build   string
	version string
	lineNo  int
}

// errManifestFormat is wrapped by every error about a manifest the export cannot read.
var errManifestFormat = errors.New("unreadable export manifest")

// newManifestReader reads the manifest's header from r.
func newManifestReader(r io.Reader) (*manifestReader, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	m := &manifestReader{sc: sc}
	if l, ok := m.next(); !ok || l != manifestHeader {
		return nil, m.errorf("the first line is %q, want %q", l, manifestHeader)
	}
	for _, key := range []string{"build", "version"} {
		l, _ := m.next()
		v, ok := strings.CutPrefix(l, key+" ")
		if !ok {
			return nil, m.errorf("want the %s line", key)
		}
		if key == "build" {
			m.build = v
		} else {
			m.version = v
		}
	}
	return m, nil
}

func (m *manifestReader) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: line %d: %s", errManifestFormat, m.lineNo, fmt.Sprintf(format, args...))
}

// next returns the next line, consuming it.
func (m *manifestReader) next() (string, bool) {
	l, ok := m.peek()
	m.peeked = false
	return l, ok
}

// peek returns the next line without consuming it.
func (m *manifestReader) peek() (string, bool) {
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

// nextArticle returns the next article's record, or false when the articles are over (the site
// section, or the end).
func (m *manifestReader) nextArticle() (articleRecord, bool, error) {
	l, ok := m.peek()
	rest, isArticle := strings.CutPrefix(l, "article ")
	if !ok || !isArticle {
		return articleRecord{}, false, m.sc.Err()
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
			return rec, true, m.sc.Err()
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
func (m *manifestReader) files() ([]fileEntry, error) {
	var out []fileEntry
	for {
		l, ok := m.peek()
		rest, isFile := strings.CutPrefix(l, "file ")
		if !ok || !isFile {
			return out, m.sc.Err()
		}
		m.next()
		e, err := parseFileLine(rest)
		if err != nil {
			return nil, m.errorf("%v", err)
		}
		out = append(out, e)
	}
}

// site reads the site section, after the articles.
func (m *manifestReader) site() (map[string]fileEntry, error) {
	for {
		if _, more, err := m.nextArticle(); err != nil {
			return nil, err
		} else if !more {
			break
		}
	}
	l, ok := m.next()
	if !ok {
		if err := m.sc.Err(); err != nil {
			return nil, err
		}
		return nil, m.errorf("no site section: the manifest was cut short")
	}
	if l != "site" {
		return nil, m.errorf("unexpected line %q", l)
	}
	files, err := m.files()
	if err != nil {
		return nil, err
	}
	if l, ok := m.next(); ok {
		return nil, m.errorf("unexpected line %q", l)
	}
	out := make(map[string]fileEntry, len(files))
	for _, e := range files {
		out[e.path] = e
	}
	return out, nil
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

// manifestWriter writes a manifest as a stream, in the order newManifestReader reads it.
type manifestWriter struct {
	w *bufio.Writer
}

func newManifestWriter(w io.Writer, build, version string) *manifestWriter {
	m := &manifestWriter{w: bufio.NewWriterSize(w, 256<<10)}
	fmt.Fprintf(m.w, "%s\nbuild %s\nversion %s\n", manifestHeader, build, version)
	return m
}

func (m *manifestWriter) article(rec articleRecord) {
	m.w.WriteString("article " + string(rec.id) + " " + rec.source + "\n")
	if rec.raw != nil {
		m.w.Write(rec.raw)
		return
	}
	m.files(rec.files)
}

func (m *manifestWriter) files(files []fileEntry) {
	var buf [2 * sha256.Size]byte
	for _, e := range files {
		hex.Encode(buf[:], e.sum[:])
		m.w.WriteString("file ")
		m.w.Write(buf[:])
		m.w.WriteString(" " + strconv.FormatInt(e.size, 10) + " " + e.path + "\n")
	}
}

// site writes the site section and flushes.
func (m *manifestWriter) site(files []fileEntry) error {
	m.w.WriteString("site\n")
	m.files(files)
	return m.w.Flush()
}
