package benchbrowser

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// loadWait bounds one page load: app.wasm at 4× CPU on a busy two-core machine is slow.
const loadWait = 3 * time.Minute

// keyEvery is the pause between two "h" presses while the bench waits for the page to react:
// the first handled key is known to within about this (plus a round trip to Chromium).
const keyEvery = 16 * time.Millisecond

// load is what one page load measured, in ms from the top document's navigation start
// (performance.timeOrigin).
type load struct {
	FCP     float64 // first contentful paint
	Load    float64 // the load event
	Handled float64 // the first "h" the page reacted to (0 when not asked)
	Ready   float64 // the ready condition first held (0 when none was given)
	// Controlled is true when a service worker controlled the document from its start.
	Controlled bool
}

// loadOptions say what a load waits for besides its first contentful paint and load event.
type loadOptions struct {
	Keys  bool   // press "h" from the start until the page reacts (the probe's "handled")
	Ready string // a JavaScript condition, polled in the page every 10 ms from its start
}

// measureLoad opens url in the tab and measures it. With Keys, it presses "h" again and again from
// the moment the navigation commits until the page shows that it handled one: the time is that of
// the page's reaction, so a key that waited for a busy main thread counts its wait.
func (t *tab) measureLoad(url string, o loadOptions) (load, error) {
	var readyScript page.ScriptIdentifier
	if o.Ready != "" {
		// The probe looks for this function in the page; scripts run in the order they were added.
		res, err := chromedp.Call(t.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: "globalThis.__verbatimBenchReady = () => (" + o.Ready + ");"})
		if err != nil {
			return load{}, err
		}
		readyScript = res.Identifier
		defer chromedp.Call(t.ctx, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: readyScript})
	}
	t.probe.reset()
	t.net.reset()
	if err := t.navigate(url); err != nil {
		return load{}, err
	}
	deadline := time.Now().Add(loadWait)
	for {
		start, okStart := t.probe.first("start", true, url)
		fcp, okFCP := t.probe.first("fcp", true, url)
		ld, okLoad := t.probe.first("load", true, url)
		handled, okHandled := t.probe.first("handled", true, url)
		ready, okReady := t.probe.first("ready", true, url)
		okHandled = okHandled || !o.Keys
		okReady = okReady || o.Ready == ""
		if okStart && okFCP && okLoad && okHandled && okReady {
			r := load{FCP: fcp.At - start.At, Load: ld.At - start.At, Controlled: start.Controlled}
			if o.Keys {
				r.Handled = handled.At - start.At
			}
			if o.Ready != "" {
				r.Ready = ready.At - start.At
			}
			return r, nil
		}
		if time.Now().After(deadline) {
			var missing []string
			for _, m := range []struct {
				ok   bool
				what string
			}{{okStart, "the document"}, {okFCP, "its first contentful paint"}, {okLoad, "its load event"},
				{okHandled, "a handled h"}, {okReady, "the condition " + o.Ready}} {
				if !m.ok {
					missing = append(missing, m.what)
				}
			}
			return load{}, fmt.Errorf("%s: no %s after %s", url, strings.Join(missing, ", "), loadWait)
		}
		if o.Keys && !okHandled {
			t.pressH()
		}
		time.Sleep(keyEvery)
	}
}

// waitForWorker waits until a service worker is active for the tab's page.
func (t *tab) waitForWorker() error {
	ok, err := eval[bool](t, loadWait, `navigator.serviceWorker.ready.then((r) => !!r.active)`)
	if err == nil && !ok {
		err = fmt.Errorf("no active service worker")
	}
	if err != nil {
		return fmt.Errorf("waiting for the service worker: %w", err)
	}
	return nil
}

// loads opens each of urls n times, each time in a fresh Chromium for phone, taking turns (url 1,
// url 2, …, then again), so that the pages share the machine's noise; then, when not nil, on the
// last load of each url, in its tab.
func loads(ctx context.Context, exe string, phone Phone, n int, urls []string, o []loadOptions,
	then func(i int, t *tab) error) ([][]load, error) {
	out := make([][]load, len(urls))
	for run := range n {
		for i, u := range urls {
			t, err := openTab(ctx, exe, phone)
			if err != nil {
				return nil, err
			}
			r, err := t.measureLoad(u, o[i])
			if err == nil && then != nil && run == n-1 {
				err = then(i, t)
			}
			t.close()
			if err != nil {
				return nil, err
			}
			out[i] = append(out[i], r)
		}
	}
	return out, nil
}
