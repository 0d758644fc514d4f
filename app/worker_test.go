package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkerTemplateFromWebDir checks that the service worker is the web folder's template
// (web/worker/service-worker.js), filled in by go-app, that a folder without it gets go-app's stock
// worker, and that the version follows the template.
func TestWorkerTemplateFromWebDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("app.wasm", "fake wasm")

	_, stock := get(t, NewHandler(HandlerConfig{Version: "v1", WebDir: dir}), "/app-worker.js")
	if !strings.Contains(stock, `const cacheName = "app-" + "v1";`) {
		t.Errorf("without a template the worker is not go-app's stock one:\n%.300s", stock)
	}
	before := VersionOf(dir)

	write(serviceWorkerFile, "// test worker {{.Version}}\nconst SHELL_URLS = {{.ResourcesToCache}};\n")
	_, ours := get(t, NewHandler(HandlerConfig{Version: "v2", WebDir: dir}), "/app-worker.js")
	if !strings.HasPrefix(ours, "// test worker v2\nconst SHELL_URLS = [") {
		t.Errorf("the worker is not the web folder's template:\n%.300s", ours)
	}
	for _, want := range []string{`"/web/worker/parse-worker.js"`, `"/web/parse.wasm"`} {
		if !strings.Contains(ours, want) {
			t.Errorf("the worker does not precache %s:\n%s", want, ours)
		}
	}
	after := VersionOf(dir)
	write(serviceWorkerFile, "// test worker, changed {{.Version}}\n")
	if before == after || after == VersionOf(dir) {
		t.Errorf("VersionOf does not follow the worker template: %s, %s, %s", before, after, VersionOf(dir))
	}
}
