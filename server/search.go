package server

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"verbatim/app"
	"verbatim/article/model"
	"verbatim/article/search"
)

// MaxSearchArticles caps the articles the server's search index holds: the newest, in library
// order. The index keeps each article's text and tokens (18.7 MB of heap for 1,000 generated
// articles of about 700 words, BenchmarkSearch's library), so the cap bounds its memory (some 40 to
// 60 MB at the cap) in a library of any size; it is built on the first search only, so a server
// nobody searches spends none of it. Older articles are not found by the server's search (the page
// says how many it searched).
const MaxSearchArticles = 2_000

// searchWait bounds how long a search waits for the index to be built or brought up to date
// before it answers from the index as it is (the answer then says it is not Ready).
const searchWait = 2 * time.Second

// librarySearch is the server's full-text index over its library (article/search). It is built on
// the first search, not at start: a server nobody searches parses nothing for it. A search after a
// scan changed the library brings it up to date in the background: articles whose fingerprint
// changed are parsed (through the library's cache) and indexed again, deleted ones removed.
//
// Trust boundary: the articles went through article.Parse; the query is untrusted text, bounded by
// article/search's caps.
type librarySearch struct {
	lib *library
	ix  *search.Index
	max int // MaxSearchArticles; tests set less

	mu       sync.Mutex
	fps      map[model.ArticleID]string // the indexed articles' fingerprints
	gen      uint64                     // the library generation the index holds (or is being built for)
	started  bool
	building chan struct{} // closed when the running build ends; nil when none runs
}

func newLibrarySearch(l *library) *librarySearch {
	return &librarySearch{lib: l, ix: search.New(), max: MaxSearchArticles, fps: map[model.ArticleID]string{}}
}

// searchSlot is a library's search index, made on its first search: it goes with its library.
type searchSlot struct {
	once sync.Once
	s    *librarySearch
}

// searchOf returns l's search index, making it on the first call.
func searchOf(l *library) *librarySearch {
	l.search.once.Do(func() { l.search.s = newLibrarySearch(l) })
	return l.search.s
}

// Search answers q from the index, after waiting at most searchWait for a build to end.
func (s *librarySearch) Search(ctx context.Context, q search.Query) app.SearchAnswer {
	done := s.refresh()
	ready := true
	if done != nil {
		t := time.NewTimer(searchWait)
		select {
		case <-done:
		case <-t.C:
			ready = false
		case <-ctx.Done():
			ready = false
		}
		t.Stop()
	}
	res := s.ix.Search(q)
	if res.Hits == nil {
		res.Hits = []search.Hit{}
	}
	return app.SearchAnswer{Result: res, Indexed: s.ix.Len(), Library: s.lib.Len(), Ready: ready}
}

// refresh starts a build when the library changed since the index was built, and returns the
// channel closed when the running build ends (nil when the index is up to date).
func (s *librarySearch) refresh() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.building != nil {
		return s.building
	}
	gen := s.lib.snap.Load().gen
	if s.started && gen == s.gen {
		return nil
	}
	s.started, s.gen = true, gen
	done := make(chan struct{})
	s.building = done
	go s.build(done)
	return done
}

// build brings the index up to date with the library's newest MaxSearchArticles articles.
func (s *librarySearch) build(done chan struct{}) {
	defer func() {
		s.mu.Lock()
		s.building = nil
		s.mu.Unlock()
		close(done)
	}()
	keep := map[model.ArticleID]bool{}
	for id, fp := range s.lib.All() {
		if len(keep) == s.max {
			break
		}
		select {
		case <-s.lib.stop:
			return
		default:
		}
		keep[id] = true
		if s.fps[id] == fp {
			continue
		}
		a, err := s.lib.Get(context.Background(), id)
		if err != nil {
			continue // logged by the library; a later scan may bring it back
		}
		s.ix.Add(a, nil)
		s.fps[id] = fp
	}
	for id := range s.fps {
		if !keep[id] {
			s.ix.Remove(id)
			delete(s.fps, id)
		}
	}
}

// serveSearch answers SearchAPIPath: the server's hits for the query as JSON (app.SearchAnswer),
// for the search page once app.wasm runs it. It is never cached: the service worker leaves /api/
// to the network, and the response says no-store.
func (s *Server) serveSearch(w http.ResponseWriter, r *http.Request) {
	q, _ := app.SearchFormOf(r.URL.Query()).Query(search.DefaultLimit) // the page shows fewer; a client of the API may want them
	ans := searchOf(s.lib).Search(r.Context(), q)
	body, err := json.Marshal(ans)
	if err != nil {
		http.Error(w, "the search could not be answered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(body)
}

// Search searches the newest library (app.Searcher, for the search page's prerender).
func (p *prerenderLibraries) Search(ctx context.Context, q search.Query) app.SearchAnswer {
	p.mu.Lock()
	var l *library
	if len(p.libs) > 0 {
		l = p.libs[len(p.libs)-1]
	}
	p.mu.Unlock()
	if l == nil {
		return app.SearchAnswer{Result: search.Result{Hits: []search.Hit{}}, Ready: true}
	}
	return searchOf(l).Search(ctx, q)
}
