//go:build js && wasm

package app

import (
	"context"
	"errors"
	"strconv"
	"syscall/js"
)

// fetchBytes fetches url with the browser's fetch and returns the status and the body, which it
// reads chunk by chunk and abandons (errTooLarge) as soon as it passes limit bytes. When ctx ends,
// it aborts the request through an AbortController and returns ctx.Err(). It does not use
// net/http, whose client links crypto/tls and the rest of the HTTP stack into app.wasm (0.79 MB of
// its 3.04 MB brotli). It blocks: call it from a goroutine, never from a JavaScript callback.
func fetchBytes(ctx context.Context, url string, limit int) (int, []byte, error) {
	return request(ctx, "GET", url, nil, limit)
}

// postBytes posts body as JSON to url, as fetchBytes reads.
func postBytes(ctx context.Context, url string, body []byte, limit int) (int, []byte, error) {
	return request(ctx, "POST", url, body, limit)
}

// request makes one request with fetchBytes' limit and cancellation; a body is sent as
// application/json.
func request(ctx context.Context, method, url string, payload []byte, limit int) (int, []byte, error) {
	type result struct {
		status int
		body   []byte
		err    error
	}
	// Every chain of callbacks below ends in exactly one send, so the channel is drained exactly
	// once, before the functions are released.
	ch := make(chan result, 1)
	ctrl := js.Global().Get("AbortController").New()
	status := 0
	var body []byte
	var reader js.Value
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "the request failed"
		if len(args) > 0 && args[0].Truthy() {
			msg = jsString(args[0].Get("message"), msg)
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	var gotChunk js.Func
	gotChunk = js.FuncOf(func(_ js.Value, args []js.Value) any {
		if args[0].Get("done").Bool() {
			ch <- result{status: status, body: body}
			return nil
		}
		chunk := args[0].Get("value")
		n := chunk.Get("length").Int()
		if len(body)+n > limit {
			ctrl.Call("abort")
			ch <- result{err: errTooLarge}
			return nil
		}
		body = append(body, make([]byte, n)...)
		js.CopyBytesToGo(body[len(body)-n:], chunk)
		reader.Call("read").Call("then", gotChunk, fail)
		return nil
	})
	gotResponse := js.FuncOf(func(_ js.Value, args []js.Value) any {
		res := args[0]
		status = res.Get("status").Int()
		if cl, err := strconv.Atoi(jsString(res.Get("headers").Call("get", "Content-Length"), "")); err == nil && cl > limit &&
			!res.Get("headers").Call("get", "Content-Encoding").Truthy() {
			ctrl.Call("abort")
			ch <- result{err: errTooLarge}
			return nil
		}
		if !res.Get("body").Truthy() {
			ch <- result{status: status}
			return nil
		}
		reader = res.Get("body").Call("getReader")
		reader.Call("read").Call("then", gotChunk, fail)
		return nil
	})
	defer fail.Release()
	defer gotChunk.Release()
	defer gotResponse.Release()
	opts := js.Global().Get("Object").New()
	opts.Set("signal", ctrl.Get("signal"))
	opts.Set("method", method)
	if payload != nil {
		b := js.Global().Get("Uint8Array").New(len(payload))
		js.CopyBytesToJS(b, payload)
		opts.Set("body", b)
		headers := js.Global().Get("Object").New()
		headers.Set("Content-Type", "application/json")
		opts.Set("headers", headers)
	}
	js.Global().Call("fetch", url, opts).Call("then", gotResponse, fail)
	select {
	case r := <-ch:
		return r.status, r.body, r.err
	case <-ctx.Done():
		// The abort rejects whichever promise is pending, and that ends the chain with its one send.
		ctrl.Call("abort")
		<-ch
		return 0, nil, ctx.Err()
	}
}

// jsString returns v as a string when it is one, else def.
func jsString(v js.Value, def string) string {
	if v.Type() != js.TypeString {
		return def
	}
	if s := v.String(); s != "" { // one copy out of JavaScript: an article's text may be long
		return s
	}
	return def
}
