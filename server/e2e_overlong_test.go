package server

import (
	"strings"
	"testing"
)

// TestE2EOverLongPathsInApp navigates inside the app (go-app's popstate navigation, as the back
// button does) to paths whose id, slug or page number is over its bound, which go-app's routes take
// (model.ArticleRoute, model.SpeakerRoute, app's libraryPagesRoute): each page says that nothing is
// there, asks the server nothing, and shows none of what a valid path shows.
func TestE2EOverLongPathsInApp(t *testing.T) {
	requireBrowser(t)
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.open("/")
	tb.waitWasm()
	const alert = `[...document.querySelectorAll("[role=alert]")].map((e) => e.textContent).join(" ")`
	for _, c := range []struct {
		path, title, h1, says string
	}{
		{"/article/" + strings.Repeat("a", 129), "Article not found — Verbatim", "This article cannot be shown", "not in the library"},
		{"/speaker/" + strings.Repeat("a", 81), "Speaker — Verbatim", "Speaker", "Nobody quoted"},
		{"/library/1234567890", "Page not found — Verbatim", "", "does not exist"},
	} {
		eval[bool](tb, `history.pushState(null, "", "`+c.path+`"); dispatchEvent(new PopStateEvent("popstate")); true`)
		tb.waitFor("the not-found of "+c.path[:16]+"…", `document.title === "`+c.title+`" && `+alert+`.includes("`+c.says+`")`)
		if c.h1 != "" {
			if got := eval[string](tb, `document.querySelector("main h1")?.textContent ?? ""`); got != c.h1 {
				t.Errorf("%.20q…: heading %q, want %q", c.path, got, c.h1)
			}
		}
		if n := eval[int](tb, `document.querySelectorAll("#people > li, #said > li, mark[data-quote-id]").length`); n != 0 {
			t.Errorf("%.20q…: %d people, quotes or marks shown, want none", c.path, n)
		}
	}
	tb.assertClean()
}
