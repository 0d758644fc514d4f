package article

import (
	"regexp"
	"strings"
	"unicode"
	"verbatim/article/model"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageSignals are what a full page says about itself before readability changes it: whether it
// holds a run of substantial paragraphs (readability's own "probably readerable" test), and
// whether it asks for a password.
type pageSignals struct {
	readerable, password bool
}

// checkArticleLike refuses a full page whose extracted content is not an article, with
// model.ErrNotArticle: more than half of its text is link text (a menu, a paywall's sign-in
// links), more than half is in list items that each open with a link (a search results page or a
// section front, whose blurbs are not links), or it has no substantial paragraph and asks for a
// password (a login wall). A page that is merely short is not refused. Text is measured in letters
// and digits, not words, so that Chinese and Japanese count as much as English; link text is the
// text inside <a> elements, whatever their href (a relative link without a base URL counts too).
// content is readability's untrusted output, read and not changed.
func checkArticleLike(content *html.Node, sig pageSignals) error {
	chars, linkChars := 0, 0
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch {
		case n.Type == html.TextNode:
			k := letters(n.Data)
			chars += k
			if inLink {
				linkChars += k
			}
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template):
			return
		}
		inLink = inLink || n.Type == html.ElementNode && n.DataAtom == atom.A
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(content, false)
	if linkChars*2 > chars || !sig.readerable && sig.password && rxSignIn.MatchString(textContent(content)) {
		return model.ErrNotArticle
	}
	if items, itemChars := linkLedItems(content); items >= minLinkLedItems && itemChars*2 > chars {
		return model.ErrNotArticle
	}
	return nil
}

// rxSignIn finds the words of a login wall in a page's text.
var rxSignIn = regexp.MustCompile(`(?i)\b(?:sign(?:ing)?[ -]?in|log(?:ging)?[ -]?in|subscribe|subscribers?|subscription|register|create an account|forgot (?:your )?password)\b`)

// minLinkLedItems is how many list items led by a link make a list of results.
const minLinkLedItems = 5

// linkLedItems counts the list items (li) and teasers (article) under n whose text opens with a
// link, as each result of a search page or each story of a section front does, and the letters
// they hold. An item inside a counted item is not counted again.
func linkLedItems(n *html.Node) (items, chars int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if (c.DataAtom == atom.Li || c.DataAtom == atom.Article) && opensWithLink(c) {
			items++
			chars += letters(textContent(c))
			continue
		}
		i, k := linkLedItems(c)
		items, chars = items+i, chars+k
	}
	return items, chars
}

// opensWithLink reports whether the first text with a letter or digit under n is inside a link.
func opensWithLink(n *html.Node) bool {
	var found, inLink bool
	var walk func(x *html.Node, link bool)
	walk = func(x *html.Node, link bool) {
		for c := x.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type == html.TextNode && letters(c.Data) > 0 {
				found, inLink = true, link
				return
			}
			walk(c, link || c.Type == html.ElementNode && c.DataAtom == atom.A)
		}
	}
	walk(n, false)
	return inLink
}

// letters counts the letters and digits of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// hasPasswordInput reports whether the untrusted page under n holds an <input type=password>.
func hasPasswordInput(n *html.Node) bool {
	if n.Type == html.ElementNode && n.DataAtom == atom.Input && strings.EqualFold(strings.TrimSpace(htmlAttr(n, "type")), "password") {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasPasswordInput(c) {
			return true
		}
	}
	return false
}
