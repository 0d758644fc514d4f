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

// searchRead is how many articles the search page read from the store to bring its index up to
// date (data-search-read): 0 when the index it kept was.
const searchRead = `document.getElementById("search-status").dataset.searchRead`

// zeppelinText is an import about the budget, a ferry and a zeppelin.
const zeppelinText = "Zeppelin Hangar Reopens\n\nThe zeppelin hangar by the ferry pier reopened on Friday.\n\nThe budget for the hangar was passed in May."

// idWith returns the first of ids that starts with prefix, or "".
func idWith(ids []string, prefix string) string {
	for _, id := range ids {
		if strings.HasPrefix(id, prefix) {
			return id
		}
	}
	return ""
}

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
// violation. The index is kept in the store: a reload reads no article, and a removed article, a
// new note and a new import change the next load's hits, reading just the changed articles. Then
// the server stops: the search still finds the imports and the saved article, and says that the
// server's library could not be searched.
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

	// The page kept its index in the store: a reload searches with it and reads no article. Then
	// an article is removed, one annotated and one imported: the next page load reads just the
	// two changed ones, and its hits follow all three changes.
	tb.waitFor("the index kept in the store", searchKept)
	tb.open("/search?q=ferry")
	tb.waitWasm()
	tb.waitFor("the hits of the kept index", fmt.Sprintf(searchHits, "search-local")+` >= 3`)
	if read := eval[string](tb, searchRead); read != "0" {
		t.Errorf("a reload read %s articles from the store, want 0 (the kept index)", read)
	}
	ids := strings.Fields(eval[string](tb, fmt.Sprintf(hitIDs, "search-local")))
	kremlin, scholz := idWith(ids, "my-kremlin-answers"), idWith(ids, "my-scholz-speaks")
	if kremlin == "" || scholz == "" {
		t.Fatalf("the imports are not among the hits %v", ids)
	}
	eval[bool](tb, `verbatimStore.delete(`+jsString(kremlin)+`).then(() => true)`)
	eval[bool](tb, `verbatimStore.putHighlight({id: "h-" + crypto.randomUUID(), articleId: `+jsString(scholz)+`, exact: "ferry",
	  prefix: "", suffix: "", start: 0, end: 5, note: "ask about the zeppelin mooring", created: new Date().toISOString(),
	  modified: new Date().toISOString()}).then(() => true)`)
	importText(tb, zeppelinText)
	tb.waitFor("the third import in the reader", `location.pathname.startsWith("/article/my-zeppelin")`)
	tb.open("/search?q=ferry")
	tb.waitWasm()
	tb.waitFor("the hits after the changes", fmt.Sprintf(searchHits, "search-local")+` >= 3 && document.getElementById("search-status").dataset.searchRead !== undefined`)
	if read := eval[string](tb, searchRead); read != "2" {
		t.Errorf("after a removal, a note and an import the page read %s articles from the store, want 2", read)
	}
	got := eval[string](tb, fmt.Sprintf(hitIDs, "search-local"))
	if strings.Contains(got, kremlin) || !strings.Contains(got, "my-zeppelin") || !strings.Contains(got, scholz) {
		t.Errorf("ferry after the changes: this browser's hits %q, want no %s, and my-zeppelin… and %s", got, kremlin, scholz)
	}
	tb.open("/search?q=zeppelin+mooring")
	tb.waitWasm()
	tb.waitFor("the new note's hit", `!!document.querySelector("#search-local li.kind-note[data-article-id='`+scholz+`']")`)
	tb.waitFor("the index kept again", searchKept)

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	tb.expectErrorsFor("/api/search")
	tb.open("/search?q=budget")
	tb.waitWasm()
	tb.waitFor("offline: this browser's hits, and the server's section says it could not search", fmt.Sprintf(searchHits, "search-local")+` >= 2 && document.getElementById("search-server-title").parentElement.textContent.includes("could not be searched")`)
	got = eval[string](tb, fmt.Sprintf(hitIDs, "search-local"))
	for _, want := range []string{"my-scholz-speaks", "my-zeppelin"} {
		if !strings.Contains(got, want) {
			t.Errorf("offline budget: this browser's hits %q lack %s", got, want)
		}
	}
}

// TestE2ESearchStoreUpgrade opens the search page over a store that offline.js wrote at IndexedDB
// version 2 (a saved article and a highlight with a note, no search store): the upgrade to version
// 3 keeps both, adds the search store, and the search finds the article and the note, then keeps
// its index. A kept index that is damaged is then built again, with the same hits.
func TestE2ESearchStoreUpgrade(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	// An embed runs no offline.js: the version 2 store is made there, as offline.js did.
	tb.open("/embed/" + sampleID)
	tb.waitFor("the embed", `!!window.verbatimReader`)
	eval[bool](tb, `fetch("/articles/`+sampleID+`.json").then((r) => r.text()).then((article) => new Promise((ok, fail) => {
	  const r = indexedDB.open("verbatim", 2);
	  r.onupgradeneeded = () => { r.result.createObjectStore("articles", {keyPath: "id"});
	    r.result.createObjectStore("highlights", {keyPath: "id"}).createIndex("articleId", "articleId"); };
	  r.onerror = () => fail(r.error);
	  r.onsuccess = () => { const db = r.result, tx = db.transaction(["articles", "highlights"], "readwrite");
	    tx.objectStore("articles").put({id: "`+sampleID+`", origin: "saved", savedAt: "2026-01-01T00:00:00.000Z", summary: JSON.stringify({id: "`+sampleID+`", title: "Kept"}), article});
	    tx.objectStore("highlights").put({id: "h-00000000-0000-4000-8000-000000000001", articleId: "`+sampleID+`", exact: "Kislyak",
	      prefix: "", suffix: "", start: 0, end: 7, note: "check the quasar ledger", created: "2026-01-01T00:00:00.000Z", modified: "2026-01-01T00:00:00.000Z"});
	    tx.oncomplete = () => { db.close(); ok(true); }; tx.onerror = () => fail(tx.error); };
	}))`)
	tb.open("/search?q=quasar+ledger")
	tb.waitWasm()
	tb.waitFor("the note kept at version 2", `!!document.querySelector("#search-local li.kind-note[data-article-id='`+sampleID+`']")`)
	tb.waitFor("the index kept", searchKept)
	got := eval[string](tb, `new Promise((ok) => { const r = indexedDB.open("verbatim"); r.onsuccess = () => { const db = r.result;
	  ok(db.version + " " + [...db.objectStoreNames].join(",")); db.close(); }; })`)
	if want := "3 articles,highlights,search"; got != want {
		t.Errorf("the upgraded store: %s, want %s", got, want)
	}

	// A damaged kept index (a byte changed) is built again from the store.
	eval[bool](tb, `verbatimStore.searchIndex().then((x) => { const d = x.data.slice(); d[d.length >> 1] ^= 0xff;
	  return verbatimStore.putSearchIndex(x.generation, d); }).then(() => true)`)
	tb.open("/search?q=quasar+ledger")
	tb.waitWasm()
	tb.waitFor("the note, from the index built again", `!!document.querySelector("#search-local li.kind-note[data-article-id='`+sampleID+`']")`)
	if read := eval[string](tb, searchRead); read != "1" {
		t.Errorf("with a damaged kept index the page read %s articles, want 1 (all)", read)
	}
	tb.waitFor("the index kept again", searchKept)
	tb.open("/search?q=quasar+ledger")
	tb.waitWasm()
	tb.waitFor("the note, from the index kept again", `!!document.querySelector("#search-local li.kind-note[data-article-id='`+sampleID+`']")`)
	if read := eval[string](tb, searchRead); read != "0" {
		t.Errorf("after the index was built again and kept, a reload read %s articles, want 0", read)
	}
	tb.assertClean()
}
