package app

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	body, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(body)
}

func TestHandlerServesLocalShell(t *testing.T) {
	h := NewHandler(HandlerConfig{Version: "v-test", WebDir: "../web"})

	code, page := get(t, h, "/")
	if code != 200 {
		t.Fatalf("GET / = %d, want 200", code)
	}
	if !regexp.MustCompile(`<link (href="/web/icons/icon-192.png" rel="icon"|rel="icon" href="/web/icons/icon-192.png")`).MatchString(page) {
		t.Errorf("GET / does not link the 192-pixel PNG as its icon")
	}
	for _, want := range []string{viewportMeta, `href="/web/verbatim.css"`} {
		if !strings.Contains(page, want) {
			t.Errorf("GET / lacks %s", want)
		}
	}
	if i, j := strings.Index(page, "user-scalable=0"), strings.LastIndex(page, viewportMeta); i > j {
		t.Errorf("the zoom-allowing viewport must come after go-app's default")
	}

	// The settings script must run before the first paint: in <head>, neither deferred nor async
	// (the server puts it inline in its place).
	if i, j := strings.Index(page, `<script src="/web/page/settings.js"></script>`), strings.Index(page, "<body"); i < 0 || i > j {
		t.Errorf("GET / lacks a blocking <script src=\"/web/page/settings.js\"> in <head>")
	}

	_, worker := get(t, h, "/app-worker.js")
	for _, want := range []string{`"verbatim-shell-" + VERSION`, `const VERSION = "v-test"`, `"/web/app.wasm"`, `"/web/icons/maskable-512.png"`, `"/web/page/settings.js"`, `"/web/page/embed-frame.js"`, "clients.claim()"} {
		if !strings.Contains(worker, want) {
			t.Errorf("app-worker.js lacks %s", want)
		}
	}
	// An SVG icon is decoded on the page's main thread when Chromium fetches it (the page's icon,
	// the manifest's): neither the page nor the worker names one.
	if strings.Contains(page, ".svg") || strings.Contains(worker, ".svg") {
		t.Errorf("the page or the worker names an SVG icon")
	}
	if strings.Contains(worker, "githubusercontent") || strings.Contains(page, "githubusercontent") {
		t.Errorf("the shell references a remote GitHub URL")
	}

	for _, icon := range []string{"/web/icons/icon-192.png", "/web/icons/icon-512.png", "/web/icons/maskable-512.png", "/web/icons/icon.svg", "/web/verbatim.css", "/web/page/settings.js", "/web/page/embed-frame.js"} {
		if code, _ := get(t, h, icon); code != 200 {
			t.Errorf("GET %s = %d, want 200", icon, code)
		}
	}
}

func TestManifest(t *testing.T) {
	var m map[string]any
	if err := json.Unmarshal(ManifestJSON(HandlerConfig{}), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "start_url", "share_target", "file_handlers", "icons"} {
		if m[k] == nil {
			t.Errorf("manifest lacks %s", k)
		}
	}
	if got, want := m["display"], "standalone"; got != want {
		t.Errorf("display=%v, want %v", got, want)
	}
	for _, ic := range m["icons"].([]any) {
		src := ic.(map[string]any)["src"].(string)
		// Chromium decodes the icon it picks for installability on the page's main thread: an SVG
		// there costs a long task.
		if typ := ic.(map[string]any)["type"]; typ != "image/png" {
			t.Errorf("icon %s has type %v, want image/png", src, typ)
		}
		if _, err := os.Stat(filepath.Join("..", src)); err != nil {
			t.Errorf("icon %s is not in the repository: %v", src, err)
		}
	}
}

func TestVersionOfFollowsContent(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("one"), 0o644)
	v1 := VersionOf(dir)
	if v1 != VersionOf(dir) {
		t.Fatalf("VersionOf is not stable")
	}
	os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("two"), 0o644)
	if v1 == VersionOf(dir) {
		t.Fatalf("VersionOf did not change with app.wasm")
	}
}

// TestWorkerPrecachesThePageScriptsItHas checks that the service worker precaches the page scripts
// the web folder holds, and no other: its install fails when one file it precaches is missing.
func TestWorkerPrecachesThePageScriptsItHas(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "page"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "page", "reader.js"), []byte("// reader"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, worker := get(t, NewHandler(HandlerConfig{Version: "v-test", WebDir: dir}), "/app-worker.js")
	if !strings.Contains(worker, `"/web/page/reader.js"`) {
		t.Errorf("app-worker.js does not precache the page's reader.js")
	}
	for _, missing := range []string{"/web/page/offline.js", "/web/page/embed-frame.js"} {
		if strings.Contains(worker, `"`+missing+`"`) {
			t.Errorf("app-worker.js precaches %s, which the web folder lacks", missing)
		}
	}
	v := VersionOf(dir)
	os.WriteFile(filepath.Join(dir, "page", "reader.js"), []byte("// reader, changed"), 0o644)
	if v == VersionOf(dir) {
		t.Errorf("VersionOf did not change with page/reader.js")
	}
}
