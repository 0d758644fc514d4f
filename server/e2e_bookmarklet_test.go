package server

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// TestE2EBookmarklet runs the "Read in Verbatim" bookmarklet, as the import page offers it, on a
// partner-origin page on loopback: it opens Verbatim's /import in a new window and hands the page
// over, and the new window keeps and shows the article. A page that cuts its windows' link
// (Cross-Origin-Opener-Policy) leaves Verbatim without an opener, and Verbatim says so; a message
// from a page that is not the opener, or that claims another site's address, is not taken.
func TestE2EBookmarklet(t *testing.T) {
	page, err := os.ReadFile("samples/library-reopens.html")
	if err != nil {
		t.Fatal(err)
	}
	partnerLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	partner := fmt.Sprintf("http://localhost:%d", partnerLn.Addr().(*net.TCPAddr).Port)
	mux := http.NewServeMux()
	mux.Handle("/news/library", staticPage(string(page)))
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("/isolated", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cross-Origin-Opener-Policy", "same-origin")
		staticPage(string(page)).ServeHTTP(w, r)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(partnerLn)
	t.Cleanup(func() { srv.Close() })

	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.open("/import")
	tb.waitWasm()
	tb.waitFor("the bookmarklet's address", `document.getElementById("bookmarklet").getAttribute("href").startsWith("javascript:")`)
	href := eval[string](tb, `document.getElementById("bookmarklet").getAttribute("href")`)
	if strings.Contains(href, "__VERBATIM_ORIGIN__") || !strings.Contains(href, strings.ReplaceAll(strings.ReplaceAll(s.URL(), ":", "%3A"), "/", "%2F")) {
		t.Fatalf("the bookmarklet does not name this server (%s): %.300s", s.URL(), href)
	}
	// A click on it in Verbatim itself only says to drag it.
	tb.click("#bookmarklet")
	tb.waitFor("the drag hint", `document.getElementById("import-message").textContent.includes("Drag “Read in Verbatim” to your bookmarks bar")`)

	bookmarklet := `(0, eval)(decodeURIComponent(` + jsString(strings.TrimPrefix(href, "javascript:")) + `))`
	// run clicks a bookmarklet (script) on the page at url, and returns the context of the window it
	// opens.
	run := func(url, script string) context.Context {
		t.Helper()
		tb.do(chromedp.Navigate(url))
		opened := chromedp.WaitNewTarget(tb.ctx, func(i *target.Info) bool { return strings.Contains(i.URL, "/import?from=bookmarklet") })
		gesture := func(p *runtime.EvaluateParams) { v := true; p.UserGesture = &v }
		if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[any](script, gesture)); err != nil {
			t.Fatalf("running the bookmarklet: %v", err)
		}
		var id target.ID
		select {
		case id = <-opened:
		case <-time.After(browserWait):
			t.Fatal("the bookmarklet opened no window")
		}
		ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(id))
		t.Cleanup(cancel)
		return ctx
	}

	win := run(partner+"/news/library", bookmarklet)
	pollIn(t, win, "the handed-over article in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	if got := evalIn[string](t, win, `document.querySelector("h1").textContent`); got != "After Two Years of Repairs, the Old Library Reopens Its Doors" {
		t.Errorf("the handed-over article's title = %q", got)
	}
	stored := evalIn[string](t, win, `new Promise((ok, fail) => { const r = indexedDB.open("verbatim"); r.onerror = fail;
		r.onsuccess = () => { const q = r.result.transaction("articles").objectStore("articles").getAll(); q.onerror = fail;
		q.onsuccess = () => ok(q.result.map((x) => JSON.parse(x.article).url || "").join(" ")); }; })`)
	if !strings.Contains(stored, partner+"/news/library") {
		t.Errorf("the stored articles' addresses are %q, want the partner page's %s", stored, partner+"/news/library")
	}

	// Verbatim's side takes only its opener's message, and only with the opener's own address: a
	// page it opens itself is not its opener, and a wrong address is refused.
	lone := newTab(t, s.URL())
	lone.open("/import?from=bookmarklet")
	lone.waitWasm()
	lone.waitFor("the no-opener message", `document.getElementById("import-message").textContent.includes("did not hand its article over")`)

	// A page that claims another site's address is not read.
	rogue := run(partner+"/news/library", `(() => { const w = window.open(`+jsString(s.URL()+"/import?from=bookmarklet")+`, "_blank");
		addEventListener("message", (e) => { if (e.source === w) w.postMessage({type: "verbatim:page", html: document.documentElement.outerHTML,
			url: "https://bank.example/statement"}, "*"); }); })()`)
	pollIn(t, rogue, "the wrong-address refusal", `document.getElementById("import-message").textContent.includes("gave an address that is not its own")`)

	// A page that isolates itself from other windows: Verbatim has no opener and says so.
	isolated := run(partner+"/isolated", bookmarklet)
	pollIn(t, isolated, "the no-opener message", `document.getElementById("import-message").textContent.includes("cuts its link to other windows")`)
	tb.assertClean()
}
