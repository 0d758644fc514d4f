//go:build !(js && wasm)

package app

import (
	"context"
	"sync"
	"time"

	"verbatim/article/model"
)

// memoryStore is the Store outside the browser (server, tests): records in memory, encoded as
// IndexedDB holds them, so decoding errors behave the same.
type memoryStore struct {
	mu      sync.Mutex
	records map[string]record
}

// NewStore returns the Store of this platform: IndexedDB in the browser, memory elsewhere.
func NewStore() Store { return &memoryStore{records: make(map[string]record)} }

func (s *memoryStore) Put(ctx context.Context, a *model.Article, origin Origin) error {
	rec, err := newRecord(a, origin, time.Now())
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records[rec.ID] = rec
	return nil
}

func (s *memoryStore) Get(ctx context.Context, id model.ArticleID) (*model.Article, Origin, error) {
	s.mu.Lock()
	rec, ok := s.records[string(id)]
	s.mu.Unlock()
	if !ok {
		return nil, "", ErrNotStored
	}
	return rec.decode()
}

func (s *memoryStore) List(ctx context.Context) ([]Entry, int, error) {
	s.mu.Lock()
	recs := make([]record, 0, len(s.records))
	for _, r := range s.records {
		recs = append(recs, r)
	}
	s.mu.Unlock()
	return entriesOf(recs)
}

func (s *memoryStore) Delete(ctx context.Context, id model.ArticleID) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.records, string(id))
	return nil
}
