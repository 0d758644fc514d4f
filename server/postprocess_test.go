package server

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"verbatim/article/model"
)

func TestPostProcessTrimsLayoutNewlines(t *testing.T) {
	t.Parallel()
	const head = "<!DOCTYPE html><html><head><title>t</title></head><body>"
	cases := []struct {
		name, body, want string
	}{
		{"a quote in a paragraph", "<p>\nHe said “\n<mark>no</mark>\n”.\n</p>", "<p>He said “<mark>no</mark>”.</p>"},
		{"buttons side by side", "<div>\n<button>a</button>\n<button>b</button>\n</div>", "<div><button>a</button><button>b</button></div>"},
		{"a single text child keeps its newlines", "<pre>\n\nline one\nline two\n</pre>", "<pre>\n\nline one\nline two\n</pre>"},
		{"a text child's own newlines stay", "<p>\nfirst\n\n<em>x</em>\n\nlast\n</p>", "<p>first\n<em>x</em>\nlast</p>"},
		{"escaped text stays escaped", "<p>\n&lt;script&gt;\n<b>&amp;</b>\n</p>", "<p>&lt;script&gt;<b>&amp;</b></p>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			out, _ := postProcess([]byte(head+c.body+"</body></html>"), pageInfo{})
			_, body, _ := strings.Cut(string(out), "<body>")
			body, _, _ = strings.Cut(body, "</body>")
			if body != c.want {
				t.Errorf("got  %q\nwant %q", body, c.want)
			}
		})
	}
}

// goAppPage is a page in the shape go-app v9.8.0 prerenders (see TestPostProcessTripwire for the
// real ones): every marker the post-processor's steps look for, once.
const goAppPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover">
<meta property="og:url" content="http://example.com/article/a">
<title>A — Verbatim</title>
<link type="text/css" rel="preload" href="/app.css" as="style">
<link rel="stylesheet" type="text/css" href="/app.css">
<link href="/v/1/web/verbatim.css" rel="stylesheet" type="text/css">
<script defer src="/app.js"></script>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
</head>
<body>
<header>
<img src="/v/1/web/icons/icon.svg" alt width="28" height="28">
<select id="set-theme">
<option value="auto" selected>Automatic</option>
<option value="light" selected="false">Light</option>
</select>
<button aria-pressed="false" disabled="false">Save</button>
</header>
<aside id="app-wasm-loader" class="goapp-app-info">
<img id="app-wasm-loader-icon" class="goapp-logo goapp-spin" src="/v/1/web/icons/icon-192.png">
<p id="app-wasm-loader-label" class="goapp-label">Loading…</p>
</aside>
</body>
</html>`

func TestPostProcessSteps(t *testing.T) {
	t.Parallel()
	article := pageInfo{
		canonical: "https://verbatim.example/article/a", kind: model.PathArticle, id: "a", found: true,
		title: "A", oembed: "https://verbatim.example/oembed?format=json&url=x",
	}
	embed := pageInfo{canonical: "https://verbatim.example/embed/a", kind: model.PathEmbed, id: "a", found: true,
		partners: []string{"https://one.example", "https://two.example"}}
	hostile := article
	hostile.title = `"><script>alert(1)</script>`
	hostile.canonical = `https://verbatim.example/article/a"onload="x`
	missing := article
	missing.found = false
	cases := []struct {
		name      string
		info      pageInfo
		want, not []string
	}{
		{"og:url takes the canonical address", article,
			[]string{`<meta property="og:url" content="https://verbatim.example/article/a"/>`}, []string{"example.com"}},
		{"og:url is left when there is none", pageInfo{},
			[]string{`<meta property="og:url" content="http://example.com/article/a"/>`}, nil},
		{"the viewport that blocks zoom goes, the app's stays", article,
			[]string{"<meta charset=\"UTF-8\"/>\n<meta property=\"og:url\"", `<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>`},
			[]string{"user-scalable=0", "maximum-scale"}},
		{"false booleans go, other attributes stay", article,
			[]string{`<option value="auto" selected="">`, `<option value="light">`, `<button aria-pressed="false">`},
			[]string{`selected="false"`, `disabled`}},
		{"go-app's app.css goes, verbatim.css stays", article,
			[]string{"<title>A — Verbatim</title>\n<link href=\"/v/1/web/verbatim.css\""}, []string{"/app.css"}},
		{"the loader shows the header's icon", article,
			[]string{`<img id="app-wasm-loader-icon" class="goapp-logo" alt="" src="/v/1/web/icons/icon.svg"/>`}, []string{"icon-192.png", "goapp-spin"}},
		{"an article page keeps app.js", article, []string{`<script defer="" src="/app.js"></script>`}, []string{embedAppJS}},
		{"an embed page loads the embed's app.js", embed, []string{`<script defer="" src="` + embedAppJS + `"></script>`}, []string{`"/app.js"`}},
		{"an article page's head additions", article, []string{
			`<link rel="preload" href="/articles/a.json" as="fetch" crossorigin="anonymous"/>` +
				`<link rel="canonical" href="https://verbatim.example/article/a"/>` +
				`<link rel="alternate" type="application/json+oembed" href="https://verbatim.example/oembed?format=json&amp;url=x" title="A"/></head>`,
		}, []string{"verbatim-partners", "noindex", "embed-frame.js"}},
		{"an embed page's head additions", embed, []string{
			`<link rel="preload" href="/articles/a.json" as="fetch" crossorigin="anonymous"/>` +
				`<meta name="verbatim-partners" content="https://one.example https://two.example"/>` +
				`<meta name="robots" content="noindex"/>` +
				`<script defer="" src="/embed-frame.js"></script></head>`,
		}, []string{"canonical", "json+oembed"}},
		{"a missing article's page has no head additions", missing, nil, []string{"preload\" href=\"/articles", "canonical", "json+oembed"}},
		{"other pages have no head additions", pageInfo{canonical: "https://verbatim.example/"}, nil, []string{"/articles/", "canonical", "json+oembed", "embed-frame.js"}},
		{"values are escaped by the renderer", hostile, []string{
			`title="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`,
			`<link rel="canonical" href="https://verbatim.example/article/a&#34;onload=&#34;x"/>`,
		}, []string{"<script>alert", `"onload="`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			out, missing := postProcess([]byte(goAppPage), c.info)
			if len(missing) != 0 {
				t.Errorf("steps that found no marker: %q", missing)
			}
			page := string(out)
			for _, w := range c.want {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks %s", w)
				}
			}
			for _, w := range c.not {
				if strings.Contains(page, w) {
					t.Errorf("page has %s", w)
				}
			}
			if t.Failed() {
				t.Logf("page:\n%s", page)
			}
		})
	}
}

func TestPostProcessReportsMissingMarkers(t *testing.T) {
	t.Parallel()
	const plain = "<!DOCTYPE html><html><head><title>t</title></head><body><p>text</p></body></html>"
	out, missing := postProcess([]byte(plain), pageInfo{canonical: "https://verbatim.example/"})
	want := []string{"og:url", "zoom viewport", "false booleans", "app.css", "loader icon", "app.js", "layout newlines"}
	if !slices.Equal(missing, want) {
		t.Errorf("missing = %q, want %q", missing, want)
	}
	if got := string(out); got != "<!DOCTYPE html><html><head><title>t</title></head><body><p>text</p></body></html>" {
		t.Errorf("a page with nothing to edit changed: %s", got)
	}
}

// TestPostProcessTripwire runs the post-processor on the pages go-app really prerenders, and fails
// when go-app's output changed shape: when a marker one of the steps relies on is gone (the app.js
// script, the loader's image, the viewport that blocks zoom, the og:url meta, the links to app.css,
// the layout newlines, the "false" boolean attributes), as replaceOnce fails when app.js no longer
// has what it replaces. Only the import form has "false" boolean attributes: the reader renders its
// booleans only when true.
func TestPostProcessTripwire(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{BaseURL: "https://verbatim.example"})
	every := []string{}
	for _, st := range pageSteps {
		every = append(every, st.name)
	}
	for _, c := range []struct {
		path      string
		noBoolean bool
	}{
		{"/article/harbour-council", true},
		{"/import", false},
		{"/embed/harbour-council", true},
		{"/", true},
	} {
		t.Run(c.path, func(t *testing.T) {
			t.Parallel()
			rec := httptest.NewRecorder()
			s.pages.app.ServeHTTP(rec, httptest.NewRequest("GET", c.path, nil))
			if rec.Code != http.StatusOK {
				t.Fatalf("go-app answered %d", rec.Code)
			}
			id, kind, _ := model.ParseArticlePath(c.path)
			info := pageInfo{canonical: "https://verbatim.example" + c.path, kind: kind, id: id, found: kind != ""}
			_, missing := postProcess(rec.Body.Bytes(), info)
			var allowed []string
			if c.noBoolean {
				allowed = []string{"false booleans"}
			}
			if !slices.Equal(missing, allowed) {
				t.Errorf("go-app's prerendered page changed shape: the steps %q found nothing to edit (want %q of %q)", missing, allowed, every)
			}
		})
	}
}
