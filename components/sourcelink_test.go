package components

import (
	"testing"

	"golang.org/x/net/html"

	"verbatim/article/model"
)

// TestQuoteSourceLinks checks the quote panel's links into the original: with an http(s) source,
// every quote gets an "At host" link whose address is model.SourceLink's (a text fragment of the
// quote), opened in a new tab, and a copy button that names the quote; with no source, or a source
// that is not http(s), there are none.
func TestQuoteSourceLinks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, url string
		links     bool
	}{
		{"https source", "https://www.example.com/story", true},
		{"no source", "", false},
		{"not http", "ftp://example.com/story", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := sample()
			a.URL = tc.url
			doc := prerender(t, &Reader{Article: a})
			hrefs := map[string]string{}
			copies := map[string]bool{}
			walk(doc, func(n *html.Node) {
				if n.Data != "li" || attrOf(n, "data-quote-id") == "" {
					return
				}
				walk(n, func(c *html.Node) {
					switch {
					case c.Data == "a" && classOf(c) == "panel-source-link":
						hrefs[attrOf(n, "data-quote-id")] = attrOf(c, "href")
						if attrOf(c, "target") != "_blank" || text(c) != "At example.com" {
							t.Errorf("source link %q: target %q, text %q", attrOf(c, "href"), attrOf(c, "target"), text(c))
						}
					case c.Data == "button" && attrOf(c, "data-action") == "copy-source":
						copies[attrOf(c, "data-quote-id")] = true
					}
				})
			})
			for _, q := range a.Quotes {
				want := ""
				if tc.links {
					want = model.SourceLink(a.URL, q.Text)
				}
				if hrefs[string(q.ID)] != want || copies[string(q.ID)] != tc.links {
					t.Errorf("%s: source link %q (copy button %v), want %q", q.ID, hrefs[string(q.ID)], copies[string(q.ID)], want)
				}
			}
		})
	}
}
