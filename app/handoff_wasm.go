//go:build js && wasm

package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"syscall/js"
	"time"

	"verbatim/article/model"
)

// handoffTimeout bounds the wait for the bookmarklet's page.
const handoffTimeout = 30 * time.Second

// errHandoffTimeout is the answer when the opener sent nothing in time.
var errHandoffTimeout = errors.New("the page you came from did not hand its article over in time: its security policy may block the bookmarklet. Copy the article's text and paste it here")

// awaitHandoff posts BookmarkletReady to the window that opened this page, and waits for the page
// the bookmarklet answers with. It blocks: call it from ctx.Async.
//
// Trust boundary: the message comes from another site's page. It is taken only from this window's
// opener, only with type BookmarkletPage, an http or https url whose origin is the message's own
// origin (a page cannot hand over another site's address), and html of at most model.MaxInputBytes;
// the html then goes through article.Parse in the parse worker like any paste. Anything else is
// ignored, and the wait ends after handoffTimeout with a clear message.
func awaitHandoff(ctx context.Context) (html, pageURL string, err error) {
	opener := js.Global().Get("opener")
	if !opener.Truthy() {
		return "", "", errNoOpener
	}
	type result struct {
		html, url string
		err       error
	}
	ch := make(chan result, 1)
	send := func(r result) {
		select {
		case ch <- r:
		default:
		}
	}
	onMessage := js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		data := e.Get("data")
		if !e.Get("source").Equal(opener) || data.Type() != js.TypeObject || data.Get("type").Type() != js.TypeString ||
			data.Get("type").String() != BookmarkletPage {
			return nil
		}
		h, u := data.Get("html"), data.Get("url")
		if h.Type() != js.TypeString || u.Type() != js.TypeString {
			send(result{err: errors.New("the page you came from sent something that is not a page")})
			return nil
		}
		// A string has no Length in syscall/js (it panics): its String object's length is read instead,
		// so that a page over the limit is refused before it is copied into Go.
		if js.Global().Get("String").New(h).Get("length").Int() > model.MaxInputBytes {
			send(result{err: fmt.Errorf("the page you came from is over %d MB, the limit: copy the article's text and paste it here", model.MaxInputBytes>>20)})
			return nil
		}
		pu, perr := url.Parse(u.String())
		if perr != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" || pu.Scheme+"://"+pu.Host != e.Get("origin").String() {
			send(result{err: errors.New("the page you came from gave an address that is not its own, so it was not read")})
			return nil
		}
		s := h.String()
		if len(s) > model.MaxInputBytes {
			send(result{err: fmt.Errorf("the page you came from is over %d MB, the limit: copy the article's text and paste it here", model.MaxInputBytes>>20)})
			return nil
		}
		send(result{html: s, url: pu.String()})
		return nil
	})
	js.Global().Call("addEventListener", "message", onMessage)
	defer func() {
		js.Global().Call("removeEventListener", "message", onMessage)
		onMessage.Release()
	}()
	ready := js.Global().Get("Object").New()
	ready.Set("type", BookmarkletReady)
	// Its origin is not known yet; the message says only that this page waits.
	opener.Call("postMessage", ready, "*")
	timer := time.NewTimer(handoffTimeout)
	defer timer.Stop()
	select {
	case r := <-ch:
		return r.html, r.url, r.err
	case <-timer.C:
		return "", "", errHandoffTimeout
	case <-ctx.Done():
		return "", "", ctx.Err()
	}
}
