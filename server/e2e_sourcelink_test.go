package server

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"verbatim/article/model"
)

// TestE2ECopySourceLink copies, with every *.wasm request blocked, the quote panel's link to a quote
// in the article's original, and opens it: the clipboard holds the original's address with the
// quote's text fragment (model.SourceLink), axe finds nothing in the panel, and Chromium, given that address, scrolls the original
// page, a long one with the quote near its end, to the quote.
func TestE2ECopySourceLink(t *testing.T) {
	// The original: filler paragraphs, then the quote, so that reaching it needs a scroll.
	var filler strings.Builder
	for i := range 40 {
		fmt.Fprintf(&filler, "<p>Paragraph %d of the council's long report on the ferry, its costs and its timetable, read in full at Tuesday's meeting.</p>\n", i+1)
	}
	const quote = "It is the town's lifeline, and we will not let it go for the sake of a budget line"
	body := fmt.Sprintf(`<h1>The ferry stays</h1>
%s<p>“%s,” said Ana Ribeiro, who chairs the council's transport committee.</p>`, filler.String(), quote)
	original := serveLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><title>The ferry stays</title></head><body><article>%s</article></body></html>`, body)
	}))
	source := fmt.Sprintf("http://127.0.0.1:%d/news/ferry-stays", original)

	content := t.TempDir()
	page := fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><title>The ferry stays</title>
<link rel="canonical" href=%q></head><body><article>%s</article></body></html>`, source, body)
	if err := os.WriteFile(filepath.Join(content, "ferry-stays.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startE2EServer(t, Config{ContentDir: content})
	a := fetchArticle(t, s.URL(), "ferry-stays")
	var q model.Quote
	for _, x := range a.Quotes {
		if strings.Contains(x.Text, "lifeline") {
			q = x
		}
	}
	want := model.SourceLink(source, q.Text)
	if a.URL != source || want == "" {
		t.Fatalf("the test article: URL %q, quote %q: no source link to test", a.URL, q.Text)
	}

	tb := newTab(t, s.URL())
	tb.blockWasm()
	tb.grantClipboard(s.URL())
	tb.open("/article/ferry-stays")
	tb.waitFor("the reader script", `!!window.verbatimReader`)
	v := readerView{t: t, tb: tb, ctx: tb.ctx, a: a}
	link := fmt.Sprintf(`.panel-quote[data-quote-id=%q] `, q.ID)
	if got := v.eval(`document.querySelector(` + jsString(link+"a.panel-source-link") + `).href`); got != want {
		t.Errorf("the panel's source link is %q, want %q", got, want)
	}
	v.click(link + `[data-action="copy-source"]`)
	v.wait("the reader to say it copied", `document.querySelector("[data-status]").textContent.startsWith("Copied: ")`)
	got := eval[string](tb, `window.focus(), navigator.clipboard.readText()`)
	if got != want {
		t.Fatalf("the clipboard holds %q, want %q", got, want)
	}
	// The panel's new links and buttons pass axe, in the light and the dark theme.
	src := axeSource(t)
	if src == "" {
		t.Fatal("axe-core is not installed: run make test-env (npm ci installs the pinned axe-core), or set AXE_CORE_JS to axe.min.js")
	}
	eval[bool](tb, src+";true")
	for _, theme := range []string{"light", "dark"} {
		eval[bool](tb, `document.documentElement.dataset.theme = "`+theme+`", true`)
		for _, v := range eval[[]string](tb, axeRun) {
			t.Errorf("axe, %s theme: %s", theme, v)
		}
	}
	tb.assertClean()

	// The copied address opens the original at the quote.
	orig := newTab(t, source)
	orig.open(strings.TrimPrefix(got, source))
	orig.waitFor("the original to scroll to the quote", `(() => {
	  const p = [...document.querySelectorAll("p")].find((p) => p.textContent.includes("lifeline"));
	  const r = p && p.getBoundingClientRect();
	  return window.scrollY > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
	})()`)
}
