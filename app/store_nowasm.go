//go:build !(js && wasm)

package app

import (
	"context"
	"sort"
	"sync"
	"time"

	"verbatim/article/model"
)

// memoryStore is the Store outside the browser (server, tests): articles in memory, kept as JSON
// text as offline.js keeps them, so that decoding errors behave the same. Its library entries are
// SummaryOf the stored article.
type memoryStore struct {
	mu      sync.Mutex
	records map[model.ArticleID]memoryRecord
}

type memoryRecord struct {
	origin  Origin
	savedAt time.Time
	article string // JSON
}

// NewStore returns the Store of this platform: offline.js's IndexedDB store in the browser, memory
// elsewhere.
func NewStore() Store { return &memoryStore{records: make(map[model.ArticleID]memoryRecord)} }

func (s *memoryStore) Put(ctx context.Context, a *model.Article, origin Origin) error {
	text, err := encodeArticle(a)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records[a.ID] = memoryRecord{origin: origin, savedAt: time.Now().UTC(), article: text}
	return nil
}

func (s *memoryStore) Get(ctx context.Context, id model.ArticleID) (*model.Article, Origin, error) {
	s.mu.Lock()
	rec, ok := s.records[id]
	s.mu.Unlock()
	if !ok {
		return nil, "", ErrNotStored
	}
	return decodeArticle(rec.article, rec.origin)
}

func (s *memoryStore) List(ctx context.Context) ([]Entry, int, error) {
	s.mu.Lock()
	recs := make([]memoryRecord, 0, len(s.records))
	for _, r := range s.records {
		recs = append(recs, r)
	}
	s.mu.Unlock()
	var out []Entry
	corrupt := 0
	for _, rec := range recs {
		a, origin, err := decodeArticle(rec.article, rec.origin)
		if err != nil {
			corrupt++
			continue
		}
		out = append(out, Entry{Summary: SummaryOf(a), Origin: origin, SavedAt: rec.savedAt})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SavedAt.After(out[j].SavedAt) })
	return out, corrupt, nil
}

func (s *memoryStore) Delete(ctx context.Context, id model.ArticleID) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.records, id)
	return nil
}
