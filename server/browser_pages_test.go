package server

// What the browser tests do on Verbatim's own pages, through the harness of browser_harness_test.go:
// wait for app.wasm to take a page over, paste an article into /import, choose reading settings, and
// count the quote marks.

import (
	"fmt"
)

// wasmReady is true once app.wasm runs the page: the pages set data-app="wasm" on <html> once
// mounted (app's markMounted). data-theme alone does not say so: web/page/settings.js sets the
// saved settings before the first paint, and app.js removes its loader before go-app mounts the page.
const wasmReady = `document.documentElement.dataset.app === "wasm" && !document.getElementById("app-wasm-loader") && !document.querySelector('[aria-busy="true"]')`

// waitWasm waits until app.wasm has taken the page over.
func (tb *tab) waitWasm() {
	tb.t.Helper()
	tb.waitFor("app.wasm to take over", wasmReady)
}

// pasteImport puts text in /import's form, with its format, as a user pasting would (the input and
// change events go-app listens to).
func (tb *tab) pasteImport(text, format string) {
	tb.t.Helper()
	eval[bool](tb, fmt.Sprintf(`(() => {
		const t = document.getElementById("import-text");
		t.value = %s;
		t.dispatchEvent(new Event("input", {bubbles: true}));
		const f = document.getElementById("import-format");
		f.value = %q;
		f.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`, jsString(text), format))
}

// chooseSettings opens the sample article and, in its reading settings, chooses theme and font and
// one step larger text, as a user would, waiting for each to apply (web/page/reader.js runs the
// controls; the page needs no app.wasm).
func (tb *tab) chooseSettings(theme, font string) {
	tb.t.Helper()
	tb.open("/article/" + sampleID)
	tb.waitFor("the reader script", `!!window.verbatimReader`)
	tb.click(".controls summary")
	set := `(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`
	eval[bool](tb, fmt.Sprintf(set, "set-theme", theme))
	tb.waitFor("the "+theme+" theme", fmt.Sprintf(`document.documentElement.dataset.theme === %q`, theme))
	eval[bool](tb, fmt.Sprintf(set, "set-font", font))
	tb.waitFor("the "+font+" font", fmt.Sprintf(`document.documentElement.dataset.font === %q`, font))
	tb.click("#size-up")
	tb.waitFor("a larger size", `document.documentElement.dataset.size === "5"`)
}

// markStats are counts of the quote marks in the page.
type markStats struct {
	Marks    int  `json:"marks"`
	Quotes   int  `json:"quotes"`
	Speakers int  `json:"speakers"`
	Unmarked bool `json:"unmarked"` // an element inside a mark lacks data-quote-id on its mark
}

const markStatsJS = `(() => {
  const marks = [...document.querySelectorAll("mark")];
  return {
    marks: marks.length,
    quotes: new Set(marks.map((m) => m.dataset.quoteId)).size,
    speakers: new Set(marks.filter((m) => m.dataset.speakerId).map((m) => m.dataset.speakerId)).size,
    unmarked: marks.some((m) => !m.dataset.quoteId),
  };
})()`

// marks counts the quote marks in the tab's page.
func (tb *tab) marks() markStats {
	tb.t.Helper()
	return eval[markStats](tb, markStatsJS)
}
