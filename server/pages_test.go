package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"verbatim/article"
	"verbatim/internal/lru"
)

func TestArticlePageHead(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{BaseURL: "https://verbatim.example"})
	res, page := do(t, s.Handler(), "GET", "/article/harbour-council", nil)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{
		`<link rel="alternate" type="application/json+oembed" href="https://verbatim.example/oembed?format=json&amp;url=https%3A%2F%2Fverbatim.example%2Farticle%2Fharbour-council" title="Harbour Council Votes to Keep the Night Ferry Running"/>`,
		`<link rel="canonical" href="https://verbatim.example/article/harbour-council"/>`,
		`content="https://verbatim.example/article/harbour-council"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, "embed-frame.js") || strings.Contains(page, "verbatim-partners") {
		t.Errorf("an article page loads the embed's script or partner list")
	}
	if strings.Count(page, `property="og:url"`) != 1 {
		t.Errorf("want one og:url, page:\n%s", page)
	}
}

func TestUnknownArticleIs404(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	for _, p := range []string{"/article/nope", "/embed/nope"} {
		res, page := do(t, s.Handler(), "GET", p, nil)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, res.StatusCode)
		}
		if !strings.Contains(page, "<html") || strings.Contains(page, "json+oembed") {
			t.Errorf("%s: want the app's page without oEmbed discovery", p)
		}
	}
}

func TestEmbedPage(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{Partners: []string{"https://partner.example"}})
	res, page := do(t, s.Handler(), "GET", "/embed/harbour-council?origin=https%3A%2F%2Fpartner.example&theme=dark&dnt=1", nil)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{
		`<script defer="" src="/v/` + s.Version() + `/web/page/embed-frame.js"></script>`,
		`<meta name="verbatim-partners" content="https://partner.example"/>`,
		`<meta name="robots" content="noindex"/>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("embed page lacks %s", want)
		}
	}
	// A frame on a partner's page boots no Go runtime and installs nothing.
	for _, bad := range []string{`src="/app.js"`, `src="/wasm_exec.js"`, `rel="manifest"`, "offline.js", "app-wasm-loader-icon"} {
		if strings.Contains(page, bad) {
			t.Errorf("the embed page has %s", bad)
		}
	}
	if res, _ := do(t, s.Handler(), "GET", "/embed-app.js", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("/embed-app.js: %d, want 404 (embeds load no app.js)", res.StatusCode)
	}
}

func TestHostHeaderDoesNotReachThePage(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	req := httptest.NewRequest("GET", "/article/harbour-council", nil)
	req.Host = `evil.example"><script>alert(1)</script>`
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if body := rec.Body.String(); strings.Contains(body, "<script>alert(1)") || strings.Contains(body, "evil.example") {
		t.Errorf("the Host header reached the page")
	}
}

func TestPagesAreCachedOnce(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	r1, p1 := do(t, s.Handler(), "GET", "/article/zakaria-peskov", nil)
	r2, p2 := do(t, s.Handler(), "GET", "/article/zakaria-peskov", nil)
	if p1 != p2 || r1.Header.Get("ETag") != r2.Header.Get("ETag") || r1.Header.Get("ETag") == "" {
		t.Errorf("the same page rendered twice differs, or has no ETag")
	}
	res, _ := do(t, s.Handler(), "GET", "/article/zakaria-peskov", map[string]string{"If-None-Match": r1.Header.Get("ETag")})
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match on a page: %d, want 304", res.StatusCode)
	}
}

func TestUncachedPagesAreNotCompressedPerRequest(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	res, page := do(t, s.Handler(), "GET", "/import?text=hello", map[string]string{"Accept-Encoding": "br, gzip"})
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "" || !strings.Contains(page, "<html") {
		t.Errorf("/import?text=…: status %d, Content-Encoding %q", res.StatusCode, res.Header.Get("Content-Encoding"))
	}
	res, _ = do(t, s.Handler(), "GET", "/import", map[string]string{"Accept-Encoding": "br, gzip"})
	if res.Header.Get("Content-Encoding") != "br" {
		t.Errorf("/import: Content-Encoding %q, want br", res.Header.Get("Content-Encoding"))
	}
}

func TestNotFoundPagesAreNotCached(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	for i := range 50 {
		do(t, s.Handler(), "GET", "/article/made-up-"+strings.Repeat("x", i), nil)
	}
	do(t, s.Handler(), "GET", "/article/zakaria-peskov", nil)
	if got, want := cachedCount(s.lib.cache, "page\x00"), 1; got != want {
		t.Errorf("%d pages cached, want %d (404s are not kept)", got, want)
	}
}

// TestPagesAllowZoom checks that every prerendered page keeps exactly one viewport, and that it lets
// readers pinch-zoom: go-app's own viewport forbids it.
func TestPagesAllowZoom(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	for _, p := range []string{"/", "/import", "/article/harbour-council", "/embed/harbour-council", "/article/nope"} {
		_, page := do(t, s.Handler(), "GET", p, nil)
		if got, want := strings.Count(page, `name="viewport"`), 1; got != want {
			t.Errorf("%s: %d viewport meta elements, want %d", p, got, want)
		}
		for _, bad := range []string{"user-scalable=0", "user-scalable=no", "maximum-scale=1"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: the page blocks zoom with %s", p, bad)
			}
		}
	}
}

// TestPrerenderedBooleansMeanWhatTheySay parses every page as a browser does: no boolean attribute
// is left as ="false" (which HTML reads as true), and each select has exactly one selected option, so
// that the settings show the right values before app.wasm runs.
func TestPrerenderedBooleansMeanWhatTheySay(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	for _, p := range []string{"/", "/import", "/article/harbour-council", "/embed/harbour-council"} {
		_, page := do(t, s.Handler(), "GET", p, nil)
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		selects := 0
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			for _, a := range n.Attr {
				if a.Val == "false" && slices.Contains(booleanAttrs, a.Key) {
					t.Errorf("%s: <%s %s=%q> reads as true", p, n.Data, a.Key, a.Val)
				}
			}
			if n.Data != "select" {
				continue
			}
			selects++
			selected := 0
			for o := range n.Descendants() {
				if o.Type == html.ElementNode && o.Data == "option" && slices.ContainsFunc(o.Attr, func(a html.Attribute) bool { return a.Key == "selected" }) {
					selected++
				}
			}
			if selected != 1 {
				t.Errorf("%s: a select has %d selected options, want 1", p, selected)
			}
		}
		if selects == 0 && (p == "/import" || p == "/article/harbour-council") {
			t.Errorf("%s: no select prerendered; the check saw nothing", p)
		}
	}
}

// TestPrerenderedLinksHaveAddresses checks every link of the prerendered pages as Lighthouse's SEO
// audit (crawlable-anchors) and assistive technology read them: each <a> has an address that is
// not javascript:, or is a disabled link (role link, aria-disabled true) that a script enables
// once it has one, as the quote card's download links are until the card is drawn.
func TestPrerenderedLinksHaveAddresses(t *testing.T) {
	t.Parallel()
	// The sample under an id of its own, parsed for real (the card dialog needs its quotes): go-app
	// prerenders from the newest server that has an id, and other tests serve the sample's id.
	text, err := os.ReadFile(filepath.Join("samples", sampleID+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	const id = "links-check-sample"
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, id+".txt"), text, 0o644); err != nil {
		t.Fatal(err)
	}
	s, _ := newTestServer(t, Config{ContentDir: dir, parse: article.Parse})
	for _, p := range []string{"/", "/import", "/search", "/speakers", "/article/" + id, "/embed/" + id} {
		_, page := do(t, s.Handler(), "GET", p, nil)
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		links, disabled := 0, 0
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode || n.Data != "a" {
				continue
			}
			links++
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			href, ok := attr["href"]
			switch {
			case ok && strings.TrimSpace(href) != "" && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(href)), "javascript:"):
			case !ok && attr["role"] == "link" && attr["aria-disabled"] == "true":
				disabled++
			default:
				t.Errorf("%s: <a %v> has no address and is not a disabled link", p, n.Attr)
			}
		}
		if links == 0 {
			t.Errorf("%s: no link prerendered; the check saw nothing", p)
		}
		if p == "/article/"+id && disabled != 2 {
			t.Errorf("%s: %d disabled links, want the quote card's two", p, disabled)
		}
	}
}

// cachedCount returns how many keys of c start with prefix.
func cachedCount(c *lru.Cache, prefix string) int {
	n := 0
	for _, k := range c.Keys() {
		if strings.HasPrefix(k, prefix) {
			n++
		}
	}
	return n
}

// TestOverLongPathsAnswerAsUnrouted checks that a path under an article's or a person's prefix with
// an id or slug over its bound, which go-app's routes take, gets go-app's answer to a path with no
// route (its plain 404), header for header and byte for byte, on GET and HEAD; at the bound, it is
// still the app's page.
func TestOverLongPathsAnswerAsUnrouted(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{})
	id, slug := strings.Repeat("a", 129), strings.Repeat("a", 81)
	for _, method := range []string{"GET", "HEAD"} {
		want, wantBody := do(t, s.Handler(), method, "/no-route-here", nil)
		if want.StatusCode != http.StatusNotFound || want.Header.Get("Content-Type") != "text/plain; charset=utf-8" ||
			wantBody != map[string]string{"GET": "404 page not found\n", "HEAD": ""}[method] {
			t.Fatalf("%s of a path with no route: %d %q %q, want go-app's plain 404", method, want.StatusCode, want.Header.Get("Content-Type"), wantBody)
		}
		for _, c := range []struct {
			path     string
			unrouted bool
		}{
			{"/article/" + id, true},
			{"/embed/" + id, true},
			{"/embed/" + id + "?theme=dark", true},
			{"/speaker/" + slug, true},
			// main's route took this one ({0,79} counted pairs: up to 160 bytes) and showed the
			// people list at this address with 200.
			{"/speaker/" + strings.Repeat("a-", 50) + "a", true},
			{"/article/" + id[:128], false},
			{"/embed/" + id[:128], false},
			{"/speaker/" + slug[:80], false},
		} {
			res, body := do(t, s.Handler(), method, c.path, nil)
			same := res.StatusCode == want.StatusCode && body == wantBody && reflect.DeepEqual(res.Header, want.Header)
			if same != c.unrouted {
				t.Errorf("%s %.40q…: %d %v %q; go-app's answer to no route: %v, want %v", method, c.path, res.StatusCode, res.Header, body, same, c.unrouted)
			}
			if !c.unrouted && !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				t.Errorf("%s %.40q…: Content-Type %q, want the app's page", method, c.path, res.Header.Get("Content-Type"))
			}
		}
	}
}
