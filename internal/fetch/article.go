package fetch

import (
	"bytes"
	"context"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"verbatim/article"
	"verbatim/article/model"
)

// Article fetches the page at rawURL (Fetch) and reads it with article.Parse. The article's URL is
// the page's canonical address when it declares one (<link rel="canonical">) on the same host, else
// the address it was fetched from after redirects; article.Parse fills in the published date and the
// rest of the metadata. A page that is not an article is a KindArticle *Error.
func (f *Fetcher) Article(ctx context.Context, rawURL string) (*model.Article, error) {
	p, err := f.Fetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	src := p.URL
	if p.Format == model.FormatHTML {
		if c := canonical(p.Body, p.URL); c != "" {
			src = c
		}
	}
	a, err := article.Parse(bytes.NewReader(p.Body), article.Options{Format: p.Format, URL: src})
	if err != nil {
		if fe, ok := asError(err); ok {
			return nil, fe
		}
		return nil, &Error{Kind: KindArticle, Msg: "the page was fetched, but " + strings.TrimPrefix(err.Error(), "parsing article: "), Err: err}
	}
	return a, nil
}

// canonical returns the absolute http or https address a page's head declares canonical, resolved
// against base, when it is on base's host (a page cannot claim another site's address); "" when it
// declares none. It reads the head only.
func canonical(page []byte, base string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			switch t.DataAtom {
			case atom.Body:
				return ""
			case atom.Link:
				var rel, href string
				for _, at := range t.Attr {
					switch at.Key {
					case "rel":
						rel = at.Val
					case "href":
						href = at.Val
					}
				}
				if !hasToken(rel, "canonical") {
					continue
				}
				u, err := b.Parse(strings.TrimSpace(href))
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil ||
					!strings.EqualFold(u.Hostname(), b.Hostname()) {
					return ""
				}
				u.Fragment = ""
				return u.String()
			}
		case html.EndTagToken:
			if t := z.Token(); t.DataAtom == atom.Head {
				return ""
			}
		}
	}
}

// hasToken says whether the space-separated list s holds tok, in any case.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
