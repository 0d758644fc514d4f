package components

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestArticleMeta checks the line under the headline: byline, site, the published date as a <time>
// with its instant, the reading time, and a link to the original when the article has an http(s)
// address, named by its host without "www.".
func TestArticleMeta(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, url, published string
		text, link, datetime string
	}{
		{"everything", "https://www.mediaite.com/tv/peskov/", "2017-03-26T14:05:00-04:00",
			"By Josh Feldman · Mediaite · 26 March 2017 · 2 min read · Original at mediaite.com", "https://www.mediaite.com/tv/peskov/", "2017-03-26T18:05:00Z"},
		{"no address", "", "2017-03-26T14:05:00Z",
			"By Josh Feldman · Mediaite · 26 March 2017 · 2 min read", "", "2017-03-26T14:05:00Z"},
		{"refused address, bad date", "javascript:alert(1)", "last Tuesday",
			"By Josh Feldman · Mediaite · 2 min read", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := sample()
			a.URL, a.Published = tc.url, tc.published
			doc := prerender(t, &Reader{Article: a})
			var meta *html.Node
			walk(doc, func(n *html.Node) {
				if n.Data == "p" && classOf(n) == "article-meta" {
					meta = n
				}
			})
			if meta == nil {
				t.Fatal("no p.article-meta")
			}
			// go-app's prerender puts a newline around each element, which the server's
			// post-processor takes out ("layout newlines").
			if got := strings.ReplaceAll(text(meta), "\n", ""); got != tc.text {
				t.Errorf("meta reads %q, want %q", got, tc.text)
			}
			var link, datetime string
			walk(meta, func(n *html.Node) {
				switch n.Data {
				case "a":
					link = attrOf(n, "href")
					if attrOf(n, "rel") != "noopener noreferrer nofollow" || attrOf(n, "target") != "_blank" {
						t.Errorf("the source link has rel %q and target %q", attrOf(n, "rel"), attrOf(n, "target"))
					}
				case "time":
					datetime = attrOf(n, "datetime")
				}
			})
			if link != tc.link || datetime != tc.datetime {
				t.Errorf("link %q and datetime %q, want %q and %q", link, datetime, tc.link, tc.datetime)
			}
		})
	}
}
