package server

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseWorkerServedAndExported checks the import page's parse worker like app.wasm: the server
// sends parse.wasm as application/wasm, brotli-compressed when asked, immutable at its versioned path,
// and the parse worker as JavaScript under the CSP that lets it compile wasm; the precache list of the
// service worker names both at their versioned paths; and the export writes both, parse.wasm with its
// .br and .gz.
func TestParseWorkerServedAndExported(t *testing.T) {
	t.Parallel()
	web := fakeWebDir(t)
	writeFiles(t, web, map[string]string{
		"parse.wasm":             strings.Replace(fakeWasm, "fake wasm", "fake parse wasm", -1),
		"worker/parse-worker.js": "\"use strict\";\nimportScripts(\"/wasm_exec.js\");\n" + strings.Repeat("// the parse worker\n", 20),
	})
	s, _ := newTestServer(t, Config{WebDir: web, BaseURL: "https://verbatim.example", StaticOEmbed: true})
	h := s.Handler()
	v := s.Version()

	res, body := do(t, h, "GET", "/v/"+v+"/web/parse.wasm", map[string]string{"Accept-Encoding": "br"})
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/wasm" ||
		res.Header.Get("Content-Encoding") != "br" || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") ||
		len(body) >= len(fakeWasm) {
		t.Errorf("parse.wasm: %d %v, %d bytes", res.StatusCode, res.Header, len(body))
	}
	res, _ = do(t, h, "GET", "/v/"+v+"/web/worker/parse-worker.js", nil)
	if csp := res.Header.Get("Content-Security-Policy"); res.StatusCode != http.StatusOK ||
		!strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") ||
		!strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || !strings.Contains(csp, "connect-src 'self';") {
		t.Errorf("parse-worker.js: %d %v", res.StatusCode, res.Header)
	}
	_, worker := do(t, h, "GET", "/app-worker.js", nil)
	for _, p := range []string{`"/v/` + v + `/web/parse.wasm"`, `"/v/` + v + `/web/worker/parse-worker.js"`, `"/wasm_exec.js"`} {
		if !strings.Contains(worker, p) {
			t.Errorf("the service worker does not precache %s", p)
		}
	}

	dir := t.TempDir()
	if _, err := s.Export(context.Background(), dir, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"web/parse.wasm", "web/parse.wasm.br", "web/parse.wasm.gz", "web/worker/parse-worker.js",
		"v/" + v + "/web/parse.wasm", "v/" + v + "/web/parse.wasm.br", "v/" + v + "/web/parse.wasm.gz",
		"v/" + v + "/web/worker/parse-worker.js",
	} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("export lacks %s", name)
		}
	}
}
