package server

import (
	"fmt"
	"strings"
	"testing"
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

// TestE2EUpdateAvailable serves one build, saves an article for offline and lets the worker take
// control, then serves a new build on the same address: the reader (no wasm) shows "Update
// available", and its Reload button brings the new version in, whose worker drops the old shell
// and keeps the saved pages. Then the server stops: the page saved in the old version, whose
// scripts are at the old version's paths that no cache holds any more, opens from the saved pages
// with its reading features, its scripts answered by the new shell's copies.
func TestE2EUpdateAvailable(t *testing.T) {
	requireBrowser(t)
	old := startE2EServer(t, Config{})
	addr := strings.TrimPrefix(old.URL(), "http://")
	tb := newTab(t, old.URL())
	tb.blockWasm()

	tb.open("/article/library-reopens")
	waitReader(tb)
	tb.waitFor("the first worker to take control", `navigator.serviceWorker.controller !== null`)
	pressSave(tb, true)
	oldScript := fmt.Sprintf(`script[src="/v/%s/web/page/reader.js"]`, old.Version())
	if !eval[bool](tb, fmt.Sprintf(`!!document.querySelector(%q)`, oldScript)) {
		t.Fatalf("the page has no %s", oldScript)
	}
	tb.open("/article/" + sampleID)
	waitReader(tb)
	tb.waitFor("the page to load", `document.readyState === "complete"`)
	old.Close()

	next := startE2EServer(t, Config{Addr: addr, WebDir: copyWebDir(t, "\n/* next build */\n")})
	if next.Version() == old.Version() {
		t.Fatalf("the new build has the old version %s", old.Version())
	}

	eval[bool](tb, `navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true)`)
	tb.waitFor(`"Update available"`, `!document.getElementById("update-banner").hidden && document.getElementById("offline-ready").hidden`)
	bannerLeavesRoom(tb, "update-banner")
	tb.click(`#update-banner button[data-action="update-reload"]`)
	// The click reloads the page once the new worker has taken over: wait across that navigation.
	reloaded := `performance.getEntriesByType("navigation")[0].type === "reload" && document.getElementById("update-banner").hidden`
	tb.waitFor("the reload into the new version", reloaded)
	waitReader(tb)
	tb.waitFor("the new version's worker in control", fmt.Sprintf(`navigator.serviceWorker.controller && !!document.querySelector('script[src="/v/%s/web/page/reader.js"]')`, next.Version()))
	got := eval[string](tb, `caches.keys().then((k) => k.filter((n) => n.startsWith("verbatim-shell-")).join(" "))`)
	if got != "verbatim-shell-"+next.Version() {
		t.Errorf("shell caches after the update = %q, want only verbatim-shell-%s (was %s)", got, next.Version(), old.Version())
	}
	if !eval[bool](tb, fmt.Sprintf(savedPage, jsString("library-reopens"))) {
		t.Fatalf("the update lost the saved page")
	}
	// No cache holds the old version's reader.js (the page was first served before any worker, and
	// the old shell is gone): offline, only the new shell's copy can answer for it.
	if eval[bool](tb, fmt.Sprintf(`caches.match(location.origin + "/v/%s/web/page/reader.js").then((r) => !!r)`, old.Version())) {
		t.Fatalf("a cache still holds the old version's reader.js")
	}
	tb.assertClean()
	next.Close()

	tb.open("/article/library-reopens")
	waitReader(tb)
	if !eval[bool](tb, fmt.Sprintf(`!!document.querySelector(%q)`, oldScript)) {
		t.Fatalf("offline, the saved page is not the one kept in the old version")
	}
	tb.waitFor("the save button to say kept", saveButton+`.getAttribute("aria-pressed") === "true"`)
	highlightsToggle(tb)
}
