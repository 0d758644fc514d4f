package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
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

// axeRun injects axe-core through DevTools (not subject to the page's CSP) and returns its
// violations, one line each.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then((r) =>
  r.violations.map((v) => v.id + " (" + v.impact + "): " + v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")))`

// TestE2EAxe runs axe-core on the library, the reader in light, sepia and dark themes, and the
// import page, after app.wasm has taken each over, and on the prerendered reader in a chosen dark
// theme at a deep-linked quote, and expects no violation.
func TestE2EAxe(t *testing.T) {
	requireBrowser(t)
	src := axeSource(t)
	if src == "" {
		t.Fatal("axe-core is not installed: run make test-env (npm ci installs the pinned axe-core), or set AXE_CORE_JS to axe.min.js")
	}
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	check := func(name, path, ready string) {
		t.Helper()
		tb.open(path)
		if !strings.Contains(path, "wasm=false") {
			tb.waitWasm()
		}
		tb.waitFor(name, ready)
		eval[bool](tb, src+";true")
		for _, v := range eval[[]string](tb, axeRun) {
			// Known and not the app's to fix: before app.wasm, go-app's own viewport meta (which
			// forbids zoom) is still in the page; app.wasm removes it. The server is to drop it.
			if prerendered := strings.Contains(path, "wasm=false"); prerendered && strings.HasPrefix(v, "meta-viewport ") {
				t.Logf("%s: known, left to the server: %s", name, v)
				continue
			}
			t.Errorf("%s: %s", name, v)
		}
	}
	check("library", "/", `document.querySelectorAll("#samples .card").length > 0`)
	check("reader (light)", "/article/"+sampleID, `document.querySelectorAll("mark[data-quote-id]").length > 0`)
	check("import", "/import", `!!document.getElementById("import-text")`)

	// Sepia, chosen in the settings (remembered in local storage).
	eval[bool](tb, `localStorage.setItem("verbatim.settings", JSON.stringify({theme: "sepia", font: "legible", size: 4, width: "medium", leading: "normal"})); true`)
	check("reader (sepia)", "/article/"+sampleID, `document.querySelectorAll("mark[data-quote-id]").length > 0 && document.documentElement.dataset.theme === "sepia"`)

	// Before app.wasm: the prerendered reader in the chosen dark theme (web/theme.js), deep-linked to a
	// quote (:target).
	eval[bool](tb, `localStorage.setItem("verbatim.settings", JSON.stringify({theme: "dark", font: "serif", size: 4, width: "medium", leading: "normal"})); true`)
	check("reader (dark, prerendered, deep link)", "/article/"+sampleID+"?wasm=false#q3", `!!document.querySelector("mark:target") && document.documentElement.dataset.theme === "dark"`)
	eval[bool](tb, `localStorage.removeItem("verbatim.settings"); true`)

	// Dark: the automatic theme under a dark system preference.
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	check("reader (dark)", "/article/"+sampleID, `document.querySelectorAll("mark[data-quote-id]").length > 0`)
	if bg := eval[string](tb, `getComputedStyle(document.body).backgroundColor`); !strings.Contains(bg, "18, 18, 18") {
		t.Errorf("the automatic theme under a dark preference has background %s", bg)
	}
	tb.assertClean()
}
