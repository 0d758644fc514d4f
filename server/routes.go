package server

import (
	"net/http"
	"runtime"
	"sort"
)

// assetSet is every response body the server serves from memory, by what its route looks up. It
// is built once by loadAssets and never changed.
type assetSet struct {
	pkg    map[string]*asset // go-app's generated files and embedAppJS, by path (packageResources' values)
	web    map[string]*asset // the web folder, by slash path ("app.wasm", "icons/icon.svg")
	json   map[string]*asset // /articles/{file}: index.json and {id}.json
	embed  map[string]*asset // the partner scripts, by path (/embed.js, /embed-frame.js)
	oembed map[string]*asset // /oembed/{file}: {id}.json, when the base URL is configured
}

// rootWebFiles are the files go-app would fetch from http://{Host}/web/…, a request to whatever
// host the client names: they are served from the web directory instead, or 404.
var rootWebFiles = []string{"robots.txt", "sitemap.xml", "ads.txt", "favicon.ico"}

// loadAssets compresses the web folder, go-app's generated files, the article JSON, the partner
// scripts and the static oEmbed responses, and sets up the page renderer.
func (s *Server) loadAssets(web map[string][]byte) error {
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
	s.assets.pkg = compressAll(pkg, nil, contentTypeOf, runtime.GOMAXPROCS(0), 0)
	s.assets.web = compressAll(web, pre, contentTypeOf, runtime.GOMAXPROCS(0), 0)
	if s.assets.json, err = s.articleAssets(); err != nil {
		return err
	}
	s.assets.embed = map[string]*asset{
		"/embed.js":       newAsset(contentTypeOf("embed.js"), embedJS),
		"/embed-frame.js": newAsset(contentTypeOf("embed-frame.js"), embedFrameJS),
	}
	if s.assets.oembed, err = s.staticOEmbedAssets(); err != nil {
		return err
	}
	s.pages = &pages{app: appHandler, lib: s.lib, base: s.base, partners: s.cfg.Partners, cache: make(map[string]*renderedPage),
		oembedHref: oembedURL}
	if s.cfg.StaticOEmbed {
		s.pages.oembedHref = staticOEmbedURL
	}
	return nil
}

// routes builds the handler: the server's own endpoints first, everything else to go-app's pages,
// all behind the security headers (secure).
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /articles/{file}", s.serveArticleJSON)
	for p, src := range packageResources {
		mux.Handle("GET "+p, revalidated{s.assets.pkg[src]})
	}
	mux.Handle("GET "+embedAppJS, revalidated{s.assets.pkg[embedAppJS]})
	for p, a := range s.assets.embed {
		mux.Handle("GET "+p, revalidated{a})
	}
	mux.HandleFunc("GET /web/{path...}", s.serveWeb)
	mux.HandleFunc("GET /v/{version}/web/{path...}", s.serveVersionedWeb)
	for _, p := range []string{"/app.wasm", "/goapp.wasm"} {
		mux.Handle("GET "+p, webFile{s, "app.wasm"})
	}
	for _, name := range rootWebFiles {
		mux.Handle("GET /"+name, webFile{s, name})
	}
	mux.HandleFunc("GET /oembed", s.oembed)
	mux.HandleFunc("GET /oembed/{file}", s.serveStaticOEmbed)
	mux.Handle("GET /", s.pages)
	return s.secure(mux)
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

// serveWebFile serves the web folder's file name with the given Cache-Control, or 404 when name is
// not a plain relative path (cleanAssetPath) or not in the folder.
func (s *Server) serveWebFile(w http.ResponseWriter, r *http.Request, name, cache string) {
	name, ok := cleanAssetPath(name)
	a := s.assets.web[name]
	if !ok || a == nil {
		http.NotFound(w, r)
		return
	}
	a.serve(w, r, cache)
}
