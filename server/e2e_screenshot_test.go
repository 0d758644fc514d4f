package server

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestE2EScreenshots writes the README's images (docs/screenshot-*.png) from the same harness as
// the other browser tests. It runs only when $VERBATIM_SCREENSHOTS names the folder to write to
// (make screenshots sets it).
func TestE2EScreenshots(t *testing.T) {
	dir := os.Getenv("VERBATIM_SCREENSHOTS")
	if dir == "" {
		t.Skip("set VERBATIM_SCREENSHOTS (make screenshots) to write the README's screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	// shot opens path and, once ready holds (and app.wasm runs the page, when wasm says it boots
	// there: the reader's pages need none), writes the screenshot.
	shot := func(name, path string, wasm bool, ready string) {
		t.Helper()
		tb.open(path)
		if wasm {
			tb.waitWasm()
		}
		tb.waitFor(name, ready)
		eval[bool](tb, `document.fonts.ready.then(() => true)`)
		png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "screenshot-"+name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	marks := `!!window.verbatimReader && document.querySelectorAll("mark[data-quote-id]").length > 0`
	shot("library", "/", true, `document.querySelectorAll("#samples .card").length > 0`)
	shot("reader", "/article/"+sampleID, false, marks)
	shot("import", "/import", true, `!!document.getElementById("import-text")`)
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	shot("reader-dark", "/article/"+sampleID+"#q5", false, marks+` && document.activeElement.dataset.quoteId === "q5"`)
}
