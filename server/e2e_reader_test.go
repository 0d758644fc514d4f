package server

// The reader in headless Chromium with no wasm (issue 13): every *.wasm request is blocked, and
// web/page/reader.js alone gives the server's prerendered page its behaviour, on /article/{id} and
// in an /embed/{id} frame on a partner's page. Then the same script on a reader app.wasm renders
// (the library, then a link followed inside the app).

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"verbatim/article/model"
	"verbatim/components"
)

const sampleID = "zakaria-peskov"

func speakerNamed(a *model.Article, name string) model.Speaker {
	for _, s := range a.Speakers {
		if s.Name == name {
			return s
		}
	}
	return model.Speaker{}
}

// readerView is one reader on screen, in a page or in a frame (ctx), with its article; the clipboard
// is read on the tab's page, which a frame's copy writes too.
type readerView struct {
	t     *testing.T
	tb    *tab
	ctx   context.Context
	a     *model.Article
	embed bool
}

func (v readerView) eval(expr string) string { v.t.Helper(); return evalIn[string](v.t, v.ctx, expr) }

func (v readerView) wait(what, cond string) { v.t.Helper(); pollIn(v.t, v.ctx, what, cond) }

func (v readerView) key(k string) {
	v.t.Helper()
	if _, err := chromedp.Run(v.ctx, chromedp.KeyEvent(k)); err != nil {
		v.t.Fatalf("pressing %q: %v", k, err)
	}
}

// settled is true once the page has not scrolled for a few frames: n, p and deep links scroll
// smoothly (verbatim.css), and a click lands where its target was when the click began.
const settled = `new Promise((ok) => { let y = scrollY, still = 0;
  const f = () => requestAnimationFrame(() => { still = scrollY === y ? still + 1 : 0; y = scrollY; if (still >= 3) ok(true); else f(); }); f(); })`

func (v readerView) click(sel string) {
	v.t.Helper()
	v.wait("the page to stop scrolling", settled)
	ctx, cancel := context.WithTimeout(v.ctx, browserWait)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		v.t.Fatalf("clicking %s: %v", sel, err)
	}
}

// blur takes the focus off any element, as a reader who clicked the page's background.
func (v readerView) blur() {
	v.t.Helper()
	evalIn[bool](v.t, v.ctx, `(document.activeElement && document.activeElement.blur(), true)`)
}

// focused waits until quote q's first mark has the focus and is the current quote (and, when hash
// is set, the URL's fragment): the only quote marked current, and on screen.
func (v readerView) focused(what string, q model.Quote, hash bool) {
	v.t.Helper()
	frag := model.QuoteFragment(q.ID)
	cond := fmt.Sprintf(`(() => { const e = document.activeElement; if (!e || e.id !== %q || !e.classList.contains("current")) return false;
	  const r = e.getBoundingClientRect(); if (r.bottom <= 0 || r.top >= innerHeight) return false;
	  return [...document.querySelectorAll("mark.current")].every((m) => m.dataset.quoteId === e.dataset.quoteId); })()`, frag)
	if hash {
		cond += fmt.Sprintf(` && location.hash === "#%s"`, frag)
	}
	v.wait(what, cond)
}

// copied waits for the reader to say it copied, then checks the clipboard holds q's citation.
func (v readerView) copied(what string, q model.Quote) {
	v.t.Helper()
	v.wait(what+": the reader to say it copied", `document.querySelector("[data-status]").textContent.startsWith("Copied: ")`)
	want := components.Citation(v.a, q)
	if got := eval[string](v.tb, `window.focus(), navigator.clipboard.readText()`); got != want {
		v.t.Errorf("%s: the clipboard holds %q, want %q", what, got, want)
	}
	evalIn[bool](v.t, v.ctx, `(document.querySelector("[data-status]").textContent = "", true)`)
}

// checkReading drives every reading feature of the reader in v from the keyboard and the mouse,
// with the article as the server prerendered it: highlights, the keys, the shortcuts dialog, the
// legend's filter with n and p in it, copy with citation (through the clipboard API, and through
// the selection when the API refuses), and, outside embeds, the quote panel's links and copy
// buttons and keys left to form fields.
func checkReading(v readerView) {
	v.t.Helper()
	a := v.a
	peskov := speakerNamed(a, "Dmitry Peskov")
	var his []model.Quote
	for _, q := range a.Quotes {
		if q.SpeakerID == peskov.ID {
			his = append(his, q)
		}
	}
	if len(a.Quotes) < 5 || len(his) < 2 || len(his) == len(a.Quotes) {
		v.t.Fatalf("the sample has %d quotes, %d of them Dmitry Peskov's: too few for these checks", len(a.Quotes), len(his))
	}
	v.tb.grantClipboard()
	v.click("h1") // the page (or the frame) has the focus, as a reader's

	// Highlights: h and the button hide and show them; aria-pressed says they are shown.
	highlights := `document.documentElement.dataset.highlights !== "off" && document.querySelector('[data-action="highlights"]').getAttribute("aria-pressed") === "true" && getComputedStyle(document.querySelector("mark.quote")).backgroundColor !== "rgba(0, 0, 0, 0)"`
	hidden := `document.documentElement.dataset.highlights === "off" && document.querySelector('[data-action="highlights"]').getAttribute("aria-pressed") === "false" && getComputedStyle(document.querySelector("mark.quote")).backgroundColor === "rgba(0, 0, 0, 0)"`
	v.wait("the highlights at first", highlights)
	v.blur()
	v.key("h")
	v.wait("h to hide the highlights", hidden+` && document.querySelector("[data-status]").textContent === "Highlights hidden."`)
	v.key("h")
	v.wait("h to show the highlights", highlights)
	v.click(`[data-action="highlights"]`)
	v.wait("the button to hide the highlights", hidden)
	v.click(`[data-action="highlights"]`)
	v.wait("the button to show the highlights", highlights)

	// n and p move through the quotes, and write the hash without a history entry.
	history := v.eval(`String(history.length)`)
	v.blur()
	v.key("n")
	v.focused("n to the first quote", a.Quotes[0], true)
	v.key("n")
	v.focused("n to the second quote", a.Quotes[1], true)
	v.key("p")
	v.focused("p back to the first quote", a.Quotes[0], true)
	v.key("p")
	v.focused("p round to the last quote", a.Quotes[len(a.Quotes)-1], true)
	v.key("n")
	v.focused("n round to the first quote", a.Quotes[0], true)
	if got := v.eval(`String(history.length)`); got != history {
		v.t.Errorf("n and p added history entries: %s, then %s", history, got)
	}

	// ? opens the shortcuts dialog and focuses its close button; Escape closes it.
	dialogOpen := `!document.getElementById("shortcuts").hidden && document.activeElement.dataset.action === "shortcuts-close"`
	v.key("?")
	v.wait("? to open the shortcuts", dialogOpen)
	v.key(kb.Escape)
	v.wait("Escape to close the shortcuts", `document.getElementById("shortcuts").hidden`)
	if !v.embed {
		v.wait("the shortcuts button to have the focus back", `document.activeElement.dataset.action === "shortcuts" && document.activeElement.getAttribute("aria-expanded") === "false"`)
		v.click(`[data-action="shortcuts"]`)
		v.wait("the button to open the shortcuts", dialogOpen+` && document.querySelector('[data-action="shortcuts"]').getAttribute("aria-expanded") === "true"`)
		v.click(`[data-action="shortcuts-close"]`)
		v.wait("the close button to close the shortcuts", `document.getElementById("shortcuts").hidden && document.activeElement.dataset.action === "shortcuts"`)
	}

	// The legend: choosing Peskov dims every other speaker's quotes (in the text and the panel) and
	// none of his, and n and p move through his quotes only.
	v.click(fmt.Sprintf(`[data-speaker-filter=%q]`, peskov.ID))
	v.wait("the filter", fmt.Sprintf(`document.querySelector('[data-speaker-filter=%q]').getAttribute("aria-pressed") === "true" && document.querySelector('[data-speaker-filter=""]').getAttribute("aria-pressed") === "false"`, peskov.ID))
	if n := v.eval(fmt.Sprintf(`String(document.querySelectorAll('mark.dim[data-speaker-id=%q]').length)`, peskov.ID)); n != "0" {
		v.t.Errorf("%s of Peskov's marks are dimmed", n)
	}
	if n := v.eval(fmt.Sprintf(`String(document.querySelectorAll('mark:not(.dim):not([data-speaker-id=%q])').length)`, peskov.ID)); n != "0" {
		v.t.Errorf("%s marks of other speakers are not dimmed", n)
	}
	if !v.embed {
		if got, want := v.eval(`String(document.querySelectorAll(".panel-quote.dim").length)`), fmt.Sprint(len(a.Quotes)-len(his)); got != want {
			v.t.Errorf("%s quote panel items are dimmed, want %s", got, want)
		}
	}
	v.blur()
	v.key("n")
	v.focused("n to Peskov's first quote", his[0], true)
	v.key("n")
	v.focused("n to Peskov's second quote", his[1], true)
	v.key("p")
	v.focused("p back to Peskov's first quote", his[0], true)

	// Copy quote: the current quote, with its citation.
	v.click(`[data-action="copy"]:not([data-quote-id])`)
	v.copied("Copy quote", his[0])
	v.click(`[data-speaker-filter=""]`)
	v.wait("the filter to clear", `document.querySelectorAll(".dim").length === 0 && document.querySelector('[data-speaker-filter=""]').getAttribute("aria-pressed") === "true"`)

	if !v.embed {
		// The quote panel: its link focuses the quote and writes the hash, its copy button copies it.
		q := a.Quotes[3]
		v.click(fmt.Sprintf(`.panel-go[href="#%s"]`, model.QuoteFragment(q.ID)))
		v.focused("the panel's link", q, true)
		if got := v.eval(`String(history.length)`); got != history {
			v.t.Errorf("the panel's link added a history entry: %s, then %s", history, got)
		}
		v.click(fmt.Sprintf(`.panel-copy[data-quote-id=%q]`, q.ID))
		v.copied("the panel's copy button", q)

		// Keys typed into a form field are the field's.
		evalIn[bool](v.t, v.ctx, `(document.querySelector(".controls").open = true, document.querySelector('select[data-setting="theme"]').focus(), true)`)
		v.key("n")
		v.key("h")
		if got := v.eval(`document.activeElement.tagName + " " + location.hash + " " + (document.documentElement.dataset.highlights || "")`); got != "SELECT #"+model.QuoteFragment(q.ID)+" " {
			v.t.Errorf("n and h in a select: focus, hash and highlights are %q", got)
		}
		evalIn[bool](v.t, v.ctx, `(document.querySelector(".controls").open = false, true)`)
	}

	// Copy through the selection when the clipboard API refuses (as it does in an unfocused frame,
	// or a partner's frame without the permission).
	q := a.Quotes[4]
	if q.ID == his[0].ID {
		q = a.Quotes[5]
	}
	evalIn[bool](v.t, v.ctx, fmt.Sprintf(`(location.hash = "#%s", true)`, model.QuoteFragment(q.ID)))
	v.focused("a new hash", q, true)
	evalIn[bool](v.t, v.ctx, `(navigator.clipboard.writeText = () => Promise.reject(new DOMException("Document is not focused.", "NotAllowedError")), true)`)
	v.click(`[data-action="copy"]:not([data-quote-id])`)
	v.copied("Copy quote through the selection", q)
}

// TestE2EReaderWithoutWasm reads the sample on /article/{id} with every *.wasm request blocked:
// each reading feature works (checkReading), a deep link #q3 opens the page at its quote and a
// changed hash moves to another, and the page never runs app.wasm.
func TestE2EReaderWithoutWasm(t *testing.T) {
	s := e2eServer(t)
	a := fetchArticle(t, s.URL(), sampleID)
	tb := newTab(t, s.URL())
	tb.blockWasm()
	tb.open("/article/" + sampleID)
	tb.waitFor("the reader script", `!!window.verbatimReader && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	v := readerView{t: t, tb: tb, ctx: tb.ctx, a: a}
	checkReading(v)

	// A deep link opens the page at its quote; a new hash moves to another.
	tb.do(chromedp.Navigate("about:blank"))
	tb.open("/article/" + sampleID + "#" + model.QuoteFragment(a.Quotes[2].ID))
	v.focused("the deep link", a.Quotes[2], true)
	eval[bool](tb, fmt.Sprintf(`(location.hash = "#%s", true)`, model.QuoteFragment(a.Quotes[5].ID)))
	v.focused("the hash change", a.Quotes[5], true)

	if eval[bool](tb, `document.documentElement.dataset.app === "wasm"`) {
		t.Errorf("app.wasm ran, though every *.wasm request was blocked")
	}
	tb.assertClean()
}

// TestE2EEmbedWithoutWasm reads the sample in two /embed/{id} frames on a partner's page (another
// site), with every *.wasm request blocked: one plain (but for dnt=1), where each reading feature works
// (checkReading); one opened at #q3 with ?theme=dark, which has its dark theme from the first paint,
// its quote focused, and follows a new hash. The second is as short as a partner's frame (420 px), so
// its deep links reach blocks not yet laid out (content-visibility). Neither frame writes to storage.
func TestE2EEmbedWithoutWasm(t *testing.T) {
	partnerLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	partnerOrigin := fmt.Sprintf("http://localhost:%d", partnerLn.Addr().(*net.TCPAddr).Port)
	reader := startE2EServer(t, Config{Partners: []string{partnerOrigin}}).URL()
	a := fetchArticle(t, reader, sampleID)
	q3 := model.QuoteFragment(a.Quotes[2].ID)
	frame := func(id string, height int, query string) string {
		return fmt.Sprintf(`<iframe id=%q title="An article with its quotes" allow="clipboard-write" width="900" height="%d" src="%s/embed/%s%s"></iframe>`, id, height, reader, sampleID, query)
	}
	partner := &http.Server{Handler: staticPage(`<!DOCTYPE html><html><head><title>Partner news</title></head><body>
<h1>Partner news</h1>` + frame("plain", 1600, "?dnt=1") + frame("deep", 420, "?theme=dark#"+q3) + `</body></html>`), ReadHeaderTimeout: 5 * time.Second}
	go partner.Serve(partnerLn)
	t.Cleanup(func() { partner.Close() })

	tb := newTab(t, partnerOrigin, tallWindow)
	tb.blockWasm()
	tb.grantClipboard(reader, partnerOrigin)
	tb.open("/")

	deep := frameContext(t, tb.ctx, reader+"/embed/"+sampleID+"?theme=dark")
	dv := readerView{t: t, tb: tb, ctx: deep, a: a, embed: true}
	dv.wait("the deep-linked frame's reader", `!!window.verbatimReader`)
	dv.focused("the deep link in the frame", a.Quotes[2], true)
	if got := dv.eval(`document.documentElement.dataset.theme + " " + getComputedStyle(document.body).backgroundColor`); got != "dark rgb(18, 18, 18)" {
		t.Errorf("the frame that asked for the dark theme has %q", got)
	}
	evalIn[bool](t, deep, fmt.Sprintf(`(location.hash = "#%s", true)`, model.QuoteFragment(a.Quotes[len(a.Quotes)-1].ID)))
	dv.focused("the hash change in the frame", a.Quotes[len(a.Quotes)-1], true)

	plain := frameContext(t, tb.ctx, reader+"/embed/"+sampleID+"?dnt=1")
	pv := readerView{t: t, tb: tb, ctx: plain, a: a, embed: true}
	pv.wait("the plain frame's reader", `!!window.verbatimReader && !document.documentElement.hasAttribute("data-theme")`)
	if n := evalIn[int](t, plain, `document.querySelectorAll(".quote-panel, .controls, [data-action=save], [data-action=shortcuts], .reading-progress").length`); n != 0 {
		t.Errorf("the embed shows %d pieces of the app's chrome", n)
	}
	checkReading(pv)

	for name, ctx := range map[string]context.Context{"plain": plain, "deep": deep} {
		if got := evalIn[string](t, ctx, `localStorage.length + " " + sessionStorage.length + " " + document.documentElement.dataset.app`); got != "0 0 undefined" {
			t.Errorf("the %s frame: web storage items and data-app %q, want none", name, got)
		}
	}
	tb.assertClean()
}

// TestE2EEmbedReaderLoadsWhenUsed holds reader.js's response: an embed's page has no reader.js of
// its own (embed-frame.js loads it when the frame is first used or idle), h works without it
// (settings.js), and a click on the legend and the ? key that came before it ran are replayed once
// its reader has started, h not twice.
func TestE2EEmbedReaderLoadsWhenUsed(t *testing.T) {
	s := e2eServer(t)
	asked := make(chan struct{}, 8)
	release := make(chan struct{})
	port := serveLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/web/page/reader.js") {
			asked <- struct{}{}
			<-release
		}
		s.Handler().ServeHTTP(w, r)
	}))
	released := false
	defer func() {
		if !released {
			close(release)
		}
	}()
	tb := newTab(t, fmt.Sprintf("http://127.0.0.1:%d", port), tallWindow)
	tb.blockWasm()
	tb.open("/embed/" + sampleID)
	tb.waitFor("the embed, loaded", `document.readyState === "complete" && !!document.querySelector('[data-speaker-filter="s2"]')`)
	if eval[bool](tb, `!!window.verbatimReader || !!document.querySelector('script[src$="/reader.js"][defer]')`) {
		t.Fatalf("the embed ran or linked reader.js in its page")
	}

	tb.key("h")
	tb.waitFor("h, handled by settings.js", `document.documentElement.dataset.highlights === "off"`)
	tb.click(`[data-speaker-filter="s2"]`)
	tb.key("?")
	select {
	case <-asked:
	case <-time.After(30 * time.Second):
		t.Fatal("the embed never asked for reader.js")
	}
	if eval[bool](tb, `!!window.verbatimReader`) {
		t.Fatal("reader.js ran before its response")
	}
	close(release)
	released = true
	tb.waitFor("the reader, started", `!!window.verbatimReader`)
	tb.waitFor("the legend's click, replayed", `document.querySelector('[data-speaker-filter="s2"]').getAttribute("aria-pressed") === "true"`)
	tb.waitFor("the ? key, replayed", `!document.getElementById("shortcuts").hidden`)
	if got := eval[string](tb, `document.documentElement.dataset.highlights || "on"`); got != "off" {
		t.Errorf("after the replay the highlights are %s, want off: h is settings.js's until the reader starts, and not replayed", got)
	}
	tb.assertClean()
}

// settingsAtMain records the reading settings on <html>, and the page's background, once the main
// element is in the document: what the first paint shows, since the pages render no frame before
// it (the render-blocking link to #main). On the reader's page the settings script runs just
// before it, in the body. Being injected by DevTools, it runs before the page's own scripts.
const settingsAtMain = `new MutationObserver((records, obs) => {
  if (!document.getElementById("main")) return;
  obs.disconnect();
  const d = document.documentElement.dataset;
  window.__atMain = [d.theme, d.font, d.size, getComputedStyle(document.documentElement).backgroundColor].join(" ");
}).observe(document, {childList: true, subtree: true})`

// TestE2ESettingsWithoutWasm chooses the dark theme, a font and a larger size in the reader's
// settings with every *.wasm request blocked, and reloads: the settings are on <html> from the
// first paint (before the main element is parsed), the controls show them, and a tampered entry
// gives the defaults.
func TestE2ESettingsWithoutWasm(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.blockWasm()
	tb.onNewDocument(settingsAtMain)
	tb.chooseSettings("dark", "legible")

	tb.do(chromedp.Reload())
	tb.waitFor("the reader script", `!!window.verbatimReader`)
	if got := eval[string](tb, `window.__atMain`); got != "dark legible 5 rgb(18, 18, 18)" {
		t.Errorf("when the main element was first inserted after a reload: %q, want the dark theme, legible, size 5", got)
	}
	tb.waitFor("the controls to show the settings", `document.querySelector('select[data-setting="theme"]').value === "dark" && document.querySelector('select[data-setting="font"]').value === "legible" && document.querySelector('[data-setting="size"] output').textContent === "5"`)

	tb.open("/")
	if got := eval[string](tb, `window.__atMain`); got != "dark legible 5 rgb(18, 18, 18)" {
		t.Errorf("the library's first paint: %q, want the dark theme", got)
	}

	eval[bool](tb, `localStorage.setItem("verbatim.settings", JSON.stringify({theme: "<b>", font: "comic", size: 99, width: 3, leading: null})); true`)
	tb.open("/article/" + sampleID)
	if got := eval[string](tb, `window.__atMain.split(" ").slice(0, 3).join(" ")`); got != "auto serif 4" {
		t.Errorf("a tampered entry gave %q, want the defaults auto serif 4", got)
	}
	tb.assertClean()
}

// TestE2EReadingPositionWithoutWasm scrolls the reader with every *.wasm request blocked: the
// progress bar follows, and the position is remembered and restored on the next visit, unless the
// URL names a quote.
func TestE2EReadingPositionWithoutWasm(t *testing.T) {
	s := e2eServer(t)
	a := fetchArticle(t, s.URL(), sampleID)
	tb := newTab(t, s.URL())
	tb.blockWasm()
	tb.open("/article/" + sampleID)
	tb.waitFor("the reader script", `!!window.verbatimReader`)
	eval[bool](tb, `(window.scrollTo({top: (document.documentElement.scrollHeight - innerHeight) * 0.6, behavior: "instant"}), true)`)
	tb.waitFor("the progress bar to follow", `document.querySelector(".reading-progress").value >= 55`)
	tb.waitFor("the position to be remembered", `JSON.parse(localStorage.getItem("verbatim.positions")).some((p) => p.id === "`+sampleID+`" && p.pos > 0.5)`)

	tb.do(chromedp.Navigate("about:blank"))
	tb.open("/article/" + sampleID)
	tb.waitFor("the remembered position", `scrollY > (document.documentElement.scrollHeight - innerHeight) * 0.5 && document.querySelector(".reading-progress").value >= 50`)

	tb.do(chromedp.Navigate("about:blank"))
	tb.open("/article/" + sampleID + "#" + model.QuoteFragment(a.Quotes[0].ID))
	v := readerView{t: t, tb: tb, ctx: tb.ctx, a: a}
	v.focused("the deep link, not the remembered position", a.Quotes[0], true)
	// The arrival checks in its next frame that the quote is still in view (goTo); a scroll before
	// that frame would be undone, and its frame would find the percentage unchanged.
	v.wait("the deep link's arrival to settle", settled)

	// Only the 50 most recent articles are remembered, the newest last.
	eval[bool](tb, `(localStorage.setItem("verbatim.positions", JSON.stringify(Array.from({length: 50}, (_, i) => ({id: "old-" + i, pos: 0.5})))), true)`)
	eval[bool](tb, `(window.scrollTo({top: document.documentElement.scrollHeight, behavior: "instant"}), true)`)
	tb.waitFor("the position of this article to be remembered last", `(() => { const ps = JSON.parse(localStorage.getItem("verbatim.positions")); return ps.length === 50 && ps[49].id === "`+sampleID+`" && ps[0].id === "old-1"; })()`)
	tb.assertClean()
}

// TestE2EReaderRenderedByWasm follows a link from the library to the sample inside the app, so that
// app.wasm renders the reader: its marks are those of the prerendered page, and reader.js gives it
// the same behaviour (keys, the panel's link, the legend, highlights). Clicks on the reader's links
// stay out of go-app's router, which would add a history entry for the panel's fragment link.
func TestE2EReaderRenderedByWasm(t *testing.T) {
	s := e2eServer(t)
	a := fetchArticle(t, s.URL(), sampleID)
	tb := newTab(t, s.URL())
	tb.open("/article/" + sampleID)
	prerendered := tb.marks()
	if prerendered.Quotes != 10 || prerendered.Speakers != 2 || prerendered.Unmarked {
		t.Errorf("prerendered: %+v, want 10 quotes by 2 speakers, every mark with data-quote-id", prerendered)
	}

	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the library's cards", `document.querySelectorAll("#samples .card a").length > 0`)
	tb.click(`#samples .card a[href="/article/` + sampleID + `"]`)
	tb.waitFor("the reader app.wasm renders", `location.pathname === "/article/`+sampleID+`" && document.querySelectorAll("[data-reader] mark[data-quote-id]").length > 0`)
	if got := tb.marks(); got != prerendered {
		t.Errorf("rendered by app.wasm: %+v, want the prerendered %+v", got, prerendered)
	}
	if got := eval[string](tb, `document.querySelector('[data-action="highlights"]').getAttribute("aria-pressed") + " " + document.querySelector('[data-speaker-filter=""]').getAttribute("aria-pressed")`); got != "true true" {
		t.Errorf("the wasm-rendered reader's toggles say %q, want pressed", got)
	}

	v := readerView{t: t, tb: tb, ctx: tb.ctx, a: a}
	history := eval[int](tb, `history.length`)
	v.blur()
	v.key("n")
	v.focused("n in the wasm-rendered reader", a.Quotes[0], true)
	q := a.Quotes[3]
	v.click(fmt.Sprintf(`.panel-go[href="#%s"]`, model.QuoteFragment(q.ID)))
	v.focused("the panel's link in the wasm-rendered reader", q, true)
	if got := eval[int](tb, `history.length`); got != history {
		t.Errorf("the panel's link went through go-app's router: history.length %d, then %d", history, got)
	}
	v.key("h")
	v.wait("h in the wasm-rendered reader", `document.documentElement.dataset.highlights === "off"`)
	v.key("h")
	peskov := speakerNamed(a, "Dmitry Peskov")
	v.click(fmt.Sprintf(`[data-speaker-filter=%q]`, peskov.ID))
	v.wait("the legend in the wasm-rendered reader", fmt.Sprintf(`document.querySelectorAll('mark.dim[data-speaker-id=%q]').length === 0 && document.querySelectorAll("mark.dim").length > 0`, peskov.ID))

	// Back to the library and to the article again: a new arrival, with no filter left.
	tb.click(`.site-header a[href="/"]`)
	tb.waitFor("the library again", `location.pathname === "/" && document.querySelectorAll("#samples .card a").length > 0`)
	tb.click(`#samples .card a[href="/article/` + sampleID + `"]`)
	tb.waitFor("the reader again", `document.querySelectorAll("[data-reader] mark[data-quote-id]").length > 0 && document.querySelectorAll(".dim").length === 0`)
	tb.assertClean()
}

// TestE2EKeyboardFocus tabs through the reader without app.wasm: the legend and the quote panel are
// reachable from the keyboard, and every focused control shows a visible focus ring.
func TestE2EKeyboardFocus(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.blockWasm()
	tb.open("/article/" + sampleID)
	tb.waitFor("the reader script", `!!window.verbatimReader`)
	reached := map[string]bool{}
	for i := 0; i < 40; i++ {
		tb.key(kb.Tab)
		f := eval[struct {
			Class   string `json:"class"`
			Tag     string `json:"tag"`
			Outline string `json:"outline"`
		}](tb, `(() => { const e = document.activeElement; return {class: e.className, tag: e.tagName, outline: getComputedStyle(e).outlineStyle}; })()`)
		if f.Tag == "BODY" {
			continue
		}
		if f.Outline == "none" {
			t.Errorf("focused <%s class=%q> has no visible focus outline", f.Tag, f.Class)
		}
		for _, c := range []string{"skip-link", "legend-item", "panel-go", "panel-copy", "button"} {
			if strings.Contains(" "+f.Class+" ", " "+c+" ") {
				reached[c] = true
			}
		}
	}
	for _, c := range []string{"skip-link", "button", "legend-item", "panel-go", "panel-copy"} {
		if !reached[c] {
			t.Errorf("Tab never reached a .%s", c)
		}
	}
	tb.assertClean()
}
