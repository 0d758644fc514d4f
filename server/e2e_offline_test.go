package server

// Offline reading (issue 13): "save for offline" and the service worker work with no wasm at all
// (web/page/offline.js), and the pages that run app.wasm (the library, the import, an imported
// article) keep working online and offline through the same store.

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"verbatim/app"
)

// noWasm is true while no *.wasm was fetched by the page and app.wasm runs no Go in it.
const noWasm = `performance.getEntriesByType("resource").every((e) => !e.name.endsWith(".wasm")) && document.documentElement.dataset.app !== "wasm"`

// storedRecord reads article %s's record straight from IndexedDB, as offline.js wrote it, or null.
// It runs once the app's store exists (opening "verbatim" without a version would create it empty).
const storedRecord = `new Promise((ok, fail) => {
  const r = indexedDB.open("verbatim");
  r.onerror = () => fail(r.error);
  r.onsuccess = () => {
    const db = r.result;
    const q = db.transaction("articles").objectStore("articles").get(%s);
    q.onsuccess = () => { db.close(); ok(q.result === undefined ? null : q.result); };
    q.onerror = () => fail(q.error);
  };
})`

// record is a stored record as offline.js writes it.
type record struct {
	ID      string `json:"id"`
	Origin  string `json:"origin"`
	SavedAt string `json:"savedAt"`
	Summary string `json:"summary"`
	Article string `json:"article"`
}

// stored returns article id's record, or nil.
func stored(tb *tab, id string) *record {
	tb.t.Helper()
	return eval[*record](tb, fmt.Sprintf(storedRecord, jsString(id)))
}

// savedPage is true when the saved pages hold article %s's page.
const savedPage = `caches.open("verbatim-saved").then((c) => c.match(location.origin + "/article/" + %s)).then((r) => !!r)`

// saveButton is the reader's save button.
const saveButton = `document.querySelector('[data-reader] button[data-action="save"]')`

// pressSave clicks the reader's save button and waits until it says kept (pressed) or not.
func pressSave(tb *tab, kept bool) {
	tb.t.Helper()
	tb.click(`[data-reader] button[data-action="save"]`)
	tb.waitFor(fmt.Sprintf("the save button to say kept=%v", kept), fmt.Sprintf(`%s.getAttribute("aria-pressed") === "%v"`, saveButton, kept))
}

// waitReader waits for a reader with its quote marks.
func waitReader(tb *tab) {
	tb.t.Helper()
	tb.waitFor("the reader with its quotes", `!!document.querySelector("[data-reader]") && document.querySelectorAll("[data-reader] mark[data-quote-id]").length > 0`)
}

// highlightsToggle presses h and checks that reader.js hides the highlights, then shows them again.
func highlightsToggle(tb *tab) {
	tb.t.Helper()
	tb.click("#article-title")
	tb.key("h")
	tb.waitFor("h to hide the highlights", `document.documentElement.dataset.highlights === "off"`)
	tb.key("h")
	tb.waitFor("h to show them again", `document.documentElement.dataset.highlights !== "off"`)
}

// TestE2ESaveForOffline saves the sample for offline from its reader with every *.wasm request
// blocked: the button says so, the store holds the server's article with the same summary as the
// server's index, and the saved pages hold the page. A repeat visit comes from the service worker.
// Then the server stops: the saved article opens from the saved pages (the content cache's copy is
// gone) with its deep link and its reading features, an article merely opened once opens from the
// content cache, and removing the saved article forgets it in both places.
func TestE2ESaveForOffline(t *testing.T) {
	requireBrowser(t)
	s := startE2EServer(t, Config{})
	tb := newTab(t, s.URL())
	tb.blockWasm()

	tb.open("/article/" + sampleID)
	waitReader(tb)
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)
	tb.waitFor(`"Ready to work offline"`, `!document.getElementById("offline-ready").hidden && document.getElementById("update-banner").hidden`)
	bannerLeavesRoom(tb, "offline-ready")
	tb.click(`#offline-ready button[data-action="dismiss-banner"]`)
	tb.waitFor("the dismissed banner", `document.getElementById("offline-ready").hidden`)
	online := tb.marks()
	if got := eval[string](tb, saveButton+`.getAttribute("aria-pressed")`); got != "false" {
		t.Fatalf("before saving, the save button has aria-pressed=%s", got)
	}
	pressSave(tb, true)
	tb.waitFor("the saved status", `document.querySelector("[data-reader] [data-status]").textContent === "Saved for offline reading."`)

	rec := stored(tb, sampleID)
	if rec == nil || rec.ID != sampleID || rec.Origin != "saved" {
		t.Fatalf("stored record %+v, want the sample, saved", rec)
	}
	res, err := http.Get(s.URL() + "/articles/" + sampleID + ".json")
	if err != nil {
		t.Fatal(err)
	}
	served, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || rec.Article != string(served) {
		t.Errorf("the stored article is not the server's JSON (%v): %d bytes, want %d", err, len(rec.Article), len(served))
	}
	// offline.js derives the record's summary; it must be the card the server's index gives.
	var index app.Listing
	if res, err = http.Get(s.URL() + "/articles/index.json"); err != nil {
		t.Fatal(err)
	}
	err = json.NewDecoder(res.Body).Decode(&index)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	var summary app.Summary
	if err := json.Unmarshal([]byte(rec.Summary), &summary); err != nil {
		t.Fatalf("the stored summary %q: %v", rec.Summary, err)
	}
	found := false
	for _, e := range index.Articles {
		if e.ID == sampleID {
			found = true
			if e != summary {
				t.Errorf("offline.js's summary %+v, want the index's %+v", summary, e)
			}
		}
	}
	if !found || summary.Quotes == 0 {
		t.Errorf("the index lists no %s, or the summary counts no quotes: %+v", sampleID, summary)
	}
	if !eval[bool](tb, fmt.Sprintf(savedPage, jsString(sampleID))) {
		t.Errorf("the saved pages lack the sample's page")
	}

	// An article opened once, never saved; its reload is a repeat visit, served by the worker.
	tb.open("/article/library-reopens")
	waitReader(tb)
	tb.do(chromedp.Reload())
	waitReader(tb)
	if ws := eval[float64](tb, `performance.getEntriesByType("navigation")[0].workerStart`); ws <= 0 {
		t.Errorf("the repeat visit's navigation has workerStart %v: the service worker did not serve it", ws)
	}
	// The saved page, not a copy kept from the visit, must serve the sample offline.
	eval[bool](tb, `caches.open("verbatim-content-v1").then((c) => c.delete(location.origin + "/article/`+sampleID+`"))`)
	if !eval[bool](tb, noWasm) {
		t.Errorf("a reader page fetched or ran wasm")
	}
	tb.assertClean()

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	tb.open("/article/" + sampleID + "#q3")
	waitReader(tb)
	if got := tb.marks(); got != online {
		t.Errorf("offline marks %+v, want %+v", got, online)
	}
	tb.waitFor("the deep link offline", `document.activeElement && document.activeElement.dataset.quoteId === "q3"`)
	tb.waitFor("the save button to say kept", saveButton+`.getAttribute("aria-pressed") === "true"`)
	highlightsToggle(tb)

	tb.open("/article/library-reopens")
	waitReader(tb)
	highlightsToggle(tb)

	// Removing the saved article, offline, forgets it: its record and its saved page.
	tb.open("/article/" + sampleID)
	waitReader(tb)
	tb.waitFor("the save button to say kept", saveButton+`.getAttribute("aria-pressed") === "true"`)
	pressSave(tb, false)
	tb.waitFor("the removed status", `document.querySelector("[data-reader] [data-status]").textContent === "Removed from this browser."`)
	if rec := stored(tb, sampleID); rec != nil {
		t.Errorf("after removing, the store still holds %s", rec.ID)
	}
	if eval[bool](tb, fmt.Sprintf(savedPage, jsString(sampleID))) {
		t.Errorf("after removing, the saved pages still hold the sample")
	}
	if !eval[bool](tb, noWasm) {
		t.Errorf("a reader page fetched or ran wasm offline")
	}
}

// TestE2EOfflineLibraryAndImport checks the pages that run app.wasm, online and then offline: the
// library lists an article saved from the reader (without wasm) with its badge and removes it
// through app.Store (offline.js's store), and an import stores the article and opens it, also after
// a reload, when only this browser has it. Offline, an article never opened says so.
func TestE2EOfflineLibraryAndImport(t *testing.T) {
	requireBrowser(t)
	s := startE2EServer(t, Config{})
	tb := newTab(t, s.URL())
	card := `document.querySelector('#my-articles .card[data-article-id=%q]')`
	hasCard := func(id, badge string) string {
		return fmt.Sprintf(`!!%s && %s.querySelector(".badge").textContent === %q`, fmt.Sprintf(card, id), fmt.Sprintf(card, id), badge)
	}
	gone := func(id string) string { return fmt.Sprintf(`!%s`, fmt.Sprintf(card, id)) }
	remove := func(id string) {
		t.Helper()
		tb.click(fmt.Sprintf(`#my-articles .card[data-article-id=%q] .card-remove`, id))
		tb.waitFor(id+" removed from the library", gone(id))
		if rec := stored(tb, id); rec != nil {
			t.Errorf("the library removed %s, and the store still holds it", id)
		}
		if eval[bool](tb, fmt.Sprintf(savedPage, jsString(id))) {
			t.Errorf("the library removed %s, and the saved pages still hold it", id)
		}
	}
	importOpens := func(text string) string {
		t.Helper()
		importText(tb, text)
		tb.waitFor("the import in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("[data-reader] mark[data-quote-id]").length > 0`)
		id := strings.TrimPrefix(eval[string](tb, `location.pathname`), "/article/")
		if rec := stored(tb, id); rec == nil || rec.Origin != "imported" {
			t.Fatalf("the import %s is stored as %+v", id, rec)
		}
		tb.waitFor("the save button to say kept", saveButton+`.getAttribute("aria-pressed") === "true"`)
		return id
	}

	tb.open("/article/" + sampleID)
	waitReader(tb)
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)
	pressSave(tb, true)
	tb.open("/article/library-reopens")
	waitReader(tb)
	pressSave(tb, true)
	mine := importOpens("Ferry Kept\n\nThe mayor said, “We keep the ferry.”\n\nA second paragraph.")

	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the saved articles and the import in the library", hasCard(sampleID, "Saved offline")+" && "+hasCard("library-reopens", "Saved offline")+" && "+hasCard(mine, "Imported"))
	remove(sampleID)
	// The parse worker, its wasm and wasm_exec.js are in the versioned shell cache, for import offline.
	tb.waitFor("the parse worker precached", `(async () => {
		const shell = (await caches.keys()).find((k) => k.startsWith("verbatim-shell-"));
		if (!shell) { return false; }
		const keys = (await (await caches.open(shell)).keys()).map((r) => new URL(r.url).pathname);
		return keys.some((p) => p.endsWith("/web/worker/parse-worker.js")) && keys.some((p) => p.endsWith("/web/parse.wasm")) &&
			keys.includes("/wasm_exec.js");
	})()`)
	tb.assertClean()

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the library offline", hasCard("library-reopens", "Saved offline")+" && "+hasCard(mine, "Imported")+" && "+gone(sampleID))
	remove(mine)

	// Import offline: the page, the parse worker and parse.wasm come from the shell. Invalid input
	// gets its message offline as online; a good one is stored and opens, also after a reload.
	importText(tb, "<script>alert(1)</script>")
	tb.waitFor("the no-text message offline", `document.getElementById("import-message").textContent.includes("found no readable text")`)
	offline := importOpens("Library Kept\n\nThe librarian said, “We open on Sunday.”\n\nMore words.")
	tb.do(chromedp.Reload())
	tb.waitWasm()
	waitReader(tb)
	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the offline import in the library", hasCard(offline, "Imported")+" && "+hasCard("library-reopens", "Saved offline"))

	// An article never opened: the shell's app.wasm cannot fetch it, and says the reader is offline.
	tb.open("/article/harbour-council")
	tb.waitWasm()
	tb.waitFor("the offline message", `[...document.querySelectorAll("[role=alert]")].some((e) => e.textContent.includes("you seem to be offline"))`)
}

// TestE2EInstallable asks Chromium whether the app is installable, and checks the manifest it
// parsed: no errors, local icons, share_target and file_handlers.
func TestE2EInstallable(t *testing.T) {
	s := e2eServer(t)
	tb := newOwnBrowserTab(t, s.URL()) // the shared browser's contexts are incognito: nothing installs there
	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)

	res, err := chromedp.Call(tb.ctx, page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.InstallabilityErrors {
		t.Errorf("installability error %s %v", e.ErrorID, e.ErrorArguments)
	}
	m, err := chromedp.Call(tb.ctx, page.GetAppManifest, page.GetAppManifestParams{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range m.Errors {
		t.Errorf("manifest error: %s (line %d)", e.Message, e.Line)
	}
	if m.Manifest == nil {
		t.Fatalf("Chromium parsed no manifest: %s", m.Data)
	}
	if m.Manifest.ShareTarget == nil || m.Manifest.ID == "" {
		t.Errorf("manifest lacks id (%q) or share_target (%v)", m.Manifest.ID, m.Manifest.ShareTarget)
	}
	// Chromium on Linux reports parsed file handlers only where the File Handling API is enabled,
	// so the raw manifest is checked for them.
	if !strings.Contains(m.Data, `"file_handlers"`) || !strings.Contains(m.Data, `".md"`) {
		t.Errorf("manifest lacks file_handlers for .md: %s", m.Data)
	}
	tb.assertClean()
}

// TestE2EMissingArticle opens an article the library does not have: once app.wasm has taken over,
// its fetch of /articles/{id}.json gets a 404, and the page says the article is not in the library.
func TestE2EMissingArticle(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.expectErrorsFor("no-such-article")
	tb.open("/article/no-such-article")
	tb.waitWasm()
	tb.waitFor("the not-in-library message", `[...document.querySelectorAll("[role=alert]")].some((e) => e.textContent.includes("not in the library"))`)
	tb.assertClean()
}

// bannerLeavesRoom scrolls to the end of the page while the banner with the given id is shown and
// fails when the banner covers any of the page: the toast sits fixed over the page's foot, so the
// page keeps room below its last line (verbatim.css) for it. It scrolls back to the top after.
func bannerLeavesRoom(tb *tab, id string) {
	tb.t.Helper()
	eval[bool](tb, `window.scrollTo({top: document.documentElement.scrollHeight, behavior: "instant"}); true`)
	eval[bool](tb, scrollSettledJS)
	over := eval[float64](tb, fmt.Sprintf(`document.querySelector(".page").getBoundingClientRect().bottom - document.getElementById(%q).getBoundingClientRect().top`, id))
	if over > 0 {
		tb.t.Errorf("scrolled to its end, the page runs %.0f px under the shown banner #%s", over, id)
	}
	eval[bool](tb, `window.scrollTo({top: 0, behavior: "instant"}); true`)
	eval[bool](tb, scrollSettledJS)
}
