package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeSource finds axe-core's axe.min.js (from npm): $AXE_CORE_JS, or node_modules/axe-core in the
// repository. It returns "" when it is not installed.
func axeSource(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("AXE_CORE_JS"), "../node_modules/axe-core/axe.min.js"} {
		if p == "" {
			continue
		}
		if b, err := os.ReadFile(filepath.Clean(p)); err == nil {
			return string(b)
		}
	}
	return ""
}

// requireAxe returns axe-core's source, and fails the test when it is not installed.
func requireAxe(t *testing.T) string {
	t.Helper()
	src := axeSource(t)
	if src == "" {
		t.Fatal("axe-core is not installed: run make test-env (npm ci installs the pinned axe-core), or set AXE_CORE_JS to axe.min.js")
	}
	return src
}

// axeRun injects axe-core through DevTools (not subject to the page's CSP) and returns its
// violations, one line each.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then((r) =>
  r.violations.map((v) => v.id + " (" + v.impact + "): " + v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")))`

// TestE2EAxe runs axe-core on the library and the import page after app.wasm has taken each over,
// and on the reader without app.wasm (every *.wasm request blocked): in light, sepia and dark
// themes, at a deep-linked quote, with its shortcuts dialog open, with a speaker chosen in the
// legend and the highlights off, in an embed, and as app.wasm renders it (a link followed from the
// library). It expects no violation.
func TestE2EAxe(t *testing.T) {
	requireBrowser(t)
	src := requireAxe(t)
	s := e2eServer(t)
	wasm := newTab(t, s.URL())
	plain := newTab(t, s.URL())
	plain.blockWasm()
	const reader = `!!window.verbatimReader && document.querySelectorAll("mark[data-quote-id]").length > 0`
	// check runs axe on the page in tb once ready holds; path, when not empty, is opened first.
	check := func(tb *tab, name, path, ready string) {
		t.Helper()
		if path != "" {
			tb.open(path)
		}
		if tb == wasm {
			tb.waitWasm()
		}
		tb.waitFor(name, ready)
		eval[bool](tb, src+";true")
		for _, v := range eval[[]string](tb, axeRun) {
			t.Errorf("%s: %s", name, v)
		}
	}
	check(wasm, "import", "/import", `!!document.getElementById("import-text")`)
	check(wasm, "library", "/", `document.querySelectorAll("#samples .card").length > 0`)
	wasm.click(`#samples .card a[href="/article/` + sampleID + `"]`)
	check(wasm, "reader rendered by app.wasm", "", `location.pathname === "/article/`+sampleID+`" && `+reader)

	check(plain, "reader (light)", "/article/"+sampleID, reader)
	plain.click(`[data-action="shortcuts"]`)
	check(plain, "reader with the shortcuts dialog", "", reader+` && !document.getElementById("shortcuts").hidden`)
	plain.key(kb.Escape)
	plain.click(`[data-speaker-filter]:not([data-speaker-filter=""])`)
	plain.click(`[data-action="highlights"]`)
	check(plain, "reader with a speaker chosen and the highlights off", "", reader+` && document.querySelectorAll("mark.dim").length > 0 && document.documentElement.dataset.highlights === "off"`)
	check(plain, "embed", "/embed/"+sampleID, reader)

	// Sepia, chosen in the settings (remembered in local storage).
	eval[bool](plain, `localStorage.setItem("verbatim.settings", JSON.stringify({theme: "sepia", font: "legible", size: 4, width: "medium", leading: "normal"})); true`)
	check(plain, "reader (sepia)", "/article/"+sampleID, reader+` && document.documentElement.dataset.theme === "sepia"`)

	// Dark, chosen in the settings, at a deep-linked quote.
	eval[bool](plain, `localStorage.setItem("verbatim.settings", JSON.stringify({theme: "dark", font: "serif", size: 4, width: "medium", leading: "normal"})); true`)
	plain.do(chromedp.Navigate("about:blank"))
	check(plain, "reader (dark, deep link)", "/article/"+sampleID+"#q3", reader+` && document.activeElement.id === "q3" && document.documentElement.dataset.theme === "dark"`)
	eval[bool](plain, `localStorage.removeItem("verbatim.settings"); true`)

	// Dark: the automatic theme under a dark system preference.
	if _, err := chromedp.Call(plain.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	check(plain, "reader (dark)", "/article/"+sampleID, reader)
	if bg := eval[string](plain, `getComputedStyle(document.body).backgroundColor`); !strings.Contains(bg, "18, 18, 18") {
		t.Errorf("the automatic theme under a dark preference has background %s", bg)
	}
	wasm.assertClean()
	plain.assertClean()
}
