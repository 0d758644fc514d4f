package server

import (
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"
)

// TestBrowserEmbedFirstPaintWeight loads an embed page and adds up what the browser transferred for
// it, app.wasm aside: the embedded article must be readable within 60 KB, before any wasm arrives.
// The browser's log must hold no complaint about the server's security headers.
func TestBrowserEmbedFirstPaintWeight(t *testing.T) {
	ctx := newTab(t, "", tallWindow).ctx
	s := startE2EServer(t, Config{})
	// The browser's own log (not the console) is where header problems show.
	var mu sync.Mutex
	var logged []string
	if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	go func() {
		for e, err := range chromedp.Events(ctx, cdplog.EntryAdded) {
			if err != nil {
				return
			}
			mu.Lock()
			logged = append(logged, string(e.Entry.Level)+": "+e.Entry.Text)
			mu.Unlock()
		}
	}()
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(s.URL()+"/embed/zakaria-peskov?dnt=1")); err != nil {
		t.Fatal(err)
	}
	pollIn(t, ctx, "the prerendered quotes and the fonts", `document.querySelectorAll("[data-quote-id]").length > 0 && document.fonts.status === "loaded"`)
	type entry struct {
		Name     string  `json:"name"`
		Transfer float64 `json:"transfer"`
	}
	entries := evalIn[[]entry](t, ctx, `[performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")]
		.filter(e => !e.name.includes(".wasm")).map(e => ({name: e.name, transfer: e.transferSize}))`)
	total := 0.0
	for _, e := range entries {
		total += e.Transfer
		t.Logf("%6.0f B  %s", e.Transfer, e.Name)
	}
	t.Logf("total before wasm: %.0f B", total)
	if total > 60<<10 {
		t.Errorf("the embed's first paint transferred %.0f bytes, want at most 60 KiB", total)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, m := range logged {
		if strings.Contains(m, "Permissions-Policy") || strings.Contains(m, "Content Security Policy") || strings.Contains(m, "Content-Security-Policy") {
			t.Errorf("the browser objects to a header: %s", m)
		}
	}
}
