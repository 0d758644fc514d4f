package server

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/app"
)

// versionedResources is the go-app ResourceProvider of the server. The package resources (app.js,
// the worker, the manifest) stay at the root, where the worker's scope needs them; the static
// resources (/web/…) and app.wasm are addressed under /v/{version}/web/…, so that their URLs change
// with their content and can be cached as immutable. It is not an http.Handler, so go-app never
// serves files from the disk itself: the server does, from memory.
type versionedResources struct{ version string }

func (v versionedResources) Package() string { return "" }
func (v versionedResources) Static() string  { return "/v/" + v.version }
func (v versionedResources) AppWASM() string { return "/v/" + v.version + "/web/app.wasm" }

// newAppHandler returns the app's go-app handler for this build: app.NewHandler with the server's
// version and resource provider, so that static files come from the server's memory under versioned
// URLs.
func newAppHandler(version, webDir string) (*goapp.Handler, app.HandlerConfig) {
	cfg := app.HandlerConfig{
		Version:   version,
		WebDir:    webDir,
		Resources: versionedResources{version: version},
	}
	h := app.NewHandler(cfg)
	h.WasmContentLengthHeader = uncompressedLengthHeader
	// go-app resolves these slices in place on its first request; copies keep that from writing to
	// slices the app package may share between handlers (its font list is a package variable).
	h.Fonts = slices.Clone(h.Fonts)
	h.Styles = slices.Clone(h.Styles)
	h.Scripts = slices.Clone(h.Scripts)
	h.Preconnect = slices.Clone(h.Preconnect)
	h.CacheableResources = slices.Clone(h.CacheableResources)
	return h, cfg
}

// packageResources are the files go-app generates, served by the server from memory, precompressed.
// The aliases are go-app's own.
var packageResources = map[string]string{
	"/app.js":               "/app.js",
	"/goapp.js":             "/app.js",
	"/wasm_exec.js":         "/wasm_exec.js",
	"/app-worker.js":        "/app-worker.js",
	"/manifest.webmanifest": "/manifest.webmanifest", // app.ManifestJSON, not go-app's
	"/manifest.json":        "/manifest.webmanifest",
	"/app.css":              "/app.css",
}

// swRegistration is the statement of go-app's app.js that registers the service worker. The
// server's app.js drops it: web/page/offline.js registers the worker (once the page has loaded and
// the browser is idle) and shows its banners, on the pages with app.wasm and those without alike,
// and a frame on a partner's page, which loads no offline.js, installs nothing.
const swRegistration = "\ngoappInitServiceWorker();\n"

// loaderError is the statement of go-app's app.js that shows why app.wasm failed to load, and
// loaderErrorText what the server's app.js shows instead: the bare error ("TypeError: Failed to
// fetch") said nothing to a reader. Only the pages that need Go in the browser load app.js (the
// library, the import page, the reader of an article only this browser has); every page the server
// has an article for is read without it.
const (
	loaderError     = "loaderLabel.innerText = err;"
	loaderErrorText = `loaderLabel.innerText = "Verbatim's app could not load (" + err + "). Reload to try again; the articles' own pages work without it.";`
)

// goRun is the statement of go-app's app.js that starts the Go program once app.wasm is
// instantiated, and goRunAfterYield what the server's app.js runs instead: one task boundary
// first, so that V8's end of the streamed compilation and the instantiation are one task and the
// Go runtime's start and package initialisers another, where they were one long task of about
// 50 ms of CPU here (200 ms and more at Lighthouse's 4× slowdown, most of the reader's blocking
// time).
const (
	goRun           = "\n    go.run(wasm.instance);\n"
	goRunAfterYield = "\n    await new Promise((resolve) => setTimeout(resolve, 0));\n    go.run(wasm.instance);\n"
)

// showProgress is the statement of go-app's app.js that writes app.wasm's download progress into
// the loader, once for each chunk of the response (hundreds of times), and showProgressOnce what the
// server's app.js runs instead: it writes the text only when it changed (the percentage moves at
// most a hundred times), and into the label's text node, where go-app's innerText replaced the node.
// Each replacement was a childList mutation that reader.js's and offline.js's observers (which watch
// the document's tree, not its text) woke up for while the download and V8's compilation want the
// main thread: 282 times each during the library's download, 120 ms at 4× CPU.
const (
	showProgress     = `loaderLabel.innerText = goappLoadingLabel.replace("{progress}", progress);`
	showProgressOnce = `const text = goappLoadingLabel.replace("{progress}", progress);
      const node = loaderLabel.firstChild;
      if (node && node.nodeType === Node.TEXT_NODE && !node.nextSibling) {
        if (node.data !== text) node.data = text;
      } else {
        loaderLabel.textContent = text;
      }`
)

// capturePackageResources asks the go-app handler for the files it generates, once, and returns
// them by path, with the app's own manifest and the server's edits of app.js.
func capturePackageResources(h http.Handler, cfg app.HandlerConfig) (map[string][]byte, error) {
	out := map[string][]byte{"/manifest.webmanifest": app.ManifestJSON(cfg)}
	for _, p := range []string{"/app.js", "/wasm_exec.js", "/app-worker.js", "/app.css"} {
		req, _ := http.NewRequest(http.MethodGet, "http://localhost"+p, nil)
		w := newBufferWriter()
		h.ServeHTTP(w, req)
		if w.status != http.StatusOK {
			return nil, fmt.Errorf("generating %s: status %d", p, w.status)
		}
		out[p] = w.buf.Bytes()
	}
	js := string(out["/app.js"])
	js, err := replaceOnce(js, "/app.js", loaderError, loaderErrorText)
	if err != nil {
		return nil, err
	}
	if js, err = replaceOnce(js, "/app.js", goRun, goRunAfterYield); err != nil {
		return nil, err
	}
	if js, err = replaceOnce(js, "/app.js", showProgress, showProgressOnce); err != nil {
		return nil, err
	}
	if js, err = replaceOnce(js, "/app.js", swRegistration, "\n"); err != nil {
		return nil, err
	}
	out["/app.js"] = []byte(js)
	return out, nil
}

// replaceOnce returns js, the script generated for path, with the first old replaced by new, or an
// error when go-app's app.js no longer has old: a go-app upgrade must not drop an edit silently.
func replaceOnce(js, path, old, new string) (string, error) {
	if !strings.Contains(js, old) {
		return "", fmt.Errorf("generating %s: go-app's app.js no longer has %q", path, strings.TrimSpace(old))
	}
	return strings.Replace(js, old, new, 1), nil
}

// bufferWriter is an http.ResponseWriter that keeps the response in memory. The server uses it to
// capture what the go-app handler writes, before it filters and compresses it.
type bufferWriter struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func newBufferWriter() *bufferWriter { return &bufferWriter{header: make(http.Header)} }

func (w *bufferWriter) Header() http.Header { return w.header }

func (w *bufferWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *bufferWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.buf.Write(p)
}
