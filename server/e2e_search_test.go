package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// searchHits is the number of hits in a list of the search page: search-local (this browser) or
// search-server.
const searchHits = `document.querySelectorAll("#%s li.search-hit").length`

// hitIDs is the article ids of a list's hits, in order, joined by spaces.
const hitIDs = `[...document.querySelectorAll("#%s li.search-hit")].map((li) => li.dataset.articleId).join(" ")`

// searchStatus is the live region's text.
const searchStatus = `document.getElementById("search-status").textContent`

// scholzHTML is an import with a site, a date and a quotation by Olaf Scholz; peskovText one with
// quotations by Dmitri Peskov (a variant spelling) and none by Scholz.
const (
	scholzHTML = `<!doctype html><html><head><title>Scholz speaks</title><meta property="article:published_time" content="2024-03-01T10:00:00Z"><meta property="og:site_name" content="Spiegel"></head><body><article><h1>Scholz speaks on the ferry budget</h1><p>The chancellor spoke on Monday about the Straße to the harbour.</p><p>“We will fund the ferry,” Olaf Scholz said on Monday in Berlin.</p><p>Another paragraph about the budget and the harbour of Kiel.</p></article></body></html>`
	peskovText = "Kremlin Answers On Ferry\n\nThe Kremlin spokesman answered questions on Tuesday.\n\n“Russia has no plans for the ferry,” Dmitri Peskov said.\n\n“We will see,” Peskov added about the budget."
)

// TestE2ESearch imports two articles and saves a sample, then searches with the keyboard only: the
// words, then a speaker filter (a surname finds its full name's quotations), a site filter and a
// date range narrow the hits of this browser; a quotation's hit links to the quote in its article.
// The server's hits are there with app.wasm and without it (a plain GET form), and axe finds no
// violation. Then the server stops: the search still finds the imports and the saved article, and
// says that the server's library could not be searched.
func TestE2ESearch(t *testing.T) {
	requireBrowser(t)
	src := axeSource(t)
	if src == "" {
		t.Fatal("axe-core is not installed: run make test-env (npm ci installs the pinned axe-core), or set AXE_CORE_JS to axe.min.js")
	}
	s := startE2EServer(t, Config{})

	// Without app.wasm: the form is a plain GET, and the server prerenders its library's hits.
	plain := newTab(t, s.URL())
	plain.blockWasm()
	plain.open("/search?q=peskov&speaker=Peskov")
	plain.waitFor("the server's hits without wasm", fmt.Sprintf(searchHits, "search-server")+` > 0 && !document.getElementById("search-local")`)
	if href := eval[string](plain, `document.querySelector("#search-server li.kind-quote h3 a").getAttribute("href")`); !strings.HasPrefix(href, "/article/"+sampleID+"#q") {
		t.Errorf("a quotation's hit links to %q, want /article/%s#qN", href, sampleID)
	}
	if !eval[bool](plain, `[...document.querySelectorAll("#search-server mark")].some((m) => m.textContent.toLowerCase() === "peskov")`) {
		t.Error("the server's snippets mark no matched word")
	}
	plain.assertClean()

	tb := newTab(t, s.URL())
	tb.open("/article/harbour-council")
	waitReader(tb)
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)
	pressSave(tb, true)
	for _, text := range []string{scholzHTML, peskovText} {
		importText(tb, text)
		tb.waitFor("the import in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("[data-reader] mark[data-quote-id]").length > 0`)
	}

	// Keyboard only: the field, Enter; Tab to the speaker filter, type, Enter.
	tb.open("/search")
	tb.waitWasm()
	tb.do(chromedp.Focus(chromedp.ID("search-q"))) // where a reader clicks or tabs to first
	tb.do(chromedp.SendKeys(chromedp.ID("search-q"), "ferry"))
	tb.key(kb.Enter)
	tb.waitFor("hits for ferry in this browser and on the server", fmt.Sprintf(searchHits, "search-local")+` >= 3 && `+fmt.Sprintf(searchHits, "search-server")+` > 0 && location.search === "?q=ferry"`)
	all := eval[string](tb, fmt.Sprintf(hitIDs, "search-local"))
	for _, want := range []string{"my-scholz-speaks", "my-kremlin-answers", "harbour-council"} {
		if !strings.Contains(all, want) {
			t.Errorf("ferry: this browser's hits %q lack %s", all, want)
		}
	}
	if st := eval[string](tb, searchStatus); !strings.Contains(st, "in this browser") || !strings.Contains(st, "on this server") {
		t.Errorf("the live region says %q", st)
	}
	if id := eval[string](tb, `document.activeElement.id`); id != "search-q" {
		t.Errorf("after Enter the focus is on %q, want the search field", id)
	}
	tb.key(kb.Tab)
	if id := eval[string](tb, `document.activeElement.id`); id != "search-speaker" {
		t.Fatalf("Tab from the search field reached %q, want the speaker filter", id)
	}
	tb.do(chromedp.SendKeys(chromedp.ID("search-speaker"), "Peskov"))
	tb.key(kb.Enter)
	tb.waitFor("the speaker filter to narrow the hits", `location.search.includes("speaker=Peskov") && `+fmt.Sprintf(searchHits, "search-local")+` > 0 && !document.querySelector("#search-local li.search-hit:not([data-article-id^=my-kremlin-answers])")`)
	if !eval[bool](tb, `[...document.querySelectorAll("#search-local li.kind-quote .search-kind")].some((p) => p.textContent.includes("Dmitri Peskov"))`) {
		t.Error("speaker Peskov: no quotation by Dmitri Peskov among this browser's hits")
	}

	// A quotation's hit opens its quote.
	tb.open("/search?q=fund+ferry")
	tb.waitWasm()
	tb.waitFor("the Scholz quotation", `!!document.querySelector("#search-local li.kind-quote h3 a")`)
	tb.do(chromedp.Focus(chromedp.CSS("#search-local li.kind-quote h3 a")))
	tb.key(kb.Enter)
	tb.waitFor("the quote in its article", `location.pathname.startsWith("/article/my-scholz-speaks") && /^#q\d+$/.test(location.hash) && document.querySelectorAll("[data-reader] mark[data-quote-id]").length > 0`)

	// Site and date filters.
	tb.open("/search?q=ferry&site=spiegel")
	tb.waitWasm()
	tb.waitFor("the site filter", fmt.Sprintf(searchHits, "search-local")+` > 0 && !document.querySelector("#search-local li.search-hit:not([data-article-id^=my-scholz-speaks])")`)
	tb.open("/search?q=ferry&from=2024-01-01&to=2024-12-31")
	tb.waitWasm()
	tb.waitFor("the date filter", fmt.Sprintf(searchHits, "search-local")+` > 0 && !document.querySelector("#search-local li.search-hit:not([data-article-id^=my-scholz-speaks])")`)
	tb.open("/search?q=ferry&from=2025-01-01")
	tb.waitWasm()
	tb.waitFor("a date range with nothing in it", `!!document.querySelector("#search-local-title") && document.getElementById("search-local-title").parentElement.textContent.includes("Nothing found")`)

	tb.open("/search?q=ferry")
	tb.waitWasm()
	tb.waitFor("the hits", fmt.Sprintf(searchHits, "search-local")+` >= 3 && `+fmt.Sprintf(searchHits, "search-server")+` > 0`)
	eval[bool](tb, src+";true")
	for _, v := range eval[[]string](tb, axeRun) {
		t.Errorf("search page: %s", v)
	}
	tb.assertClean()

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	tb.expectErrorsFor("/api/search")
	tb.open("/search?q=budget")
	tb.waitWasm()
	tb.waitFor("offline: this browser's hits, and the server's section says it could not search", fmt.Sprintf(searchHits, "search-local")+` >= 2 && document.getElementById("search-server-title").parentElement.textContent.includes("could not be searched")`)
	got := eval[string](tb, fmt.Sprintf(hitIDs, "search-local"))
	for _, want := range []string{"my-scholz-speaks", "my-kremlin-answers"} {
		if !strings.Contains(got, want) {
			t.Errorf("offline budget: this browser's hits %q lack %s", got, want)
		}
	}
}
