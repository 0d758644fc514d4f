package server

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// TestE2EImageOffline serves an article with two images from a content folder of its own, both by
// absolute http://127.0.0.1 URLs: one on the reader's own origin, and one, a PNG in the content
// folder, on a second local server (another origin, as a newsroom's image host would be). The
// reader opens the article online through the service worker: both images show. Then both servers
// stop, and the reader, reopened, still shows the reader-origin image from the worker's content
// cache. The other origin's image is cached only where the worker's CSP lets the worker fetch it
// (web/worker/service-worker.js); the test asserts that too when the server's policy allows it, and says so when not.
func TestE2EImageOffline(t *testing.T) {
	requireBrowser(t)
	content := t.TempDir()
	png, err := os.ReadFile(filepath.Join(e2eWebDir, "icons", "icon-192.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "ferry.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	images := httptest.NewServer(http.FileServer(http.Dir(content)))
	t.Cleanup(images.Close)
	// The reader's address is in the article, so it is chosen before the server starts.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	local, remote := "http://"+addr+"/web/icons/icon-512.png", images.URL+"/ferry.png"
	page := fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><title>The ferry, pictured</title></head><body><article>
<h1>The ferry, pictured</h1>
<figure><img src=%q alt="The ferry at the quay" width="192" height="192"><figcaption>The ferry at the quay.</figcaption></figure>
<p>The harbour council met on Tuesday to decide the ferry's future. The mayor said, “We keep the ferry.”</p>
<figure><img src=%q alt="The council's emblem" width="192" height="192"><figcaption>The council's emblem.</figcaption></figure>
<p>“It is the town's lifeline,” said Ana Ribeiro, who chairs the council's transport committee.</p>
</article></body></html>`, remote, local)
	if err := os.WriteFile(filepath.Join(content, "ferry-pictured.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startE2EServer(t, Config{Addr: addr, ContentDir: content})
	const id = "ferry-pictured" // the file's name
	if a := fetchArticle(t, s.URL(), id); len(a.Blocks) < 3 || a.Blocks[0].Src != remote || a.Blocks[2].Src != local {
		t.Fatalf("the test article does not hold the images %s and %s: %+v", remote, local, a.Blocks)
	}

	shown := func(src string) string {
		return fmt.Sprintf(`[...document.querySelectorAll(".article-body img")].some((i) => i.src === %q && i.complete && i.naturalWidth > 0)`, src)
	}
	cached := func(src string) string {
		return fmt.Sprintf(`caches.open("verbatim-content-v1").then((c) => c.match(%q)).then((r) => !!r)`, src)
	}
	// The reader's page boots no app.wasm: it is read as the server prerendered it, with reader.js.
	const readerReady = `window.verbatimReader === true && document.documentElement.dataset.app !== "wasm"`
	tb := newTab(t, s.URL())
	tb.open("/article/" + id)
	tb.waitFor("the reader", readerReady)
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)
	// The first load came before the worker; this one goes through it.
	tb.open("/article/" + id)
	tb.waitFor("the reader through the worker", readerReady)
	tb.waitFor("the other origin's image online, through the worker", shown(remote))
	tb.waitFor("the reader-origin image online, through the worker", shown(local))
	tb.waitFor("the reader-origin image in the worker's content cache", cached(local))
	remoteCached := eval[bool](tb, `caches.match("/verbatim-worker-policy.json").then((r) => r ? r.json() : {}).then((p) => !!p["http:"])`)
	if remoteCached {
		tb.waitFor("the other origin's image in the worker's content cache", cached(remote))
	}
	tb.assertClean()

	images.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if res, err := http.Get(local); err == nil {
		res.Body.Close()
		t.Fatalf("the reader still answers after Close")
	}

	tb.open("/article/" + id)
	tb.waitFor("the reader offline, from the worker's copy of the page", readerReady)
	tb.waitFor("the reader-origin image offline", shown(local))
	if got := eval[int](tb, fmt.Sprintf(`[...document.querySelectorAll(".article-body img")].find((i) => i.src === %q).naturalWidth`, local)); got != 512 {
		t.Errorf("offline image naturalWidth = %d, want 512", got)
	}
	if remoteCached {
		tb.waitFor("the other origin's image offline", shown(remote))
	} else {
		t.Logf("the worker's CSP (connect-src) does not let it fetch http: images of other origins: they show online and are not kept offline")
	}
}
