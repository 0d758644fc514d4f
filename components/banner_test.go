package components

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"golang.org/x/net/html"
)

// TestFrameBanners checks the markup offline.js binds to (the DOM contract): both banners in the
// Frame, hidden, inside one live region, each with its button's data-action.
func TestFrameBanners(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(app.HTMLString(Frame("reader", app.Main().ID("main")))))
	if err != nil {
		t.Fatal(err)
	}
	get := func(n *html.Node, key string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val, true
			}
		}
		return "", false
	}
	// each calls f on n and every node below it.
	var each func(n *html.Node, f func(*html.Node))
	each = func(n *html.Node, f func(*html.Node)) {
		f(n)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			each(c, f)
		}
	}
	byID := map[string]*html.Node{}
	each(doc, func(n *html.Node) {
		if id, ok := get(n, "id"); ok {
			byID[id] = n
		}
	})
	for _, tc := range []struct{ id, text, action string }{
		{"offline-ready", "Ready to work offline.", "dismiss-banner"},
		{"update-banner", "Update available.", "update-reload"},
	} {
		n := byID[tc.id]
		if n == nil {
			t.Errorf("the Frame has no #%s", tc.id)
			continue
		}
		class, _ := get(n, "class")
		if _, hidden := get(n, "hidden"); !hidden || !strings.Contains(" "+class+" ", " banner ") {
			t.Errorf("#%s is not a hidden .banner: %v", tc.id, n.Attr)
		}
		if role, _ := get(n.Parent, "role"); role != "status" {
			t.Errorf("#%s is not in a live region", tc.id)
		}
		var text strings.Builder
		var buttons []*html.Node
		each(n, func(c *html.Node) {
			if c.Type == html.TextNode && c.Parent.Data == "span" {
				text.WriteString(c.Data)
			}
			if c.Type == html.ElementNode && c.Data == "button" {
				buttons = append(buttons, c)
			}
		})
		if text.String() != tc.text {
			t.Errorf("#%s says %q, want %q", tc.id, text.String(), tc.text)
		}
		if len(buttons) != 1 {
			t.Errorf("#%s has %d buttons, want 1", tc.id, len(buttons))
			continue
		}
		action, _ := get(buttons[0], "data-action")
		typ, _ := get(buttons[0], "type")
		if action != tc.action || typ != "button" {
			t.Errorf("#%s's button is %v, want type=button data-action=%s", tc.id, buttons[0].Attr, tc.action)
		}
	}
}
