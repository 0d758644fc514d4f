package app

import (
	"context"
	"hash/fnv"
	"sync"

	"verbatim/article/model"
	"verbatim/article/search"
)

// localIndex is the search index of this browser's store: the saved and imported articles, with
// the reader's notes. It lives as long as app.wasm, and is brought up to date before each search by
// reading only what changed (localIndex.update).
var localIndex = struct {
	sync.Mutex
	ix      *search.Index
	keys    map[model.ArticleID]uint64 // what each indexed article was: its savedAt and its notes
	corrupt int                        // stored articles the last update could not read
}{ix: search.New(), keys: map[model.ArticleID]uint64{}}

// localSearchIndex returns the browser's index, brought up to date first when refresh is true (see
// updateLocalIndex), with how many articles it holds and how many stored ones could not be read.
func localSearchIndex(ctx context.Context, st Store, refresh bool) (*search.Index, int, int, error) {
	if refresh {
		return updateLocalIndex(ctx, st)
	}
	localIndex.Lock()
	defer localIndex.Unlock()
	return localIndex.ix, len(localIndex.keys), localIndex.corrupt, nil
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

// updateLocalIndex brings the browser's index up to date with st and returns it, with how many
// articles it holds and how many stored ones could not be read. It reads each article whose stored
// copy or notes changed since the last update, and forgets removed ones. Call it off the UI
// goroutine.
func updateLocalIndex(ctx context.Context, st Store) (ix *search.Index, n, unreadable int, err error) {
	localIndex.Lock() // a search meanwhile waits for the update
	defer localIndex.Unlock()
	entries, corrupt, err := st.List(ctx)
	if err != nil {
		return nil, 0, 0, err
	}
	notes := map[model.ArticleID][]search.Note{}
	for _, nt := range readNotes(ctx) {
		notes[nt.ArticleID] = append(notes[nt.ArticleID], nt)
	}
	seen := make(map[model.ArticleID]bool, len(entries))
	for _, e := range entries {
		seen[e.ID] = true
		key := entryKey(e, notes[e.ID])
		if k, ok := localIndex.keys[e.ID]; ok && k == key {
			continue
		}
		a, _, err := st.Get(ctx, e.ID)
		if err != nil {
			corrupt++
			localIndex.ix.Remove(e.ID)
			delete(localIndex.keys, e.ID)
			continue
		}
		localIndex.ix.Add(a, notes[e.ID])
		localIndex.keys[e.ID] = key
	}
	for id := range localIndex.keys {
		if !seen[id] {
			localIndex.ix.Remove(id)
			delete(localIndex.keys, id)
		}
	}
	localIndex.corrupt = corrupt
	return localIndex.ix, len(localIndex.keys), corrupt, nil
}

// entryKey is a hash of what the index took from a stored article: when it was stored, and its
// notes.
func entryKey(e Entry, notes []search.Note) uint64 {
	h := fnv.New64a()
	h.Write([]byte(e.SavedAt.String()))
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
