package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestE2EImportEachFormat pastes a text, an HTML and a Markdown article into /import, and checks
// each is parsed in the browser, stored, opened in the reader with its quotes, and listed in the
// library. It also chooses a file, and checks the messages for an empty form and a refused file.
func TestE2EImportEachFormat(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	for _, tc := range []struct{ file, format string }{
		{"samples/zakaria-peskov.txt", "text"},
		{"samples/library-reopens.html", "auto"},
		{"samples/harbour-council.md", "markdown"},
	} {
		body, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		tb.open("/import")
		tb.waitWasm()
		paste := `(() => {
			const t = document.getElementById("import-text");
			t.value = %s;
			t.dispatchEvent(new Event("input", {bubbles: true}));
			const f = document.getElementById("import-format");
			f.value = %q;
			f.dispatchEvent(new Event("change", {bubbles: true}));
			return true;
		})()`
		eval[bool](tb, fmt.Sprintf(paste, jsString(string(body)), tc.format))
		tb.do(chromedp.Click(chromedp.ID("import-submit")))
		tb.waitFor(tc.file+" to open in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)
		if m := tb.marks(); m.Quotes == 0 || m.Unmarked {
			t.Errorf("%s: imported article marks %+v", tc.file, m)
		}
	}

	// An imported article exists only in this browser: a reload renders it from IndexedDB. (The
	// server answers 404 for the page, as it does not know the article.)
	tb.expectErrorsFor("/article/my-")
	tb.do(chromedp.Reload())
	tb.waitWasm()
	tb.waitFor("the imported article after a reload", `document.querySelectorAll("mark[data-quote-id]").length > 0`)

	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the imported articles in the library", `document.querySelectorAll("#my-articles .card").length === 3`)

	// An empty form says what to do; a file of another type is refused with a message.
	tb.open("/import")
	tb.waitWasm()
	tb.do(chromedp.Click(chromedp.ID("import-submit")))
	tb.waitFor("the empty-form message", `document.getElementById("import-message").textContent.includes("Paste an article")`)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "scan.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4"), 0o644)
	tb.do(chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{pdf}))
	tb.waitFor("the refused-file message", `document.getElementById("import-message").textContent.includes("not a file Verbatim reads")`)

	// Shared text (the manifest's share_target) lands in the form.
	tb.open("/import?title=Shared&text=" + url.QueryEscape("The mayor said, “We keep the ferry.”"))
	tb.waitWasm()
	tb.waitFor("the shared text in the form", `document.getElementById("import-text").value.includes("We keep the ferry.")`)

	// Article links are external only: an internal or script link loses its href, and a web link
	// opens in a new tab without opener or referrer.
	tb.open("/import")
	tb.waitWasm()
	links := `<article><h1>Links</h1><p>The mayor said, “We keep the ferry,” in <a href="https://example.com/ferry">a statement</a>.</p>` +
		`<p>See <a href="/import">this</a>, <a href="javascript:alert(1)">that</a> and <a href="` + s.URL() + `/">home</a>.</p></article>`
	eval[bool](tb, fmt.Sprintf(`(() => { const t = document.getElementById("import-text"); t.value = %s; t.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, jsString(links)))
	tb.do(chromedp.Click(chromedp.ID("import-submit")))
	tb.waitFor("the linked article", `location.pathname.startsWith("/article/my-") && !!document.querySelector(".article-body a")`)
	bad := eval[[]string](tb, `[...document.querySelectorAll(".article a")].filter((a) =>
		!/^https?:\/\//.test(a.getAttribute("href")) || a.target !== "_blank" || !a.rel.includes("noopener") || !a.rel.includes("noreferrer")).map((a) => a.outerHTML)`)
	if len(bad) > 0 {
		t.Errorf("unsafe article links: %v", bad)
	}

	// Choosing a Markdown file fills the form; importing it opens the reader.
	tb.open("/import")
	tb.waitWasm()
	md, _ := filepath.Abs("samples/harbour-council.md")
	tb.do(chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{md}))
	tb.waitFor("the chosen file to be read", `document.getElementById("import-text").value.length > 100`)
	tb.do(chromedp.Click(chromedp.ID("import-submit")))
	tb.waitFor("the chosen file in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	tb.assertClean()
}
