//go:build js && wasm

package app

import (
	"context"
	"errors"
	"sync"
	"syscall/js"
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/model"
)

// The IndexedDB database and object store that hold saved and imported articles.
const (
	idbName    = "verbatim"
	idbVersion = 1
	idbStore   = "articles"
)

// indexedDBStore is the browser's Store. Each record holds the article as a JSON string, so a
// damaged record fails alone.
type indexedDBStore struct {
	once sync.Once
	db   goapp.Value
	err  error
}

// NewStore returns the Store of this platform: IndexedDB in the browser, memory elsewhere.
func NewStore() Store { return &indexedDBStore{} }

// await blocks until an IDBRequest or IDBTransaction finishes and returns its result. It must not be
// called on the UI goroutine or from a JavaScript callback.
func await(target goapp.Value, okEvent string, errEvents ...string) (goapp.Value, error) {
	type outcome struct {
		v   goapp.Value
		err error
	}
	ch := make(chan outcome, 1)
	var funcs []goapp.Func
	ok := goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
		var v goapp.Value
		if r := target.Get("result"); okEvent == "success" {
			v = r
		}
		ch <- outcome{v: v}
		return nil
	})
	funcs = append(funcs, ok)
	target.Set("on"+okEvent, ok)
	for _, ev := range errEvents {
		f := goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
			name := "UnknownError"
			if e := target.Get("error"); e.Truthy() {
				name = e.Get("name").String()
			}
			if len(args) > 0 {
				args[0].Call("preventDefault")
			}
			select {
			case ch <- outcome{err: idbError(name)}:
			default:
			}
			return nil
		})
		funcs = append(funcs, f)
		target.Set("on"+ev, f)
	}
	out := <-ch
	for _, f := range funcs {
		f.Release()
	}
	return out.v, out.err
}

// guard turns a JavaScript exception thrown synchronously by an IndexedDB call (which syscall/js
// raises as a Go panic) into a Store error, so a storage failure never crashes the app.
func guard(err *error) {
	r := recover()
	if r == nil {
		return
	}
	if jerr, ok := r.(js.Error); ok && jerr.Value.Get("name").Type() == js.TypeString {
		*err = idbError(jerr.Value.Get("name").String())
		return
	}
	*err = idbError("UnknownError")
}

func idbError(name string) error {
	switch name {
	case "QuotaExceededError":
		return ErrQuota
	case "DataCloneError", "DataError":
		return ErrCorrupt
	default:
		return errors.New("the browser's storage failed (" + name + "); try again, or reload the page")
	}
}

func (s *indexedDBStore) open() (goapp.Value, error) {
	s.once.Do(func() {
		defer guard(&s.err)
		idb := goapp.Window().Get("indexedDB")
		if !idb.Truthy() {
			s.err = ErrNoStorage
			return
		}
		req := idb.Call("open", idbName, idbVersion)
		upgrade := goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
			db := req.Get("result")
			if !db.Get("objectStoreNames").Call("contains", idbStore).Bool() {
				db.Call("createObjectStore", idbStore, map[string]any{"keyPath": "id"})
			}
			return nil
		})
		req.Set("onupgradeneeded", upgrade)
		db, err := await(req, "success", "error", "blocked")
		upgrade.Release()
		if err != nil {
			s.err = ErrNoStorage
			return
		}
		s.db = db
	})
	return s.db, s.err
}

func (s *indexedDBStore) tx(mode string) (tx, store goapp.Value, err error) {
	db, err := s.open()
	if err != nil {
		return nil, nil, err
	}
	defer guard(&err)
	tx = db.Call("transaction", idbStore, mode)
	return tx, tx.Call("objectStore", idbStore), nil
}

func (s *indexedDBStore) Put(ctx context.Context, a *model.Article, origin Origin) (err error) {
	defer guard(&err)
	rec, err := newRecord(a, origin, time.Now())
	if err != nil {
		return err
	}
	tx, store, err := s.tx("readwrite")
	if err != nil {
		return err
	}
	store.Call("put", map[string]any{
		"id": rec.ID, "origin": rec.Origin, "savedAt": rec.SavedAt, "summary": rec.Summary, "article": rec.Article,
	})
	_, err = await(tx, "complete", "error", "abort")
	return err
}

func recordOf(v goapp.Value) (record, bool) {
	if !v.Truthy() {
		return record{}, false
	}
	str := func(k string) string {
		f := v.Get(k)
		if f.Type() != goapp.TypeString {
			return ""
		}
		return f.String()
	}
	return record{ID: str("id"), Origin: str("origin"), SavedAt: str("savedAt"), Summary: str("summary"), Article: str("article")}, true
}

func (s *indexedDBStore) Get(ctx context.Context, id model.ArticleID) (a *model.Article, origin Origin, err error) {
	defer guard(&err)
	_, store, err := s.tx("readonly")
	if err != nil {
		return nil, "", err
	}
	v, err := await(store.Call("get", string(id)), "success", "error")
	if err != nil {
		return nil, "", err
	}
	rec, ok := recordOf(v)
	if !ok {
		return nil, "", ErrNotStored
	}
	return rec.decode()
}

func (s *indexedDBStore) List(ctx context.Context) (entries []Entry, corrupt int, err error) {
	defer guard(&err)
	_, store, err := s.tx("readonly")
	if err != nil {
		return nil, 0, err
	}
	v, err := await(store.Call("getAll"), "success", "error")
	if err != nil {
		return nil, 0, err
	}
	recs := make([]record, 0, v.Length())
	for i := 0; i < v.Length(); i++ {
		if rec, ok := recordOf(v.Index(i)); ok {
			recs = append(recs, rec)
		}
	}
	return entriesOf(recs)
}

func (s *indexedDBStore) Delete(ctx context.Context, id model.ArticleID) (err error) {
	defer guard(&err)
	tx, store, err := s.tx("readwrite")
	if err != nil {
		return err
	}
	store.Call("delete", string(id))
	_, err = await(tx, "complete", "error", "abort")
	return err
}
