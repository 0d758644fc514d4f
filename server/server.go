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
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"sync"
	"sync/atomic"

	"github.com/valyala/fasthttp"

	"verbatim/internal/drain"
)

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
	assets   assetSet
	headers  responseHeaders // the header sets of each kind of response
	pages    *pages
	upgrades *upgrader // the pages' upgrades; closed by release
	fetch    *fetchAPI // POST /api/fetch; its fetcher is nil without -fetch

	drain     drain.Drainer // opens the listener, and closes it without resetting the connections it queued
	draining  atomic.Bool   // Close has begun: /healthz answers 503
	closeOnce sync.Once
	closeErr  error

	mu    sync.Mutex
	srv   *fasthttp.Server
	ln    net.Listener
	done  chan struct{}      // closed when Serve returns
	conns connTracker        // the connections Serve has accepted and not yet closed
	abort context.CancelFunc // cuts Close's grace period short (a second SIGINT)
	stop  context.Context    // ended by abort
}

// Handler returns the server's HTTP handler, with the security headers on every response.
func (s *Server) Handler() http.Handler { return s.handler }

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
