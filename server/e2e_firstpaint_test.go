package server

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// inView is true when the element matched by the selector is on screen.
const inView = `(() => { const e = document.querySelector(%q); if (!e) return false;
  const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })()`

// TestE2EDeepLinkWithoutScript opens /article/{id}#q3 with JavaScript disabled: the browser
// scrolls to the quote's first mark, which carries id="q3", and CSS :target outlines it. Then the
// same link with the page's scripts (and no app.wasm): reader.js focuses the quote and marks it
// current, and once n moves on, the quote the page was opened at is no longer outlined (:target
// stays with it, so it counts only while no quote is current).
func TestE2EDeepLinkWithoutScript(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	refuseWasm(tb)
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tb.open("/article/" + sampleID + "#q3")
	tb.waitFor("the browser to target q3", `(() => { const e = document.querySelector(":target"); return !!e && e.tagName === "MARK" && e.dataset.quoteId === "q3"; })()`)
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
	if eval[bool](tb, `!!window.verbatimReader`) {
		t.Fatalf("reader.js ran with JavaScript disabled")
	}

	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	tb.do(chromedp.Navigate("about:blank"))
	tb.open("/article/" + sampleID + "#q3")
	tb.waitFor("reader.js to focus q3", `document.activeElement && document.activeElement.id === "q3" && document.activeElement.classList.contains("current")`)
	tb.waitFor("the focused quote on screen", fmt.Sprintf(inView, "#q3"))
	if got := eval[string](tb, `getComputedStyle(document.getElementById("q3")).outlineStyle`); got != "solid" {
		t.Errorf("the deep-linked quote's outline is %q, want solid", got)
	}
	tb.key("n")
	tb.waitFor("n to move to q4", `document.activeElement.id === "q4" && location.hash === "#q4"`)
	if got := eval[string](tb, `getComputedStyle(document.getElementById("q3")).outlineStyle + " " + !!document.querySelector("#q3:target")`); got != "none true" {
		t.Errorf("the quote the page was opened at, once n moved on: outline and :target %q, want none true", got)
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

// TestE2EReaderDoesNotShift loads the reader and measures its layout shifts: the server's page of
// an article (which boots no app.wasm, and which reader.js starts), its embed, and an imported
// article, which only this browser's store holds, so that app.wasm renders it over the server's
// 404 page. The reader never shows its loading line (app.wasm loads the article before go-app
// mounts the page: app.Preload), and the page's cumulative layout shift stays under 0.1.
func TestE2EReaderDoesNotShift(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.onNewDocument(takeoverProbe)
	check := func(name, path string, wasm bool) {
		t.Helper()
		tb.open(path)
		if wasm {
			tb.waitWasm()
		}
		tb.waitFor(name+": the reader", `!!window.verbatimReader && document.querySelectorAll("[data-reader] mark[data-quote-id]").length > 0`)
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
	check("the server's page", "/article/"+sampleID, false)
	check("embed", "/embed/"+sampleID, false)

	body, err := os.ReadFile("samples/" + sampleID + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	tb.open("/import")
	tb.waitWasm()
	tb.pasteImport(string(body), "text")
	tb.do(chromedp.Click(chromedp.ID("import-submit")))
	tb.waitFor("the import to open in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("[data-reader][data-imported] mark[data-quote-id]").length > 0`)
	imported := eval[string](tb, `location.pathname`)
	tb.expectErrorsFor(imported) // the server's 404: it does not have the article
	tb.do(chromedp.Navigate("about:blank"))
	check("an imported article", imported, true)
	tb.assertClean()
}

// articleLayout reads what a reader sees of the article: the text of the main column, and the
// position in the document of the headline, of every highlighted quotation and of the toolbar's
// buttons.
const articleLayout = `(() => {
  const box = e => { const r = e.getBoundingClientRect(); return [Math.round(r.x + scrollX), Math.round(r.y + scrollY), Math.round(r.width), Math.round(r.height)].join(","); };
  const main = document.querySelector("main .article");
  return {
    text: main ? main.innerText : "",
    boxes: [document.querySelector("main h1"), ...document.querySelectorAll("main mark[data-quote-id]"), ...document.querySelectorAll(".toolbar button")]
      .filter(Boolean).map(e => (e.id || e.tagName) + "@" + box(e)),
  };
})()`

// TestE2EArticleSameWithOrWithoutWasm opens the sample with every *.wasm request blocked: the
// prerendered article is on screen and uncovered, the headline and a quote being the topmost
// elements at their own centres. Then it compares that page with the reader app.wasm renders for
// the same article (a link followed from the library): the same text (no spaces that go-app's HTML
// writer adds around a highlighted quote) at the same places.
func TestE2EArticleSameWithOrWithoutWasm(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	refuseWasm(tb)
	tb.open("/article/" + sampleID)
	tb.waitFor("the reader script", `!!window.verbatimReader`)
	const topmost = `(() => { const e = document.querySelector(%q); const r = e.getBoundingClientRect();
	  const hit = document.elementFromPoint(r.x + Math.min(r.width, innerWidth) / 2, r.y + r.height / 2); return !!hit && e.contains(hit); })()`
	for _, sel := range []string{"main h1", "main mark[data-quote-id]", "main .article-body p"} {
		if !eval[bool](tb, fmt.Sprintf(topmost, sel)) {
			t.Errorf("%s is covered without app.wasm", sel)
		}
	}

	type layout struct {
		Text  string
		Boxes []string
	}
	before := eval[layout](tb, articleLayout)
	if strings.Contains(before.Text, "“ ") || strings.Contains(before.Text, " ”") {
		t.Errorf("the prerendered article has spaces inside its quotation marks: %.200q", before.Text)
	}

	wasm := newTab(t, s.URL())
	wasm.open("/")
	wasm.waitWasm()
	wasm.do(chromedp.Click(chromedp.CSS(`#samples .card a[href="/article/` + sampleID + `"]`)))
	wasm.waitFor("the reader app.wasm renders", `location.pathname === "/article/`+sampleID+`" && document.querySelectorAll("[data-reader] main mark[data-quote-id]").length > 0`)
	eval[bool](wasm, `document.fonts.ready.then(() => true)`)
	eval[bool](tb, `document.fonts.ready.then(() => true)`)
	after := eval[layout](wasm, articleLayout)
	before = eval[layout](tb, articleLayout)
	if before.Text != after.Text {
		t.Errorf("the article's text differs when app.wasm renders it:\nprerendered: %.300q\napp.wasm:    %.300q", before.Text, after.Text)
	}
	if strings.Join(before.Boxes, " ") != strings.Join(after.Boxes, " ") {
		t.Errorf("the article is laid out differently when app.wasm renders it:\nprerendered: %v\napp.wasm:    %v", before.Boxes, after.Boxes)
	}
	if len(before.Boxes) < 5 {
		t.Errorf("only %d boxes compared: %v", len(before.Boxes), before.Boxes)
	}
	tb.assertClean()
	wasm.assertClean()
}
