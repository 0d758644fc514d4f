package server

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// libraryCards lists the ids of the cards of the server's articles on the page.
const libraryCards = `[...document.querySelectorAll("#samples > li.card")].map((li) => li.dataset.articleId)`

// waitStatic waits until a JavaScript condition holds in a page that runs no script of its own
// (JavaScript disabled): pollIn's wait runs in the page's timers, which are off, so this one asks from
// Go, and keeps asking across the page loads the test starts by following links, up to browserWait.
func waitStatic(tb *tab, what, cond string) {
	tb.t.Helper()
	check := "(() => { try { return !!(" + cond + "); } catch (e) { return false; } })()"
	deadline := time.Now().Add(browserWait)
	for {
		ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](check))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("waiting for %s (%s): %v", what, cond, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestE2ELibraryPagesWithoutScript pages through a library of 260 articles (6 pages) in Chromium with
// JavaScript off: the prerendered pages list their articles, and the pagination links go from page
// to page and back. It is not parallel: the prerender lists the newest server's library.
func TestE2ELibraryPagesWithoutScript(t *testing.T) {
	dir, ids := datedLibrary(t, 260)
	s := startE2EServer(t, Config{ContentDir: dir, parse: stubParse})
	tb := newTab(t, s.URL())
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tb.open("/")
	for n := 1; n <= 6; n++ {
		path := "/"
		if n > 1 {
			path = fmt.Sprintf("/library/%d", n)
		}
		waitStatic(tb, "page "+path, fmt.Sprintf(`location.pathname === %q && document.readyState === "complete"`, path))
		want := ids[(n-1)*50 : min(n*50, len(ids))]
		if got := eval[[]string](tb, libraryCards); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("%s lists\n%v\nwant\n%v", path, got, want)
		}
		if got, want := eval[string](tb, `document.querySelector('nav[aria-label="Library pages"] .pager-where').textContent`), fmt.Sprintf("Page %d of 6", n); got != want {
			t.Errorf("%s says %q, want %q", path, got, want)
		}
		if n > 1 && !strings.Contains(eval[string](tb, `document.title`), fmt.Sprintf("page %d of 6", n)) {
			t.Errorf("%s: the title %q does not name the page", path, eval[string](tb, `document.title`))
		}
		if eval[bool](tb, `!!document.getElementById("load-more")`) {
			t.Errorf("%s: the Show more button is there with no script to run it", path)
		}
		if n < 6 {
			tb.do(chromedp.Click(chromedp.CSS(`nav[aria-label="Library pages"] a[rel="next"]`))) // no script: tb.click's wait would not run
		}
	}
	if eval[bool](tb, `!!document.querySelector('a[rel="next"]')`) {
		t.Errorf("the last page links to a next page")
	}
	tb.do(chromedp.Click(chromedp.CSS(`nav[aria-label="Library pages"] a[rel="prev"]`)))
	waitStatic(tb, "page 5 again", `location.pathname === "/library/5" && document.querySelectorAll("#samples > li.card").length === 50`)
	if got := eval[[]string](tb, libraryCards); got[0] != ids[200] {
		t.Errorf("back on page 5, the first card is %s, want %s", got[0], ids[200])
	}
	tb.assertClean()
}

// TestE2ELibraryShowMore runs the library with app.wasm on a library of 260 articles: on page 2, a
// keyboard user tabs from the last card to "Show more articles" and presses Enter; the next 50
// articles are appended without a page load, the live region says so, the focus is on the first new
// card's link, the address is still page 2's and the "older" link goes on from page 3. An article
// saved in this browser is marked among the appended cards too. Once the last page is shown the
// button goes, and the "newer" link leads, in the app, to page 1 alone. axe finds no violation on page 1
// nor on page 2 after the load. It is not parallel: the prerender lists the newest server's library.
func TestE2ELibraryShowMore(t *testing.T) {
	requireBrowser(t)
	src := axeSource(t)
	if src == "" {
		t.Fatal("axe-core is not installed: run make test-env (npm ci installs the pinned axe-core), or set AXE_CORE_JS to axe.min.js")
	}
	dir, ids := datedLibrary(t, 260)
	s := startE2EServer(t, Config{ContentDir: dir, parse: stubParse})
	tb := newTab(t, s.URL())
	axe := func(name string) {
		t.Helper()
		eval[bool](tb, src+";true")
		for _, v := range eval[[]string](tb, axeRun) {
			t.Errorf("%s: %s", name, v)
		}
	}

	tb.open("/")
	tb.waitWasm()
	tb.waitFor("page 1's cards and the button", `document.querySelectorAll("#samples > li.card").length === 50 && !!document.getElementById("load-more")`)
	axe("library page 1")

	// Save the article that page 3 lists first, as the reader's save button would.
	saved := ids[100]
	eval[bool](tb, fmt.Sprintf(`fetch("/articles/%s.json").then((r) => r.text()).then((j) => window.verbatimStore.put(j, "saved")).then(() => true)`, saved))

	tb.open("/library/2")
	tb.waitWasm()
	tb.waitFor("page 2's cards and the button", `document.querySelectorAll("#samples > li.card").length === 50 && !!document.getElementById("load-more") && !!document.getElementById("my-articles")`)
	if got := eval[string](tb, `document.getElementById("library-status").textContent`); got != "" {
		t.Errorf("the live region says %q before any load", got)
	}
	eval[bool](tb, `document.querySelector("#samples > li.card:last-child h3 a").focus(); true`)
	tb.key(kb.Tab)
	if got := eval[string](tb, `document.activeElement.id`); got != "load-more" {
		t.Fatalf("Tab from the last card focuses %q, want the Show more button", got)
	}
	tb.key(kb.Enter)
	tb.waitFor("the next 50 articles", `document.querySelectorAll("#samples > li.card").length === 100`)
	if got, want := eval[[]string](tb, libraryCards), ids[50:150]; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("after Show more the list is\n%v\nwant\n%v", got, want)
	}
	tb.waitFor("the announcement", `document.getElementById("library-status").textContent !== ""`)
	if got, want := eval[string](tb, `document.getElementById("library-status").textContent`), "50 more articles, 51 to 150 of 260 shown."; got != want {
		t.Errorf("the live region says %q, want %q", got, want)
	}
	if got := eval[string](tb, `document.getElementById("library-status").getAttribute("role")`); got != "status" {
		t.Errorf("the announcement's role is %q, want status (polite)", got)
	}
	tb.waitFor("the focus on the first new card", fmt.Sprintf(`document.activeElement.getAttribute("href") === "/article/%s"`, ids[100]))
	if got := eval[string](tb, `location.pathname`); got != "/library/2" {
		t.Errorf("the address is %s after Show more, want /library/2", got)
	}
	if got := eval[string](tb, `document.querySelector('nav[aria-label="Library pages"] a[rel="next"]').getAttribute("href")`); got != "/library/4" {
		t.Errorf("the older link goes to %s, want /library/4", got)
	}
	if got := eval[string](tb, `document.querySelector('nav[aria-label="Library pages"] .pager-where').textContent`); got != "Pages 2 to 3 of 6" {
		t.Errorf("the pagination says %q, want Pages 2 to 3 of 6", got)
	}
	if got := eval[string](tb, fmt.Sprintf(`document.querySelector('#samples > li[data-article-id=%q] .badge')?.textContent ?? ""`, saved)); got != "Saved offline" {
		t.Errorf("the saved article appended from page 3 has the badge %q, want Saved offline", got)
	}
	axe("library page 2 after Show more")

	// Through the last page: the button goes once nothing is left.
	for _, n := range []int{150, 200, 210} {
		tb.click("#load-more")
		tb.waitFor(fmt.Sprintf("%d cards", n), fmt.Sprintf(`document.querySelectorAll("#samples > li.card").length === %d`, n))
	}
	tb.waitFor("the button to go", `!document.getElementById("load-more")`)
	if eval[bool](tb, `!!document.querySelector('nav[aria-label="Library pages"] a[rel="next"]')`) {
		t.Errorf("with the last page shown, the pagination still links to an older page")
	}

	// The "newer" link, followed in the app (go-app keeps the page's component): page 1 alone, the
	// focus on the list's heading, as a page load would start there.
	tb.click(`nav[aria-label="Library pages"] a[rel="prev"]`)
	tb.waitFor("page 1 in the app", `location.pathname === "/" && document.querySelectorAll("#samples > li.card").length === 50`)
	if got := eval[[]string](tb, libraryCards); strings.Join(got, " ") != strings.Join(ids[:50], " ") {
		t.Errorf("page 1 after the newer link lists\n%v\nwant\n%v", got, ids[:50])
	}
	tb.waitFor("the focus on the list's heading", `document.activeElement.id === "samples-title"`)
	if got := eval[string](tb, `document.getElementById("library-status").textContent + document.title`); got != "Library — Verbatim" {
		t.Errorf("page 1 after the newer link has the status and title %q", got)
	}
	tb.assertClean()
}
