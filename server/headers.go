package server

import (
	"fmt"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"

	"verbatim/article/model"
)

// cspBase is the Content-Security-Policy of DESIGN.md without its frame-ancestors directive and
// without the hashes of the pages' inline style and script. 'wasm-unsafe-eval' is what app.wasm and
// parse.wasm need to compile.
//
// A worker is governed by the CSP of its own script's response, not by its page's: the import page's
// parse worker gets cspBase itself (script-src 'self' 'wasm-unsafe-eval' lets it import /wasm_exec.js
// and compile parse.wasm, connect-src 'self' lets it fetch parse.wasm, and nothing else), the service
// worker cspBase with a wider connect-src (newResponseHeaders). The pages need no worker-src: it falls
// back to script-src 'self', which allows same-origin workers (the parse worker, the service worker)
// and no others. img-src allows blob: for the quote card's preview, which card.js draws in the page.
const cspBase = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; " +
	"base-uri 'none'; img-src 'self' https: http: blob:; style-src 'self'; font-src 'self'; " +
	"connect-src 'self'; form-action 'self'"

// permissionsPolicy turns off the powerful features a reader never needs. Only features Chromium
// recognises are named: an unknown one is a console warning on every page.
const permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " +
	"serial=(), midi=(), browsing-topics=()"

// workerPath is the service worker's script. Its CSP governs the worker's own fetches.
const workerPath = "/app-worker.js"

// headerEntry is one response header as it goes into the header map: a canonical key and a value
// made once.
type headerEntry struct {
	key   string
	value []string
}

// headerSet is the headers one kind of response gets besides its Content-Type, caching and encoding
// headers. Each value is a one-element slice set into the response's header map as it is: no
// canonicalisation and no allocation per request (the security headers were a tenth of the server's
// time on small files). net/http only reads them, and a later Add appends to a copy (their capacity
// is their length).
type headerSet []headerEntry

// set writes the set into h, as to does into any headerSink (the set holds no Vary, which
// netHeader adds to).
func (hs headerSet) set(h http.Header) { hs.to(netHeader(h)) }

// to writes the set into a headerSink: an http.Header (netHeader) or the fasthttp front's response
// (fastHeader).
func (hs headerSet) to(h headerSink) {
	for _, e := range hs {
		h.set(e.key, e.value)
	}
}

// responseHeaders are the header sets of each kind of response, made once from the configuration
// and the hashes of the pages' inline style and script (DESIGN.md: document-only headers go on
// documents only).
//
//   - Every response, errors included, gets X-Content-Type-Options: nosniff (Server.secure).
//   - HTML documents get the CSP, Referrer-Policy and Permissions-Policy, and X-Frame-Options but
//     on an /embed/ page, which partners frame and whose CSP names them in frame-ancestors instead.
//   - Cross-Origin-Opener-Policy: same-origin goes on the pages that hold the reader's own data and
//     boot app.wasm (the library, import, search, the speakers, an article only this browser holds),
//     and not on a library article's page (/article/{id} answered 200, its share page
//     /article/{id}/q/{n}), public text the server prerenders, nor on an embed (a frame ignores it)
//     or the bookmarklet's import page (handoffPage). On Android, Chrome gives every site that sends
//     COOP a renderer process of its own, so a reader who follows a link to an article would wait
//     for a new process before the first paint; BENCHMARKS.md measures it (Lighthouse's blocking
//     time on the reader's page).
//   - Everything else (JSON, wasm, CSS, JS, images, fonts, the manifest) gets
//     Cross-Origin-Resource-Policy: same-origin, or cross-origin for the scripts partners' pages load
//     (web/partner/, /embed.js).
//   - The two worker scripts are resources whose CSP governs the worker they start, so they keep a
//     CSP of their own.
type responseHeaders struct {
	page, embedPage                     headerSet // documents
	articlePage                         headerSet // a library article's page: page without COOP
	handoffPage                         headerSet // /import?from=bookmarklet: page without COOP (handoff)
	resource, partnerResource           headerSet // subresources
	serviceWorker, parseWorker          headerSet // worker scripts
	pageCSP, embedCSP, serviceWorkerCSP string    // the CSP values, for the export's header files
}

// The values of the headers that depend on nothing.
var (
	nosniff           = []string{"nosniff"}
	referrerPolicy    = []string{"strict-origin-when-cross-origin"}
	permissions       = []string{permissionsPolicy}
	frameSameOrigin   = []string{"SAMEORIGIN"}
	resourceAnyOrigin = []string{"cross-origin"}
	resourceOwnOrigin = []string{"same-origin"}
	openerSameOrigin  = []string{"same-origin"}
	parseWorkerCSP    = []string{cspBase}
)

// newResponseHeaders makes the header sets for the partners (origins allowed to frame /embed/) and the
// CSP sources of the pages' inline script and style ("'sha256-…'", or "" for none).
func newResponseHeaders(partners []string, scriptSrc, styleSrc string) responseHeaders {
	doc := cspBase
	if scriptSrc != "" {
		doc = strings.Replace(doc, "script-src 'self' 'wasm-unsafe-eval'", "script-src 'self' 'wasm-unsafe-eval' "+scriptSrc, 1)
	}
	if styleSrc != "" {
		doc = strings.Replace(doc, "style-src 'self'", "style-src 'self' "+styleSrc, 1)
	}
	fa := "frame-ancestors 'self'"
	for _, p := range partners {
		fa += " " + p
	}
	rh := responseHeaders{
		pageCSP:  doc + "; frame-ancestors 'self'",
		embedCSP: doc + "; " + fa,
		// The worker caches article images for offline reading; pages still connect to 'self' only.
		serviceWorkerCSP: strings.Replace(cspBase, "connect-src 'self'", "connect-src 'self' https: http:", 1),
	}
	rh.page = headerSet{
		{"Content-Security-Policy", []string{rh.pageCSP}},
		{"X-Frame-Options", frameSameOrigin},
		{"Cross-Origin-Opener-Policy", openerSameOrigin},
		{"Referrer-Policy", referrerPolicy},
		{"Permissions-Policy", permissions},
	}
	// The import page the bookmarklet opens must keep its opener, another site's page, to receive the
	// article from it (app/handoff_wasm.go): Cross-Origin-Opener-Policy: same-origin would cut it.
	noOpener := func(h headerEntry) bool { return h.key == "Cross-Origin-Opener-Policy" }
	rh.handoffPage = slices.DeleteFunc(slices.Clone(rh.page), noOpener)
	rh.articlePage = slices.DeleteFunc(slices.Clone(rh.page), noOpener)
	rh.embedPage = headerSet{
		{"Content-Security-Policy", []string{rh.embedCSP}},
		{"Referrer-Policy", referrerPolicy},
		{"Permissions-Policy", permissions},
	}
	rh.resource = headerSet{{"Cross-Origin-Resource-Policy", resourceOwnOrigin}}
	rh.partnerResource = headerSet{{"Cross-Origin-Resource-Policy", resourceAnyOrigin}}
	rh.serviceWorker = headerSet{
		{"Cross-Origin-Resource-Policy", resourceOwnOrigin},
		{"Content-Security-Policy", []string{rh.serviceWorkerCSP}},
	}
	rh.parseWorker = headerSet{
		{"Cross-Origin-Resource-Policy", resourceOwnOrigin},
		{"Content-Security-Policy", parseWorkerCSP},
	}
	return rh
}

// document returns the headers of an HTML page of the given kind answered with status: a library
// article's page (PathArticle, 200) goes without COOP, an article the server lacks (which app.wasm
// may find among this browser's imports) keeps it.
func (rh *responseHeaders) document(kind model.PathKind, status int) headerSet {
	switch {
	case kind == model.PathEmbed:
		return rh.embedPage
	case kind == model.PathArticle && status == http.StatusOK:
		return rh.articlePage
	}
	return rh.page
}

// webFile returns the headers of the web folder's file name (a slash path): the scripts in worker/
// start workers and keep their CSP, the scripts in partner/ run on partners' pages.
func (rh *responseHeaders) webFile(name string) headerSet {
	switch {
	case path.Dir(name) == "worker":
		return rh.parseWorker
	case path.Dir(name) == "partner":
		return rh.partnerResource
	}
	return rh.resource
}

// withHeaders serves h with a header set: the route says what kind of response it sends.
type withHeaders struct {
	hs headerSet
	h  http.Handler
}

func (wh withHeaders) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	wh.hs.set(w.Header())
	wh.h.ServeHTTP(w, r)
}

// isEmbedPath reports whether p is a page that partners may frame: /embed/{id}.
func isEmbedPath(p string) bool {
	_, kind, _ := model.ParseArticlePath(p)
	return kind == model.PathEmbed
}

// ParseOrigins parses a comma-separated list of origins ("https://a.example, https://b.example:8443").
// Each must be an http or https origin with no path, query, user or fragment: it ends up in a CSP
// header and is compared with postMessage origins, so anything looser is refused.
func ParseOrigins(list string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		o, err := parseOrigin(f)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// parseOrigin returns the canonical form of one origin, or an error saying what is wrong with it.
func parseOrigin(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" ||
		strings.ContainsAny(u.Host, " ;'\",*") {
		return "", fmt.Errorf("partner origin %q: give scheme://host[:port], such as https://news.example", s)
	}
	return strings.ToLower(u.Scheme + "://" + u.Host), nil
}

// secure wraps h with the header every response gets (nosniff; each route adds its kind's, see
// responseHeaders) and refuses methods other than GET and HEAD, but for POST /api/fetch (fetchAPI),
// which writes nothing either: the server has nothing to write to.
func (s *Server) secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["X-Content-Type-Options"] = nosniff
		if r.Method != http.MethodGet && r.Method != http.MethodHead && (r.Method != http.MethodPost || r.URL.Path != fetchPath) {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h.ServeHTTP(w, r)
	})
}
