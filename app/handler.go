package app

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// HandlerConfig is what the server tells NewHandler about the deployment.
type HandlerConfig struct {
	// Version names the build. The service worker's caches are versioned with it, and go-app uses it as
	// the ETag of every path, so it must change when app.wasm or the web files change and only then.
	// When empty, NewHandler derives it from the content of WebDir (see VersionOf).
	Version string
	// WebDir is the web folder (app.wasm, verbatim.css, icons, fonts). Default "web". VersionOf reads
	// it when Version is empty, and the handler serves it from disk as /web/ when Resources is nil (as
	// in this package's tests). The server sets both, and serves the web folder itself.
	WebDir string
	// Title is the page title and the app's name. Default "Verbatim".
	Title string
	// Description describes the app for the manifest and search engines.
	Description string
	// Resources tells go-app where the web folder's files are addressed (the prefix of the /web/
	// paths below, and app.wasm's URL). The server's provider addresses them under /v/{version}/web/ and
	// is no http.Handler, so go-app never serves them: the server does, from memory. When nil, the
	// handler serves WebDir at /web/ itself.
	Resources goapp.ResourceProvider
}

// The app's fixed look, shared by the handler and the manifest.
const (
	defaultTitle       = "Verbatim"
	defaultDescription = "Read news articles with every quotation highlighted and attributed to its speaker."
	themeColor         = "#1f4e79"
	backgroundColor    = "#fbfaf7"
	// viewportMeta replaces go-app's default viewport, which forbids pinch zoom: a reader must allow it.
	// Browsers apply the last viewport meta of the head, and RawHeaders come after go-app's own.
	viewportMeta = `<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">`
)

// The local files the app needs offline; every one of them is under /web/ and precached by the worker.
var (
	icon192      = "/web/icons/icon-192.png"
	icon512      = "/web/icons/icon-512.png"
	iconMaskable = "/web/icons/maskable-512.png"
	// styleSheet and settingsScript are the style sheet and the script that applies the saved reader
	// settings before the first paint. go-app links them; the server puts both inline into every
	// page instead (its post-processor), allowed by their hashes in the CSP.
	styleSheet     = "/web/verbatim.css"
	settingsScript = "/web/page/settings.js"
	// parseWorkerScript is the import page's parse worker (web/worker/, the scripts that run in
	// workers); it loads parseWasm, which make builds beside app.wasm.
	parseWorkerScript = "/web/worker/parse-worker.js"
	parseWasm         = "/web/parse.wasm"
	fontFiles         = []string{
		"/web/fonts/atkinson-hyperlegible-latin-400-normal.woff2",
		"/web/fonts/atkinson-hyperlegible-latin-400-italic.woff2",
		"/web/fonts/atkinson-hyperlegible-latin-700-normal.woff2",
		"/web/fonts/atkinson-hyperlegible-latin-700-italic.woff2",
	}
)

// pageScriptFiles are the scripts the server adds to the pages it prerenders (web/page/): reader.js
// on every page, offline.js on the reader's own pages, embed-frame.js in embeds; and the scripts
// loaded on first use, card.js and highlights.js (by reader.js) and export.js (by offline.js).
var pageScriptFiles = []string{"/web/page/reader.js", "/web/page/offline.js", "/web/page/embed-frame.js", "/web/page/card.js", "/web/page/export.js", "/web/page/highlights.js"}

// pageScripts returns the page scripts that the web folder dir holds: the worker's install fails
// when one file it precaches is missing, and the server leaves a missing one out of the pages too.
func pageScripts(dir string) []string {
	var out []string
	for _, p := range pageScriptFiles {
		if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/web/")))); err == nil && st.Mode().IsRegular() {
			out = append(out, p)
		}
	}
	return out
}

// serviceWorkerFile is the service worker's template in the web folder (go-app's
// Handler.ServiceWorkerTemplate), which NewHandler reads.
const serviceWorkerFile = "worker/service-worker.js"

// workerTemplate returns the service worker's template from the web folder dir, or "" when the
// folder has none (a test's fake folder): go-app then generates its stock worker, which precaches
// the shell and no more (no offline reader, no saved pages, no update flow).
func workerTemplate(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(serviceWorkerFile)))
	if err != nil {
		return ""
	}
	return string(b)
}

func (cfg HandlerConfig) withDefaults() HandlerConfig {
	if cfg.WebDir == "" {
		cfg.WebDir = "web"
	}
	if cfg.Title == "" {
		cfg.Title = defaultTitle
	}
	if cfg.Description == "" {
		cfg.Description = defaultDescription
	}
	if cfg.Version == "" {
		cfg.Version = VersionOf(cfg.WebDir)
	}
	return cfg
}

// NewHandler returns the go-app handler for the app's pages (prerendered from the server library
// set with SetServerLibrary) and the scripts go-app generates (app.js, wasm_exec.js, app-worker.js);
// it serves the web folder's files only when cfg.Resources is nil (see HandlerConfig). Every icon,
// style and font it references is local, so the worker's install succeeds offline. It calls
// Register.
//
// go-app also generates a /manifest.webmanifest, which cannot carry an id, share_target or
// file_handlers: the server serves ManifestJSON at /manifest.webmanifest and /manifest.json instead.
func NewHandler(cfg HandlerConfig) *goapp.Handler {
	cfg = cfg.withDefaults()
	Register()
	resources := cfg.Resources
	if resources == nil {
		resources = webDir(cfg.WebDir)
	}
	return &goapp.Handler{
		Name:            cfg.Title,
		ShortName:       cfg.Title,
		Title:           cfg.Title,
		Description:     cfg.Description,
		Lang:            "en",
		Version:         cfg.Version,
		ThemeColor:      themeColor,
		BackgroundColor: backgroundColor,
		LoadingLabel:    "Loading the reader… {progress}%",
		// go-app links Icon.SVG as the page's icon (rel="icon"); it is the 192-pixel PNG, as the
		// header's image. Chromium fetches a page's icon through the page's renderer, which decodes
		// an SVG on the main thread in a document of its own, after the first paint: a task of
		// 30 ms at 4× CPU in the reader's traces, one more for the manifest's SVG (ManifestJSON).
		// A PNG of 192 pixels decodes in well under a millisecond.
		Icon: goapp.Icon{
			Default:    icon192,
			Large:      icon512,
			SVG:        icon192,
			AppleTouch: icon192,
		},
		Styles: []string{styleSheet},
		// A plain <script src> in <head>, neither defer nor async: it runs before the first paint.
		Scripts: []string{settingsScript},
		// No font is preloaded: Atkinson Hyperlegible is an optional setting (font-display: swap),
		// and a preload would put 17 KB on every first visit's critical path. The worker caches them.
		// The parse worker and its wasm are precached, so that import works offline once installed,
		// and so are the page scripts the server adds to the pages (pageScripts) and the maskable
		// icon (the manifest's). The pages' icon link and the Frame's header show the 192-pixel PNG
		// (components/shell.go), which go-app precaches. No page or manifest links web/icons/icon.svg.
		CacheableResources:    append(append([]string{iconMaskable, "/import", parseWorkerScript, parseWasm}, fontFiles...), pageScripts(cfg.WebDir)...),
		RawHeaders:            []string{viewportMeta},
		Resources:             resources,
		ServiceWorkerTemplate: workerTemplate(cfg.WebDir),
	}
}

// VersionOf derives a version from the content of the web folder: app.wasm, the parse worker and its
// parse.wasm, the style sheet, the page scripts and the service worker's template. It changes
// exactly when one of them changes.
func VersionOf(dir string) string {
	h := sha256.New()
	for _, name := range []string{"app.wasm", "parse.wasm", "worker/parse-worker.js", "verbatim.css", "page/settings.js",
		"page/reader.js", "page/offline.js", "page/embed-frame.js", "page/card.js", "page/export.js", "page/highlights.js", serviceWorkerFile} {
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			io.WriteString(h, "missing "+name)
			continue
		}
		io.Copy(h, f)
		f.Close()
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// webDir serves the folder dir as /web/, wherever the server runs from. go-app's LocalDir would tie
// the folder's path on disk to its URL prefix.
type webDir string

func (d webDir) Package() string { return "" }
func (d webDir) Static() string  { return "" }
func (d webDir) AppWASM() string { return "/web/app.wasm" }

func (d webDir) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	http.StripPrefix("/web", http.FileServer(http.Dir(string(d)))).ServeHTTP(w, r)
}
