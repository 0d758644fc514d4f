package server

import (
	"bytes"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageEdits are the values tidyPage writes into a page: its og:url, and the app.js it loads (empty
// to keep go-app's).
type pageEdits struct {
	ogURL string
	appJS string
}

// booleanAttrs are HTML's boolean attributes that go-app components may set. go-app prerenders
// Selected(false) and Disabled(false) as selected="false" and disabled="false", and in HTML the
// presence of a boolean attribute means true whatever its value: left in, every option of a select
// would be selected (the last one shows) and every button disabled until app.wasm runs.
var booleanAttrs = []string{"async", "autofocus", "autoplay", "checked", "default", "defer", "disabled", "hidden",
	"ismap", "loop", "multiple", "muted", "novalidate", "open", "readonly", "required", "reversed", "selected"}

// headerIconSuffix ends the src of the header's SVG icon (its versioned URL).
const headerIconSuffix = "/web/icons/icon.svg"

// tidyPage parses a page go-app prerendered, removes and fixes what a reader must not get, and writes
// it again, in one pass over the tree:
//
//   - og:url takes edits.ogURL (go-app takes it from the request's Host);
//   - a viewport that forbids zooming goes (go-app writes one with maximum-scale=1 and
//     user-scalable=0 before the app's own): a reader must allow pinch zoom;
//   - boolean attributes prerendered as "false" go (see booleanAttrs);
//   - the links to go-app's /app.css go (a preload and the stylesheet): its only rules make go-app's
//     loader a full-screen cover over the prerendered article until app.wasm runs; verbatim.css
//     styles the loader instead, and the page has one render-blocking stylesheet less;
//   - go-app's loader image points at the header's SVG icon: the loader shows no image, but the
//     browser would still fetch the 192-pixel PNG on every first visit;
//   - the app.js script becomes edits.appJS, when set (the embed's variant);
//   - the body loses the newlines of go-app's HTML writer (see trimLayoutNewlines).
//
// Trust boundary: page is the server's own prerendered HTML, whose article text go-app escaped; it is
// parsed and written again with x/net/html, which escapes text and attribute values itself, so
// edits.ogURL is given unescaped. A page that does not parse is returned unchanged.
func tidyPage(page []byte, edits pageEdits) []byte {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return page
	}
	var drop []*html.Node
	var body, loader *html.Node
	headerIcon := ""
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool {
			return a.Val == "false" && slices.Contains(booleanAttrs, a.Key)
		})
		switch n.DataAtom {
		case atom.Body:
			body = n
		case atom.Meta:
			switch {
			case attr(n, "property") == "og:url" && edits.ogURL != "":
				setAttr(n, "content", edits.ogURL)
			case attr(n, "name") == "viewport" && blocksZoom(attr(n, "content")):
				drop = append(drop, n)
			}
		case atom.Link:
			if attr(n, "href") == "/app.css" {
				drop = append(drop, n)
			}
		case atom.Script:
			if attr(n, "src") == "/app.js" && edits.appJS != "" {
				setAttr(n, "src", edits.appJS)
			}
		case atom.Img:
			if attr(n, "id") == "app-wasm-loader-icon" {
				loader = n
			} else if src := attr(n, "src"); headerIcon == "" && strings.HasSuffix(src, headerIconSuffix) {
				headerIcon = src
			}
		}
	}
	for _, n := range drop {
		// The newline go-app wrote after the element goes with it.
		if next := n.NextSibling; next != nil && next.Type == html.TextNode {
			next.Data = strings.TrimPrefix(next.Data, "\n")
		}
		n.Parent.RemoveChild(n)
	}
	if loader != nil && headerIcon != "" {
		loader.Attr = []html.Attribute{{Key: "id", Val: "app-wasm-loader-icon"}, {Key: "class", Val: "goapp-logo"}, {Key: "alt"}, {Key: "src", Val: headerIcon}}
	}
	if body != nil {
		trimLayoutNewlines(body)
	}
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		return page
	}
	return b.Bytes()
}

// blocksZoom reports whether a viewport's content forbids pinch zoom.
func blocksZoom(content string) bool {
	return strings.Contains(content, "user-scalable=0") || strings.Contains(content, "user-scalable=no") ||
		strings.Contains(content, "maximum-scale=1")
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// setAttr sets n's attribute key to val, in its place.
func setAttr(n *html.Node, key, val string) {
	for i := range n.Attr {
		if n.Attr[i].Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// trimLayoutNewlines removes from n's subtree the newlines go-app's HTML writer adds for layout: it
// writes "\n" after the start tag of every element with more than one child, before each child, and
// before the end tag. In the browser each one is a space, where the DOM that app.wasm builds has
// none: “ Quote ” instead of “Quote” in every paragraph with a highlighted quotation, gaps between
// the toolbar's buttons, and, when app.wasm takes over, text and buttons that move (a layout shift).
//
// In the parsed body, every text node of an element with more than one child node starts with one
// of those newlines and ends with one, so exactly one is taken from each end. An element whose
// children are all text (two runs side by side) is one text node and is left as it is.
func trimLayoutNewlines(n *html.Node) {
	several := n.FirstChild != nil && n.FirstChild.NextSibling != nil
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.TextNode && several:
			c.Data = strings.TrimPrefix(c.Data, "\n")
			c.Data = strings.TrimSuffix(c.Data, "\n")
			if c.Data == "" {
				n.RemoveChild(c)
			}
		case c.Type == html.ElementNode:
			trimLayoutNewlines(c)
		}
		c = next
	}
}
