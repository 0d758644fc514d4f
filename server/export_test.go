package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestExportWritesTheWholeSite(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{BaseURL: "https://verbatim.example", Partners: []string{"https://partner.example"}, StaticOEmbed: true})
	dir := t.TempDir()
	rep, err := s.Export(context.Background(), dir, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v := s.Version()
	want := []string{
		"index.html", "index.html.br", "index.html.gz", "import.html",
		"article/harbour-council.html", "article/library-reopens.html", "article/zakaria-peskov.html",
		"embed/harbour-council.html", "embed/zakaria-peskov.html",
		"articles/index.json", "articles/index.json.br", "articles/harbour-council.json",
		"oembed/harbour-council.json",
		"app.js", "app.js.br", "app.js.gz", "wasm_exec.js", "app-worker.js", "app.css",
		"manifest.webmanifest", "manifest.json", "embed.js", "embed-frame.js",
		"v/" + v + "/web/page/reader.js", "v/" + v + "/web/page/offline.js", "v/" + v + "/web/page/embed-frame.js",
		"v/" + v + "/web/partner/embed.js",
		".nginx/document.conf", ".nginx/article.conf", ".nginx/embed.conf", ".nginx/resource.conf", ".nginx/partner.conf",
		".nginx/service-worker.conf", ".nginx/worker.conf",
		"web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "app.wasm",
		"v/" + v + "/web/app.wasm", "v/" + v + "/web/app.wasm.br", "v/" + v + "/web/app.wasm.gz",
		"web/icons/icon-192.png", "web/icons/icon-512.png", "web/icons/maskable-512.png", "web/icons/icon.svg",
		"v/" + v + "/web/verbatim.css", "robots.txt",
	}
	for _, name := range want {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("export lacks %s", name)
		}
	}
	for _, name := range []string{"web/.env", "web/.git/config", "web/escape.txt", "web/icons/icon-192.png.br", "secret.txt", "embed-app.js"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("export has %s", name)
		}
	}
	if rep.Files < len(want) {
		t.Errorf("Export reported %d files", rep.Files)
	}

	// The pages are what the server sends, byte for byte.
	page, _ := os.ReadFile(filepath.Join(dir, "article/harbour-council.html"))
	res, sent := do(t, s.Handler(), "GET", "/article/harbour-council", nil)
	if string(page) != sent {
		t.Errorf("the exported article page is not the page the server sends")
	}
	for _, w := range []string{
		`href="https://verbatim.example/oembed/harbour-council.json"`,
		`content="https://verbatim.example/article/harbour-council"`,
		`url("/v/` + v + `/web/fonts/fake-400.woff2")`,
		`src="/v/` + v + `/web/page/reader.js"`,
	} {
		if !strings.Contains(string(page), w) {
			t.Errorf("exported article page lacks %s", w)
		}
	}
	embed, _ := os.ReadFile(filepath.Join(dir, "embed/harbour-council.html"))
	if !strings.Contains(string(embed), `src="/v/`+v+`/web/page/embed-frame.js"`) || !strings.Contains(string(embed), `content="https://partner.example"`) {
		t.Errorf("exported embed page lacks the frame script or the partner list")
	}

	// The header snippets say what the server sends with each kind of response.
	libraryRes, _ := do(t, s.Handler(), "GET", "/", nil)
	embedRes, _ := do(t, s.Handler(), "GET", "/embed/harbour-council", nil)
	jsonRes, _ := do(t, s.Handler(), "GET", "/articles/index.json", nil)
	workerRes, _ := do(t, s.Handler(), "GET", "/app-worker.js", nil)
	partnerRes, _ := do(t, s.Handler(), "GET", "/embed.js", nil)
	for file, sent := range map[string]http.Header{
		"document": libraryRes.Header, "article": res.Header, "embed": embedRes.Header, "resource": jsonRes.Header, "service-worker": workerRes.Header, "partner": partnerRes.Header,
	} {
		b, err := os.ReadFile(filepath.Join(dir, ".nginx", file+".conf"))
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, name := range securityHeaderNames {
			if v := sent.Get(name); v != "" {
				lines = append(lines, fmt.Sprintf("add_header %s %q always;", name, v))
			}
		}
		got := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(got) == 0 || !strings.HasPrefix(got[0], "# ") {
			t.Errorf(".nginx/%s.conf has no comment line: %q", file, got)
			continue
		}
		if slices.Sort(lines); !slices.Equal(slices.Sorted(slices.Values(got[1:])), lines) {
			t.Errorf(".nginx/%s.conf:\n%s\nwant the headers the server sends:\n%s", file, b, strings.Join(lines, "\n"))
		}
	}
	var o map[string]any
	b, _ := os.ReadFile(filepath.Join(dir, "oembed/harbour-council.json"))
	if err := json.Unmarshal(b, &o); err != nil || o["type"] != "rich" {
		t.Errorf("oembed/harbour-council.json: %v %v", err, o)
	}
}

func TestExportNeedsABaseURL(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	if _, err := s.Export(context.Background(), t.TempDir(), ExportOptions{}); err == nil || !strings.Contains(err.Error(), "base URL") {
		t.Errorf("Export without a base URL: err=%v", err)
	}
}
