package server

// Offline store faults (issue 6, item 7): a full quota and damaged IndexedDB records each leave the
// app working, with a message that says what happened, and the other saved articles intact.

import (
	"fmt"
	"strings"
	"testing"
)

// importText pastes src into /import as plain text and submits it; before, it runs the
// JavaScript expressions in before.
func importText(tb *tab, src string, before ...string) {
	tb.t.Helper()
	tb.open("/import")
	tb.waitWasm()
	for _, js := range before {
		eval[bool](tb, js)
	}
	eval[bool](tb, fmt.Sprintf(`(() => {
		const t = document.getElementById("import-text");
		t.value = %s;
		t.dispatchEvent(new Event("input", {bubbles: true}));
		return true;
	})()`, jsString(src)))
	tb.click("#import-submit")
}

// idbPut writes a raw record into the app's IndexedDB store, as a damaged or foreign writer would.
const idbPut = `new Promise((ok, fail) => {
  const r = indexedDB.open("verbatim");
  r.onerror = () => fail(r.error);
  r.onsuccess = () => {
    const db = r.result;
    const tx = db.transaction("articles", "readwrite");
    for (const rec of %s) tx.objectStore("articles").put(rec);
    tx.oncomplete = () => { db.close(); ok(true); };
    tx.onerror = () => fail(tx.error);
  };
})`

// fullQuota makes every IndexedDB write in the page fail as a full quota does in Chromium: the
// transaction aborts, and its error is a QuotaExceededError. (CDP's Storage.overrideQuotaForOrigin
// is accepted by this headless Chromium but changes neither navigator.storage.estimate() nor any
// write, so the fault is made where the browser reports it.)
const fullQuota = `(() => {
  const put = IDBObjectStore.prototype.put, add = IDBObjectStore.prototype.add;
  const full = function (orig) {
    return function (...args) {
      const tx = this.transaction, req = orig.apply(this, args);
      Object.defineProperty(tx, "error", {get: () => new DOMException("The quota has been exceeded.", "QuotaExceededError")});
      tx.abort();
      return req;
    };
  };
  IDBObjectStore.prototype.put = full(put);
  IDBObjectStore.prototype.add = full(add);
  return true;
})()`

// TestE2EStoreFaults damages IndexedDB records behind the app's back and fills its quota, and checks
// that the library, the reader and the import each keep working with a message, and lose nothing.
func TestE2EStoreFaults(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())

	// Two good imports.
	for i, title := range []string{"Harbour ferry stays", "Library reopens"} {
		importText(tb, fmt.Sprintf("%s\n\n“We keep it,” councillor %d said on Monday.\n\nA second paragraph with more words.", title, i))
		tb.waitFor(title+" in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	}
	good := eval[[]string](tb, `new Promise((ok) => { const r = indexedDB.open("verbatim"); r.onsuccess = () => {
		const q = r.result.transaction("articles").objectStore("articles").getAllKeys(); q.onsuccess = () => { r.result.close(); ok(q.result); }; }; })`)
	if len(good) != 2 {
		t.Fatalf("stored ids %v, want the two imports", good)
	}

	// Damaged records: garbage JSON, wrong types, a record with no article, binary junk.
	damaged := `[
	  {id: "my-garbage", origin: "imported", savedAt: "yesterday", summary: "{not json", article: "{\"id\": \"my-garbage\", \"blocks\": [tru"},
	  {id: "my-types", origin: 7, savedAt: null, summary: ["x"], article: 42},
	  {id: "my-empty"},
	  {id: "my-binary", origin: "saved", savedAt: "2026-01-01T00:00:00Z", summary: "\u0000\uffff", article: new Uint8Array([0, 1, 2, 255]).buffer},
	  {id: "my-huge-text", origin: "imported", savedAt: "2026-01-01T00:00:00Z", summary: "{}", article: "x".repeat(1 << 20)}
	]`
	eval[bool](tb, fmt.Sprintf(idbPut, damaged))

	// The library lists the good ones and says some were skipped.
	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the library with the two good imports", `document.querySelectorAll("#my-articles .card").length === 2`)
	tb.waitFor("the notice of damaged entries", `/damaged/.test(document.body.textContent)`)
	notice := eval[string](tb, `[...document.querySelectorAll("[role=alert], .notice")].map((e) => e.textContent).join(" | ")`)
	t.Logf("library notice: %s", notice)

	// A damaged article opened directly says so; a good one still opens.
	tb.open("/article/my-garbage")
	tb.waitWasm()
	tb.waitFor("the damaged article's message", `/damaged|cannot be read|cannot be shown/.test(document.querySelector("main").textContent)`)
	msg := eval[string](tb, `document.querySelector("main").textContent`)
	t.Logf("damaged article: %.200s", strings.Join(strings.Fields(msg), " "))
	tb.open("/article/" + good[0])
	tb.waitWasm()
	tb.waitFor("a good import after the damage", `document.querySelectorAll("mark[data-quote-id]").length > 0`)

	// A full quota: saving (offline.js, no wasm) and importing (app.wasm) fail with a message, and
	// nothing is lost.
	tb.open("/article/zakaria-peskov")
	waitReader(tb)
	eval[bool](tb, fullQuota)
	tb.click(`[data-reader] button[data-action="save"]`)
	tb.waitFor("the quota message on save", `(() => { const n = document.querySelector("[data-reader] [data-notice]");
		return !n.hidden && /storage for this site is full/.test(n.textContent); })()`)
	if got := eval[string](tb, saveButton+`.getAttribute("aria-pressed")`); got == "true" {
		t.Errorf("the save button says saved after a quota error")
	}
	if eval[bool](tb, fmt.Sprintf(savedPage, jsString("zakaria-peskov"))) {
		t.Errorf("a save that failed for the quota left the page in the saved pages")
	}
	importText(tb, "A third article\n\n“No room,” she said.\n\nMore words here.", fullQuota)
	tb.waitFor("the quota message on import", `/storage for this site is full/.test(document.getElementById("import-message").textContent)`)
	t.Logf("import with a full quota: %s", eval[string](tb, `document.getElementById("import-message").textContent`))

	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the library after the quota errors", `document.querySelectorAll("#my-articles .card").length === 2`)
	after := eval[string](tb, `document.getElementById("my-articles").textContent`)
	for _, title := range []string{"Harbour ferry stays", "Library reopens"} {
		if !strings.Contains(after, title) {
			t.Errorf("the library lost %q after the faults: %s", title, after)
		}
	}
	tb.open("/article/" + good[1])
	tb.waitWasm()
	tb.waitFor("the second good import after the quota errors", `document.querySelectorAll("mark[data-quote-id]").length > 0`)
}

// stalledStore makes IndexedDB take every request and never end a transaction, as a browser whose
// storage hangs would: a write made after it neither completes nor fails.
const stalledStore = `(() => {
  IDBDatabase.prototype.transaction = function () {
    return { objectStore: () => ({ put: () => ({}), get: () => ({}), delete: () => ({}) }), abort() {} };
  };
  return true;
})()`

// TestE2EStoreNoAnswer imports an article, and presses a server article's "Save for offline" (no
// wasm: offline.js alone), while the browser's storage never answers: after 30 s (offline.js's
// WAIT, app's storeWait) each says so, the import stays on its page and the save button is not
// pressed, and the library, once the storage answers again, has lost nothing and holds nothing
// half-written. The two stalls run at once, in two tabs.
func TestE2EStoreNoAnswer(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	importText(tb, "Harbour ferry stays\n\n“We keep it,” the councillor said on Monday.\n\nA second paragraph with more words.")
	tb.waitFor("the first import in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)

	rd := newTab(t, s.URL())
	rd.blockWasm()
	rd.open("/article/" + sampleID)
	const save = `[data-reader] button[data-action="save"]`
	rd.waitFor("the reader's save button", `!!window.verbatimStore && !!document.querySelector('`+save+`')`)
	eval[bool](rd, stalledStore)
	rd.click(save)

	importText(tb, "A stalled article\n\n“Nothing answers,” she said.\n\nMore words here.", stalledStore)
	tb.waitFor("the import's message that the storage did not answer", `/storage did not answer within 30 seconds/.test(document.getElementById("import-message").textContent)`)
	if got := eval[string](tb, `location.pathname`); got != "/import" {
		t.Errorf("after the store did not answer the page is at %s, want /import", got)
	}
	if busy := eval[bool](tb, `!!document.querySelector('[aria-busy="true"]') || document.getElementById("import-submit").disabled`); busy {
		t.Error("the import still looks busy after the store did not answer")
	}
	rd.waitFor("the save's notice", `(() => { const n = document.querySelector("[data-reader] [data-notice]"); return !n.hidden && n.textContent !== ""; })()`)
	if got, want := eval[string](rd, `document.querySelector("[data-reader] [data-notice]").textContent`), "Could not save this article: The browser's storage did not answer within 30 seconds: reload the page, then try again."; got != want {
		t.Errorf("the save's notice says %q, want %q", got, want)
	}
	if got := eval[string](rd, `document.querySelector('`+save+`').getAttribute("aria-pressed")`); got != "false" {
		t.Errorf("the save button is aria-pressed=%s after the store did not answer, want false", got)
	}

	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the library", `document.querySelectorAll("#my-articles .card").length > 0`)
	if got := eval[[]string](tb, `[...document.querySelectorAll("#my-articles .card")].map((c) => c.textContent)`); len(got) != 1 || !strings.Contains(got[0], "Harbour ferry stays") {
		t.Errorf("the library holds %q, want the first import only", got)
	}
}
