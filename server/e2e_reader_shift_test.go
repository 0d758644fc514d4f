package server

import (
	"fmt"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestE2EDeepLinkFocusedByReaderJS opens /article/{id}#q3 with the page's scripts and no app.wasm
// (the page without scripts is TestE2EDeepLinkWithoutScripts): reader.js focuses the quote and
// marks it current, and once n moves on, the quote the page was opened at is no longer outlined
// (:target stays with it, so it counts only while no quote is current).
func TestE2EDeepLinkFocusedByReaderJS(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.blockWasm()
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

// readerShiftProbe records, from the first script of each page, every layout shift (CLS, as
// Chromium reports it) and whether the reader's loading line was ever inserted into the document.
const readerShiftProbe = `(() => {
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
	tb.onNewDocument(readerShiftProbe)
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
	tb.click("#import-submit")
	tb.waitFor("the import to open in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("[data-reader][data-imported] mark[data-quote-id]").length > 0`)
	imported := eval[string](tb, `location.pathname`)
	tb.expectErrorsFor(imported) // the server's 404: it does not have the article
	tb.do(chromedp.Navigate("about:blank"))
	check("an imported article", imported, true)
	tb.assertClean()
}

// articleLayout reads what a reader sees of the article: the text of the main column, and the
// position in the document of the headline, of every highlighted quotation and of the toolbar's
