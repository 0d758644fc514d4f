package server

import (
	"testing"
)

// TestE2EStorageFailures fills the quota (IndexedDB's put throws QuotaExceededError) and damages a
// stored record: each gets a clear message, and nothing else is lost. The reader saves with no wasm
// (offline.js); the library and a damaged article's page run app.wasm (app.Store over offline.js).
func TestE2EStorageFailures(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())

	// A saved article, and a damaged record beside it.
	tb.open("/article/library-reopens")
	waitReader(tb)
	pressSave(tb, true)
	eval[bool](tb, `new Promise((ok, fail) => {
		const req = indexedDB.open("verbatim");
		req.onerror = () => fail(req.error);
		req.onsuccess = () => {
			const tx = req.result.transaction("articles", "readwrite");
			tx.objectStore("articles").put({id: "broken", origin: "saved", savedAt: "2026-01-01T00:00:00Z", summary: "{", article: "{"});
			tx.oncomplete = () => ok(true);
			tx.onerror = () => fail(tx.error);
		};
	})`)

	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the damaged record reported", `[...document.querySelectorAll(".notice")].some((n) => n.textContent.includes("damaged"))`)
	tb.waitFor("the good saved article still listed", `[...document.querySelectorAll("#my-articles .card")].some((c) => c.dataset.articleId === "library-reopens")`)

	tb.expectErrorsFor("/broken") // the server has no such article: 404s for the page and its JSON
	tb.open("/article/broken")
	tb.waitWasm()
	tb.waitFor("the damaged copy explained", `document.querySelector("[role=alert]") && document.querySelector("[role=alert]").textContent.includes("damaged")`)

	// A full quota: saving fails with a message; the article stays on screen and the rest is kept.
	tb.open("/article/" + sampleID)
	waitReader(tb)
	eval[bool](tb, `IDBObjectStore.prototype.put = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; true`)
	tb.click(`[data-reader] button[data-action="save"]`)
	tb.waitFor("the quota message", `(() => { const n = document.querySelector("[data-reader] [data-notice]");
		return !n.hidden && n.textContent === "Could not save this article: The browser's storage for this site is full: remove saved articles you no longer need, then try again."; })()`)
	if got := eval[string](tb, saveButton+`.getAttribute("aria-pressed")`); got != "false" {
		t.Errorf("after the failed save the save button has aria-pressed=%s", got)
	}
	if m := tb.marks(); m.Quotes != 10 {
		t.Errorf("after the failed save the reader shows %+v", m)
	}
	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the earlier saved article kept", `[...document.querySelectorAll("#my-articles .card")].some((c) => c.dataset.articleId === "library-reopens")`)
	tb.assertClean()
}
