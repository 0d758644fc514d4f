package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestE2EOfflineDeepLinkReload opens the sample, saves it for offline reading, opens a second
// article once, stops the server, and reloads a deep link to the saved article: it renders with its
// quotes from the service worker's shell and IndexedDB. The article opened once stays readable from
// the worker's content cache, the library shows which articles are saved, and import works offline
// through the precached parse worker (a refused input gets its message, a good one opens).
func TestE2EOfflineDeepLinkReload(t *testing.T) {
	s := startE2EServer(t, Config{})
	tb := newTab(t, s.URL())

	tb.open("/article/" + sampleID)
	tb.waitWasm()
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)
	tb.waitFor(`"Ready to work offline"`, `!!document.getElementById("offline-ready")`)
	tb.waitFor("the article", `document.querySelectorAll("mark[data-quote-id]").length > 0`)
	online := tb.marks()
	tb.do(chromedp.Click(chromedp.ID("save")))
	tb.waitFor("the saved state", `document.getElementById("save").textContent.startsWith("Saved offline")`)

	tb.open("/article/library-reopens")
	tb.waitWasm()
	tb.waitFor("the second article", `document.querySelectorAll("mark[data-quote-id]").length > 0`)
	// The parse worker, its wasm and wasm_exec.js are in the versioned shell cache, for import offline.
	tb.waitFor("the parse worker precached", `(async () => {
		const shell = (await caches.keys()).find((k) => k.startsWith("verbatim-shell-"));
		if (!shell) { return false; }
		const keys = (await (await caches.open(shell)).keys()).map((r) => new URL(r.url).pathname);
		return keys.some((p) => p.endsWith("/web/parse-worker.js")) && keys.some((p) => p.endsWith("/web/parse.wasm")) &&
			keys.includes("/wasm_exec.js");
	})()`)
	tb.assertClean()

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	tb.open("/article/" + sampleID + "#q3")
	tb.waitWasm()
	tb.waitFor("the saved article offline", `document.querySelectorAll("mark[data-quote-id]").length > 0`)
	if got := tb.marks(); got != online {
		t.Errorf("offline marks %+v, want %+v", got, online)
	}
	tb.waitFor("the deep link offline", `document.activeElement && document.activeElement.dataset.quoteId === "q3"`)

	tb.open("/article/library-reopens")
	tb.waitWasm()
	tb.waitFor("the article opened once, offline", `document.querySelectorAll("mark[data-quote-id]").length > 0`)

	// An article never opened: the browser's fetch fails, and the page says the reader is offline.
	tb.open("/article/harbour-council")
	tb.waitWasm()
	tb.waitFor("the offline message", `[...document.querySelectorAll("[role=alert]")].some((e) => e.textContent.includes("you seem to be offline"))`)

	// Import works offline too: the page, the parse worker and parse.wasm are precached, and Parse
	// runs in the browser, in the worker. Invalid input gets its message offline as online.
	tb.open("/import")
	tb.waitWasm()
	setText := `(() => { const t = document.getElementById("import-text"); t.value = %s; t.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`
	eval[bool](tb, fmt.Sprintf(setText, jsString("<script>alert(1)</script>")))
	tb.do(chromedp.Click(chromedp.ID("import-submit")))
	tb.waitFor("the no-text message offline", `document.getElementById("import-message").textContent.includes("found no readable text")`)
	eval[bool](tb, fmt.Sprintf(setText, jsString("Ferry Kept\n\nThe mayor said, “We keep the ferry.”")))
	tb.do(chromedp.Click(chromedp.ID("import-submit")))
	tb.waitFor("an article imported offline", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)

	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the saved article in the library", `[...document.querySelectorAll("#my-articles .card")].some((c) => c.dataset.articleId === "zakaria-peskov" && c.textContent.includes("Saved offline"))`)
}

// TestE2EInstallable asks Chromium whether the app is installable, and checks the manifest it
// parsed: no errors, local icons, share_target and file_handlers.
func TestE2EInstallable(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
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
