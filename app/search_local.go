package app

import (
	"context"
	"hash/fnv"
	"log"
	"sync"
	"time"

	"verbatim/article/model"
	"verbatim/article/search"
)

// localSearch is the search index of this browser's store: the saved and imported articles, with
// the reader's notes. It lives as long as app.wasm, is kept in the store between page loads (when
// the store is an indexStore), and is brought up to date before a search by reading only what
// changed (update).
type localSearch struct {
	sync.Mutex
	ix      *search.Index
	keys    map[model.ArticleID]uint64 // what each indexed article was: its savedAt and its notes
	corrupt int                        // stored articles the last update could not read
	gen     string                     // the store's generation the index is up to date with; "" when unknown
	loaded  bool                       // the persisted index was read (or tried)
	dirty   bool                       // the index changed since it was last kept
	read    int                        // the articles the last update read from the store
}

func newLocalSearch() *localSearch {
	return &localSearch{ix: search.New(), keys: map[model.ArticleID]uint64{}}
}

// localIndex is app.wasm's one localSearch.
var localIndex = newLocalSearch()

// localSearchIndex returns the browser's index, brought up to date first when refresh is true (see
// update), with how many articles it holds, how many stored ones could not be read, and how many
// the update read from the store (none when the index kept in the store was up to date).
func localSearchIndex(ctx context.Context, st Store, refresh bool, progress func(done, total int)) (ix *search.Index, n, unreadable, read int, err error) {
	if refresh {
		ix, n, unreadable, err = localIndex.update(ctx, st, progress)
	}
	localIndex.Lock()
	defer localIndex.Unlock()
	if !refresh {
		ix, n, unreadable = localIndex.ix, len(localIndex.keys), localIndex.corrupt
	}
	return ix, n, unreadable, localIndex.read, err
}

// readNotes reads the reader's notes from the store: window.verbatimStore.highlights() in the
// browser (none while that API is absent), none elsewhere. Tests replace it.
var readNotes = storeNotes

// tryLocalIndex returns the browser's index as it is, with how many articles it holds and how
// many stored ones could not be read, or false when an update of it is running.
func tryLocalIndex() (*search.Index, int, int, bool) {
	if !localIndex.TryLock() {
		return nil, 0, 0, false
	}
	defer localIndex.Unlock()
	return localIndex.ix, len(localIndex.keys), localIndex.corrupt, true
}

// readBatch is how many articles update reads from the store at once, and so how often it reports
// its progress and lets the page run between reads.
const readBatch = 20

// update brings the index up to date with st and returns it, with how many articles it holds and
// how many stored ones could not be read. The first time, it starts from the index st keeps, if it
// can read it. When st's generation is the one the index was built at, nothing changed; else it
// reads each article whose stored copy or notes changed since (in batches, calling progress with
// how many of them it has indexed), and forgets removed ones. Call it off the UI goroutine; then
// call save.
func (l *localSearch) update(ctx context.Context, st Store, progress func(done, total int)) (ix *search.Index, n, unreadable int, err error) {
	l.Lock() // a search meanwhile waits for the update
	defer l.Unlock()
	l.read = 0
	is, persists := st.(indexStore)
	gen := ""
	if persists {
		if !l.loaded {
			l.loaded = true
			gen = l.load(ctx, is)
		} else if gen, err = is.SearchGeneration(ctx); err != nil {
			gen = "" // unknown: read the store's list
		}
		if gen != "" && gen == l.gen {
			return l.ix, len(l.keys), l.corrupt, nil
		}
	}
	entries, corrupt, err := st.List(ctx)
	if err != nil {
		return nil, 0, 0, err
	}
	notes := map[model.ArticleID][]search.Note{}
	for _, nt := range readNotes(ctx) {
		notes[nt.ArticleID] = append(notes[nt.ArticleID], nt)
	}
	seen := make(map[model.ArticleID]bool, len(entries))
	var stale []model.ArticleID
	want := map[model.ArticleID]uint64{}
	for _, e := range entries {
		seen[e.ID] = true
		key := entryKey(e, notes[e.ID])
		if k, ok := l.keys[e.ID]; !ok || k != key {
			stale = append(stale, e.ID)
			want[e.ID] = key
		}
	}
	for id := range l.keys {
		if !seen[id] {
			l.ix.Remove(id)
			delete(l.keys, id)
			l.dirty = true
		}
	}
	for i := 0; i < len(stale); i += readBatch {
		batch := stale[i:min(i+readBatch, len(stale))]
		arts, err := readArticles(ctx, st, batch)
		if err != nil {
			return nil, 0, 0, err
		}
		l.read += len(batch)
		for j, a := range arts {
			id := batch[j]
			if a == nil {
				corrupt++
				l.ix.Remove(id)
				delete(l.keys, id)
				continue
			}
			l.ix.Add(a, notes[id])
			l.keys[id] = want[id]
		}
		l.dirty = true
		if progress != nil {
			progress(i+len(batch), len(stale))
		}
	}
	l.corrupt, l.gen = corrupt, gen
	// Kept again even when no indexed article changed (a highlight with no note changes the
	// generation too), or every later page load would read the store's list.
	l.dirty = true
	return l.ix, len(l.keys), corrupt, nil
}

// readArticles reads the articles ids from st, in one read when st can, decoding only what search
// reads of each; an article that is missing or damaged is nil.
func readArticles(ctx context.Context, st Store, ids []model.ArticleID) ([]*model.Article, error) {
	out := make([]*model.Article, len(ids))
	is, ok := st.(indexStore)
	if !ok {
		for i, id := range ids {
			out[i], _, _ = st.Get(ctx, id)
		}
		return out, nil
	}
	texts, err := is.ArticleTexts(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, text := range texts {
		out[i] = searchProjection(text)
	}
	return out, nil
}

// load starts the index from the one is keeps, when it can be read and is of this app.wasm's
// encoding; otherwise the index stays as it is, and update builds it from the store. It returns
// the store's generation now, "" when unknown.
func (l *localSearch) load(ctx context.Context, is indexStore) (current string) {
	current, gen, data, err := is.LoadSearchIndex(ctx)
	if err != nil || len(data) == 0 {
		return current
	}
	ix, keys, corrupt, err := decodeLocal(data)
	if err != nil {
		// console.log, not an error: the index is built again and replaces this one.
		log.Printf("search: %v; building it again from the saved articles", err)
		l.dirty = true
		return current
	}
	l.ix, l.keys, l.corrupt, l.gen = ix, keys, corrupt, gen
	return current
}

// save keeps the index in st, when it changed since it was kept and st can keep it. It encodes
// the index holding the lock, and writes it without. Call it off the UI goroutine, after update.
func (l *localSearch) save(ctx context.Context, st Store) error {
	is, ok := st.(indexStore)
	if !ok {
		return nil
	}
	l.Lock()
	if !l.dirty || l.gen == "" {
		l.Unlock()
		return nil
	}
	data, err := encodeLocal(l.ix, l.keys, l.corrupt)
	gen := l.gen
	l.dirty = false
	l.Unlock()
	if err == nil {
		err = is.SaveSearchIndex(ctx, gen, data)
	}
	return err
}

// entryKey is a hash of what the index took from a stored article: when it was stored, and its
// notes.
func entryKey(e Entry, notes []search.Note) uint64 {
	h := fnv.New64a()
	h.Write([]byte(e.SavedAt.UTC().Format(time.RFC3339Nano)))
	for _, n := range notes {
		h.Write([]byte{0})
		h.Write([]byte(n.ID))
		h.Write([]byte{0})
		h.Write([]byte(n.Exact))
		h.Write([]byte{0})
		h.Write([]byte(n.Note))
	}
	return h.Sum64()
}
