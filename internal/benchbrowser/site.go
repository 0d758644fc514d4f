package benchbrowser

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	brrr "github.com/molecule-man/go-brrr"

	"verbatim/article/model"
	"verbatim/server"
)

// Site is what the measurements load, all on loopback: the real Verbatim server (package server,
// with its sample library), and beside it the baselines, each on an origin of its own.
//
//   - Reader, http://127.0.0.1:…: the verbatim server; Partner's origin is in its partners.
//   - Plain, http://127.0.0.1:…: each article as plain static HTML (h1 and paragraphs, no CSS),
//     brotli-compressed as the verbatim server compresses its pages. /article/{id}.html carries a
//     one-line deferred script that toggles <html data-highlights> on "h", the baseline of the first
//     handled input; /frame/{id}.html has no script, for the partner's plain iframes.
//   - Partner, http://localhost:…: another site, a partner's story with the embed snippet of
//     docs/deploy.md pasted twice (/embeds.html), and the same story with two plain iframes of the
//     static articles (/iframes.html).
type Site struct {
	Reader, Plain, Partner string
	Articles               []model.ArticleID
	closers                []func()
}

// StartSite starts the site with the verbatim server serving web (a built web folder) and the given
// articles of its library, at least two: the first is the sample every page measures, the second
// the partner page's second embed.
func StartSite(web string, articles []model.ArticleID) (*Site, error) {
	if len(articles) < 2 {
		return nil, fmt.Errorf("the site needs two articles, got %d", len(articles))
	}
	s := &Site{Articles: articles}
	partnerLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s.closers = append(s.closers, func() { partnerLn.Close() })
	s.Partner = fmt.Sprintf("http://localhost:%d", partnerLn.Addr().(*net.TCPAddr).Port)

	srv, err := server.NewServer(server.Config{Addr: "127.0.0.1:0", WebDir: web, Partners: []string{s.Partner},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("starting the verbatim server: %w", err)
	}
	if err := srv.Start(context.Background()); err != nil {
		s.Close()
		return nil, fmt.Errorf("starting the verbatim server: %w", err)
	}
	s.closers = append(s.closers, func() { srv.Close() })
	s.Reader = srv.URL()

	plain := http.NewServeMux()
	plain.Handle("GET /plain.js", staticFile("text/javascript; charset=utf-8", []byte(plainKeys)))
	titles := map[model.ArticleID]string{}
	for _, id := range articles {
		a, err := fetchArticle(s.Reader, id)
		if err != nil {
			s.Close()
			return nil, err
		}
		titles[id] = a.Title
		for _, p := range []struct {
			path string
			keys bool
		}{{"/article/" + string(id) + ".html", true}, {"/frame/" + string(id) + ".html", false}} {
			var b bytes.Buffer
			if err := plainTemplate.Execute(&b, plainPage{Article: a, Keys: p.keys}); err != nil {
				s.Close()
				return nil, err
			}
			plain.Handle("GET "+p.path, staticFile("text/html; charset=utf-8", b.Bytes()))
		}
	}
	plainURL, err := s.serve(plain, nil)
	if err != nil {
		s.Close()
		return nil, err
	}
	s.Plain = plainURL

	partner := http.NewServeMux()
	for _, v := range []struct {
		path, kind string
	}{{"/embeds.html", "embed"}, {"/iframes.html", "iframe"}} {
		var b bytes.Buffer
		data := partnerPage{Kind: v.kind, Reader: s.Reader, Plain: s.Plain}
		for _, id := range articles[:2] {
			data.Items = append(data.Items, partnerItem{ID: id, Title: titles[id], Frame: s.Plain + "/frame/" + string(id) + ".html"})
		}
		if err := partnerTemplate.Execute(&b, data); err != nil {
			s.Close()
			return nil, err
		}
		partner.Handle("GET "+v.path, staticFile("text/html; charset=utf-8", b.Bytes()))
	}
	if _, err := s.serve(partner, partnerLn); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close stops the site's servers.
func (s *Site) Close() {
	for i := len(s.closers) - 1; i >= 0; i-- {
		s.closers[i]()
	}
	s.closers = nil
}

// serve serves h on ln (a new loopback listener when nil) until Close, and returns its URL.
func (s *Site) serve(h http.Handler, ln net.Listener) (string, error) {
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
			return "", err
		}
	}
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	s.closers = append(s.closers, func() { hs.Close() })
	return fmt.Sprintf("http://127.0.0.1:%d", ln.Addr().(*net.TCPAddr).Port), nil
}

// fetchArticle reads article id's JSON from the verbatim server at base.
func fetchArticle(base string, id model.ArticleID) (*model.Article, error) {
	res, err := http.Get(base + model.JSONPath(id))
	if err != nil {
		return nil, fmt.Errorf("reading article %s: %w", id, err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("reading article %s: %s", id, res.Status)
	}
	var a model.Article
	if err := json.NewDecoder(res.Body).Decode(&a); err != nil {
		return nil, fmt.Errorf("reading article %s: %w", id, err)
	}
	return &a, nil
}

// staticFile serves body with its type, uncached, brotli-compressed (quality 11, once) to a client that
// takes it, as the verbatim server sends its pages.
func staticFile(contentType string, body []byte) http.Handler {
	br, err := brrr.Compress(body, brrr.BestCompression)
	if err != nil {
		panic(err) // BestCompression is a level Compress takes
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", contentType)
		h.Set("Cache-Control", "no-cache")
		h.Set("Vary", "Accept-Encoding")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			h.Set("Content-Encoding", "br")
			w.Write(br)
			return
		}
		w.Write(body)
	})
}

// plainKeys is the plain page's whole script: "h" toggles <html data-highlights="off">, which is
// what the probe watches on the reader too. It is the least a page can do to handle a key.
const plainKeys = `document.addEventListener("keydown", (e) => {
  if (e.key !== "h" || e.ctrlKey || e.metaKey || e.altKey) return;
  const html = document.documentElement;
  if (html.dataset.highlights === "off") delete html.dataset.highlights; else html.dataset.highlights = "off";
});
`

type plainPage struct {
	*model.Article
	Keys bool
}

// plainTemplate is the baseline page: the article as plain static HTML, no style, and no script but
// plainKeys when Keys. The empty icon keeps the browser from asking for /favicon.ico.
var plainTemplate = template.Must(template.New("plain").Parse(`<!doctype html>
<html lang="{{or .Lang "en"}}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title><meta name="description" content="{{.Excerpt}}"><link rel="icon" href="data:,">
{{if .Keys}}<script defer src="/plain.js"></script>
{{end}}</head>
<body><main><article><h1>{{.Title}}</h1>{{if .Byline}}<p>{{.Byline}}</p>{{end}}
{{range .Blocks}}{{if eq .Kind "h2"}}<h2>{{.Text}}</h2>{{else if eq .Kind "h3"}}<h3>{{.Text}}</h3>{{else if eq .Kind "blockquote"}}<blockquote><p>{{.Text}}</p></blockquote>{{else if .Text}}<p>{{.Text}}</p>{{end}}
{{end}}</article></main></body></html>
`))

type partnerPage struct {
	Kind          string // embed or iframe
	Reader, Plain string
	Items         []partnerItem
}

type partnerItem struct {
	ID    model.ArticleID
	Title string
	Frame string // the plain iframe's address
}

// partnerTemplate is a partner's story with two quoted articles: the embed snippet of
// docs/deploy.md pasted once for each, or a plain iframe of the static article, with the attributes
// embed.js gives its frames.
var partnerTemplate = template.Must(template.New("partner").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner news</title><meta name="description" content="A partner's story that quotes two articles."><link rel="icon" href="data:,">
{{if eq .Kind "embed"}}<style>blockquote.verbatim-embed { box-sizing: border-box; height: 420px; margin: 0; overflow: hidden; }</style>
{{end}}</head>
<body><main><h1>Partner news</h1>
<p>The partner's own story comes first. The articles it quotes follow, each in a frame.</p>
{{range .Items}}{{if eq $.Kind "embed"}}<blockquote class="verbatim-embed" data-article="{{.ID}}">
  {{.Title}}
</blockquote>
<script async src="{{$.Reader}}/embed.js"></script>
{{else}}<iframe src="{{.Frame}}" title="Quoted article: {{.Title}}" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" style="width:100%;height:420px;border:0;display:block"></iframe>
{{end}}{{end}}<p>The partner's story goes on below the frames.</p>
</main></body></html>
`))
