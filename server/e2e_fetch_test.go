package server

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"testing"

	"github.com/chromedp/chromedp"

	"verbatim/app"
)

// TestE2EReadFromALink reads an article from a link on a server run with -fetch: the import page's
// field (and a shared link) posts it to /api/fetch, which fetches it from a loopback page server
// that -fetch-allow opens, and the browser keeps it like any import. A refused address shows the
// server's one line. Without -fetch there is no field, and a shared link says the server cannot
// fetch links and offers the bookmarklet.
func TestE2EReadFromALink(t *testing.T) {
	page, err := os.ReadFile("samples/library-reopens.html")
	if err != nil {
		t.Fatal(err)
	}
	pages := http.NewServeMux()
	pages.Handle("/news/library", staticPage(string(page)))
	port := serveLoopback(t, pages)
	link := fmt.Sprintf("http://127.0.0.1:%d/news/library", port)

	s := startE2EServer(t, Config{Fetch: true, FetchAllow: "127.0.0.1"})
	tb := newTab(t, s.URL())
	tb.open("/import")
	tb.waitWasm()
	tb.waitFor("the link field", `!!document.getElementById("import-link")`)
	tb.do(chromedp.SendKeys(chromedp.ID("import-link"), link), chromedp.Click(chromedp.ID("import-link-submit")))
	tb.waitFor("the fetched article in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	if got := eval[string](tb, `document.querySelector("h1").textContent`); got != "After Two Years of Repairs, the Old Library Reopens Its Doors" {
		t.Errorf("reader's title = %q", got)
	}
	// Kept like any import: it is in the library, from this browser's store.
	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the fetched article in the library", `[...document.querySelectorAll("#my-articles .card")].some((c) => c.textContent.includes("Old Library Reopens"))`)

	// A refused address: the server's one line, in the page (the browser logs the 403).
	tb.expectErrorsFor(app.FetchPath)
	tb.open("/import")
	tb.waitWasm()
	tb.waitFor("the link field", `!!document.getElementById("import-link")`)
	tb.do(chromedp.SendKeys(chromedp.ID("import-link"), "http://169.254.169.254/latest/meta-data/"), chromedp.Click(chromedp.ID("import-link-submit")))
	tb.waitFor("the refusal", `document.getElementById("import-message").textContent.includes("169.254.169.254 is the cloud metadata address, which Verbatim does not fetch from")`)
	if p := eval[string](tb, `location.pathname`); p != "/import" {
		t.Errorf("a refused link went to %s", p)
	}

	// A shared link (Android shares one as text) is read from the link.
	tb.open("/import?text=" + url.QueryEscape("Library reopens "+link))
	tb.waitWasm()
	tb.waitFor("the shared link's article in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	tb.assertClean()

	// Without -fetch: no field, and a shared link says why and offers the bookmarklet.
	off := newTab(t, e2eServer(t).URL())
	off.open("/import?url=" + url.QueryEscape(link))
	off.waitWasm()
	off.waitFor("the cannot-fetch message", `document.getElementById("import-message").textContent.includes("This server cannot fetch links") &&
		document.getElementById("import-message").textContent.includes("bookmarklet")`)
	if eval[bool](off, `!!document.getElementById("import-link")`) {
		t.Error("a server without -fetch offers the link field")
	}
	off.assertClean()
}
