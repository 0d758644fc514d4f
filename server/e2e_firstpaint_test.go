package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// inView is true when the element matched by the selector is on screen.
const inView = `(() => { const e = document.querySelector(%q); if (!e) return false;
  const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })()`

// TestE2EDeepLinkWithoutScripts opens /article/{id}#q3 in a browser that runs no script at all
// (DevTools' Emulation.setScriptExecutionDisabled): the prerendered page alone scrolls to the
// quote's first mark, which carries id="q3", and CSS :target outlines it. What the reader's script
// adds to a deep link (focus, .current, n and p from there) is reader.js's, tested with the reader.
func TestE2EDeepLinkWithoutScripts(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.open("/")
	// Saved settings that the inline settings script would apply, were it to run.
	eval[bool](tb, `localStorage.setItem("verbatim.settings", JSON.stringify({theme: "dark", font: "sans", size: 5, width: "medium", leading: "normal"})); true`)
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tb.open("/article/" + sampleID + "#q3")
	// DevTools' evaluation still runs with the page's scripts disabled.
	tb.waitFor("the browser to target q3", `(() => { const e = document.querySelector(":target"); return !!e && e.tagName === "MARK" && e.dataset.quoteId === "q3"; })()`)
	if eval[bool](tb, `document.documentElement.hasAttribute("data-theme")`) {
		t.Fatalf("the settings script ran: this is not the page without scripts")
	}
	// The toggles are toggles to a screen reader without scripts too: their pressed state is "true",
	// not the empty value (undefined) go-app's bare attribute would give.
	if got := eval[string](tb, `[...document.querySelectorAll("[data-action=highlights], [data-speaker-filter='']")].map((b) => b.getAttribute("aria-pressed")).join(" ")`); got != "true true" {
		t.Errorf("the pressed toggles' aria-pressed without scripts: %q, want \"true true\"", got)
	}
	// The inline style sheet needs no script: the page has its default (light) look.
	if got := eval[string](tb, `getComputedStyle(document.body).backgroundColor`); got != "rgb(251, 250, 247)" {
		t.Errorf("the page without scripts has the background %s, want the style sheet's light one", got)
	}
	tb.waitFor("the targeted quote on screen", fmt.Sprintf(inView, "#q3"))
	if got := eval[string](tb, `getComputedStyle(document.getElementById("q3")).outlineStyle`); got != "solid" {
		t.Errorf("the targeted quote's outline is %q, want solid (:target)", got)
	}
	if got := eval[string](tb, `getComputedStyle(document.getElementById("q1")).outlineStyle`); got != "none" {
		t.Errorf("an untargeted quote's outline is %q, want none", got)
	}
	if n := eval[int](tb, `document.querySelectorAll("[id^='art-quote-']").length`); n != 0 {
		t.Errorf("%d quotes still have art-quote- ids", n)
	}
	tb.assertClean()
}

// firstFrameProbe records, from the start of each page, the settings on <html> and the body's
// background in the page's first animation frame, which runs before its first paint.
const firstFrameProbe = `requestAnimationFrame(() => { const d = document.documentElement.dataset;
  window.__firstFrame = {theme: d.theme || "", font: d.font || "", size: d.size || "", background: document.body ? getComputedStyle(document.body).backgroundColor : ""}; })`

// TestE2EThemeBeforeWasm saves the dark theme, a font and a size as the reader's settings do, then
// opens the reader (which loads no app.wasm) and the library with app.wasm disabled: the inline
// settings script has put them on <html> and the inline style sheet has painted the dark background
// by the first frame, so there is no light flash. A tampered entry falls back to the defaults.
func TestE2EThemeBeforeWasm(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.onNewDocument(firstFrameProbe)
	tb.open("/article/" + sampleID)
	eval[bool](tb, `localStorage.setItem("verbatim.settings", JSON.stringify({theme: "dark", font: "sans", size: 5, width: "medium", leading: "normal"})); true`)

	type look struct {
		Theme, Font, Size, Background string
	}
	first := func(path string) look {
		t.Helper()
		tb.open(path)
		tb.waitFor(path+": the first frame", `!!window.__firstFrame`)
		return eval[look](tb, `window.__firstFrame`)
	}
	dark := look{Theme: "dark", Font: "sans", Size: "5", Background: "rgb(18, 18, 18)"}
	if got := first("/article/" + sampleID); got != dark {
		t.Errorf("the reader's first frame after choosing dark: %+v, want %+v", got, dark)
	}
	if got := first("/?wasm=false"); got != dark {
		t.Errorf("the library's first frame after choosing dark: %+v, want %+v", got, dark)
	}

	eval[bool](tb, `localStorage.setItem("verbatim.settings", JSON.stringify({theme: "<b>", font: "comic", size: 99, width: 3, leading: null})); true`)
	if got, want := first("/article/"+sampleID), (look{Theme: "auto", Font: "serif", Size: "4"}); got.Theme != want.Theme || got.Font != want.Font || got.Size != want.Size {
		t.Errorf("a tampered entry gave %+v, want the defaults %+v", got, want)
	}
	tb.assertClean()
}

// takeoverProbe records, from the first script of each page, every layout shift (CLS, as Chromium
// reports it).
const takeoverProbe = `(() => {
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({type: "layout-shift", buffered: true});
})()`

// TestE2ETakeoverKeepsThePage loads the library, which app.wasm takes over (the reader of an
// article the server has no longer loads it: TestE2EPagesByKind), and measures the takeover, which
// replaces the prerendered DOM: the page's cumulative layout shift stays under 0.1, without and
// with the service worker.
func TestE2ETakeoverKeepsThePage(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.onNewDocument(takeoverProbe)
	check := func(name, path string) {
		t.Helper()
		tb.open(path)
		tb.waitWasm()
		tb.waitFor(name+": the samples after app.wasm", `document.querySelectorAll("#samples .card").length > 0`)
		cls := eval[float64](tb, `new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(window.__cls))))`)
		if cls >= 0.1 {
			t.Errorf("%s: cumulative layout shift %.3f, want below 0.1", name, cls)
		}
		t.Logf("%s: CLS %.4f", name, cls)
	}
	check("first visit", "/")
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)
	check("through the worker", "/")
	tb.assertClean()
}

// pageLayout reads what a reader sees of the page's main column: its text, and the position of its
// headline, of every highlighted quotation, of the library's cards and of the buttons.
const pageLayout = `(() => {
  const box = e => { const r = e.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(","); };
  const main = document.querySelector("main .article") || document.querySelector("main");
  return {
    text: main ? main.innerText : "",
    boxes: [document.querySelector("main h1"), ...document.querySelectorAll("main mark[data-quote-id]"), ...document.querySelectorAll("main .card"), ...document.querySelectorAll("main .button, .toolbar button")]
      .filter(Boolean).map(e => (e.id || e.tagName) + "@" + box(e)),
  };
})()`

// layout is what pageLayout reads.
type layout struct {
	Text  string
	Boxes []string
}

// topmost is true when the element matched by the selector is the topmost at its own centre: no
// loader or banner covers it.
const topmost = `(() => { const e = document.querySelector(%q); const r = e.getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + Math.min(r.width, innerWidth) / 2, r.y + r.height / 2); return !!hit && e.contains(hit); })()`

// TestE2EPagesReadableWhileWasmLoads blocks every *.wasm request. The reader of an article the
// server has loads none anyway: it is on screen and uncovered, with no go-app loader at all, and its
// text has no space that go-app's HTML writer adds around a highlighted quote. The library, which
// boots app.wasm, stays readable when it never arrives: its cards are uncovered, and go-app's loader
// is a small line that says what happened and hides no text. Then, with app.wasm, the library it
// builds is the prerendered one: the same text at the same places (no layout shift at the takeover).
func TestE2EPagesReadableWhileWasmLoads(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.blockWasm()

	tb.open("/article/" + sampleID)
	tb.waitFor("the article's load event", `document.readyState === "complete"`)
	for _, sel := range []string{"main h1", "main mark[data-quote-id]", "main .article-body p"} {
		if !eval[bool](tb, fmt.Sprintf(topmost, sel)) {
			t.Errorf("the article's %s is covered", sel)
		}
	}
	if eval[bool](tb, `!!document.getElementById("app-wasm-loader") || !!document.querySelector('link[href="/app.css"]')`) {
		t.Errorf("the article page has go-app's loader or app.css")
	}
	if text := eval[layout](tb, pageLayout).Text; strings.Contains(text, "“ ") || strings.Contains(text, " ”") || !strings.Contains(text, "“") {
		t.Errorf("the prerendered article has spaces inside its quotation marks, or no quotation: %.200q", text)
	}

	tb.open("/")
	// app.js reports the blocked fetch in the loader's line: the page has given up on app.wasm.
	tb.waitFor("app.js to give up on app.wasm", `(() => { const l = document.getElementById("app-wasm-loader-label"); return !!l && !l.textContent.startsWith("Loading"); })()`)
	if got := eval[string](tb, `document.getElementById("app-wasm-loader-label").textContent`); !strings.Contains(got, "could not load") || !strings.Contains(got, "Reload to try again") {
		t.Errorf("when app.wasm cannot load, the loader says %q", got)
	}
	for _, sel := range []string{"main h1", "main .card h3", "main .card-counts", "#import-action"} {
		if !eval[bool](tb, fmt.Sprintf(topmost, sel)) {
			t.Errorf("the library's %s is covered while app.wasm is missing", sel)
		}
	}
	loader := eval[[]float64](tb, `(() => { const r = document.getElementById("app-wasm-loader").getBoundingClientRect(); return [r.width * r.height, innerWidth * innerHeight]; })()`)
	if loader[0] > loader[1]/20 {
		t.Errorf("go-app's loader covers %.0f of the window's %.0f square pixels, want at most a twentieth", loader[0], loader[1])
	}
	if n := eval[int](tb, `document.querySelectorAll('link[href="/app.css"]').length`); n != 0 {
		t.Errorf("the page links go-app's app.css %d times", n)
	}

	tb.open("/?wasm=false")
	before := eval[layout](tb, pageLayout)
	if _, err := chromedp.Call(tb.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{}); err != nil {
		t.Fatal(err)
	}
	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the samples after app.wasm", `document.querySelectorAll("#samples .card").length > 0`)
	after := eval[layout](tb, pageLayout)
	sameLayout(t, "the library when app.wasm takes over", before, after, 4)
}

// sameLayout fails unless two readings of pageLayout, the prerendered page's and app.wasm's, have
// the same text and the same boxes at the same places, and at least min boxes to compare.
func sameLayout(t *testing.T, what string, prerendered, wasm layout, min int) {
	t.Helper()
	if prerendered.Text != wasm.Text {
		t.Errorf("%s: the text differs:\nprerendered: %.300q\napp.wasm:    %.300q", what, prerendered.Text, wasm.Text)
	}
	if strings.Join(prerendered.Boxes, " ") != strings.Join(wasm.Boxes, " ") {
		t.Errorf("%s: the layout differs:\nprerendered: %v\napp.wasm:    %v", what, prerendered.Boxes, wasm.Boxes)
	}
	if len(prerendered.Boxes) < min {
		t.Errorf("%s: only %d boxes compared: %v", what, len(prerendered.Boxes), prerendered.Boxes)
	}
}

// TestE2EInAppReaderMatchesTheServerPage opens the sample from the library, where go-app's router
// renders the reader in the page app.wasm runs, and compares it with the server's page of the same
// article: the markup comes from the same Go components both ways, so the reader sees the same text
// at the same places.
func TestE2EInAppReaderMatchesTheServerPage(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.open("/article/" + sampleID)
	tb.waitFor("the article's load event", `document.readyState === "complete"`)
	server := eval[layout](tb, pageLayout)

	tb.open("/")
	tb.waitWasm()
	link := fmt.Sprintf(`#samples .card a[href="/article/%s"]`, sampleID)
	tb.waitFor("the sample's card", fmt.Sprintf(`!!document.querySelector(%q)`, link))
	tb.click(link)
	tb.waitFor("the reader rendered by app.wasm", fmt.Sprintf(`location.pathname === "/article/%s" && document.querySelectorAll("main mark[data-quote-id]").length > 0 && !document.querySelector('[aria-busy="true"]')`, sampleID))
	if !eval[bool](tb, `document.documentElement.dataset.app === "wasm"`) {
		t.Fatalf("the reader was not rendered by app.wasm (a page load, not an in-app navigation)")
	}
	sameLayout(t, "the reader in the app against the server's page", server, eval[layout](tb, pageLayout), 5)
	tb.assertClean()
}
