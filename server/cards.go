package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"

	"verbatim/article/model"
	"verbatim/article/safe"
	"verbatim/components"
	"verbatim/internal/quotecard"
)

// cardSlots bounds how many cards are drawn at once: drawing is CPU work (tens of ms), and a burst of
// preview crawlers must not take every core from the readers.
var cardSlots = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2))

// serveCard serves /card/{id}/{file}: an article's quote card (q3.png, q3-square.png) or its title
// card (title.png, title-square.png), drawn on request by internal/quotecard, revalidated with an
// ETag of what it shows, so an unchanged card is never drawn again for a client that has it.
//
// Trust boundary: the path is untrusted; only a valid id and a file name model.ParseCardFile
// accepts reach the library. The card's text is article text, drawn as glyphs only.
func (s *Server) serveCard(w http.ResponseWriter, r *http.Request) {
	id, file := r.PathValue("id"), r.PathValue("file")
	q, square, ok := model.ParseCardFile(file)
	if !ok || !model.ValidID(id) {
		http.NotFound(w, r)
		return
	}
	a, err := s.lib.Get(r.Context(), model.ArticleID(id))
	if err != nil {
		notServed(w, err, "no such article") // 410 for a deleted article
		return
	}
	card, ok := cardOf(s.base(r), a, q)
	if !ok {
		http.Error(w, "no such quote", http.StatusNotFound)
		return
	}
	size := quotecard.Landscape
	if square {
		size = quotecard.Square
	}
	sum := sha256.Sum256([]byte(strings.Join([]string{s.version, file, card.Quote, card.Speaker, card.Role, card.Title, card.Site, card.Date, card.Link}, "\x00")))
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h := w.Header()
	h.Set("Etag", etag)
	h.Set("Cache-Control", cacheRevalidate)
	h.Set("Content-Type", "image/png")
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	select {
	case cardSlots <- struct{}{}:
	case <-r.Context().Done():
		return
	}
	png, err := quotecard.PNG(card, size)
	<-cardSlots
	if err != nil {
		s.log.Error("drawing a card", "path", r.URL.Path, "reason", err)
		h.Del("Etag")
		http.Error(w, "the card could not be drawn", http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(png))
}

// cardOf returns what the card of quote q of a shows (its title card when q is empty), with the
// quote's share link on the site at base, without its scheme, as the card's short link; false when a
// has no quote q. The server and the export (exportShares) draw the same card from it.
func cardOf(base string, a *model.Article, q model.QuoteID) (quotecard.Card, bool) {
	c := quotecard.Card{Title: a.Title, Site: a.Site}
	_, c.Date, _ = components.PublishedDate(a)
	link := model.ArticlePath(a.ID)
	if q != "" {
		quote, ok := findQuote(a, q)
		if !ok {
			return quotecard.Card{}, false
		}
		c.Quote = quote.Text
		for _, sp := range a.Speakers {
			if sp.ID == quote.SpeakerID && quote.SpeakerID != "" {
				c.Speaker, c.Role = sp.Name, sp.Role
			}
		}
		link, _ = model.SharePath(a.ID, q)
	}
	if u, err := url.Parse(base); err == nil {
		c.Link = u.Host + link
	}
	return c, true
}

// findQuote returns a's quote with id q.
func findQuote(a *model.Article, q model.QuoteID) (model.Quote, bool) {
	for _, x := range a.Quotes {
		if x.ID == q {
			return x, true
		}
	}
	return model.Quote{}, false
}

// sharePage is the page of a quote's share link: what social previews read (title, description,
// the quote's card), a canonical link to itself, and a refresh to the quote in its article, with a
// plain link for a browser that does not follow it. html/template escapes every article value.
var sharePage = template.Must(template.New("share").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<meta name="description" content="{{.Description}}">
<link rel="canonical" href="{{.URL}}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Verbatim">
<meta property="og:title" content="{{.Title}}">
<meta property="og:description" content="{{.Description}}">
<meta property="og:url" content="{{.URL}}">
<meta property="og:image" content="{{.Image}}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta property="og:image:alt" content="{{.Alt}}">
<meta name="twitter:card" content="summary_large_image">
<meta http-equiv="refresh" content="0; url={{.Target}}">
</head>
<body>
<p><a href="{{.Target}}">{{.Link}}</a></p>
</body>
</html>
`))

// errNoQuote is the share page's answer for a quote the article does not have.
var errNoQuote = errors.New("no such quote")

// serveShare serves /article/{id}/q/{n}, a quote's share link (model.SharePath).
//
// Trust boundary: the path is untrusted and reaches the library only as a valid id and quote
// number (model.ParseSharePath); the article's text reaches the page only through html/template.
func (s *Server) serveShare(w http.ResponseWriter, r *http.Request) {
	id, q, ok := model.ParseSharePath(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	a, err := s.lib.Get(r.Context(), id)
	if err != nil {
		notServed(w, err, "no such article") // 410 for a deleted article
		return
	}
	page, err := sharePageOf(s.base(r), a, q)
	switch {
	case errors.Is(err, errNoQuote):
		http.Error(w, errNoQuote.Error(), http.StatusNotFound)
		return
	case err != nil:
		http.Error(w, "the page could not be made", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", cacheRevalidate)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(page))
}

// sharePageOf returns the share page of quote q of a on the site at base: what serveShare sends,
// and what the export writes at the share link's path (exportShares). It fails with errNoQuote when
// a has no quote q with a share link.
//
// Trust boundary: a's text reaches the page only through html/template.
func sharePageOf(base string, a *model.Article, q model.QuoteID) ([]byte, error) {
	quote, ok := findQuote(a, q)
	self, linked := model.SharePath(a.ID, q)
	if !ok || !linked {
		return nil, errNoQuote
	}
	card, _ := cardOf(base, a, q)
	who := card.Speaker
	if who == "" {
		who = "Unattributed"
	}
	title := "“" + shorten(quote.Text, 90) + "” — " + who
	desc := who
	if card.Role != "" {
		desc += ", " + card.Role
	}
	desc += ", in “" + a.Title + "”"
	if a.Site != "" {
		desc += " (" + a.Site + ")"
	}
	lang := "en"
	if l, ok := safe.LangFrom(a.Lang); ok {
		lang = l.String()
	}
	var b bytes.Buffer
	err := sharePage.Execute(&b, map[string]string{
		"Lang": lang, "Title": title, "Description": desc, "URL": base + self,
		"Image": base + model.CardPath(a.ID, q, false), "Alt": "“" + shorten(quote.Text, 300) + "” — " + who,
		"Target": model.ArticlePath(a.ID) + "#" + model.QuoteFragment(q), "Link": "Read the quotation in its article: " + a.Title,
	})
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// shorten cuts s to at most n runes after a whole word, with "…".
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := string(rs[:n])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, ",;:") + "…"
}
