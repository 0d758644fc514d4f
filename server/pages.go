package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"verbatim/app"
	"verbatim/article/model"
	"verbatim/components"
)

// pages prerenders the app's routes through the go-app handler, then finishes the HTML with the
// post-processor (postProcess): the inline style sheet and settings script, the page scripts of the
// page's kind (and go-app's app.wasm loader only where the page boots it), the canonical og:url, the
// oEmbed discovery link on article pages, and the partner list on /embed/ pages, among its steps.
// Finished pages are compressed in the one encoding the first request takes, then in all when a
// request takes another (coldPageBody, fullPage), at a fast level on the request's path, kept in the
// library's bounded cache by URL and by what the page shows (the article's source fingerprint, or
// the library's generation for the other pages), and served with the document headers; the
// upgrader then compresses the cached page again at brotliFast (brotli 11 is too slow even there)
// and puts it in the cache in its place, for the requests after.
//
// Trust boundary: everything the server adds to a page is a node of the post-processor's tree,
// escaped by x/net/html's renderer; article text reaches the HTML only through go-app's components.
type pages struct {
	app        http.Handler
	lib        *library
	base       func(*http.Request) string
	partners   []string
	oembedHref func(base string, id model.ArticleID) string
	assets     *pageAssets      // the inline style and script and the page scripts of this build
	headers    *responseHeaders // the document headers, with the CSP that allows assets' inline elements
	fetch      bool             // the server fetches links (-fetch): pageInfo.fetch
	upgrades   *upgrader        // compresses cached pages again at the final level (upgrade)
	runUpgrade func(key string) // p.upgrade, made once (a method value allocates at each use)
}

// renderedPage is a finished page, its status (200, 404 for an unknown article, 410 for a deleted
// one) and its document headers (responseHeaders.document).
type renderedPage struct {
	status  int
	body    *asset
	headers headerSet
	// partial is the one content coding body was made with (coldPageBody), or nil when body has
	// every encoding.
	partial *string
	// cold is set when body's encodings are at the cold levels (brotliCold, gzipCold), waiting for
	// their upgrade.
	cold bool
}

// cost is the bytes the page cache counts for pg: its HTML in every encoding it holds, and 512 for
// the rest (the struct, its header set shared with other pages).
func (pg *renderedPage) cost() int64 { return assetCost(pg.body) + 512 }

// embedParams are the query parameters an /embed/ page understands.
var embedParams = map[string]*regexp.Regexp{
	"theme":  regexp.MustCompile(`^(` + strings.Join(components.Themes, "|") + `)$`),
	"dnt":    regexp.MustCompile(`^1$`),
	"origin": regexp.MustCompile(`^https?://[A-Za-z0-9.\-\[\]:]{1,260}$`),
}

// cacheKey returns the cache key for a request, or false when the page must be rendered afresh:
// queries other than the embed parameters (such as /import?text=…) are never cached.
func (p *pages) cacheKey(r *http.Request, base string) (string, bool) {
	if r.URL.RawQuery == "" {
		return base + r.URL.Path, true
	}
	if !isEmbedPath(r.URL.Path) {
		return "", false
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return "", false
	}
	for k, v := range q {
		re, ok := embedParams[k]
		if !ok || len(v) != 1 || !re.MatchString(v[0]) {
			return "", false
		}
	}
	// The frame's script reads origin in the browser; the page's HTML does not depend on it.
	q.Del("origin")
	return base + r.URL.Path + "?" + q.Encode(), true
}

// ServeHTTP serves one page.
func (p *pages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	base := p.base(r)
	key, cacheable := p.cacheKey(r, base)
	var pg *renderedPage
	if cacheable {
		key = "page\x00" + p.version(r.URL.Path) + "\x00" + key
		if v, ok := p.lib.cache.Get(key); ok {
			var made bool
			if pg, made = fullPage(v.(*renderedPage), r); made {
				p.lib.cache.Put(key, pg, pg.cost())
			}
			// Offered again on every request while cold: an offer the full queue dropped is not lost.
			p.offerUpgrade(key, pg)
		}
	}
	if pg == nil {
		var ok bool
		pg, ok = p.render(w, r, base, cacheable)
		if !ok {
			return
		}
		// Only found pages are kept: 404s for made-up ids would otherwise fill the cache.
		if cacheable && pg.status == http.StatusOK && p.lib.cache.Put(key, pg, pg.cost()) {
			p.offerUpgrade(key, pg)
		}
	}
	pg.headers.set(w.Header())
	if pg.status != http.StatusOK {
		w.Header().Set("Content-Type", pg.body.contentType)
		w.Header().Set("Cache-Control", cacheRevalidate)
		w.WriteHeader(pg.status)
		if r.Method != http.MethodHead {
			w.Write(pg.body.variants[0].body)
		}
		return
	}
	pg.body.serve(w, r, cacheRevalidate)
}

// version returns what the page at path shows of the library: an article's source fingerprint for
// its pages, the library's generation for the others (the library page lists it; the import
// page's HTML does not depend on it, but is cheap to render again).
func (p *pages) version(path string) string {
	if id, kind, _ := model.ParseArticlePath(path); kind != "" {
		if fp, ok := p.lib.Fingerprint(id); ok {
			return fp
		}
	}
	return "gen" + strconv.FormatUint(p.lib.snap.Load().gen, 10)
}

// render runs the go-app handler on a clean copy of the request. When go-app answers with something
// other than an HTML page (its plain 404 for a path with no route), render copies that answer to w
// and returns false. A path under an article's or a person's prefix that names no page
// (model.RefusedPagePath: an id or slug over its length bound, which go-app's routes take) gets
// that same answer, http.NotFound's, without go-app. Only pages that will be cached are compressed:
// a page rendered for one request is sent as it is, so that no request costs a compression.
func (p *pages) render(w http.ResponseWriter, r *http.Request, base string, compress bool) (*renderedPage, bool) {
	body, status, kind, ok := p.renderBody(w, r, base)
	if !ok {
		return nil, false
	}
	const htmlType = "text/html; charset=utf-8"
	pg := &renderedPage{status: status, headers: p.headers.document(kind, status)}
	if r.URL.Path == "/import" && r.URL.RawQuery == strings.TrimPrefix(app.BookmarkletImport, "/import?") {
		pg.headers = p.headers.handoffPage
	}
	if !compress || status != http.StatusOK {
		pg.body = plainAsset(htmlType, body, nil)
	} else {
		var coding string
		pg.body, coding = coldPageBody(r, htmlType, body)
		pg.partial = &coding
		pg.cold = coding != ""
	}
	return pg, true
}

// renderBody is render's page alone: its post-processed HTML, its status and its article path's
// kind, with no headers and no asset (no ETag to hash), as the export writes it; an answer that is
// no page goes to w, as render sends it, and ok is false.
func (p *pages) renderBody(w http.ResponseWriter, r *http.Request, base string) (body []byte, status int, kind model.PathKind, ok bool) {
	if model.RefusedPagePath(r.URL.Path) {
		buf := newBufferWriter()
		http.NotFound(buf, r)
		copyAnswer(w, r, buf)
		return nil, 0, "", false
	}
	req := r.Clone(r.Context())
	req.Method = http.MethodGet
	for _, h := range []string{"If-None-Match", "If-Modified-Since", "Range", "If-Range", "Accept-Encoding"} {
		req.Header.Del(h)
	}
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		req.Host = u.Host
	}
	buf := newBufferWriter()
	p.app.ServeHTTP(buf, req)
	ct := buf.header.Get("Content-Type")
	if buf.status != http.StatusOK || !strings.HasPrefix(ct, "text/html") {
		copyAnswer(w, r, buf)
		return nil, 0, "", false
	}
	status = http.StatusOK
	id, kind, _ := model.ParseArticlePath(r.URL.Path)
	if kind != "" {
		if _, err := p.lib.Get(r.Context(), id); errors.Is(err, errGone) {
			status = http.StatusGone
		} else if err != nil {
			status = http.StatusNotFound
		}
	}
	if slug, sk, _ := model.ParseSpeakerPath(r.URL.Path); sk == model.PathSpeaker && !p.lib.hasSpeaker(slug) {
		// Someone only this browser's articles quote, perhaps: the page boots app.wasm, which looks.
		status = http.StatusNotFound
	}
	return p.finish(buf.buf.Bytes(), r.URL.Path, base, id, kind, status), status, kind, true
}

// copyAnswer sends buf, an answer that is no page, to w as it is: its status, content type and
// length, and its body unless r is a HEAD.
func copyAnswer(w http.ResponseWriter, r *http.Request, buf *bufferWriter) {
	for _, k := range []string{"Content-Type", "Content-Length"} {
		if v := buf.header.Get(k); v != "" {
			w.Header().Set(k, v)
		}
	}
	w.WriteHeader(buf.status)
	if r.Method != http.MethodHead {
		w.Write(buf.buf.Bytes())
	}
}

// offerUpgrade hands the upgrade of the page cached under key to the upgrader when pg, the page
// there now, is cold. The upgrade runs on whatever page the cache holds under key when its turn
// comes, so that a page completed (fullPage) after the offer is upgraded too. The offer is dropped
// when the upgrader's queue is full; it never blocks.
func (p *pages) offerUpgrade(key string, pg *renderedPage) {
	if pg.cold && p.upgrades != nil {
		p.upgrades.offer(key, p.runUpgrade)
	}
}

// upgrade compresses the page cached under key again at the final level, when it is cold, and puts
// it in the cache in its place, unless the page was evicted or replaced meanwhile.
func (p *pages) upgrade(key string) {
	v, ok := p.lib.cache.Peek(key)
	if !ok || !v.(*renderedPage).cold {
		return
	}
	up := upgraded(v.(*renderedPage))
	p.lib.cache.Replace(key, v, up, up.cost())
}

// finish post-processes a page go-app prerendered (postProcess): what the server decided about it
// (its canonical address, its article and status, its oEmbed address and partner list) goes into
// its pageInfo.
func (p *pages) finish(src []byte, path, base string, id model.ArticleID, kind model.PathKind, status int) []byte {
	info := pageInfo{
		canonical: base + (&url.URL{Path: path}).EscapedPath(),
		kind:      kind,
		id:        id,
		found:     kind != "" && status == http.StatusOK,
		partners:  p.partners,
		fetch:     p.fetch,
		assets:    p.assets,
	}
	info.prev, info.next = libraryNeighbours(p.lib, base, path)
	if info.found && kind == model.PathArticle {
		a, _ := p.lib.Get(context.Background(), id)
		info.title = a.Title
		info.oembed = p.oembedHref(base, id)
	}
	out, _ := postProcess(src, info)
	return out
}

// oembedURL returns the oEmbed endpoint address for an article.
func oembedURL(base string, id model.ArticleID) string {
	return base + "/oembed?" + url.Values{
		"url":    {base + model.ArticlePath(id)},
		"format": {"json"},
	}.Encode()
}
