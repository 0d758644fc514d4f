package app

import (
	"context"
	"errors"
	"time"

	"verbatim/article/model"
)

// Origin says why an article is in the browser's store.
type Origin string

// The origins of stored articles.
const (
	OriginSaved    Origin = "saved"    // a library article the user saved for offline reading
	OriginImported Origin = "imported" // an article the user imported (pasted, dropped, shared)
)

// Entry is one stored article as the library lists it.
type Entry struct {
	Summary
	Origin  Origin    `json:"origin"`
	SavedAt time.Time `json:"savedAt"`
}

// Errors of a Store. Their messages are full sentences a user can read.
var (
	ErrNotStored = errors.New("this article is not saved in this browser")
	ErrQuota     = errors.New("the browser's storage for this site is full: remove saved articles you no longer need, then try again")
	ErrCorrupt   = errors.New("this saved copy is damaged and cannot be read: remove it and save or import the article again")
	ErrNoStorage = errors.New("this browser does not let the site store articles (private browsing may block it)")
	ErrNoAnswer  = errors.New("the browser's storage did not answer within 30 seconds: reload the page, then try again")
)

// Store keeps saved and imported articles in the browser, beyond the service worker's cache
// eviction. In the browser it is web/page/offline.js's window.verbatimStore, the one owner of the
// IndexedDB store (store_wasm.go adapts it); elsewhere it is memory. Every method may block, so
// call them off the UI goroutine (ctx.Async). Each call ends within storeWait when ctx has no
// deadline of its own (ErrNoAnswer). A corrupt or oversized entry fails alone: List skips
// it and reports it, and the others stay readable.
type Store interface {
	Put(ctx context.Context, a *model.Article, origin Origin) error
	Get(ctx context.Context, id model.ArticleID) (*model.Article, Origin, error)
	List(ctx context.Context) (entries []Entry, corrupt int, err error)
	Delete(ctx context.Context, id model.ArticleID) error
}

// indexStore is what this browser's search index (search_local.go) asks of a Store beyond it, to
// keep its built index between page loads: offline.js's window.verbatimStore has it (store_wasm.go),
// the memory store has not (the index is then built from the store each time app.wasm starts).
type indexStore interface {
	// SearchGeneration names the state of the stored articles and notes: it changes with every
	// write to them.
	SearchGeneration(ctx context.Context) (string, error)
	// LoadSearchIndex returns the store's generation now (SearchGeneration), and the persisted
	// index with the generation it was built at, or no data when none is kept, in one read.
	LoadSearchIndex(ctx context.Context) (current, generation string, data []byte, err error)
	// SaveSearchIndex keeps data as the index built at generation, replacing the one before.
	SaveSearchIndex(ctx context.Context, generation string, data []byte) error
	// ArticleTexts returns the stored JSON of the articles ids, in one read: "" for one missing or
	// damaged.
	ArticleTexts(ctx context.Context, ids []model.ArticleID) ([]string, error)
}
