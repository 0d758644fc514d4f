package server

import (
	"image"
	"image/png"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"verbatim/article"
	"verbatim/article/model"
)

// cardServer is a test server with the real parser and one article with two attributed quotes,
// one with markup in it, and one article with no quote.
func cardServer(t *testing.T) *Server {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"ferry.txt": "The ferry stays\n\n“We keep the ferry, whatever the council's budget says about it,” said Anna Voss, the mayor of the island.\n\n" +
			"“It is a lifeline <script>alert(1)</script> & we keep it,” Voss said.\n\n“Nobody asked us,” said Ana Ribeiro, a councillor.",
		"plain.txt": "A plain report\n\nThe council met on Tuesday and adjourned without a vote on the budget.",
	})
	s, _ := newTestServer(t, Config{ContentDir: dir, BaseURL: "https://verbatim.example", parse: article.Parse})
	return s
}

// TestQuoteCards fetches cards: each decodes as PNG at its size; an unchanged card answers 304 to
// its ETag; unknown articles, quotes and file names are 404.
func TestQuoteCards(t *testing.T) {
	t.Parallel()
	s := cardServer(t)
	for _, tc := range []struct {
		path string
		w, h int
	}{
		{"/card/ferry/q1.png", 1200, 630},
		{"/card/ferry/q1-square.png", 1080, 1080},
		{"/card/plain/title.png", 1200, 630},
		{"/card/plain/title-square.png", 1080, 1080},
	} {
		res, body := do(t, s.Handler(), "GET", tc.path, nil)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" {
			t.Fatalf("GET %s = %d %s", tc.path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		img, err := png.Decode(strings.NewReader(body))
		if err != nil || img.Bounds().Size() != image.Pt(tc.w, tc.h) {
			t.Fatalf("GET %s: %v, size %v, want %dx%d", tc.path, err, img, tc.w, tc.h)
		}
		again, _ := do(t, s.Handler(), "GET", tc.path, map[string]string{"If-None-Match": res.Header.Get("Etag")})
		if again.StatusCode != 304 {
			t.Errorf("GET %s with its ETag = %d, want 304", tc.path, again.StatusCode)
		}
	}
	for _, p := range []string{"/card/ferry/q99.png", "/card/nope/q1.png", "/card/ferry/q1.jpg", "/card/ferry/q0.png", "/card/ferry/..%2fq1.png"} {
		if res, _ := do(t, s.Handler(), "GET", p, nil); res.StatusCode != 404 {
			t.Errorf("GET %s = %d, want 404", p, res.StatusCode)
		}
	}
}

// TestSharePage reads a quote's share link as a preview crawler does: og:image is the quote's card
// at an absolute address, og:url the link itself, the refresh and the link lead to the quote in its
// article, and the article's markup-like text stays text. The article page's own og:image is the
// card of its most prominent quote, and a page with no quote has the title card.
func TestSharePage(t *testing.T) {
	t.Parallel()
	s := cardServer(t)
	a, err := s.lib.Get(t.Context(), "ferry")
	if err != nil || len(a.Quotes) < 2 {
		t.Fatalf("the test article: %v, %d quotes", err, len(a.Quotes))
	}
	res, body := do(t, s.Handler(), "GET", "/article/ferry/q/2", nil)
	if res.StatusCode != 200 || res.Header.Get("Content-Security-Policy") == "" {
		t.Fatalf("GET /article/ferry/q/2 = %d, CSP %q", res.StatusCode, res.Header.Get("Content-Security-Policy"))
	}
	meta := metaOf(t, body)
	want := map[string]string{
		"og:image": "https://verbatim.example/card/ferry/q2.png",
		"og:url":   "https://verbatim.example/article/ferry/q/2",
		"refresh":  "0; url=/article/ferry#q2",
	}
	for k, v := range want {
		if meta[k] != v {
			t.Errorf("%s = %q, want %q", k, meta[k], v)
		}
	}
	if !strings.Contains(meta["og:title"], "Anna Voss") || !strings.Contains(meta["og:title"], "lifeline <script>alert(1)</script> & we") {
		t.Errorf("og:title = %q, want the quote and its speaker", meta["og:title"])
	}
	if strings.Contains(body, "<script") {
		t.Errorf("the share page holds a script element:\n%s", body)
	}
	for _, p := range []string{"/article/ferry/q/9", "/article/ferry/q/0", "/article/nope/q/1"} {
		if res, _ := do(t, s.Handler(), "GET", p, nil); res.StatusCode != 404 {
			t.Errorf("GET %s = %d, want 404", p, res.StatusCode)
		}
	}

	q, _ := model.ProminentQuote(a)
	for path, image := range map[string]string{
		"/article/ferry": "https://verbatim.example" + model.CardPath("ferry", q.ID, false),
		"/article/plain": "https://verbatim.example/card/plain/title.png",
	} {
		_, page := do(t, s.Handler(), "GET", path, nil)
		if got := metaOf(t, page)["og:image"]; got != image {
			t.Errorf("%s: og:image = %q, want %q", path, got, image)
		}
	}
	_, embed := do(t, s.Handler(), "GET", "/embed/ferry", nil)
	if got := metaOf(t, embed)["og:image"]; got != "" {
		t.Errorf("/embed/ferry: og:image = %q, want none", got)
	}
}

// metaOf returns the content of a page's meta elements by property, name or http-equiv.
func metaOf(t *testing.T, page string) map[string]string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "meta" {
			var key, content string
			for _, a := range n.Attr {
				switch a.Key {
				case "property", "name", "http-equiv":
					key = a.Val
				case "content":
					content = a.Val
				}
			}
			out[key] = content
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}
