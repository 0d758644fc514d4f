package server

import (
	"net/http"
	"strings"
	"testing"
)

func TestSecurityHeadersOnEveryPath(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{Partners: []string{"https://partner.example", "http://localhost:9000"}})
	h := s.Handler()
	for _, path := range []string{
		"/", "/article/harbour-council", "/import", "/healthz", "/articles/index.json", "/app.js",
		"/app-worker.js", "/manifest.webmanifest", "/web/verbatim.css", "/web/parse-worker.js", "/embed.js", "/oembed",
		"/no/such/path", "/web/.env",
	} {
		res, _ := do(t, h, "GET", path, nil)
		csp := res.Header.Get("Content-Security-Policy")
		for _, want := range []string{
			"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'",
			"base-uri 'none'", "style-src 'self'", "frame-ancestors 'self'",
		} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP allows unsafe-inline: %q", path, csp)
		}
		if strings.Contains(csp, "partner.example") {
			t.Errorf("%s: partners may frame a non-embed path: %q", path, csp)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options=%q, want nosniff", path, got)
		}
		if res.Header.Get("Referrer-Policy") == "" || res.Header.Get("Permissions-Policy") == "" {
			t.Errorf("%s: Referrer-Policy or Permissions-Policy missing", path)
		}
		if got := res.Header.Get("X-Frame-Options"); got != "SAMEORIGIN" {
			t.Errorf("%s: X-Frame-Options=%q, want SAMEORIGIN", path, got)
		}
	}
}

func TestEmbedMayBeFramedByPartnersOnly(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{Partners: []string{"https://partner.example", "http://localhost:9000/"}})
	res, _ := do(t, s.Handler(), "GET", "/embed/harbour-council", nil)
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "frame-ancestors 'self' https://partner.example http://localhost:9000") {
		t.Errorf("embed CSP=%q, want frame-ancestors with the partners", csp)
	}
	if res.Header.Get("X-Frame-Options") != "" {
		t.Errorf("embed has X-Frame-Options %q, which would forbid partners", res.Header.Get("X-Frame-Options"))
	}
	if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") {
		t.Errorf("embed CSP=%q lacks the script policy", csp)
	}

	s2, _ := newTestServer(t, Config{})
	res, _ = do(t, s2.Handler(), "GET", "/embed/harbour-council", nil)
	if got := res.Header.Get("Content-Security-Policy"); !strings.HasSuffix(got, "frame-ancestors 'self'") {
		t.Errorf("embed CSP without partners=%q, want frame-ancestors 'self' only", got)
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		res, _ := do(t, s.Handler(), m, "/", nil)
		if got, want := res.StatusCode, http.StatusMethodNotAllowed; got != want {
			t.Errorf("%s / = %d, want %d", m, got, want)
		}
	}
	res, body := do(t, s.Handler(), "HEAD", "/web/verbatim.css", nil)
	if res.StatusCode != 200 || body != "" {
		t.Errorf("HEAD = %d with %d body bytes, want 200 and none", res.StatusCode, len(body))
	}
}

func TestParseOrigins(t *testing.T) {
	t.Parallel()
	good := map[string][]string{
		"":                                     nil,
		"https://a.example":                    {"https://a.example"},
		" https://A.example/ , http://b:8080 ": {"https://a.example", "http://b:8080"},
	}
	for in, want := range good {
		got, err := ParseOrigins(in)
		if err != nil || strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("ParseOrigins(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{
		"a.example", "ftp://a.example", "https://a.example/path", "https://a.example?x=1",
		"https://user@a.example", "*", "https://a.example; script-src *", "'unsafe-inline'", "https://",
	} {
		if got, err := ParseOrigins(in); err == nil {
			t.Errorf("ParseOrigins(%q) = %q, want an error", in, got)
		}
	}
}

// TestOnlyTheWorkerConnectsElsewhere checks that pages may connect to their own origin only, while
// the service worker may fetch the http and https images img-src allows, to keep them offline.
func TestOnlyTheWorkerConnectsElsewhere(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	for _, tc := range []struct {
		path, connect string
	}{
		{"/", "connect-src 'self';"},
		{"/article/harbour-council", "connect-src 'self';"},
		{"/embed/harbour-council", "connect-src 'self';"},
		{"/app.js", "connect-src 'self';"},
		{"/app-worker.js", "connect-src 'self' https: http:;"},
	} {
		res, _ := do(t, s.Handler(), "GET", tc.path, nil)
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, tc.connect) {
			t.Errorf("%s: CSP %q, want %q", tc.path, csp, tc.connect)
		}
	}
}
