package server

import (
	"context"
	"crypto/sha256"
	"net/http"
	"runtime"
	"sort"
	"strings"

	"verbatim/app"
	"verbatim/components"
)

// assetSet is every static response body the server serves from memory, by what its route looks
// up. It is built once by loadAssets and never changed. The library's responses (article JSON,
// listing pages, static oEmbed, pages) are built on demand and kept in the library's bounded cache.
type assetSet struct {
	pkg map[string]*asset // go-app's generated files, by path (packageResources' values)
	web map[string]*asset // the web folder, by slash path ("app.wasm", "icons/icon.svg")
}

// rootWebFiles are the files go-app would fetch from http://{Host}/web/…, a request to whatever
// host the client names: they are served from the web directory instead, or 404.
var rootWebFiles = []string{"robots.txt", "sitemap.xml", "ads.txt", "favicon.ico"}

// fixedWebFiles are the web folder's files served at fixed root paths besides their /web/ ones:
// the script partners paste (/embed.js, which must never move) and the embed frame's script at the
// path it had before pages loaded it from its versioned URL (a page cached by an old build).
var fixedWebFiles = map[string]string{"/embed.js": partnerScriptFile, "/embed-frame.js": embedFrameFile}

// loadAssets compresses the web folder and go-app's generated files, makes the pages' inline style and script and the header sets whose CSP allows
// them, and sets up the page renderer.
// sums are the SHA-256 of web's files (fileSums), the precompressed forms' included.
func (s *Server) loadAssets(web map[string][]byte, sums map[string]*[sha256.Size]byte) error {
	pre := takePrecompressed(web)
	for name := range web {
		s.webNames = append(s.webNames, name)
	}
	sort.Strings(s.webNames)
	s.webSet = make(map[string]bool, len(web))
	for name := range web {
		s.webSet[name] = true
	}
	appHandler, appCfg := newAppHandler(s.version, s.cfg.WebDir)
	pkg, err := capturePackageResources(appHandler, appCfg)
	if err != nil {
		return err
	}
	st := newEncodingStore(s.cfg.StateDir, s.cfg.WebDir, s.log)
	s.assets.pkg = compressAll(pkg, nil, nil, nil, contentTypeOf, runtime.GOMAXPROCS(0), 0, st)
	s.assets.web = compressAll(web, pre, loadTrustedForms(s.cfg.WebDir), sums, contentTypeOf, runtime.GOMAXPROCS(0), 0, st)
	st.prune()
	// Go owns the reading settings' choices (components' lists, defaults first); settings.js reads
	// them from the JSON the post-processor puts before it.
	pa, err := newPageAssets(web, s.version, []byte(components.SettingsChoicesJSON()))
	if err != nil {
		return err
	}
	if missing := pa.missing(); len(missing) > 0 {
		s.log.Warn("web directory lacks page files: the pages go without them (unstyled, or without their scripts); run from the repository root, or give the built web folder", "web", s.cfg.WebDir, "missing", missing)
	}
	s.headers = newResponseHeaders(s.cfg.Partners, pa.scriptSrc, pa.styleSrc)
	s.pages = &pages{app: appHandler, lib: s.lib, base: s.base, partners: s.cfg.Partners,
		oembedHref: oembedURL, assets: pa, headers: &s.headers, fetch: s.fetch.f != nil, upgrades: s.upgrades}
	s.pages.runUpgrade = s.pages.upgrade
	if s.cfg.StaticOEmbed {
		s.pages.oembedHref = staticOEmbedURL
	}
	return nil
}

// routes builds the handler: the server's own endpoints first, everything else to go-app's pages.
// Each route says what kind of response it sends, and so which headers it gets (responseHeaders);
// every response gets nosniff, and methods other than GET and HEAD are refused (secure).
func (s *Server) routes() http.Handler {
	return s.secure(assetsFirst{s, s.mux()})
}

// mux routes every path to its handler, with the headers of its kind of response.
func (s *Server) mux() *http.ServeMux {
	hs := &s.headers
	resource := func(h http.HandlerFunc) http.Handler { return withHeaders{hs.resource, h} }
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", resource(s.healthz))
	mux.Handle("GET /articles/{file}", resource(s.serveArticleJSON))
	for p, src := range packageResources {
		set := hs.resource
		if p == workerPath {
			set = hs.serviceWorker
		}
		mux.Handle("GET "+p, withHeaders{set, revalidated{s.assets.pkg[src]}})
	}
	for p, name := range fixedWebFiles {
		mux.Handle("GET "+p, webFile{s, name})
	}
	mux.HandleFunc("GET /web/{path...}", s.serveWeb)
	mux.HandleFunc("GET /v/{version}/web/{path...}", s.serveVersionedWeb)
	for _, p := range []string{"/app.wasm", "/goapp.wasm"} {
		mux.Handle("GET "+p, webFile{s, "app.wasm"})
	}
	for _, name := range rootWebFiles {
		mux.Handle("GET /"+name, webFile{s, name})
	}
	mux.Handle("GET /card/{id}/{file}", resource(s.serveCard))
	mux.Handle("GET /article/{id}/q/{n}", withHeaders{hs.articlePage, http.HandlerFunc(s.serveShare)})
	mux.Handle("GET /oembed", resource(s.oembed))
	mux.Handle("GET /oembed/{file}", resource(s.serveStaticOEmbed))
	mux.Handle("POST "+fetchPath, withHeaders{hs.resource, s.fetch})
	mux.Handle("GET "+app.SearchAPIPath, resource(s.serveSearch))
	mux.HandleFunc("GET "+app.PathLibraryPages+"{n}", s.serveLibraryPage)
	mux.Handle("GET /", s.pages)
	return mux
}

// assetsFirst answers the GET and HEAD requests of in-memory assets itself (assetRoute) and hands
// every other request to the mux: the article JSON is the server's most frequent small response,
// and the mux's path cleaning, matching and path values were a quarter of its handler's time
// (budget 5: the small JSON against nginx). It takes only clean paths (cleanRequestPath), which
// the mux would route to the same handler unchanged; the fasthttp front (front.native) takes the
// same requests through the same assetRoute.
type assetsFirst struct {
	s   *Server
	mux http.Handler
}

func (a assetsFirst) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if ans, ok := a.s.assetRequest(r); ok {
		ans.hs.set(w.Header())
		ans.a.serve(w, r, ans.cache)
		return
	}
	a.mux.ServeHTTP(w, r)
}

// assetRequest returns the answer to r when assetsFirst takes it: a GET or HEAD of an asset's
// route (assetRoute) on a clean path with no escapes (RawPath empty, so Path is what the mux
// matches).
func (s *Server) assetRequest(r *http.Request) (assetAnswer, bool) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead || r.URL.RawPath != "" || !cleanRequestPath(r.URL.Path) {
		return assetAnswer{}, false
	}
	return s.assetRoute(r.Context(), r.URL.Path)
}

// assetAnswer is what a GET or HEAD of an in-memory asset is answered with: the asset, its
// Cache-Control and the header set of its route's kind of response (responseHeaders).
type assetAnswer struct {
	a     *asset
	cache string
	hs    headerSet
}

// assetRoute returns the answer to a GET or HEAD of p, a clean path (cleanRequestPath), when p is
// the route of an asset the server holds: an article's or the listing's JSON (/articles/{file}),
// go-app's generated files, and the web folder's files at each of their paths. It routes as the
// mux does (mux) and is false for anything else, errors included, which the mux answers. Both
// fronts call it: assetsFirst for net/http, front.native for fasthttp.
//
// Trust boundary: p comes from the request; it only ever selects an entry of an in-memory map
// (cleanAssetPath) or an id of the library (articleJSON).
func (s *Server) assetRoute(ctx context.Context, p string) (assetAnswer, bool) {
	hs := &s.headers
	if file, ok := strings.CutPrefix(p, "/articles/"); ok {
		if file == "" || strings.IndexByte(file, '/') >= 0 {
			return assetAnswer{}, false
		}
		a, err := s.articleJSON(ctx, file)
		return assetAnswer{a, cacheRevalidate, hs.resource}, err == nil
	}
	if src, ok := packageResources[p]; ok {
		set := hs.resource
		if p == workerPath {
			set = hs.serviceWorker
		}
		a := s.assets.pkg[src]
		return assetAnswer{a, cacheRevalidate, set}, a != nil
	}
	if name, ok := fixedWebFiles[p]; ok {
		return s.webAnswer(name, cacheRevalidate)
	}
	if name, ok := strings.CutPrefix(p, "/web/"); ok {
		return s.webAnswer(name, cacheRevalidate)
	}
	if rest, ok := strings.CutPrefix(p, "/v/"); ok {
		version, name, ok := strings.Cut(rest, "/web/")
		if !ok || version == "" || strings.IndexByte(version, '/') >= 0 {
			return assetAnswer{}, false
		}
		cache := cacheRevalidate
		if version == s.version {
			cache = cacheImmutable
		}
		return s.webAnswer(name, cache)
	}
	switch p {
	case "/app.wasm", "/goapp.wasm":
		return s.webAnswer("app.wasm", cacheRevalidate)
	}
	for _, name := range rootWebFiles {
		if p == "/"+name {
			return s.webAnswer(name, cacheRevalidate)
		}
	}
	return assetAnswer{}, false
}

// webAnswer is the answer for the web folder's file name with the given Cache-Control, as
// serveWebFile sends it; false when name is not in the folder.
func (s *Server) webAnswer(name, cache string) (assetAnswer, bool) {
	name, ok := cleanAssetPath(name)
	a := s.assets.web[name]
	if !ok || a == nil {
		return assetAnswer{}, false
	}
	return assetAnswer{a, cache, s.headers.webFile(name)}, true
}

// cleanRequestPath reports whether p is a request path that routes as it is: absolute, made of
// unreserved characters only (so that it needs no unescaping and has one spelling), with no empty,
// "." or ".." segment (so that the mux would not clean it and redirect).
func cleanRequestPath(p string) bool {
	if p == "" || p[0] != '/' {
		return false
	}
	seg := 0 // the start of the current segment
	for i := 1; i <= len(p); i++ {
		if i < len(p) {
			c := p[i]
			if c != '/' {
				if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
					return false
				}
				continue
			}
		}
		switch p[seg+1 : i] {
		case ".", "..":
			return false
		case "":
			if i < len(p) {
				return false // "//"
			}
		}
		seg = i
	}
	return true
}

// revalidated serves one asset, revalidated with its ETag on every use (cacheRevalidate).
type revalidated struct{ a *asset }

func (h revalidated) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.a.serve(w, r, cacheRevalidate)
}

// webFile serves one file of the web folder at a path of its own (/app.wasm, /robots.txt), or 404
// when the folder has no such file.
type webFile struct {
	s    *Server
	name string
}

func (f webFile) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.s.serveWebFile(w, r, f.name, cacheRevalidate)
}

// serveWeb serves /web/{path...}, the web folder under unversioned URLs.
func (s *Server) serveWeb(w http.ResponseWriter, r *http.Request) {
	s.serveWebFile(w, r, r.PathValue("path"), cacheRevalidate)
}

// serveVersionedWeb serves /v/{version}/web/{path...}, the URLs the pages use: immutable when the
// version is this build's, revalidated otherwise (a page of another build asking).
func (s *Server) serveVersionedWeb(w http.ResponseWriter, r *http.Request) {
	cache := cacheRevalidate
	if r.PathValue("version") == s.version {
		cache = cacheImmutable
	}
	s.serveWebFile(w, r, r.PathValue("path"), cache)
}

// serveWebFile serves the web folder's file name with the given Cache-Control and the headers of
// its kind (responseHeaders.webFile), or 404 when name is not a plain relative path (cleanAssetPath)
// or not in the folder.
func (s *Server) serveWebFile(w http.ResponseWriter, r *http.Request, name, cache string) {
	name, ok := cleanAssetPath(name)
	s.headers.webFile(name).set(w.Header())
	a := s.assets.web[name]
	if !ok || a == nil {
		http.NotFound(w, r)
		return
	}
	a.serve(w, r, cache)
}
