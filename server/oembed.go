package server

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"verbatim/article/model"
)

// Default and largest sizes of the embed, in CSS pixels. The snippet's frame keeps the height it
// is given (data-height), so that it never shifts the partner's layout; its article scrolls inside.
const (
	oembedWidth     = 640
	oembedHeight    = 480
	oembedMaxPixels = 10000
)

// oembedResponse is an oEmbed 1.0 "rich" response.
type oembedResponse struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	AuthorName   string `json:"author_name,omitempty"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	CacheAge     int    `json:"cache_age"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
}

// oembed answers /oembed?url=…&format=json[&maxwidth=…&maxheight=…] with the embed snippet of one
// of the server's articles.
//
// Trust boundary: url and the sizes come from anyone. The url must name an article of this server
// (its host, /article/{id} or /embed/{id}); everything from the article that goes into the snippet is
// HTML-escaped here, since consumers paste the html field into their pages as it is.
func (s *Server) oembed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	q := r.URL.Query()
	switch f := q.Get("format"); f {
	case "", "json":
	default:
		http.Error(w, "only format=json is supported", http.StatusNotImplemented)
		return
	}
	base := s.base(r)
	raw := q.Get("url")
	if raw == "" || len(raw) > 2048 {
		http.Error(w, "give the url of an article, such as "+base+model.ArticlePath("ID"), http.StatusBadRequest)
		return
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		http.Error(w, "url must be an absolute http or https address", http.StatusBadRequest)
		return
	}
	width, okW := oembedSize(q.Get("maxwidth"), oembedWidth)
	height, okH := oembedSize(q.Get("maxheight"), oembedHeight)
	if !okW || !okH {
		http.Error(w, "maxwidth and maxheight must be whole numbers of pixels, from 1 to 10000", http.StatusBadRequest)
		return
	}
	b, _ := url.Parse(base)
	id, _, ok := model.ParseArticlePath(u.Path)
	if b == nil || !strings.EqualFold(u.Host, b.Host) || !ok {
		http.Error(w, "no article of this site at that url", http.StatusNotFound)
		return
	}
	a, err := s.lib.Get(r.Context(), id)
	if err != nil {
		notServed(w, err, "no article of this site at that url")
		return
	}
	body, err := marshalJSON(newOEmbed(base, a, width, height))
	if err != nil {
		http.Error(w, "encoding the response failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(body)
}

// newOEmbed returns the oEmbed response for article a.
func newOEmbed(base string, a *model.Article, width, height int) oembedResponse {
	return oembedResponse{
		Version: "1.0", Type: "rich", Title: a.Title, AuthorName: a.Byline,
		ProviderName: "Verbatim", ProviderURL: base, CacheAge: 3600,
		HTML:  embedSnippet(base, a, height),
		Width: width, Height: height,
	}
}

// serveStaticOEmbed serves /oembed/{file}, an article's oEmbed response at the default size as a
// static export holds it (a file server cannot answer /oembed?url=…): built on first request and
// kept in the cache. It needs the base URL, so it exists only when that is configured; a deleted
// article's answers 410.
func (s *Server) serveStaticOEmbed(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".json")
	if s.cfg.BaseURL == "" || !ok {
		http.Error(w, "no such article", http.StatusNotFound)
		return
	}
	id := model.ArticleID(name)
	e, err := s.lib.lookup(id)
	if err != nil {
		notServed(w, err, "no such article")
		return
	}
	a, err := s.cached("oembed\x00"+name+"\x00"+string(e.Hash[:]), func() (*asset, error) {
		art, err := s.lib.Get(r.Context(), id)
		if err != nil {
			return nil, err
		}
		b, err := marshalJSON(newOEmbed(s.cfg.BaseURL, art, oembedWidth, oembedHeight))
		if err != nil {
			return nil, fmt.Errorf("encoding oEmbed of %s: %w", id, err)
		}
		return newAssetWith("application/json", b, nil, brotliFast), nil
	})
	if err != nil {
		notServed(w, err, "no such article")
		return
	}
	w.Header().Set("Access-Control-Allow-Origin", "*")
	a.serve(w, r, cacheRevalidate)
}

// staticOEmbedURL is the discovery address of an article's oEmbed in a static export.
func staticOEmbedURL(base string, id model.ArticleID) string {
	return base + "/oembed/" + url.PathEscape(string(id)) + ".json"
}

// oembedSize parses a maxwidth or maxheight parameter and returns the size to use: def, or the
// maximum when it is smaller.
func oembedSize(v string, def int) (int, bool) {
	if v == "" {
		return def, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > oembedMaxPixels {
		return 0, false
	}
	return min(n, def), true
}

// embedSnippet returns the HTML a partner pastes to embed article a in a frame height pixels high: a
// blockquote that readers without JavaScript see as it is, and the script that swaps it for the
// reader's frame. Every value is escaped.
func embedSnippet(base string, a *model.Article, height int) string {
	e := html.EscapeString
	link := base + model.ArticlePath(a.ID)
	var b strings.Builder
	b.WriteString(`<blockquote class="verbatim-embed" data-article="` + e(string(a.ID)) + `" data-height="` + strconv.Itoa(height) + `">`)
	if a.Excerpt != "" {
		b.WriteString(`<p>` + e(a.Excerpt) + `</p>`)
	}
	b.WriteString(`<a href="` + e(link) + `">` + e(a.Title) + `</a>`)
	if a.Byline != "" {
		b.WriteString(` by ` + e(a.Byline))
	}
	b.WriteString(`</blockquote><script async src="` + e(base+"/embed.js") + `"></script>`)
	return b.String()
}
