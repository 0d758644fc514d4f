package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// inView is true when the element matched by the selector is on screen.
const inView = `(() => { const e = document.querySelector(%q); if (!e) return false;
  const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })()`

// TestE2EDeepLinkBeforeWasm opens /article/{id}#q3 in the prerendered page (app.wasm disabled with
// go-app's ?wasm=false): the browser scrolls to the quote's first mark, which carries id="q3", and
// CSS :target outlines it. Then the same link with app.wasm: the quote is focused, on screen and
// outlined (.current), after the takeover.
func TestE2EDeepLinkBeforeWasm(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())

	tb.open("/article/" + sampleID + "?wasm=false#q3")
	tb.waitFor("the browser to target q3", `(() => { const e = document.querySelector(":target"); return !!e && e.tagName === "MARK" && e.dataset.quoteId === "q3"; })()`)
	if eval[bool](tb, `document.documentElement.dataset.app === "wasm"`) {
		t.Fatalf("app.wasm ran with ?wasm=false: this is not the prerendered page")
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

	tb.open("/")
	tb.open("/article/" + sampleID + "#q3")
	tb.waitWasm()
	tb.waitFor("the deep link to focus q3 after app.wasm", `document.activeElement && document.activeElement.id === "q3" && document.activeElement.classList.contains("current")`)
	tb.waitFor("the focused quote on screen", fmt.Sprintf(inView, "#q3"))
	if got := eval[string](tb, `getComputedStyle(document.getElementById("q3")).outlineStyle`); got != "solid" {
		t.Errorf("the deep-linked quote's outline after app.wasm is %q, want solid", got)
	}
	tb.assertClean()
}

// TestE2EThemeBeforeWasm chooses the dark theme, a font and a size, then reloads with app.wasm
// disabled: web/theme.js applies them to the prerendered page, so the dark background is there
// without the wasm (no light flash). A tampered entry falls back to the defaults.
func TestE2EThemeBeforeWasm(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.chooseSettings("dark", "sans")

	type look struct {
		App, Theme, Font, Size, Background string
	}
	const read = `({app: document.documentElement.dataset.app || "", theme: document.documentElement.dataset.theme || "",
	  font: document.documentElement.dataset.font || "", size: document.documentElement.dataset.size || "",
	  background: getComputedStyle(document.body).backgroundColor})`
	tb.open("/article/" + sampleID + "?wasm=false")
	got := eval[look](tb, read)
	if want := (look{Theme: "dark", Font: "sans", Size: "5", Background: "rgb(18, 18, 18)"}); got != want {
		t.Errorf("the prerendered page after choosing dark: %+v, want %+v", got, want)
	}
	tb.open("/?wasm=false")
	if got := eval[look](tb, read); got.Theme != "dark" || got.Background != "rgb(18, 18, 18)" {
		t.Errorf("the prerendered library: %+v, want the dark theme", got)
	}

	eval[bool](tb, `localStorage.setItem("verbatim.settings", JSON.stringify({theme: "<b>", font: "comic", size: 99, width: 3, leading: null})); true`)
	tb.open("/article/" + sampleID + "?wasm=false")
	if got, want := eval[look](tb, read), (look{Theme: "auto", Font: "serif", Size: "4"}); got.Theme != want.Theme || got.Font != want.Font || got.Size != want.Size {
		t.Errorf("a tampered entry gave %+v, want the defaults %+v", got, want)
	}
	tb.assertClean()
}

// takeoverProbe records, from the first script of each page, every layout shift (CLS, as Chromium
// reports it) and whether the reader's loading line was ever inserted into the document.
const takeoverProbe = `(() => {
  window.__cls = 0;
  window.__loadingShown = false;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({type: "layout-shift", buffered: true});
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes)
      if ((n.textContent || "").includes("Loading the article")) window.__loadingShown = true;
  }).observe(document, {childList: true, subtree: true});
})()`

// TestE2ETakeoverKeepsTheArticle loads the reader and measures app.wasm's takeover, which replaces
// the prerendered DOM: the reader never shows its loading line (the wasm loads the article before
// go-app mounts the page), and the page's cumulative layout shift stays under 0.1, without and with
// the service worker.
func TestE2ETakeoverKeepsTheArticle(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.onNewDocument(takeoverProbe)
	check := func(name, path string) {
		t.Helper()
		tb.open(path)
		tb.waitWasm()
		tb.waitFor(name+": the article after app.wasm", `document.querySelectorAll("mark[data-quote-id]").length > 0`)
		got := eval[struct {
			CLS     float64 `json:"cls"`
			Shown   bool    `json:"shown"`
			Remains bool    `json:"remains"`
		}](tb, `new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok({cls: window.__cls, shown: window.__loadingShown, remains: document.body.textContent.includes("Loading the article")}))))`)
		if got.Shown || got.Remains {
			t.Errorf("%s: the loading line was shown (%v) or remains (%v)", name, got.Shown, got.Remains)
		}
		if got.CLS >= 0.1 {
			t.Errorf("%s: cumulative layout shift %.3f, want below 0.1", name, got.CLS)
		}
		t.Logf("%s: CLS %.4f", name, got.CLS)
	}
	check("first visit", "/article/"+sampleID)
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)
	check("through the worker", "/article/"+sampleID)
	check("embed", "/embed/"+sampleID)
	tb.assertClean()
}

// articleLayout reads what a reader sees of the article: the text of the main column, and the
// position of the headline, of every highlighted quotation and of the toolbar's buttons.
const articleLayout = `(() => {
  const box = e => { const r = e.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(","); };
  const main = document.querySelector("main .article");
  return {
    text: main ? main.innerText : "",
    boxes: [document.querySelector("main h1"), ...document.querySelectorAll("main mark[data-quote-id]"), ...document.querySelectorAll(".toolbar button")]
      .filter(Boolean).map(e => (e.id || e.tagName) + "@" + box(e)),
  };
})()`

// TestE2EArticleReadableWhileWasmLoads opens an article whose app.wasm never arrives (the request
// is blocked): the prerendered article must be on screen and uncovered, the headline and a quote
// being the topmost elements at their own centres, and go-app's loader a small line that hides no
// text. Then it compares the prerendered page with the page app.wasm builds: the same text (no
// spaces that go-app's HTML writer adds around a highlighted quote) at the same places (no layout
// shift when app.wasm takes over).
func TestE2EArticleReadableWhileWasmLoads(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	if _, err := chromedp.Call(tb.ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
		URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/*.wasm", Block: true}},
	}); err != nil {
		t.Fatal(err)
	}
	tb.expectErrorsFor(".wasm")
	tb.expectErrorsFor("loading wasm failed")
	tb.open("/article/" + sampleID)
	// app.js reports the blocked fetch in the loader's line: the page has given up on app.wasm.
	tb.waitFor("app.js to give up on app.wasm", `(() => { const l = document.getElementById("app-wasm-loader-label"); return !!l && !l.textContent.startsWith("Loading"); })()`)
	if got := eval[string](tb, `document.getElementById("app-wasm-loader-label").textContent`); !strings.Contains(got, "The article is all here") {
		t.Errorf("when app.wasm cannot load, the loader says %q", got)
	}
	const topmost = `(() => { const e = document.querySelector(%q); const r = e.getBoundingClientRect();
	  const hit = document.elementFromPoint(r.x + Math.min(r.width, innerWidth) / 2, r.y + r.height / 2); return !!hit && e.contains(hit); })()`
	for _, sel := range []string{"main h1", "main mark[data-quote-id]", "main .article-body p"} {
		if !eval[bool](tb, fmt.Sprintf(topmost, sel)) {
			t.Errorf("%s is covered while app.wasm is missing", sel)
		}
	}
	loader := eval[[]float64](tb, `(() => { const r = document.getElementById("app-wasm-loader").getBoundingClientRect(); return [r.width * r.height, innerWidth * innerHeight]; })()`)
	if loader[0] > loader[1]/20 {
		t.Errorf("go-app's loader covers %.0f of the window's %.0f square pixels, want at most a twentieth", loader[0], loader[1])
	}
	if n := eval[int](tb, `document.querySelectorAll('link[href="/app.css"]').length`); n != 0 {
		t.Errorf("the page links go-app's app.css %d times", n)
	}

	type layout struct {
		Text  string
		Boxes []string
	}
	tb.open("/article/" + sampleID + "?wasm=false")
	before := eval[layout](tb, articleLayout)
	if strings.Contains(before.Text, "“ ") || strings.Contains(before.Text, " ”") {
		t.Errorf("the prerendered article has spaces inside its quotation marks: %.200q", before.Text)
	}
	if _, err := chromedp.Call(tb.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{}); err != nil {
		t.Fatal(err)
	}
	tb.open("/article/" + sampleID)
	tb.waitWasm()
	tb.waitFor("the article after app.wasm", `document.querySelectorAll("main mark[data-quote-id]").length > 0`)
	after := eval[layout](tb, articleLayout)
	if before.Text != after.Text {
		t.Errorf("the article's text changes when app.wasm takes over:\nprerendered: %.300q\napp.wasm:    %.300q", before.Text, after.Text)
	}
	if strings.Join(before.Boxes, " ") != strings.Join(after.Boxes, " ") {
		t.Errorf("the article moves when app.wasm takes over:\nprerendered: %v\napp.wasm:    %v", before.Boxes, after.Boxes)
	}
	if len(before.Boxes) < 5 {
		t.Errorf("only %d boxes compared: %v", len(before.Boxes), before.Boxes)
	}
	// The page preloads the article's JSON beside app.wasm, and app.wasm's fetch takes the preload:
	// the JSON is fetched once (a preload left unused would be a second request, and a warning).
	if got := eval[[]string](tb, `performance.getEntriesByType("resource").filter(e => e.name.endsWith("/articles/`+sampleID+`.json")).map(e => e.initiatorType)`); strings.Join(got, " ") != "link" {
		t.Errorf("the article's JSON was fetched by %v, want once, by the preload link (app.wasm taking it)", got)
	}
	tb.mu.Lock()
	for _, m := range tb.console {
		if strings.Contains(m.Text, "preload") {
			t.Errorf("console %s: %s", m.Type, m.Text)
		}
	}
	tb.mu.Unlock()
}
