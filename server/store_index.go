package server

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"verbatim/app"
	"verbatim/article/model"
)

// entry is what the library keeps of one content file: enough to route, list and tell whether the
// file changed, never the article itself. Entries are immutable once in a snapshot.
type entry struct {
	Name  string          // slash path below the content directory
	Size  int64           // bytes, as last read
	MTime int64           // modification time in Unix nanoseconds, as last read
	Hash  [32]byte        // SHA-256 of the file's bytes: the article's source fingerprint
	ID    model.ArticleID // the article's id (fileSlug, made unique in file-name order)
	Err   string          // why the file is not served (it failed to read or to parse), or empty
	Sum   app.Summary     // the listing's entry, when Err is empty
	// Speakers is what the article says of each speaker name (app.SpeakerCountsOf), when Err is
	// empty: the speaker pages add these up without parsing the library.
	Speakers []app.SpeakerCount
}

// ok reports whether the entry's article is served.
func (e *entry) ok() bool { return e.Err == "" }

// fingerprint returns the entry's source fingerprint as hex.
func (e *entry) fingerprint() string { return hex.EncodeToString(e.Hash[:]) }

// snapshot is one state of the library: every content file's entry, the routes and the listing.
// A scan builds a new snapshot and swaps it in; a snapshot is never modified, so requests read it
// without locks.
type snapshot struct {
	gen     uint64
	entries []*entry // file-name order
	byID    map[model.ArticleID]*entry
	byName  map[string]*entry
	listed  []app.Summary // the served articles' summaries, in library order (app.CompareSummaries)
	order   []*entry      // the served articles' entries, in library order
	gone    map[model.ArticleID]bool

	speakers     sync.Once         // speakerTable, computed on first use
	speakerTable *app.SpeakerTable // the snapshot's people (speakerTableOf)
}

// newSnapshot indexes entries (in file-name order) and the ids of deleted articles.
func newSnapshot(gen uint64, entries []*entry, gone map[model.ArticleID]bool) *snapshot {
	s := &snapshot{
		gen: gen, entries: entries, gone: gone,
		byID:   make(map[model.ArticleID]*entry, len(entries)),
		byName: make(map[string]*entry, len(entries)),
	}
	for _, e := range entries {
		s.byID[e.ID] = e
		s.byName[e.Name] = e
		if e.ok() {
			s.order = append(s.order, e)
		}
	}
	slices.SortFunc(s.order, func(a, b *entry) int { return app.CompareSummaries(a.Sum, b.Sum) })
	s.listed = make([]app.Summary, len(s.order))
	for i, e := range s.order {
		s.listed[i] = e.Sum
	}
	return s
}

// indexVersion changes when the index file's layout or meaning changes.
const indexVersion = 2

// indexFile is the library's index as persisted in the state directory.
type indexFile struct {
	Version int
	Content string // the content directory's absolute path
	Build   string // buildKey of the binary that wrote it: another parser may summarise otherwise
	Entries []entry
	Gone    []model.ArticleID
}

// indexName is the index's file name in the state directory.
const indexName = "index.gob"

// saveIndex writes the snapshot's entries to dir/index.gob, atomically (a temporary file renamed
// over the old one), so that a crash leaves the old index or the new one, never half of one.
func saveIndex(dir, content string, s *snapshot) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, indexName+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	idx := indexFile{Version: indexVersion, Content: content, Build: buildKey(), Entries: make([]entry, len(s.entries))}
	for i, e := range s.entries {
		idx.Entries[i] = *e
	}
	for id := range s.gone {
		idx.Gone = append(idx.Gone, id)
	}
	slices.Sort(idx.Gone)
	w := bufio.NewWriter(f)
	if err := gob.NewEncoder(w).Encode(&idx); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(dir, indexName))
}

// errStaleIndex is returned by loadIndex for an index written for another content directory, by
// another build or in another layout.
var errStaleIndex = errors.New("the index was written for another content directory or build")

// loadIndex reads dir/index.gob. It returns fs.ErrNotExist (wrapped) when there is none.
//
// Trust boundary: the state directory is the operator's, but its file may be truncated or from
// another version; anything that does not decode, or does not match, is no index.
func loadIndex(dir, content string) (*indexFile, error) {
	f, err := os.Open(filepath.Join(dir, indexName))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var idx indexFile
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&idx); err != nil {
		return nil, fmt.Errorf("reading the index: %w", err)
	}
	if idx.Version != indexVersion || idx.Content != content || idx.Build != buildKey() {
		return nil, errStaleIndex
	}
	return &idx, nil
}

// buildKey identifies the running binary by the hash of its executable, so that an index is reused
// only by the build that wrote it: a new parser may find other titles, quotes and speakers.
var buildKey = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
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
