package main

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserEmbedFirstPaintWeight loads an embed page and adds up what the browser transferred for
// it, app.wasm aside: the embedded article must be readable within 60 KB, before any wasm arrives.
func TestBrowserEmbedFirstPaintWeight(t *testing.T) {
	ctx := startBrowser(t)
	s, err := NewServer(Config{Addr: "127.0.0.1:0", WebDir: filepath.Join("..", "web"), Logger: newTestLogger(io.Discard)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Start(context.Background()); err != nil {
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
}
