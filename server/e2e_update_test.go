package server

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// copyWebDir copies the prepared web folder to a temporary one, with extra appended to
// verbatim.css so that the build, and so the version, differ.
func copyWebDir(t *testing.T, extra string) string {
	t.Helper()
	dst := t.TempDir()
	if err := copyTree(e2eWeb(t), dst, extra); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestE2EUpdateAvailable serves one build, lets its worker take control, then serves a new build on
// the same address: the page shows "Update available", and its reload button brings the new
// version in.
func TestE2EUpdateAvailable(t *testing.T) {
	requireBrowser(t)
	old := startE2EServer(t, Config{})
	addr := strings.TrimPrefix(old.URL(), "http://")
	tb := newTab(t, old.URL())
	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the first worker to take control", `navigator.serviceWorker.controller !== null`)
	oldWorker := eval[string](tb, `navigator.serviceWorker.controller.scriptURL + " " + "`+old.Version()+`"`)
	old.Close()

	next := startE2EServer(t, Config{Addr: addr, WebDir: copyWebDir(t, "\n/* next build */\n")})
	if next.Version() == old.Version() {
		t.Fatalf("the new build has the old version %s", old.Version())
	}

	eval[bool](tb, `navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true)`)
	tb.waitFor(`"Update available"`, `!!document.getElementById("update-banner")`)
	tb.do(chromedp.Click(chromedp.ID("update-reload")))
	// The click reloads the page once the new worker has taken over: wait across that navigation.
	reloaded := `performance.getEntriesByType("navigation")[0].type === "reload" && !document.getElementById("update-banner")`
	for i := 0; ; i++ {
		err := poll(tb.ctx, reloaded, browserWait)
		if err == nil {
			break
		}
		if i == 5 || !(strings.Contains(err.Error(), "navigated") || strings.Contains(err.Error(), "context")) {
			t.Fatalf("waiting for the reload into the new version: %v", err)
		}
	}
	tb.waitWasm()
	got := eval[string](tb, `caches.keys().then((k) => k.filter((n) => n.startsWith("verbatim-shell-")).join(" "))`)
	if got != "verbatim-shell-"+next.Version() {
		t.Errorf("shell caches after the update = %q, want only verbatim-shell-%s (was %s)", got, next.Version(), oldWorker)
	}
}
