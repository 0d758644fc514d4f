// Package server is Verbatim's HTTP server as a library: the app's prerendered pages, its static
// files from memory, the article JSON, the embed and oEmbed endpoints, and the static export.
// cmd/verbatim wires it to flags and signals; the tests build it with NewServer and serve it with
// Start or through Handler.
//
// It imports app (route registration and prerendering) and article (to parse the library); nothing
// in article, components or app may import it (scripts/deps.sh checks).
package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"verbatim/app"
	"verbatim/article"
)

// Config configures a Server. The zero value serves the embedded samples from ./web on
// localhost:8080.
type Config struct {
	Addr       string       // listen address; "127.0.0.1:0" picks a free port (default localhost:8080)
	ContentDir string       // .txt, .html and .md articles; empty serves the embedded samples
	BaseURL    string       // absolute address of the site ("https://verbatim.example"), for og:url and oEmbed
	WebDir     string       // the web/ folder: app.wasm, icons, styles (default ./web)
	Partners   []string     // origins allowed to frame /embed/ ("https://news.example")
	Logger     *slog.Logger // default: slog.Default()

	// StaticOEmbed makes the article pages' oEmbed discovery links name /oembed/{id}.json, the
	// files a static export holds (Export), instead of /oembed?url=…, which only the server answers.
	StaticOEmbed bool

	parse parseFunc // article.Parse unless a test sets it
}

// Server is the Verbatim HTTP server: the app's prerendered pages, its static files from memory,
// the article JSON, the embed and oEmbed endpoints. Build it with NewServer; serve it with Start (a
// real listener) or mount Handler (httptest). It is stateless once built: the library and every
// static file are loaded and compressed by NewServer, and its handler is safe for concurrent use.
//
// Trust boundary: every request is untrusted. A request path only ever selects an entry of an
// in-memory map (or a go-app route); no request reaches the file system.
type Server struct {
	cfg      Config
	log      *slog.Logger
	lib      *library
	version  string
	handler  http.Handler
	release  func()   // removes the library from prerendering
	webNames []string // the web folder's files, sorted
	webSet   map[string]bool
	pages    *pages

	closeOnce sync.Once
	closeErr  error

	mu    sync.Mutex
	srv   *http.Server
	ln    net.Listener
	done  chan struct{}      // closed when Serve returns
	conns connTracker        // the connections Serve has accepted and not yet closed
	abort context.CancelFunc // cuts Close's grace period short (a second SIGINT)
	stop  context.Context    // ended by abort
}

// NewServer loads the library and the web directory, derives the version from their content,
// precompresses every compressible file, and returns a server ready to Start. A content file that
// fails to parse is logged and skipped; a missing web directory or a bad option is an error.
func NewServer(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "localhost:8080"
	}
	if cfg.WebDir == "" {
		cfg.WebDir = "web"
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.parse == nil {
		cfg.parse = article.Parse
	}
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return nil, fmt.Errorf("base URL %q: give an absolute http or https address, such as https://verbatim.example", cfg.BaseURL)
		}
		cfg.BaseURL = strings.TrimSuffix(u.String(), "/")
	}
	partners := make([]string, 0, len(cfg.Partners))
	for _, p := range cfg.Partners {
		o, err := parseOrigin(p)
		if err != nil {
			return nil, err
		}
		partners = append(partners, o)
	}
	cfg.Partners = partners

	s := &Server{cfg: cfg, log: cfg.Logger}
	lib, err := loadLibrary(cfg.ContentDir, cfg.parse, s.log)
	if err != nil {
		return nil, err
	}
	s.lib = lib
	s.release = prerender.add(lib)
	web, err := loadWebDir(cfg.WebDir, s.log)
	if err != nil {
		s.release()
		return nil, err
	}
	if _, ok := web["app.wasm"]; !ok {
		s.log.Warn("web directory has no app.wasm: pages are prerendered but never become interactive; run make build", "web", cfg.WebDir)
	} else if _, ok := web["parse.wasm"]; !ok {
		s.log.Warn("web directory has no parse.wasm: import cannot parse, and the service worker cannot install (no offline reading); run make build", "web", cfg.WebDir)
	}
	s.version = versionOf(web, app.VersionOf(cfg.WebDir))
	s.handler, err = s.routes(web)
	if err != nil {
		s.release()
		return nil, err
	}
	s.log.Info("server ready", "version", s.version, "articles", len(lib.order), "web files", len(web))
	return s, nil
}

// versionOf derives the app version from the content of the web directory and of the files the
// server itself serves to the browser, so that the same build gets the same version after a restart
// and readers keep their cached app.wasm.
func versionOf(web map[string][]byte, appVersion string) string {
	names := make([]string, 0, len(web))
	for n := range web {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(web[n]))
		h.Write(web[n])
	}
	io.WriteString(h, appVersion) // covers the worker template compiled into the binary
	h.Write(embedJS)
	h.Write(embedFrameJS)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Version returns the app version the server announces to go-app (the content hash of the build).
func (s *Server) Version() string { return s.version }

// Handler returns the server's HTTP handler, with the security headers on every response.
func (s *Server) Handler() http.Handler { return s.handler }

// Start listens on the configured address and serves in the background until Close. The context
// bounds the listen only.
func (s *Server) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return errors.New("server already started")
	}
	var lc net.ListenConfig
	// Plain TCP, not the Multipath TCP Go picks by default on Linux: Close drains the listen
	// backlog through the listening socket (closeListenerDrained), and an MPTCP one refuses socket
	// filters and keeps its queue in a hidden TCP socket.
	lc.SetMultipathTCP(false)
	ln, err := lc.Listen(ctx, "tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", s.cfg.Addr, err)
	}
	s.ln = ln
	s.srv = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      60 * time.Second, // large assets extend their own deadline
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		ConnState:         s.conns.track,
	}
	s.done = make(chan struct{})
	s.stop, s.abort = context.WithCancel(context.Background())
	go func() {
		defer close(s.done)
		// Close ends Serve by closing the listener itself (closeListenerDrained): net.ErrClosed.
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
			s.log.Error("serving", "err", err)
		}
	}()
	s.log.Info("listening", "url", s.url())
	return nil
}

// URL returns the server's address: http://host:port of the listener once started, else the base URL.
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.url()
}

func (s *Server) url() string {
	if s.ln == nil {
		return s.cfg.BaseURL
	}
	return "http://" + s.ln.Addr().String()
}

// Close shuts the server down gracefully, dropping no request: every request whose connection the
// kernel accepted gets a full response, and any other connection is refused, so its client knows
// the request never reached the server (on Linux; elsewhere, and for a handshake by SYN cookie
// under a SYN flood, a connection still queued on the listener may be reset). Requests in flight get up to 10 seconds (less after Abort),
// then the remaining connections are closed. Close ends the server for good; calling it again
// returns the first call's result.
//
// http.Server.Shutdown alone drops requests two ways: closing the listener resets the connections
// queued in the kernel's backlog, and a connection's first request read after Shutdown began is
// closed unanswered. So Close
//
//  1. disables keep-alives: every response from now on says "Connection: close" and its connection
//     closes after it, and idle connections are closed (a client that sent a request on one at that
//     moment sees it closed before any response on a reused connection, which HTTP/1.1 clients
//     retry for idempotent requests; this server takes only GET and HEAD);
//  2. closes the listener once no new connection can start and the accept loop has taken every
//     queued one (closeListenerDrained, which waits up to maxDrain; elsewhere than on Linux it
//     just closes the listener), then waits for the accept loop to return;
//  3. waits for every accepted connection to finish its request and close, without calling
//     Shutdown, so that no request is refused for arriving after it;
//  4. calls Shutdown (which then has nothing left to wait for) and, if the grace period ran out,
//     closes what remains.
//
// Trust boundary: clients are untrusted and can only delay Close, never past the grace period: one
// that connects and sends nothing is cut off by ReadHeaderTimeout, one that reads slowly by the
// grace period.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { s.closeErr = s.shutdown() })
	return s.closeErr
}

// Abort cuts short the grace period of a Close in progress, or of the next one: it closes every
// connection at once. Requests in flight get no (or a truncated) response.
func (s *Server) Abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.abort != nil {
		s.abort()
	}
}

func (s *Server) shutdown() error {
	defer s.release()
	s.mu.Lock()
	srv, ln, done, stop := s.srv, s.ln, s.done, s.stop
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(stop, 10*time.Second)
	defer cancel()
	srv.SetKeepAlivesEnabled(false)
	drainCtx, cancelDrain := context.WithTimeout(ctx, maxDrain)
	defer cancelDrain()
	if err := closeListenerDrained(drainCtx, ln); err != nil {
		s.log.Warn("closing the listener: connections it had queued may be reset", "err", err)
	}
	<-done // every connection accepted is now tracked
	if err := s.conns.wait(ctx); err != nil {
		s.log.Warn("requests still in flight at the end of the grace period", "open connections", s.conns.count(), "err", err)
	}
	err := srv.Shutdown(ctx)
	if err != nil {
		srv.Close()
	}
	s.log.Info("server stopped")
	return err
}

// maxDrain bounds the wait for connections queued on the listener (closeListenerDrained). The queue
// itself empties in moments; the wait is for half-open connections, of which a handshake that lost
// its first SYN-ACK completes after the retransmission, a second later. A SYN flood leaves
// half-open connections that never complete: the bound keeps the rest of the grace period for the
// requests in flight.
const maxDrain = 3 * time.Second

// connTracker counts the connections an http.Server has accepted and not yet closed, through its
// ConnState hook.
type connTracker struct {
	mu     sync.Mutex
	open   int
	closed chan struct{} // made by wait, closed (and forgotten) when open falls to 0
}

func (t *connTracker) track(_ net.Conn, state http.ConnState) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch state {
	case http.StateNew:
		t.open++
	case http.StateClosed, http.StateHijacked:
		t.open--
		if t.open == 0 && t.closed != nil {
			close(t.closed)
			t.closed = nil
		}
	}
}

func (t *connTracker) count() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.open
}

// wait returns when no connection is open, or with ctx's error.
func (t *connTracker) wait(ctx context.Context) error {
	t.mu.Lock()
	if t.open == 0 {
		t.mu.Unlock()
		return nil
	}
	if t.closed == nil {
		t.closed = make(chan struct{})
	}
	ch := t.closed
	t.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// base returns the absolute address links are built on: the configured base URL, or the address the
// request came to. Production sites should set the base URL: then the Host header plays no part.
func (s *Server) base(r *http.Request) string {
	if s.cfg.BaseURL != "" {
		return s.cfg.BaseURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := r.Host
	if !hostPattern.MatchString(host) {
		host = "localhost"
	}
	return scheme + "://" + host
}

// hostPattern is what a request's Host must look like to be used in links; net/http already refuses
// quotes and angle brackets, and this keeps anything else odd out of the HTML and the page cache.
var hostPattern = regexp.MustCompile(`^[A-Za-z0-9.\-]{1,253}(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](:[0-9]{1,5})?$`)

// routes builds the handler: the server's own endpoints first, everything else to go-app.
func (s *Server) routes(web map[string][]byte) (http.Handler, error) {
	pre := takePrecompressed(web)
	for name := range web {
		s.webNames = append(s.webNames, name)
	}
	sort.Strings(s.webNames)
	s.webSet = make(map[string]bool, len(web))
	for name := range web {
		s.webSet[name] = true
	}
	appHandler, appCfg := newAppHandler(s.version, s.cfg.WebDir, s.cfg.BaseURL)
	pkg, err := capturePackageResources(appHandler, appCfg)
	if err != nil {
		return nil, err
	}
	pkgAssets := compressAll(pkg, nil, contentTypeOf, runtime.GOMAXPROCS(0), 0)
	webAssets := compressAll(web, pre, contentTypeOf, runtime.GOMAXPROCS(0), 0)
	jsonAssets, err := s.articleAssets()
	if err != nil {
		return nil, err
	}
	embedAssets := map[string]*asset{
		"/embed.js":       newAsset(contentTypeOf("embed.js"), embedJS),
		"/embed-frame.js": newAsset(contentTypeOf("embed-frame.js"), embedFrameJS),
	}
	oembedAssets, err := s.staticOEmbedAssets()
	if err != nil {
		return nil, err
	}
	pg := &pages{app: appHandler, lib: s.lib, base: s.base, partners: s.cfg.Partners, cache: make(map[string]*renderedPage),
		oembedHref: oembedURL}
	if s.cfg.StaticOEmbed {
		pg.oembedHref = staticOEmbedURL
	}
	s.pages = pg

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		json.NewEncoder(w).Encode(map[string]any{"status": "ok", "version": s.version, "articles": len(s.lib.order)})
	})
	mux.HandleFunc("GET /articles/{file}", func(w http.ResponseWriter, r *http.Request) {
		a, ok := jsonAssets[r.PathValue("file")]
		if !ok {
			http.Error(w, "no such article", http.StatusNotFound)
			return
		}
		a.serve(w, r, cacheRevalidate)
	})
	for p, src := range packageResources {
		a := pkgAssets[src]
		mux.HandleFunc("GET "+p, func(w http.ResponseWriter, r *http.Request) { a.serve(w, r, cacheRevalidate) })
	}
	mux.HandleFunc("GET "+embedAppJS, func(w http.ResponseWriter, r *http.Request) {
		pkgAssets[embedAppJS].serve(w, r, cacheRevalidate)
	})
	for p, a := range embedAssets {
		mux.HandleFunc("GET "+p, func(w http.ResponseWriter, r *http.Request) { a.serve(w, r, cacheRevalidate) })
	}
	serveWeb := func(w http.ResponseWriter, r *http.Request, name, cache string) {
		name, ok := cleanAssetPath(name)
		a := webAssets[name]
		if !ok || a == nil {
			http.NotFound(w, r)
			return
		}
		a.serve(w, r, cache)
	}
	mux.HandleFunc("GET /web/{path...}", func(w http.ResponseWriter, r *http.Request) {
		serveWeb(w, r, r.PathValue("path"), cacheRevalidate)
	})
	mux.HandleFunc("GET /v/{version}/web/{path...}", func(w http.ResponseWriter, r *http.Request) {
		cache := cacheRevalidate
		if r.PathValue("version") == s.version {
			cache = cacheImmutable
		}
		serveWeb(w, r, r.PathValue("path"), cache)
	})
	for _, p := range []string{"/app.wasm", "/goapp.wasm"} {
		mux.HandleFunc("GET "+p, func(w http.ResponseWriter, r *http.Request) {
			serveWeb(w, r, "app.wasm", cacheRevalidate)
		})
	}
	// go-app would fetch these from http://{Host}/web/…, a request to whatever host the client
	// names: they are served from the web directory instead, or 404.
	for _, p := range []string{"/robots.txt", "/sitemap.xml", "/ads.txt", "/favicon.ico"} {
		mux.HandleFunc("GET "+p, func(w http.ResponseWriter, r *http.Request) {
			serveWeb(w, r, strings.TrimPrefix(p, "/"), cacheRevalidate)
		})
	}
	mux.HandleFunc("GET /oembed", s.oembed)
	mux.HandleFunc("GET /oembed/{file}", func(w http.ResponseWriter, r *http.Request) {
		a, ok := oembedAssets[r.PathValue("file")]
		if !ok {
			http.Error(w, "no such article", http.StatusNotFound)
			return
		}
		w.Header().Set("Access-Control-Allow-Origin", "*")
		a.serve(w, r, cacheRevalidate)
	})
	mux.Handle("GET /", pg)
	return s.secure(mux), nil
}

// bestStartBytes is how much article JSON the server compresses at brotli's best quality when it
// starts: about 2 s of one core. A larger library is compressed at brotliFast, so that its start
// grows with parsing, not with brotli 11 (measured: 1,000 articles started in 11.5 s, 88% of it
// brotli); its JSON is then about 18% larger on the wire.
const bestStartBytes = 2 << 20

// articleAssets builds /articles/index.json and /articles/{id}.json, compressed once.
func (s *Server) articleAssets() (map[string]*asset, error) {
	ctx := context.Background()
	list, err := s.lib.List(ctx)
	if err != nil {
		return nil, err
	}
	bodies := make(map[string][]byte, len(list)+1)
	idx, err := marshalJSON(list)
	if err != nil {
		return nil, err
	}
	bodies["index.json"] = idx
	total := len(idx)
	for _, id := range s.lib.order {
		a, _ := s.lib.Get(ctx, id)
		b, err := marshalJSON(a)
		if err != nil {
			return nil, fmt.Errorf("encoding article %s: %w", id, err)
		}
		bodies[string(id)+".json"] = b
		total += len(b)
	}
	quality := 0
	if total > bestStartBytes {
		quality = brotliFast
	}
	return compressAll(bodies, nil, func(string) string { return "application/json" }, runtime.GOMAXPROCS(0), quality), nil
}

// marshalJSON encodes v without HTML escaping (the JSON is data, never inlined in HTML).
func marshalJSON(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// secure wraps h with the security headers and refuses methods other than GET and HEAD: the server
// has nothing to write to.
func (s *Server) secure(h http.Handler) http.Handler {
	sec := newSecurityHeaders(s.cfg.Partners)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sec.set(w.Header(), r.URL.Path)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h.ServeHTTP(w, r)
	})
}
