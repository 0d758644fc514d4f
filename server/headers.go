package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"verbatim/article/model"
)

// cspBase is the Content-Security-Policy of DESIGN.md without its frame-ancestors directive. The
// pages have no inline script or style; 'wasm-unsafe-eval' is what app.wasm needs to compile.
//
// The import page's parse worker (/web/parse-worker.js, under its versioned /v/… path too) gets this
// same policy on its own response, and that is what governs it: script-src 'self' 'wasm-unsafe-eval'
// lets it import /wasm_exec.js and compile parse.wasm, connect-src 'self' lets it fetch parse.wasm,
// and nothing else. The pages need no worker-src: it falls back to script-src 'self', which allows
// same-origin workers (the parse worker, the service worker) and no others.
const cspBase = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; " +
	"base-uri 'none'; img-src 'self' https: http:; style-src 'self'; font-src 'self'; " +
	"connect-src 'self'; form-action 'self'"

// permissionsPolicy turns off the powerful features a reader never needs. Only features Chromium
// recognises are named: an unknown one is a console warning on every page.
const permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " +
	"serial=(), midi=(), browsing-topics=()"

// workerPath is the service worker's script. Its CSP governs the worker's own fetches.
const workerPath = "/app-worker.js"

// securityHeaders holds the header values computed once from the configuration. Each is a
// one-element slice set into the response's header map as it is: no canonicalisation and no
// allocation per request (the security headers were a tenth of the server's time on small files).
// net/http only reads them, and a later Add appends to a copy (their capacity is their length).
type securityHeaders struct {
	csp       []string // everywhere: frame-ancestors 'self'
	embedCSP  []string // /embed/: frame-ancestors 'self' and the partners
	workerCSP []string // the service worker: it may fetch, to cache for offline, the images img-src allows
}

// The values of the security headers that do not depend on the configuration.
var (
	nosniff           = []string{"nosniff"}
	referrerPolicy    = []string{"strict-origin-when-cross-origin"}
	permissions       = []string{permissionsPolicy}
	frameSameOrigin   = []string{"SAMEORIGIN"}
	resourceAnyOrigin = []string{"cross-origin"}
	openerSameOrigin  = []string{"same-origin"}
)

func newSecurityHeaders(partners []string) securityHeaders {
	fa := "frame-ancestors 'self'"
	for _, p := range partners {
		fa += " " + p
	}
	return securityHeaders{
		csp:       []string{cspBase + "; frame-ancestors 'self'"},
		embedCSP:  []string{cspBase + "; " + fa},
		workerCSP: []string{strings.Replace(cspBase, "connect-src 'self'", "connect-src 'self' https: http:", 1) + "; frame-ancestors 'self'"},
	}
}

// isEmbedPath reports whether p is a page that partners may frame: /embed/{id}.
func isEmbedPath(p string) bool {
	_, kind, _ := model.ParseArticlePath(p)
	return kind == model.PathEmbed
}

// set writes the security headers for a request path. Only /embed/ may be framed by partners; every
// other path may be framed by the reader's own origin only.
func (s securityHeaders) set(h http.Header, p string) {
	h["X-Content-Type-Options"] = nosniff
	h["Referrer-Policy"] = referrerPolicy
	h["Permissions-Policy"] = permissions
	if isEmbedPath(p) {
		h["Content-Security-Policy"] = s.embedCSP
		return
	}
	if p == workerPath {
		// The worker caches article images for offline reading; pages still connect to 'self' only.
		h["Content-Security-Policy"] = s.workerCSP
	} else {
		h["Content-Security-Policy"] = s.csp
	}
	h["X-Frame-Options"] = frameSameOrigin
	if p == "/embed.js" {
		// Partner pages load it with a plain <script src>, from their own origin.
		h["Cross-Origin-Resource-Policy"] = resourceAnyOrigin
		return
	}
	h["Cross-Origin-Opener-Policy"] = openerSameOrigin
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
