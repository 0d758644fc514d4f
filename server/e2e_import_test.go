package server

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
		tb.pasteImport(string(body), tc.format)
		tb.click("#import-submit")
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
	tb.click("#import-submit")
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
	tb.click("#import-submit")
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
	tb.click("#import-submit")
	tb.waitFor("the chosen file in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	tb.assertClean()
}

// TestE2EImportRefusesBadInput imports hostile and invalid input through the parse worker: an HTML
// page that is nothing but script and event handlers, and a .txt file of binary data. Each is
// refused with a message that says what is wrong and what to do, the page stays on /import, nothing
// of the input runs, and an article imported next (in a fresh worker) still opens in the reader.
func TestE2EImportRefusesBadInput(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	// A hook that any script of the input would trip, were it to run in the page.
	tb.onNewDocument(`window.__ran = false; window.alert = () => { window.__ran = true; };`)
	tb.open("/import")
	tb.waitWasm()
	const message = `document.getElementById("import-message").textContent`

	hostile := `<html><head><script>alert(1)</script></head><body><img src=x onerror="alert(1)">` +
		`<iframe src="javascript:alert(1)"></iframe><svg onload="alert(1)"></svg></body></html>`
	tb.pasteImport(hostile, "html")
	tb.click("#import-submit")
	tb.waitFor("the no-text message", message+`.includes("could not be read as an article") && `+message+`.includes("found no readable text")`)
	if got := eval[string](tb, `location.pathname`); got != "/import" {
		t.Errorf("after a refused import the page is %s, want /import", got)
	}
	if eval[bool](tb, `window.__ran || document.querySelectorAll("#main iframe, #main svg, #main img").length > 0`) {
		t.Error("the hostile input ran or rendered")
	}
	if eval[bool](tb, `document.getElementById("import-submit").disabled`) {
		t.Error("the import button stays disabled after a refused import")
	}

	// A binary file with a .txt name: readable as a file, refused by the parser.
	bin := filepath.Join(t.TempDir(), "scan.txt")
	if err := os.WriteFile(bin, append([]byte("\x00\x01\x02\x03PK\x03\x04"), make([]byte, 256)...), 0o644); err != nil {
		t.Fatal(err)
	}
	tb.do(chromedp.SetUploadFiles(chromedp.ID("import-file"), []string{bin}))
	tb.waitFor("the binary file in the form", message+`.includes("scan.txt")`)
	eval[bool](tb, `(() => { const f = document.getElementById("import-format"); f.value = "auto"; f.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	tb.click("#import-submit")
	tb.waitFor("the binary-input message", message+`.includes("the input is not text") && `+message+`.includes("check the format")`)

	// The next import runs in a fresh worker and succeeds.
	tb.pasteImport("Ferry Kept\n\nThe mayor said, “We keep the ferry.”", "text")
	tb.click("#import-submit")
	tb.waitFor("the good article after the refused ones", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	if eval[bool](tb, `window.__ran`) {
		t.Error("the hostile input ran")
	}
	tb.assertClean()
}

// TestE2EImportParserMissing serves a web folder without parse.wasm: the parse worker cannot start,
// and the import says so plainly instead of waiting.
func TestE2EImportParserMissing(t *testing.T) {
	requireBrowser(t)
	dir := t.TempDir()
	if err := copyTree(e2eWeb(t), dir, ""); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "parse.wasm")); err != nil {
		t.Fatalf("the web folder has no parse.wasm to remove (run make build): %v", err)
	}
	s := startE2EServer(t, Config{WebDir: dir})
	tb := newTab(t, s.URL())
	tb.open("/import")
	tb.waitWasm()
	eval[bool](tb, `(() => { const t = document.getElementById("import-text"); t.value = "The mayor said, “We keep the ferry.”"; t.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	tb.click("#import-submit")
	tb.waitFor("the could-not-start message", `document.getElementById("import-message").textContent.includes("could not start") && document.getElementById("import-message").textContent.includes("404")`)
	if eval[bool](tb, `document.getElementById("import-submit").disabled`) {
		t.Error("the import button stays disabled after the worker failed")
	}
}
