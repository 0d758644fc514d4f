//go:build js && wasm

package app

import (
	"context"
	"errors"
	"syscall/js"
	"time"

	"verbatim/article/model"
	"verbatim/article/search"
)

// jsStore is the browser's Store: a thin adapter over window.verbatimStore, the IndexedDB store of
// web/page/offline.js, which owns the records, their format and the summaries the library lists.
// Each method calls the store and waits for its promise on the calling goroutine, which must not
// be the UI goroutine nor a JavaScript callback (the promise settles in a later task).
type jsStore struct{}

// NewStore returns the Store of this platform: offline.js's IndexedDB store in the browser, memory
// elsewhere.
func NewStore() Store { return jsStore{} }

// errNoStoreScript is returned when the page has no window.verbatimStore once it has loaded.
var errNoStoreScript = errors.New("the page's storage script (offline.js) did not load: reload the page, and check that nothing blocks the site's scripts")

// storeObject returns window.verbatimStore. offline.js, a deferred script, defines it before the
// page's load event and app.wasm normally starts later still; when app.wasm is first, it waits for
// offline.js's "verbatimstore" event or the load event, whichever comes first.
func storeObject(ctx context.Context) (js.Value, error) {
	win := js.Global()
	if s := win.Get("verbatimStore"); s.Truthy() {
		return s, nil
	}
	if win.Get("document").Get("readyState").String() != "complete" {
		ch := make(chan struct{}, 1)
		f := js.FuncOf(func(js.Value, []js.Value) any {
			select {
			case ch <- struct{}{}:
			default:
			}
			return nil
		})
		win.Call("addEventListener", "verbatimstore", f)
		win.Call("addEventListener", "load", f)
		select {
		case <-ch:
		case <-ctx.Done():
		}
		win.Call("removeEventListener", "verbatimstore", f)
		win.Call("removeEventListener", "load", f)
		f.Release()
		if err := ctx.Err(); err != nil {
			return js.Value{}, err
		}
	}
	if s := win.Get("verbatimStore"); s.Truthy() {
		return s, nil
	}
	return js.Value{}, errNoStoreScript
}

// storeWait bounds one call to the browser's store when the caller's context sets no deadline: a
// store that never settles ends in ErrNoAnswer, never in a page that waits forever. The store
// bounds each of its transactions itself (offline.js's WAIT, the same 30 s: it rejects with
// NoAnswerError, which errorNamed maps to ErrNoAnswer); this wall also covers the wait for
// offline.js to load and a store method that never returns. Reads and writes take milliseconds.
const storeWait = 30 * time.Second

// call calls the store's method with args and waits for the promise it returns, at most storeWait
// when ctx has no deadline (then ErrNoAnswer). A rejection becomes a Store error (errorNamed).
func call(ctx context.Context, method string, args ...any) (js.Value, error) {
	bounded := false
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, storeWait)
		defer cancel()
		bounded = true
	}
	s, err := storeObject(ctx)
	if err != nil {
		if bounded && errors.Is(err, context.DeadlineExceeded) {
			return js.Value{}, ErrNoAnswer
		}
		return js.Value{}, err
	}
	type outcome struct {
		v   js.Value
		err error
	}
	// Exactly one of the two callbacks runs, once: the buffered channel takes its one send
	// without blocking the JavaScript that calls it.
	ch := make(chan outcome, 1)
	resolved := js.FuncOf(func(_ js.Value, a []js.Value) any {
		ch <- outcome{v: arg(a)}
		return nil
	})
	rejected := js.FuncOf(func(_ js.Value, a []js.Value) any {
		ch <- outcome{err: rejection(arg(a))}
		return nil
	})
	s.Call(method, args...).Call("then", resolved, rejected)
	release := func() {
		resolved.Release()
		rejected.Release()
	}
	select {
	case o := <-ch:
		release()
		return o.v, o.err
	case <-ctx.Done():
		go func() { <-ch; release() }() // the promise may still settle: release then
		if bounded && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return js.Value{}, ErrNoAnswer
		}
		return js.Value{}, ctx.Err()
	}
}

func arg(a []js.Value) js.Value {
	if len(a) == 0 {
		return js.Undefined()
	}
	return a[0]
}

// rejection maps what the store rejected with (an Error named by offline.js) to a Store error.
func rejection(v js.Value) error {
	if v.Type() != js.TypeObject {
		return errorNamed("", "")
	}
	return errorNamed(jsString(v.Get("name"), ""), jsString(v.Get("message"), ""))
}

func (jsStore) Put(ctx context.Context, a *model.Article, origin Origin) error {
	text, err := encodeArticle(a)
	if err != nil {
		return err
	}
	_, err = call(ctx, "put", text, string(origin))
	return err
}

func (jsStore) Get(ctx context.Context, id model.ArticleID) (*model.Article, Origin, error) {
	rec, err := call(ctx, "get", string(id))
	if err != nil {
		return nil, "", err
	}
	return decodeArticle(jsString(rec.Get("article"), ""), Origin(jsString(rec.Get("origin"), "")))
}

func (jsStore) List(ctx context.Context) ([]Entry, int, error) {
	res, err := call(ctx, "list")
	if err != nil {
		return nil, 0, err
	}
	entries, err := decodeEntries(js.Global().Get("JSON").Call("stringify", res.Get("entries")).String())
	if err != nil {
		return nil, 0, err
	}
	return entries, res.Get("corrupt").Int(), nil
}

func (jsStore) Delete(ctx context.Context, id model.ArticleID) error {
	_, err := call(ctx, "delete", string(id))
	return err
}

func (jsStore) SearchGeneration(ctx context.Context) (string, error) {
	v, err := call(ctx, "searchGeneration")
	return jsString(v, ""), err
}

// LoadSearchIndex copies the persisted index's bytes into Go, or returns none when the store has
// none, or it is larger than search.MaxEncodedBytes (it is then built and kept anew).
func (jsStore) LoadSearchIndex(ctx context.Context) (string, string, []byte, error) {
	v, err := call(ctx, "searchIndex")
	if err != nil || v.Type() != js.TypeObject {
		return "", "", nil, err
	}
	current, data := jsString(v.Get("current"), ""), v.Get("data")
	if data.Type() != js.TypeObject {
		return current, "", nil, nil
	}
	n := data.Get("byteLength").Int()
	if n > search.MaxEncodedBytes {
		return current, "", nil, nil
	}
	buf := make([]byte, n)
	js.CopyBytesToGo(buf, data)
	return current, jsString(v.Get("generation"), ""), buf, nil
}

func (jsStore) SaveSearchIndex(ctx context.Context, generation string, data []byte) error {
	buf := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(buf, data)
	_, err := call(ctx, "putSearchIndex", generation, buf)
	return err
}

func (jsStore) ArticleTexts(ctx context.Context, ids []model.ArticleID) ([]string, error) {
	arg := make([]any, len(ids))
	for i, id := range ids {
		arg[i] = string(id)
	}
	v, err := call(ctx, "articleTexts", arg)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(ids))
	for i := range out {
		out[i] = jsString(v.Index(i), "")
	}
	return out, nil
}
