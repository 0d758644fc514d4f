package server

import (
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"verbatim/app"
	"verbatim/article"
	"verbatim/article/model"
	"verbatim/internal/lru"
)

// samples is the library served when no content directory is given.
//
//go:embed samples/*.txt samples/*.md samples/*.html
var samples embed.FS

// parseFunc is the signature of article.Parse; tests may give the server another one.
type parseFunc func(io.Reader, article.Options) (*model.Article, error)

// library is the server's set of articles: a compact index of the content directory (or the
// embedded samples) for routing and listing, and the articles themselves parsed on demand and kept
// in the server's bounded cache. It implements app.Library for prerendering. The index is an
// immutable snapshot swapped by each scan, so requests read it without locks; it is safe for
// concurrent use.
//
// Trust boundary: the files' contents are untrusted articles and go through parse. A file that fails
// to parse is logged with its name and the reason, and skipped: it never stops the server. Files are
// opened through an os.Root, so symlinks out of the content directory are refused, and dotfiles are
// ignored.
type library struct {
	dir   string // the content directory, or "" for the embedded samples
	state string // the state directory holding the index, or "" for none
	fsys  fs.FS
	root  *os.Root // nil for the samples
	parse parseFunc
	log   *slog.Logger
	cache *lru.Cache

	details     *detailLog    // the detail log in the state directory, or nil (details inline)
	spk         *speakerState // the speaker state in the state directory, or nil
	compactMin  int64         // the detail log's size below which it is never compacted
	logFailOnce sync.Once     // the warning that the detail log could not be written

	snap     atomic.Pointer[snapshot]
	scanMu   sync.Mutex     // one scan at a time
	readHook func(string)   // tests: runs between a file's open and its read
	stop     chan struct{}  // closed by close: ends the watch
	bg       background     // the slot a watch check holds (background); nil for none
	watching sync.WaitGroup // the watch goroutine
	closed   sync.Once
	search   searchSlot // the search index, made on the first search (search.go)
}

// libraryOptions configures openLibrary.
type libraryOptions struct {
	dir, state string
	parse      parseFunc
	log        *slog.Logger
	cache      *lru.Cache
	readHook   func(string)
	compactMin int64      // tests: 0 means compactMin
	background background // the server's background, which the watch's checks take a slot of; nil for none
}

// openLibrary indexes the content directory (the embedded samples when dir is empty). With a state
// directory, it starts from the index the last run left there, if it was written for the same
// content directory by the same build: then only files whose size or modification time changed are
// read, and only those whose bytes changed are parsed. A first start parses every file, on all
// cores. The new index is written back to the state directory.
func openLibrary(o libraryOptions) (*library, error) {
	if o.cache == nil {
		o.cache = lru.New(DefaultCacheBytes)
	}
	l := &library{dir: o.dir, parse: o.parse, log: o.log, cache: o.cache, readHook: o.readHook, stop: make(chan struct{}), bg: o.background,
		compactMin: cmp.Or(o.compactMin, compactMin)}
	if o.dir == "" {
		sub, err := fs.Sub(samples, "samples")
		if err != nil {
			return nil, fmt.Errorf("loading samples: %w", err)
		}
		l.fsys = sub
	} else {
		abs, err := filepath.Abs(o.dir)
		if err != nil {
			return nil, fmt.Errorf("loading content %s: %w", o.dir, err)
		}
		root, err := os.OpenRoot(abs)
		if err != nil {
			return nil, fmt.Errorf("loading content %s: %w", o.dir, err)
		}
		l.dir, l.root, l.fsys, l.state = abs, root, root.FS(), o.state
		if o.state != "" {
			l.spk = &speakerState{dir: o.state, log: o.log}
		}
	}
	start := time.Now()
	prev := l.loadState()
	restoreGC := gcForScan()
	s, st, changed, err := l.scan(prev)
	restoreGC()
	if err != nil {
		l.close()
		return nil, fmt.Errorf("loading content %s: %w", o.dir, err)
	}
	if c := l.compactLog(s); c != s {
		s, changed = c, true
	}
	s.spk = l.spk
	l.snap.Store(s)
	if len(prev.entries) > 0 {
		l.logScan("library loaded from its index", s, st, start)
	} else {
		l.logScan("library loaded", s, st, start)
	}
	if changed || len(prev.entries) == 0 {
		l.saveState(s)
	}
	// The scan's garbage goes back to the system with the web folder's, once NewServer is done
	// (debug.FreeOSMemory there): returned here, its pages were faulted in again at once by the web
	// folder's reads and encodings.
	return l, nil
}

// scanGCPercent is the collector's setting while a library is opened (debug.SetGCPercent): a scan's
// live heap is small (the index, and each worker's article), so at the default of 100 the collector
// ran every few megabytes of parsing, 4 to 8% of a first start's CPU at 100,000 articles. The heap
// may grow to five times what is live instead, and NewServer's debug.FreeOSMemory returns it after
// the start.
const scanGCPercent = 400

// scanGC counts the libraries being opened in this process (tests open several at once): the
// first sets scanGCPercent, and the last to finish restores the setting it found.
var scanGC struct {
	sync.Mutex
	n, old int
}

// gcForScan sets the collector for a scan and returns the function that restores it.
func gcForScan() (restore func()) {
	scanGC.Lock()
	if scanGC.n == 0 {
		scanGC.old = debug.SetGCPercent(scanGCPercent)
	}
	scanGC.n++
	scanGC.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			scanGC.Lock()
			if scanGC.n--; scanGC.n == 0 {
				debug.SetGCPercent(scanGC.old)
			}
			scanGC.Unlock()
		})
	}
}

// loadState returns the snapshot of the index in the state directory, or an empty one, and sets
// the library's detail log: the index's, or a new one.
func (l *library) loadState() *snapshot {
	if l.state == "" {
		return newSnapshot(0, nil, nil, nil)
	}
	idx, log, err := loadIndex(l.state, l.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		l.log.Info("no index in the state directory: indexing every content file", "state", l.state)
	case err != nil:
		l.log.Warn("not using the index in the state directory: indexing every content file", "state", l.state, "reason", err)
	}
	if err != nil {
		if l.details, err = createLog(l.state); err != nil {
			l.log.Warn("could not create the detail log in the state directory: keeping summaries in memory", "state", l.state, "err", err)
		}
		return newSnapshot(0, nil, l.details, nil)
	}
	l.details = log
	gone := make(map[model.ArticleID]bool, len(idx.Gone))
	for _, id := range idx.Gone {
		gone[id] = true
	}
	return newSnapshot(0, idx.Entries, log, gone)
}

// saveState writes s to the state directory, if there is one; a failure is logged, and the
// library goes on without it (the next start indexes again).
func (l *library) saveState(s *snapshot) {
	if l.state == "" {
		return
	}
	if err := saveIndex(l.state, l.dir, s); err != nil {
		l.log.Warn("could not write the index to the state directory: the next start indexes every file again", "state", l.state, "err", err)
	}
}

// rescan scans the content directory again and swaps in the new snapshot when anything changed.
func (l *library) rescan() error {
	l.scanMu.Lock()
	defer l.scanMu.Unlock()
	start := time.Now()
	s, st, changed, err := l.scan(l.snap.Load())
	if err != nil || !changed {
		return err
	}
	s = l.compactLog(s)
	s.spk = l.spk
	l.snap.Store(s)
	l.logScan("library updated", s, st, start)
	l.saveState(s)
	return nil
}

// close ends the watch and closes the content directory.
func (l *library) close() {
	l.closed.Do(func() {
		close(l.stop)
		l.watching.Wait()
		if l.root != nil {
			l.root.Close()
		}
		if l.details != nil {
			l.details.close()
		}
	})
}

// errNoPage is returned by Page for a page number the library does not have.
var errNoPage = errors.New("no such page of the library")

// Page returns page n of the library, in library order.
func (l *library) Page(_ context.Context, n int) (app.Listing, error) {
	return l.snap.Load().listing(n)
}

// Len returns how many articles the library serves.
func (l *library) Len() int { return len(l.snap.Load().order) }

// All iterates over the library's articles in library order (the listing's): each one's id and
// source fingerprint, the hex SHA-256 of its content file's bytes, which changes exactly when the
// file's bytes do. It reads one snapshot: a scan during the iteration does not change it.
func (l *library) All() iter.Seq2[model.ArticleID, string] {
	s := l.snap.Load()
	return func(yield func(model.ArticleID, string) bool) {
		for _, e := range s.order {
			if !yield(e.ID, e.fingerprint()) {
				return
			}
		}
	}
}

// Fingerprint returns the source fingerprint of article id (see All), or false when the library
// does not serve it.
func (l *library) Fingerprint(id model.ArticleID) (string, bool) {
	fp := l.snap.Load().sourceOf(id)
	return fp, fp != ""
}

// sourceOf returns the source fingerprint of article id in s (see library.All), or "" when s does
// not serve it.
func (s *snapshot) sourceOf(id model.ArticleID) string {
	if e := s.byID[id]; e != nil && e.ok() {
		return e.fingerprint()
	}
	return ""
}

// errNoArticle is returned by Get for an id that is not in the library.
var errNoArticle = errors.New("no such article")

// errGone is returned by Get for the id of an article whose content file was deleted.
var errGone = errors.New("article deleted")

// lookup returns the entry of a served article, errGone for a deleted one, or errNoArticle.
func (l *library) lookup(id model.ArticleID) (*entry, error) {
	s := l.snap.Load()
	if e := s.byID[id]; e != nil && e.ok() {
		return e, nil
	}
	if s.gone[id] {
		return nil, fmt.Errorf("article %s: %w", id, errGone)
	}
	return nil, fmt.Errorf("article %s: %w", id, errNoArticle)
}

// Get returns the article with the given id: from the cache, or parsed from its file.
func (l *library) Get(_ context.Context, id model.ArticleID) (*model.Article, error) {
	e, err := l.lookup(id)
	if err != nil {
		return nil, err
	}
	key := "article\x00" + string(id) + "\x00" + string(e.Hash[:])
	if a, ok := l.cache.Get(key); ok {
		return a.(*model.Article), nil
	}
	body, _, _, err := l.readStable(e.Name, nil, nil)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("article %s: %w", id, errGone)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	format, _ := formatOf(e.Name)
	a, err := parseFile(body, format, id, l.parse)
	if err != nil {
		l.log.Warn("content file no longer parses", "file", e.Name, "reason", err)
		return nil, fmt.Errorf("article %s: %w", id, errNoArticle)
	}
	a.ID = id
	// A parsed article holds its text a few times over (blocks, quotes, speakers).
	l.cache.Put(key, a, 4*int64(len(body))+4096)
	return a, nil
}

// formatOf returns the article format of a content file name, or false when the server does not read
// that kind of file.
func formatOf(name string) (model.Format, bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return model.FormatText, true
	case ".html", ".htm":
		return model.FormatHTML, true
	case ".md", ".markdown":
		return model.FormatMarkdown, true
	}
	return "", false
}

func dirLabel(dir string) string {
	if dir == "" {
		return "embedded samples"
	}
	return dir
}

// fileSlug returns the article id of a content file: article.Slug of its base name without the
// extension ("Zakaria Peskov.txt" gives "zakaria-peskov"), which is what the app's routes accept. The
// listing's names are kept free: "index" and "index-N", whose JSON would be a page of the listing,
// and "speakers", whose JSON would be app.SpeakersJSONPath, get "-article" ("index.txt" gives
// "index-article").
func fileSlug(name string) model.ArticleID {
	base := path.Base(name)
	id := article.Slug(strings.TrimSuffix(base, path.Ext(base)))
	if id == "index" || id == "speakers" || isListingPage(string(id)) {
		id += "-article"
	}
	return id
}

// isListingPage reports whether id is "index-N" with N a number, the name of a listing page's JSON.
func isListingPage(id string) bool {
	n, ok := strings.CutPrefix(id, "index-")
	if !ok {
		return false // before ParseUint, whose error for every article id is an allocation
	}
	_, err := strconv.ParseUint(n, 10, 32)
	return err == nil
}

// uniqueSlug returns slug, or slug-2, slug-3… when it is already used.
func uniqueSlug(slug model.ArticleID, used map[model.ArticleID]bool) model.ArticleID {
	if !used[slug] {
		return slug
	}
	for i := 2; ; i++ {
		s := model.ArticleID(string(slug) + "-" + strconv.Itoa(i))
		if !used[s] {
			return s
		}
	}
}

// prerenderLibraries is the app.Library given to go-app's prerendering. go-app holds one library per
// process, while tests run several servers side by side: it answers from the most recently built
// server that has the article, so that servers with different content dirs in one process each see
// their own articles (when ids collide, the newest server wins).
type prerenderLibraries struct {
	mu   sync.Mutex
	libs []*library
}

var prerender = &prerenderLibraries{}

var prerenderOnce sync.Once

// add makes l visible to prerendering and returns the function that removes it.
func (p *prerenderLibraries) add(l *library) (remove func()) {
	prerenderOnce.Do(func() { app.SetServerLibrary(p); app.SetServerSearch(p) })
	p.mu.Lock()
	p.libs = append(p.libs, l)
	p.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			p.mu.Lock()
			defer p.mu.Unlock()
			for i, x := range p.libs {
				if x == l {
					p.libs = append(p.libs[:i:i], p.libs[i+1:]...)
					break
				}
			}
		})
	}
}

// Page returns page n of the newest library.
func (p *prerenderLibraries) Page(ctx context.Context, n int) (app.Listing, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.libs) == 0 {
		if page, ok := app.ListingOf(nil, n); ok {
			return page, nil
		}
		return app.Listing{}, fmt.Errorf("page %d: %w", n, errNoPage)
	}
	return p.libs[len(p.libs)-1].Page(ctx, n)
}

// Speakers returns the speaker names and people of the newest library.
func (p *prerenderLibraries) Speakers(ctx context.Context) (*app.SpeakerTable, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.libs) == 0 {
		return app.NewSpeakerTable(nil, nil), nil
	}
	return p.libs[len(p.libs)-1].Speakers(ctx)
}

// Get returns the article from the newest library that has it.
func (p *prerenderLibraries) Get(ctx context.Context, id model.ArticleID) (*model.Article, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := len(p.libs) - 1; i >= 0; i-- {
		if a, err := p.libs[i].Get(ctx, id); err == nil {
			return a, nil
		}
	}
	return nil, fmt.Errorf("article %s: %w", id, errNoArticle)
}
