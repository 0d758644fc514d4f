package server

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// requestLog records the URL of every request the tab's pages make, from the DevTools Network
// domain's requestWillBeSent events of the page's target (its service worker's own fetches are
// another target's).
type requestLog struct {
	mu   sync.Mutex
	urls []string
}

// recordRequests starts recording the tab's requests.
func recordRequests(tb *tab) *requestLog {
	tb.t.Helper()
	rl := &requestLog{}
	err := chromedp.Listen(tb.ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			rl.mu.Lock()
			rl.urls = append(rl.urls, e.Request.URL)
			rl.mu.Unlock()
		}
	})
	if err != nil {
		tb.t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, network.Enable, network.EnableParams{}); err != nil {
		tb.t.Fatal(err)
	}
	return rl
}

// take returns the paths of the requests recorded since the last take, and forgets them.
func (rl *requestLog) take() []string {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	var paths []string
	for _, u := range rl.urls {
		if p, err := url.Parse(u); err == nil {
			paths = append(paths, p.Path)
		}
	}
	rl.urls = nil
	return paths
}

// pageScripts lists the page's scripts in document order: a script's path, "json" for a data
// block, "inline" for an inline script.
const pageScripts = `[...document.scripts].map((s) => s.src ? new URL(s.src).pathname : s.type === "application/json" ? "json" : "inline")`

// TestE2EPagesByKind loads each kind of page in Chromium and checks what it loads and runs (issue
// 13): the reader of an article the server has, and an embed, request no *.wasm at all (nor app.js,
// wasm_exec.js or the article's JSON) and have no go-app loader; the library, the import page and the
// reader of an article the server does not have boot app.wasm, and the library lists the samples
// once it has taken over. On every page the settings saved in an earlier visit are on <html> and
// styled (the dark background) from the first paint, by the inline settings script and the inline
// style sheet, whose versioned font URL loads the chosen font; and no page breaks its CSP or logs an
// error.
func TestE2EPagesByKind(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.expectErrorsFor("not-in-the-library") // the 404 page, and app.wasm's fetch of its JSON
	reqs := recordRequests(tb)
	pa := s.pages.assets

	tb.open("/article/" + sampleID)
	eval[bool](tb, `localStorage.setItem("verbatim.settings", JSON.stringify({theme: "dark", font: "legible", size: 5, width: "medium", leading: "normal"})); true`)

	wasm := "/v/" + s.Version() + "/web/app.wasm"
	// reader.js adds highlights.js, beside it, only when a page needs it (here: no highlights are
	// stored, so never at load; a selection in the article, below).
	highlights := strings.Replace(pa.reader, "/reader.js", "/highlights.js", 1)
	for _, c := range []struct {
		path    string
		boots   bool
		scripts []string // the page scripts the server adds (those the web folder has), before go-app's; an embed's reader.js comes later
	}{
		{"/article/" + sampleID, false, []string{pa.reader, pa.offline}},
		{"/embed/" + sampleID, false, []string{pa.embedFrame}},
		{"/", true, []string{pa.reader, pa.offline}},
		{"/import", true, []string{pa.reader, pa.offline}},
		{"/article/not-in-the-library", true, []string{pa.reader, pa.offline}},
		{"/speakers", true, []string{pa.reader, pa.offline}},
		{"/speaker/dmitry-peskov", true, []string{pa.reader, pa.offline}},
	} {
		reqs.take()
		tb.open(c.path)
		tb.waitFor(c.path+": the load event", `document.readyState === "complete"`)
		want := slices.DeleteFunc(slices.Clone(c.scripts), func(s string) bool { return s == "" })
		if c.boots {
			want = append(want, wasmExecJS, appJS)
			tb.waitWasm()
		}
		want = append(want, "json", "inline")
		if strings.HasPrefix(c.path, "/embed/") {
			want = append(want, pa.reader) // embed-frame.js's, once the frame is idle after its load
		}
		// reader.js asks the store for the article's highlights once the browser is idle after the load.
		tb.waitFor(c.path+": an idle moment after the load", `new Promise((ok) => requestIdleCallback(() => setTimeout(() => ok(true), 100)))`)
		if got := eval[[]string](tb, pageScripts); !slices.Equal(got, want) {
			t.Errorf("%s: scripts %q, want %q", c.path, got, want)
		}
		// The chosen font, from the inline style sheet's @font-face: its URL is versioned and absolute.
		if n := eval[int](tb, `document.fonts.load("16px 'Atkinson Hyperlegible'").then((f) => f.length)`); n == 0 {
			t.Errorf("%s: the Atkinson Hyperlegible font did not load", c.path)
		}
		type look struct{ Theme, Font, Background string }
		got := eval[look](tb, `({theme: document.documentElement.dataset.theme, font: document.documentElement.dataset.font, background: getComputedStyle(document.body).backgroundColor})`)
		if want := (look{"dark", "legible", "rgb(18, 18, 18)"}); got != want {
			t.Errorf("%s: %+v, want the saved settings styled %+v", c.path, got, want)
		}
		loader := eval[bool](tb, `!!document.getElementById("app-wasm-loader")`)
		requests := reqs.take()
		wasmRequested := slices.ContainsFunc(requests, func(p string) bool { return strings.HasSuffix(p, ".wasm") })
		if wasmRequested != c.boots || slices.Contains(requests, wasm) != c.boots {
			t.Errorf("%s: a *.wasm requested: %v, want %v (requests: %q)", c.path, wasmRequested, c.boots, requests)
		}
		for _, p := range requests {
			if !c.boots && (p == appJS || p == wasmExecJS || strings.HasPrefix(p, "/articles/") || p == "/manifest.webmanifest" && strings.HasPrefix(c.path, "/embed/")) {
				t.Errorf("%s requested %s", c.path, p)
			}
			if strings.HasSuffix(p, "/verbatim.css") || strings.HasSuffix(p, "/settings.js") {
				t.Errorf("%s requested %s, which the page holds inline", c.path, p)
			}
		}
		if !c.boots && loader {
			t.Errorf("%s: go-app's loader is on a page that loads no app.wasm", c.path)
		}
		if c.path == "/" {
			tb.waitFor("the library to list the 3 samples after app.wasm", `document.querySelectorAll("#samples .card h3 a[href^='/article/']").length === 3`)
		}
	}
	// A selection in the article loads highlights.js, which shows the selection bar for it.
	tb.open("/article/" + sampleID)
	tb.waitFor("reader.js and the store", `!!window.verbatimReader && !!window.verbatimStore`)
	if got := eval[[]string](tb, pageScripts); slices.Contains(got, highlights) {
		t.Errorf("the reader loaded highlights.js before it was needed: %q", got)
	}
	eval[bool](tb, `(getSelection().selectAllChildren(document.querySelector(".article-body p")), true)`)
	tb.waitFor("highlights.js and its selection bar", `!!window.verbatimHighlights && !document.querySelector("[data-hl-popup]").hidden`)
	if got := eval[[]string](tb, pageScripts); !slices.Contains(got, highlights) {
		t.Errorf("after a selection the scripts are %q, want %s among them", got, highlights)
	}
	tb.assertClean()
}

// TestE2EMissingArticlePrerendered checks the prerendered page of an article the server does not
// have: before app.wasm looks in the browser's store it says so without claiming the article is
// nowhere, and once app.wasm found nothing there it says the article is not in the library.
func TestE2EMissingArticlePrerendered(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.expectErrorsFor("not-in-the-library") // the 404 page, and app.wasm's fetch of its JSON
	tb.open("/article/not-in-the-library?wasm=false")
	const alert = `[...document.querySelectorAll("[role=alert]")].map((e) => e.textContent).join(" ")`
	if got := eval[string](tb, alert); !strings.Contains(got, "not on this server") || !strings.Contains(got, "saved or imported in this browser") {
		t.Errorf("the prerendered 404 says %q", got)
	}
	tb.open("/article/not-in-the-library")
	tb.waitWasm()
	tb.waitFor("app.wasm's not-in-library message", fmt.Sprintf(`%s.includes("not in the library")`, alert))
	tb.assertClean()
}
