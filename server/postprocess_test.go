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
// real ones): every marker the post-processor's steps look for, once, with the links of testAssets.
const goAppPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover">
<meta property="og:url" content="http://example.com/article/a">
<meta property="og:image" content="/card/a/q1.png">
<title>A — Verbatim</title>
<link type="text/css" rel="preload" href="/v/1/web/verbatim.css" as="style">
<link type="text/css" rel="preload" href="/app.css" as="style">
<link rel="icon" href="/v/1/web/icons/icon.svg">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="stylesheet" type="text/css" href="/app.css">
<link href="/v/1/web/verbatim.css" rel="stylesheet" type="text/css">
<script defer src="/wasm_exec.js"></script>
<script defer src="/app.js"></script>
<script src="/v/1/web/page/settings.js"></script>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
</head>
<body>
<header>
<img src="/v/1/web/icons/icon-192.png" alt width="28" height="28">
<select id="set-theme">
<option value="auto" selected>Automatic</option>
<option value="light" selected="false">Light</option>
</select>
<button aria-pressed="false" disabled="false">Save</button>
<button aria-pressed aria-label="" data-action="highlights">Highlights</button>
</header>
<aside id="app-wasm-loader" class="goapp-app-info">
<img id="app-wasm-loader-icon" class="goapp-logo goapp-spin" src="/v/1/web/icons/icon-192.png">
<p id="app-wasm-loader-label" class="goapp-label">Loading…</p>
</aside>
<main id="main"><p>The article.</p></main>
</body>
</html>`

// testAssets are the page assets of goAppPage's build ("1").
var testAssets = &pageAssets{
	styleHref: "/v/1/web/verbatim.css", settingsSrc: "/v/1/web/page/settings.js",
	style: "body { color: #111 } a > b { x: url(\"/v/1/web/fonts/f.woff2\") }", embedStyle: "body { color: #111 }", settings: "applySettings(); if (a < b && c > d) {}",
	choices: `{"theme":["auto","dark"]}`,
	reader:  "/v/1/web/page/reader.js", offline: "/v/1/web/page/offline.js", embedFrame: "/v/1/web/page/embed-frame.js",
	wasm: "/v/1/web/app.wasm",
}

// The page scripts as the post-processor writes them into goAppPage.
const (
	readerTag   = `<script defer="" src="/v/1/web/page/reader.js"></script>`
	offlineTag  = `<script defer="" src="/v/1/web/page/offline.js"></script>`
	frameTag    = `<script defer="" src="/v/1/web/page/embed-frame.js"></script>`
	goAppTags   = "<script defer=\"\" src=\"/wasm_exec.js\"></script>\n<script defer=\"\" src=\"/app.js\"></script>"
	inlineStyle = `<style>body { color: #111 } a > b { x: url("/v/1/web/fonts/f.woff2") }</style>`
	embedStyle  = `<style>body { color: #111 }</style>`                                        // an embed's: testAssets.embedStyle
	expectTag   = `<meta charset="UTF-8"/><link rel="expect" href="#main" blocking="render"/>` // after the charset, first
	wasmPreload = `<link rel="preload" href="/v/1/web/app.wasm" as="fetch" crossorigin="anonymous"/>`
	inlineSetup = `<script type="application/json" id="verbatim-settings-choices">{"theme":["auto","dark"]}</script>` +
		`<script>applySettings(); if (a < b && c > d) {}</script>`
)

func TestPostProcessSteps(t *testing.T) {
	t.Parallel()
	article := pageInfo{
		canonical: "https://verbatim.example/article/a", kind: model.PathArticle, id: "a", found: true,
		title: "A", oembed: "https://verbatim.example/oembed?format=json&url=x", assets: testAssets,
	}
	embed := pageInfo{canonical: "https://verbatim.example/embed/a", kind: model.PathEmbed, id: "a", found: true,
		partners: []string{"https://one.example", "https://two.example"}, assets: testAssets}
	hostile := article
	hostile.title = `"><script>alert(1)</script>`
	hostile.canonical = `https://verbatim.example/article/a"onload="x`
	missing := article
	missing.found = false
	library := pageInfo{canonical: "https://verbatim.example/", assets: testAssets}
	bare := article
	bare.assets = &pageAssets{styleHref: testAssets.styleHref, settingsSrc: testAssets.settingsSrc}
	bareLibrary := library
	bareLibrary.assets = bare.assets
	const loaderIcon = `<img id="app-wasm-loader-icon" class="goapp-logo" alt="" src="/v/1/web/icons/icon-192.png"/>`
	cases := []struct {
		name      string
		info      pageInfo
		want, not []string
	}{
		{"og:url takes the canonical address", article,
			[]string{`<meta content="https://verbatim.example/article/a" property="og:url"/>`}, []string{"example.com"}},
		{"og:image is absolute, against the canonical address", article,
			[]string{`<meta content="https://verbatim.example/card/a/q1.png" property="og:image"/>`}, nil},
		{"og:url is left when there is none", pageInfo{assets: testAssets},
			[]string{`<meta content="http://example.com/article/a" property="og:url"/>`}, nil},
		{"the viewport that blocks zoom goes, the app's stays", article,
			[]string{expectTag + "\n<meta content=\"https://verbatim.example/article/a\" property=\"og:url\"", `<meta content="width=device-width, initial-scale=1, viewport-fit=cover" name="viewport"/>`},
			[]string{"user-scalable=0", "maximum-scale"}},
		{"false booleans go, other attributes stay", article,
			[]string{`<option selected="" value="auto">`, `<option value="light">`, `<button aria-pressed="false">`},
			[]string{`selected="false"`, `disabled`}},
		{"ARIA states go-app wrote bare are true again, other empty attributes stay", article,
			[]string{`<button aria-label="" aria-pressed="true" data-action="highlights">`}, []string{`aria-pressed="">`, `aria-pressed>`}},
		{"go-app's app.css goes", article,
			[]string{"<title>A — Verbatim</title>\n<link href=\"/v/1/web/icons/icon.svg\" rel=\"icon\""}, []string{"/app.css"}},
		{"the style sheet is inline, where go-app linked it", article,
			[]string{"<link href=\"/manifest.webmanifest\" rel=\"manifest\"/>\n" + inlineStyle}, []string{"verbatim.css", `as="style"`}},
		{"the settings script is inline in the head, after its choices", library,
			[]string{inlineSetup + "<meta content=\"width=device-width, initial-scale=1, viewport-fit=cover\" name=\"viewport\""}, []string{"settings.js"}},
		{"an article page the server has: the settings just before the main element", article,
			[]string{offlineTag + "<meta content=\"width=device-width, initial-scale=1, viewport-fit=cover\" name=\"viewport\"",
				"</header>" + inlineSetup + `<main id="main">`}, []string{"settings.js"}},
		{"a missing article's page has it in the head", missing, []string{goAppTags + "\n" + inlineSetup}, nil},
		{"an article page the server has: reader.js and offline.js, no app.wasm", article,
			[]string{inlineStyle + readerTag + offlineTag, `rel="manifest"`},
			[]string{"/app.js", "/wasm_exec.js", "embed-frame.js", "app-wasm-loader", "Loading…"}},
		{"an embed: embed-frame.js (which loads reader.js), no app.wasm, no manifest", embed,
			[]string{embedStyle + frameTag + inlineSetup},
			[]string{"/app.js", "/wasm_exec.js", "reader.js", "offline.js", "app-wasm-loader", "manifest"}},
		{"a missing article boots app.wasm, after the page scripts", missing,
			[]string{readerTag + offlineTag + goAppTags, loaderIcon, `rel="manifest"`}, []string{"embed-frame.js", "goapp-spin"}},
		{"the library boots app.wasm, after the page scripts", library,
			[]string{readerTag + offlineTag + goAppTags, loaderIcon}, []string{"embed-frame.js"}},
		{"a page that boots app.wasm fetches it from its head, after the render-blocking link", library,
			[]string{expectTag + wasmPreload}, nil},
		{"so does a missing article", missing, []string{expectTag + wasmPreload}, nil},
		{"an article page fetches no app.wasm", article, nil, []string{"app.wasm"}},
		{"nor does an embed", embed, nil, []string{"app.wasm"}},
		{"a web folder without app.wasm has no preload of it", bareLibrary, nil, []string{"app.wasm", `as="fetch"`}},
		{"a web folder without the page files: go-app's links go all the same", bare,
			[]string{"<title>A — Verbatim</title>\n<link href=\"/v/1/web/icons/icon.svg\" rel=\"icon\""},
			[]string{"<style>", "verbatim.css", "settings.js", "verbatim-settings-choices", "reader.js", "offline.js", "/app.js"}},
		{"an article page's head additions", article, []string{
			`<link rel="canonical" href="https://verbatim.example/article/a"/>` +
				`<link rel="alternate" type="application/json+oembed" href="https://verbatim.example/oembed?format=json&amp;url=x" title="A"/></head>`,
		}, []string{"verbatim-partners", "noindex", `as="fetch"`, "/articles/"}},
		{"an embed page's head additions", embed, []string{
			`<meta name="verbatim-partners" content="https://one.example https://two.example"/>` +
				`<meta name="robots" content="noindex"/></head>`,
		}, []string{"canonical", "json+oembed", `as="fetch"`}},
		{"a missing article's page has no head additions", missing, nil, []string{"/articles/", "canonical", "json+oembed"}},
		{"other pages have no head additions", library, nil, []string{"/articles/", "canonical", "json+oembed", "verbatim-partners"}},
		{"an article page renders no frame before its main element", article, []string{expectTag}, nil},
		{"nor does an embed", embed, []string{expectTag}, nil},
		{"nor the library", library, []string{expectTag}, nil},
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
	out, missing := postProcess([]byte(plain), pageInfo{canonical: "https://verbatim.example/", assets: testAssets})
	want := []string{"og:url", "og:image", "zoom viewport", "false booleans", "bare ARIA states", "app.css", "style sheet", "settings script", "manifest", "page scripts", "loader", "layout newlines", "render after #main"}
	if !slices.Equal(missing, want) {
		t.Errorf("missing = %q, want %q", missing, want)
	}
	if got := string(out); got != "<!DOCTYPE html><html><head><title>t</title></head><body><p>text</p></body></html>" {
		t.Errorf("a page with nothing to edit changed: %s", got)
	}
}

// TestPostProcessTripwire runs the post-processor on the pages go-app really prerenders, of every
// kind, and fails when go-app's output changed shape: when a marker one of the steps relies on is
// gone (the wasm_exec.js and app.js scripts, the loader and its image, the links to verbatim.css
// and app.css and their preloads, the settings script, the manifest link, the viewport that blocks
// zoom, the og:url meta, the layout newlines, the "false" boolean attributes, the bare ARIA
// states), as replaceOnce fails when app.js no longer has what it replaces. Only the import form
// has "false" boolean attributes (the reader renders its booleans only when true), and only the
// reader has pressed toggles.
func TestPostProcessTripwire(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t, Config{BaseURL: "https://verbatim.example"})
	every := []string{}
	for _, st := range pageSteps {
		every = append(every, st.name)
	}
	const noFalse, noTrue = "false booleans", "bare ARIA states"
	for _, c := range []struct {
		path   string
		found  bool
		absent []string // the steps that find nothing on this page, in pageSteps' order
	}{
		{"/article/harbour-council", true, []string{noFalse}},
		{"/article/not-in-the-library", false, []string{noFalse, noTrue}},
		{"/import", false, []string{noTrue}},
		{"/embed/harbour-council", true, []string{noFalse}},
		{"/", false, []string{noFalse, noTrue}},
	} {
		t.Run(c.path, func(t *testing.T) {
			t.Parallel()
			rec := httptest.NewRecorder()
			s.pages.app.ServeHTTP(rec, httptest.NewRequest("GET", c.path, nil))
			if rec.Code != http.StatusOK {
				t.Fatalf("go-app answered %d", rec.Code)
			}
			id, kind, _ := model.ParseArticlePath(c.path)
			info := pageInfo{canonical: "https://verbatim.example" + c.path, kind: kind, id: id, found: c.found, assets: s.pages.assets}
			_, missing := postProcess(rec.Body.Bytes(), info)
			if !slices.Equal(missing, c.absent) {
				t.Errorf("go-app's prerendered page changed shape: the steps %q found nothing to edit (want %q of %q)", missing, c.absent, every)
			}
		})
	}
}
