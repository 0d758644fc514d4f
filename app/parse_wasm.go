//go:build js && wasm

package app

import (
	"context"
	"fmt"
	"syscall/js"
	"time"

	"verbatim/article/model"
	"verbatim/internal/parsejob"
)

// parseTimeout bounds one import: a parse worker that has not answered by then is terminated.
// article.Parse bounds its own time on any input; this is the wall for a worker that is stuck.
const parseTimeout = 90 * time.Second

// parseArticle parses src in a parse worker (web/worker/parse-worker.js running web/parse.wasm)
// started for this import, and terminates the worker once it has answered, or after parseTimeout, or when
// ctx ends. It blocks: call it from ctx.Async. workerURL is parseWorkerScript resolved by go-app.
//
// Trust boundary: src is untrusted and crosses to the worker as bytes; what comes back is either an
// article's JSON, decoded here with encoding/json (at most maxJSON bytes), or a kind and a message,
// which become a *parsejob.Error shown as text. A worker that cannot start or never answers is
// reported, never waited on forever.
func parseArticle(ctx context.Context, workerURL string, src []byte, format model.Format, pageURL string) (*model.Article, error) {
	ctx, cancel := context.WithTimeout(ctx, parseTimeout)
	defer cancel()
	type answer struct {
		body []byte
		err  error
	}
	ch := make(chan answer, 1)
	send := func(a answer) {
		select {
		case ch <- a:
		default: // the first answer counts
		}
	}
	onMessage := js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := args[0].Get("data")
		if !data.Truthy() {
			send(answer{err: &parsejob.Error{Kind: parsejob.KindInternal, Message: "the parse worker answered nothing"}})
			return nil
		}
		if a := data.Get("article"); a.Truthy() {
			n := a.Get("length").Int()
			if n > maxJSON {
				send(answer{err: &parsejob.Error{Kind: parsejob.KindInternal, Message: fmt.Sprintf("the parsed article is over %d MB", maxJSON>>20)}})
				return nil
			}
			b := make([]byte, n)
			js.CopyBytesToGo(b, a)
			send(answer{body: b})
			return nil
		}
		send(answer{err: &parsejob.Error{Kind: jsString(data.Get("kind"), parsejob.KindInternal), Message: jsString(data.Get("message"), "no message")}})
		return nil
	})
	onError := js.FuncOf(func(_ js.Value, args []js.Value) any {
		// An ErrorEvent: the script failed to load (no detail), threw, or its policy refused it.
		msg := "the parse worker did not load"
		if len(args) > 0 {
			args[0].Call("preventDefault") // reported here, in the page's message
			msg = jsString(args[0].Get("message"), msg)
		}
		send(answer{err: &parsejob.Error{Kind: parsejob.KindStart, Message: msg}})
		return nil
	})
	defer onMessage.Release()
	defer onError.Release()

	w, err := newWorker(workerURL)
	if err != nil {
		return nil, &parsejob.Error{Kind: parsejob.KindStart, Message: err.Error()}
	}
	w.Set("onmessage", onMessage)
	w.Set("onerror", onError)
	w.Set("onmessageerror", onError)
	defer func() {
		// Terminate first, then unhook: no event may reach a released function.
		w.Call("terminate")
		w.Set("onmessage", js.Null())
		w.Set("onerror", js.Null())
		w.Set("onmessageerror", js.Null())
	}()

	u := js.Global().Get("Uint8Array").New(len(src))
	js.CopyBytesToJS(u, src)
	w.Call("postMessage", map[string]any{"bytes": u, "format": string(format), "url": pageURL}, []any{u.Get("buffer")})

	select {
	case a := <-ch:
		if a.err != nil {
			return nil, a.err
		}
		return parsejob.Decode(a.body)
	case <-ctx.Done():
		if ctx.Err() == context.DeadlineExceeded {
			return nil, errParseTimeout
		}
		return nil, ctx.Err()
	}
}

// newWorker starts a dedicated worker, turning a constructor that throws into an error.
func newWorker(url string) (w js.Value, err error) {
	ctor := js.Global().Get("Worker")
	if !ctor.Truthy() {
		return js.Value{}, fmt.Errorf("this browser has no Web Workers")
	}
	defer func() {
		if r := recover(); r != nil {
			w, err = js.Value{}, fmt.Errorf("%v", r)
		}
	}()
	return ctor.New(url), nil
}
