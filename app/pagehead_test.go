package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"verbatim/article/model"
)

// oneArticle is a Library of one article, for prerendering tests.
type oneArticle struct{ a *model.Article }

func (l oneArticle) Page(_ context.Context, n int) (Listing, error) {
	if l, ok := ListingOf([]Summary{SummaryOf(l.a)}, n); ok {
		return l, nil
	}
	return Listing{}, fmt.Errorf("page %d: not in the test library", n)
}

func (l oneArticle) Get(_ context.Context, id model.ArticleID) (*model.Article, error) {
	if id != l.a.ID {
		return nil, fmt.Errorf("article %s: not in the test library", id)
	}
	return l.a, nil
}

// TestPrerenderedHeadHoldsArticleTextAsText prerenders a reader page whose title and excerpt try
// to break out of go-app's head attributes (written with strconv.Quote, not HTML escaping) and
// checks that the head gains no element: no meta refresh, no base, no script.
func TestPrerenderedHeadHoldsArticleTextAsText(t *testing.T) {
	attack := `T"><meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/"><script src="https://evil.example/x.js"></script>`
	SetServerLibrary(oneArticle{&model.Article{ID: "x", Title: attack, Excerpt: attack,
		Blocks: []model.Block{{ID: "b1", Kind: model.KindParagraph, Text: "Body."}}}})
	t.Cleanup(func() { SetServerLibrary(nil) })
	h := NewHandler(HandlerConfig{Version: "v-test", WebDir: "../web"})
	code, page := get(t, h, "/article/x")
	if code != 200 {
		t.Fatalf("GET /article/x = %d, want 200", code)
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			if a.Key == "http-equiv" || (n.Data == "base" && a.Key == "href") ||
				(n.Data == "script" && strings.Contains(a.Val, "evil.example")) {
				t.Errorf("the article's title made a live <%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	}
	if !strings.Contains(page, "evil.example") {
		t.Errorf("the title's text is missing from the page; the test no longer tests the head")
	}
}
