package server

// The static export served by nginx (Debian's package, started here on a free loopback port) with
// the configuration of docs/deploy.md, checked over HTTP and in headless Chromium: direct loads,
// the headers, the oEmbed rewrite, an embed on a partner page, and an offline reload.

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"verbatim/internal/deploydoc"
	"verbatim/internal/testlog"
)

// freePort returns a loopback port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startNginx serves site, an export, with the documented configuration on port, until the test ends
// or stop is called.
func startNginx(t *testing.T, site string, port int) (stop func()) {
	t.Helper()
	exe, err := exec.LookPath("nginx")
	if err != nil {
		t.Fatalf("nginx is missing: run make test-env (or apt-get install nginx): %v", err)
	}
	doc, err := os.ReadFile(filepath.Join("..", "docs", "deploy.md"))
	if err != nil {
		t.Fatal(err)
	}
	server, err := deploydoc.NginxServer(doc, deploydoc.Nginx{Listen: fmt.Sprintf("127.0.0.1:%d", port), Root: site})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	conf := fmt.Sprintf(`daemon off;
master_process off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events { worker_connections 64; }
http {
    access_log off;
    default_type application/octet-stream;
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
%[2]s
}
`, dir, server)
	confPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-e", filepath.Join(dir, "error.log"), "-p", dir, "-c", confPath)
	out := &testlog.Buffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	stopped := false
	stop = func() {
		if !stopped {
			stopped = true
			cmd.Process.Kill()
			<-done
		}
	}
	t.Cleanup(stop)
	for deadline := time.Now().Add(30 * time.Second); ; {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
			return stop
		}
		select {
		case <-done:
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx exited: %s\n%s", out, log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx never listened on %d", port)
		}
	}
}

func TestBrowserExportServedByNginx(t *testing.T) {
	ctx := newTab(t, "", tallWindow).ctx // fails first when Chromium or app.wasm is missing

	partnerLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	partnerOrigin := fmt.Sprintf("http://localhost:%d", partnerLn.Addr().(*net.TCPAddr).Port)
	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)

	s, err := NewServer(Config{WebDir: e2eWeb(t), BaseURL: base, Partners: []string{partnerOrigin}, Logger: newTestLogger(io.Discard), StaticOEmbed: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	site := filepath.Join(t.TempDir(), "site")
	if _, err := s.Export(context.Background(), site, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, site, map[string]string{".env": "SECRET=dotfile", "web/.hidden": "SECRET=dotfile"})
	stopNginx := startNginx(t, site, port)

	// Over HTTP: clean URLs, headers, encodings, ranges, dotfiles, oEmbed.
	get := func(path string, header map[string]string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", base+path, nil)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res, string(body)
	}
	v := s.Version()
	oembedQ := func(u, format string) string {
		return "/oembed?" + url.Values{"url": {u}, "format": {format}}.Encode()
	}
	cases := []struct {
		path   string
		header map[string]string
		status int
		want   map[string]string // header → substring
	}{
		{"/", nil, 200, map[string]string{"Content-Type": "text/html", "Cache-Control": "no-cache", "Content-Security-Policy": "frame-ancestors 'self'", "X-Frame-Options": "SAMEORIGIN"}},
		{"/article/zakaria-peskov", nil, 200, map[string]string{"Content-Type": "text/html", "X-Content-Type-Options": "nosniff", "Permissions-Policy": "camera=()"}},
		{"/import", nil, 200, map[string]string{"Content-Type": "text/html"}},
		{"/embed/zakaria-peskov", nil, 200, map[string]string{"Content-Security-Policy": "frame-ancestors 'self' " + partnerOrigin}},
		{"/v/" + v + "/web/app.wasm", map[string]string{"Accept-Encoding": "gzip"}, 200, map[string]string{"Content-Type": "application/wasm", "Content-Encoding": "gzip", "Cache-Control": "immutable", "Vary": "Accept-Encoding"}},
		{"/articles/zakaria-peskov.json", nil, 200, map[string]string{"Content-Type": "application/json"}},
		{"/manifest.webmanifest", nil, 200, map[string]string{"Content-Type": "application/manifest+json"}},
		{"/app-worker.js", nil, 200, map[string]string{"Cache-Control": "no-cache", "Content-Type": "text/javascript"}},
		{"/embed.js", nil, 200, map[string]string{"Cross-Origin-Resource-Policy": "cross-origin"}},
		{"/speakers", nil, 200, map[string]string{"Content-Type": "text/html", "X-Frame-Options": "SAMEORIGIN"}},
		{"/speaker/dmitry-peskov", nil, 200, map[string]string{"Content-Type": "text/html", "Content-Security-Policy": "frame-ancestors 'self'"}},
		{"/article/zakaria-peskov/q/1", nil, 200, map[string]string{"Content-Type": "text/html", "Cache-Control": "no-cache", "Content-Security-Policy": "frame-ancestors 'self'"}},
		{"/card/zakaria-peskov/q1.png", nil, 200, map[string]string{"Content-Type": "image/png", "Cache-Control": "no-cache", "Cross-Origin-Resource-Policy": "same-origin"}},
		{"/article/zakaria-peskov/q/999", nil, 404, nil},
		{"/card/zakaria-peskov/q1-square.png", nil, 404, nil}, // no page names it: serve only
		{"/article/nope", nil, 404, nil},
		{"/.env", nil, 404, nil},
		{"/web/.hidden", nil, 404, nil},
		{"/web/", nil, 404, nil},
		{oembedQ(base+"/article/zakaria-peskov", "json"), nil, 200, map[string]string{"Content-Type": "application/json"}},
		{oembedQ(base+"/article/zakaria-peskov", "xml"), nil, 501, nil},
		{oembedQ(base+"/article/nope", "json"), nil, 404, nil},
	}
	for _, c := range cases {
		res, body := get(c.path, c.header)
		if res.StatusCode != c.status {
			t.Errorf("GET %s = %d, want %d", c.path, res.StatusCode, c.status)
			continue
		}
		for k, sub := range c.want {
			if got := res.Header.Get(k); !strings.Contains(got, sub) {
				t.Errorf("GET %s: %s=%q, want it to contain %q", c.path, k, got, sub)
			}
		}
		if strings.Contains(body, "SECRET") {
			t.Errorf("GET %s leaked a dotfile", c.path)
		}
	}
	// nginx sends each kind of response the headers the server sends it, the document-only ones on
	// the pages alone (the like-for-like comparison of make bench depends on it), and the
	// bookmarklet's import page no Cross-Origin-Opener-Policy.
	for _, p := range []string{
		"/", "/import", "/import?from=bookmarklet", "/article/zakaria-peskov", "/embed/zakaria-peskov", "/articles/index.json", "/articles/zakaria-peskov.json",
		"/speakers", "/speaker/dmitry-peskov", "/articles/speakers.json", "/article/zakaria-peskov/q/1", "/card/zakaria-peskov/q1.png",
		"/app.js", "/wasm_exec.js", "/app-worker.js", "/manifest.webmanifest", "/embed.js", "/embed-frame.js",
		"/v/" + v + "/web/app.wasm", "/web/app.wasm", "/v/" + v + "/web/verbatim.css", "/v/" + v + "/web/icons/icon.svg",
		"/v/" + v + "/web/page/embed-frame.js", "/v/" + v + "/web/partner/embed.js", "/oembed/zakaria-peskov.json",
		"/v/" + v + "/web/worker/parse-worker.js", "/web/worker/parse-worker.js",
	} {
		res, _ := get(p, nil)
		want, _ := do(t, s.Handler(), "GET", p, nil)
		if res.StatusCode != want.StatusCode {
			t.Errorf("GET %s: nginx %d, the server %d", p, res.StatusCode, want.StatusCode)
			continue
		}
		for _, name := range securityHeaderNames {
			if got, want := res.Header.Values(name), want.Header.Values(name); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("GET %s: nginx sends %s %q, the server %q", p, name, got, want)
			}
		}
	}
	// A quote's share link, as a preview crawler reads it: the page the server sends, whose og:image,
	// and the article page's, is the card the server draws there, a 1200×630 PNG.
	_, share := get("/article/zakaria-peskov/q/2", nil)
	if _, want := do(t, s.Handler(), "GET", "/article/zakaria-peskov/q/2", nil); share != want {
		t.Errorf("nginx's /article/zakaria-peskov/q/2 is not the page the server sends:\n%s", share)
	}
	_, page := get("/article/zakaria-peskov", nil)
	for _, imageURL := range []string{metaOf(t, share)["og:image"], metaOf(t, page)["og:image"]} {
		p, ok := strings.CutPrefix(imageURL, base+"/card/")
		if !ok {
			t.Errorf("og:image %q is not a card of the site", imageURL)
			continue
		}
		res, card := get("/card/"+p, nil)
		_, want := do(t, s.Handler(), "GET", "/card/"+p, nil)
		img, err := png.Decode(strings.NewReader(card))
		if res.StatusCode != 200 || card != want || err != nil || img.Bounds().Size() != image.Pt(1200, 630) {
			t.Errorf("og:image %s: status %d, the server's card %v, %v", imageURL, res.StatusCode, card == want, err)
		}
	}

	var many []string
	for i := range 900 {
		many = append(many, fmt.Sprintf("%d-%d", i*2, i*2))
	}
	if res, _ := get("/v/"+v+"/web/app.wasm", map[string]string{"Range": "bytes=" + strings.Join(many, ",")}); res.StatusCode != 200 {
		t.Errorf("900 ranges: status %d, want 200 (the whole file)", res.StatusCode)
	}

	// In Chromium: the library, which boots app.wasm and installs the service worker, then the
	// reader, which loads no app.wasm, both under nginx's headers: the CSP of .nginx/document.conf
	// allows the pages' inline style sheet and settings script (the light background is the style
	// sheet's) and nothing breaks it.
	run := func(ctx context.Context, a chromedp.Action[chromedp.Void]) {
		t.Helper()
		if _, err := chromedp.Run(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	const styled = `getComputedStyle(document.body).backgroundColor === "rgb(251, 250, 247)" && (window.__csp || []).length === 0`
	run(ctx, chromedp.Navigate(base+"/"))
	pollIn(t, ctx, "app.wasm to take over the library", wasmReady)
	pollIn(t, ctx, "the service worker to control the page", `navigator.serviceWorker.controller !== null`)
	run(ctx, chromedp.Navigate(base+"/article/zakaria-peskov"))
	pollIn(t, ctx, "the prerendered quotes", `document.querySelectorAll("[data-quote-id]").length > 0 && document.readyState === "complete"`)
	if !evalIn[bool](t, ctx, styled) {
		t.Errorf("the exported reader is unstyled, or broke its CSP: %v", evalIn[[]string](t, ctx, `window.__csp || []`))
	}
	if evalIn[bool](t, ctx, `performance.getEntriesByType("resource").some((e) => e.name.endsWith(".wasm"))`) {
		t.Errorf("the exported reader fetched a *.wasm")
	}
	// A share link opens its quote in the article, through the service worker that now controls
	// the site.
	// Its refresh navigates again, which may end a poll's context: poll starts again in the new page.
	run(ctx, chromedp.Navigate(base+"/article/zakaria-peskov/q/2"))
	atQuote := `location.pathname === "/article/zakaria-peskov" && location.hash === "#q2" && document.getElementById("q2") !== null && document.readyState === "complete"`
	pollIn(t, ctx, "the share link to open its quote in the article", atQuote)

	// Once more online, now through the worker, so that the page is cached.
	run(ctx, chromedp.Reload())
	pollIn(t, ctx, "the reader after the reload", `document.querySelectorAll("[data-quote-id]").length > 0 && document.readyState === "complete"`)

	// The embed, from the export, on a partner page of another site.
	partner := &http.Server{Handler: staticPage(`<!DOCTYPE html><title>Partner</title>
<blockquote class="verbatim-embed" data-article="harbour-council" data-autoheight>The harbour council keeps the ferry.</blockquote>
<script async src="` + base + `/embed.js"></script>`), ReadHeaderTimeout: 5 * time.Second}
	go partner.Serve(partnerLn)
	defer partner.Close()
	pctx, cancel := chromedp.NewContext(ctx)
	defer cancel()
	run(pctx, chromedp.Navigate(partnerOrigin+"/"))
	pollIn(t, pctx, "the exported embed to load and resize", `(() => { const f = document.querySelector("iframe.verbatim-embed-frame"); return f && f.style.height !== "420px"; })()`)

	// Offline: nginx stopped, the article reloads from the worker's caches.
	stopNginx()
	run(ctx, chromedp.Reload())
	pollIn(t, ctx, "the article offline", `document.querySelectorAll("[data-quote-id]").length > 0 && document.title.includes("Zakaria")`)
}
