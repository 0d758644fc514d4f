package server

import (
	"net/http"
	"net/textproto"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// securityHeaderNames are the headers whose presence depends on the kind of response.
var securityHeaderNames = []string{
	"Content-Security-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy", "Permissions-Policy",
	"Referrer-Policy", "Cross-Origin-Resource-Policy", "X-Content-Type-Options",
}

// TestHeadersByKindOfResponse checks that each kind of response gets exactly its headers (DESIGN.md:
// document-only headers on documents only): the pages the CSP, X-Frame-Options (not embeds), COOP
// (not embeds, nor the pages of the library's articles), Permissions-Policy and Referrer-Policy, and no Cross-Origin-Resource-Policy; every
// other file Cross-Origin-Resource-Policy and no document header, but for the two worker scripts,
// whose CSP governs their worker; errors nosniff. Every response has nosniff.
func TestHeadersByKindOfResponse(t *testing.T) {
	t.Parallel()
	web := fakeWebDir(t)
	writeFiles(t, web, map[string]string{"worker/parse-worker.js": "importScripts(\"/wasm_exec.js\");\n", "worker/other.js": "// a worker\n"})
	s, _ := newTestServer(t, Config{WebDir: web, BaseURL: "https://verbatim.example", Partners: []string{"https://partner.example"}})
	v := s.Version()
	page := []string{"Content-Security-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy", "Permissions-Policy", "Referrer-Policy", "X-Content-Type-Options"}
	article := []string{"Content-Security-Policy", "X-Frame-Options", "Permissions-Policy", "Referrer-Policy", "X-Content-Type-Options"}
	embed := []string{"Content-Security-Policy", "Permissions-Policy", "Referrer-Policy", "X-Content-Type-Options"}
	resource := []string{"Cross-Origin-Resource-Policy", "X-Content-Type-Options"}
	worker := []string{"Content-Security-Policy", "Cross-Origin-Resource-Policy", "X-Content-Type-Options"}
	bare := []string{"X-Content-Type-Options"}
	oembed := "/oembed?" + url.Values{"url": {"https://verbatim.example/article/harbour-council"}}.Encode()
	cases := []struct {
		kind, method, path string
		status             int
		headers            []string
		corp, cspPrefix    string // Cross-Origin-Resource-Policy, and how the CSP starts, when they are set
	}{
		{"page", "GET", "/", 200, page, "", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"},
		{"page", "GET", "/import", 200, page, "", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"},
		{"article page", "GET", "/article/harbour-council", 200, article, "", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"},
		{"page", "GET", "/article/nope", 404, page, "", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"},
		{"article page", "HEAD", "/article/harbour-council", 200, article, "", "default-src 'self'"},
		{"embed page", "GET", "/embed/harbour-council", 200, embed, "", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"},
		{"embed page", "GET", "/embed/nope", 404, embed, "", "default-src 'self'"},
		{"JSON", "GET", "/articles/index.json", 200, resource, "same-origin", ""},
		{"JSON", "GET", "/articles/harbour-council.json", 200, resource, "same-origin", ""},
		{"JSON", "GET", "/healthz", 200, resource, "same-origin", ""},
		{"JSON", "GET", oembed, 200, resource, "same-origin", ""},
		{"JSON", "GET", "/oembed/harbour-council.json", 200, resource, "same-origin", ""},
		{"go-app's JS", "GET", "/app.js", 200, resource, "same-origin", ""},
		{"go-app's JS", "GET", "/wasm_exec.js", 200, resource, "same-origin", ""},
		{"manifest", "GET", "/manifest.webmanifest", 200, resource, "same-origin", ""},
		{"CSS", "GET", "/app.css", 200, resource, "same-origin", ""},
		{"CSS", "GET", "/web/verbatim.css", 200, resource, "same-origin", ""},
		{"wasm", "GET", "/v/" + v + "/web/app.wasm", 200, resource, "same-origin", ""},
		{"wasm", "GET", "/app.wasm", 200, resource, "same-origin", ""},
		{"image", "GET", "/v/" + v + "/web/icons/icon.svg", 200, resource, "same-origin", ""},
		{"page script", "GET", "/v/" + v + "/web/page/reader.js", 200, resource, "same-origin", ""},
		{"page script", "GET", "/embed-frame.js", 200, resource, "same-origin", ""},
		{"partner script", "GET", "/embed.js", 200, resource, "cross-origin", ""},
		{"partner script", "GET", "/v/" + v + "/web/partner/embed.js", 200, resource, "cross-origin", ""},
		{"service worker", "GET", "/app-worker.js", 200, worker, "same-origin", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "},
		{"parse worker", "GET", "/v/" + v + "/web/worker/parse-worker.js", 200, worker, "same-origin", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "},
		{"parse worker", "GET", "/web/worker/other.js", 200, worker, "same-origin", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "},
		{"missing file", "GET", "/articles/nope.json", 404, resource, "same-origin", ""},
		{"missing file", "GET", "/web/.env", 404, resource, "same-origin", ""},
		{"no route", "GET", "/no/such/path", 404, bare, "", ""},
		{"no method", "POST", "/", 405, bare, "", ""},
	}
	for _, c := range cases {
		res, _ := do(t, s.Handler(), c.method, c.path, nil)
		if res.StatusCode != c.status {
			t.Errorf("%s %s (%s): status %d, want %d", c.method, c.path, c.kind, res.StatusCode, c.status)
		}
		var got []string
		for _, name := range securityHeaderNames {
			if len(res.Header.Values(name)) > 1 {
				t.Errorf("%s %s: %d %s headers", c.method, c.path, len(res.Header.Values(name)), name)
			}
			if res.Header.Get(name) != "" {
				got = append(got, name)
			}
		}
		if slices.Sort(got); !slices.Equal(got, slices.Sorted(slices.Values(c.headers))) {
			t.Errorf("%s %s (%s): headers %q, want %q", c.method, c.path, c.kind, got, c.headers)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s %s: X-Content-Type-Options=%q, want nosniff", c.method, c.path, got)
		}
		if got := res.Header.Get("Cross-Origin-Resource-Policy"); got != c.corp {
			t.Errorf("%s %s: Cross-Origin-Resource-Policy=%q, want %q", c.method, c.path, got, c.corp)
		}
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.HasPrefix(csp, c.cspPrefix) {
			t.Errorf("%s %s: CSP %q, want it to start %q", c.method, c.path, csp, c.cspPrefix)
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s %s: CSP allows unsafe-inline: %q", c.method, c.path, csp)
		}
		if strings.Contains(csp, "partner.example") != strings.HasPrefix(c.kind, "embed") {
			t.Errorf("%s %s: partners in the CSP %q", c.method, c.path, csp)
		}
		if x := res.Header.Get("X-Frame-Options"); x != "" && x != "SAMEORIGIN" {
			t.Errorf("%s %s: X-Frame-Options=%q", c.method, c.path, x)
		}
	}
}

// TestPageCSPAllowsTheInlineElementsOnly checks the pages' CSP: its script-src and style-src allow
// 'self' and exactly the hashes of the page's own inline script and style, computed from the bytes
// the browser parses out of the page (x/net/html here), and no other inline element.
func TestPageCSPAllowsTheInlineElementsOnly(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{Partners: []string{"https://partner.example"}})
	for _, p := range []string{"/", "/import", "/article/harbour-council", "/article/nope", "/embed/harbour-council?theme=dark"} {
		res, page := do(t, s.Handler(), "GET", p, nil)
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var scripts, styles []string
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode || (n.Data != "script" && n.Data != "style") || slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "src" }) {
				continue
			}
			text := ""
			if n.FirstChild != nil {
				text = n.FirstChild.Data
			}
			switch {
			case n.Data == "style":
				styles = append(styles, cspHash(text))
			case slices.Contains(n.Attr, html.Attribute{Key: "type", Val: "application/json"}):
				// a data block: never run, nothing for the CSP to allow
			default:
				scripts = append(scripts, cspHash(text))
			}
		}
		directives := map[string]string{}
		for _, d := range strings.Split(res.Header.Get("Content-Security-Policy"), ";") {
			name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
			directives[name] = value
		}
		if want := strings.Join(append([]string{"'self'", "'wasm-unsafe-eval'"}, scripts...), " "); len(scripts) != 1 || directives["script-src"] != want {
			t.Errorf("%s: script-src %q, want %q (the page has %d inline scripts)", p, directives["script-src"], want, len(scripts))
		}
		if want := strings.Join(append([]string{"'self'"}, styles...), " "); len(styles) != 1 || directives["style-src"] != want {
			t.Errorf("%s: style-src %q, want %q (the page has %d inline styles)", p, directives["style-src"], want, len(styles))
		}
		if strings.Contains(page, " style=") || strings.Contains(page, " onload=") {
			t.Errorf("%s: an inline style or handler attribute, which no hash allows", p)
		}
	}
}

// TestHeaderSetsAreMadeOnce checks that setting a kind's headers allocates nothing: every value is a
// one-element slice made at start under its canonical key, set into the header map as it is.
func TestHeaderSetsAreMadeOnce(t *testing.T) {
	s, _ := newTestServer(t, Config{Partners: []string{"https://partner.example"}})
	hs := &s.headers
	for name, set := range map[string]headerSet{
		"page": hs.page, "embed page": hs.embedPage, "resource": hs.resource, "partner": hs.partnerResource,
		"service worker": hs.serviceWorker, "parse worker": hs.parseWorker,
	} {
		for _, e := range set {
			if e.key != textproto.CanonicalMIMEHeaderKey(e.key) || len(e.value) != 1 || cap(e.value) != 1 {
				t.Errorf("%s: %s=%q (cap %d), want a canonical key and a one-element slice", name, e.key, e.value, cap(e.value))
			}
		}
		h := make(http.Header, 16)
		if allocs := testing.AllocsPerRun(100, func() { set.set(h) }); allocs != 0 {
			t.Errorf("%s: setting the headers allocates %.0f times", name, allocs)
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

// TestOnlyTheWorkerConnectsElsewhere checks that pages and the parse worker may connect to their own
// origin only, while the service worker may fetch the http and https images img-src allows, to keep
// them offline.
func TestOnlyTheWorkerConnectsElsewhere(t *testing.T) {
	t.Parallel()
	web := fakeWebDir(t)
	writeFiles(t, web, map[string]string{"worker/parse-worker.js": "importScripts(\"/wasm_exec.js\");\n"})
	s, _ := newTestServer(t, Config{WebDir: web})
	for _, tc := range []struct {
		path, connect string
	}{
		{"/", "connect-src 'self';"},
		{"/article/harbour-council", "connect-src 'self';"},
		{"/embed/harbour-council", "connect-src 'self';"},
		{"/web/worker/parse-worker.js", "connect-src 'self';"},
		{"/app-worker.js", "connect-src 'self' https: http:;"},
	} {
		res, _ := do(t, s.Handler(), "GET", tc.path, nil)
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, tc.connect) {
			t.Errorf("%s: CSP %q, want %q", tc.path, csp, tc.connect)
		}
	}
}
