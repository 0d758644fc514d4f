package server

import (
	"bytes"
	"iter"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"verbatim/article/model"
)

// pageInfo is what the server decided about a page before post-processing it: every value a step
// writes into the page comes from here.
type pageInfo struct {
	canonical string         // the page's absolute address: its og:url, and an article page's canonical link
	kind      model.PathKind // model.PathArticle, model.PathEmbed, or "" for the other pages
	id        model.ArticleID
	found     bool   // kind is not "" and the library has the article (the page is not a 404)
	title     string // the article's title, for the oEmbed discovery link
	oembed    string // the article's oEmbed address (article pages)
	partners  []string
}

// pageDoc is a page being post-processed: its parsed tree, its head and body, and the server's
// pageInfo.
type pageDoc struct {
	doc, head, body *html.Node
	pageInfo
}

// pageStep is one named edit of the post-processor. edit changes the page, and reports whether the
// page had what the step looks for in go-app's output (its marker), whether or not the step had
// anything to change on this page: TestPostProcessTripwire wants every marker on go-app's real
// pages, so that a go-app upgrade that changes its output's shape cannot turn a step off silently.
type pageStep struct {
	name string
	edit func(p *pageDoc) (found bool)
}

// pageSteps are the post-processor's edits, in the order they run. A new edit is one more step.
var pageSteps = []pageStep{
	{"og:url", setOGURL},
	{"zoom viewport", dropZoomViewport},
	{"false booleans", dropFalseBooleans},
	{"app.css", dropAppCSS},
	{"loader icon", loaderUsesHeaderIcon},
	{"app.js", embedAppScript},
	{"layout newlines", trimBodyLayout},
	{"head additions", addToHead},
}

// postProcess parses a page go-app prerendered, runs every step of pageSteps on its tree, and
// renders it again. It returns the page and the names of the steps whose marker it did not hold.
//
// Trust boundary: src is the server's own prerendered HTML, whose article text go-app escaped (it
// only quotes attribute values, so components make an article's values safe first). It is parsed
// and rendered again with x/net/html, which escapes every text and attribute value itself: the
// values of pageInfo (an article's title among them) are given to the steps unescaped and never
// written into the page as markup. A page that does not parse is returned unchanged.
func postProcess(src []byte, info pageInfo) (out []byte, missing []string) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return src, []string{"parse"}
	}
	p := &pageDoc{doc: doc, pageInfo: info}
	// html.Parse always makes the head and the body, whatever the page holds.
	for n := range elements(doc) {
		switch n.DataAtom {
		case atom.Head:
			p.head = n
		case atom.Body:
			p.body = n
		}
		if p.head != nil && p.body != nil {
			break
		}
	}
	for _, step := range pageSteps {
		if !step.edit(p) {
			missing = append(missing, step.name)
		}
	}
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		return src, append(missing, "render")
	}
	return b.Bytes(), missing
}

// setOGURL gives the og:url meta the page's canonical address: go-app takes it from the request's
// Host.
func setOGURL(p *pageDoc) bool {
	found := false
	for n := range elementsOf(p.doc, atom.Meta) {
		if attr(n, "property") == "og:url" {
			found = true
			if p.canonical != "" {
				setAttr(n, "content", p.canonical)
			}
		}
	}
	return found
}

// dropZoomViewport removes a viewport meta that forbids zooming: go-app writes one with
// maximum-scale=1 and user-scalable=0 before the app's own, and a reader must allow pinch zoom.
func dropZoomViewport(p *pageDoc) bool {
	var drop []*html.Node
	for n := range elementsOf(p.doc, atom.Meta) {
		if attr(n, "name") == "viewport" && blocksZoom(attr(n, "content")) {
			drop = append(drop, n)
		}
	}
	removeAll(drop)
	return len(drop) > 0
}

// booleanAttrs are HTML's boolean attributes that go-app components may set. go-app prerenders
// Selected(false) and Disabled(false) as selected="false" and disabled="false", and in HTML the
// presence of a boolean attribute means true whatever its value: left in, every option of a select
// would be selected (the last one shows) and every button disabled until app.wasm runs.
var booleanAttrs = []string{"async", "autofocus", "autoplay", "checked", "default", "defer", "disabled", "hidden",
	"ismap", "loop", "multiple", "muted", "novalidate", "open", "readonly", "required", "reversed", "selected"}

// dropFalseBooleans removes the boolean attributes prerendered as "false" (booleanAttrs). Only
// pages with a select or a disabled control hold any.
func dropFalseBooleans(p *pageDoc) bool {
	found := false
	for n := range elements(p.doc) {
		n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool {
			drop := a.Val == "false" && slices.Contains(booleanAttrs, a.Key)
			found = found || drop
			return drop
		})
	}
	return found
}

// dropAppCSS removes the links to go-app's /app.css (a preload and the stylesheet): its only rules
// make go-app's loader a full-screen cover over the prerendered article until app.wasm runs;
// verbatim.css styles the loader instead, and the page has one render-blocking stylesheet less.
func dropAppCSS(p *pageDoc) bool {
	var drop []*html.Node
	for n := range elementsOf(p.doc, atom.Link) {
		if attr(n, "href") == "/app.css" {
			drop = append(drop, n)
		}
	}
	removeAll(drop)
	return len(drop) > 0
}

// loaderIconID is the id of go-app's loader image.
const loaderIconID = "app-wasm-loader-icon"

// headerIconSuffix ends the src of the header's SVG icon (its versioned URL).
const headerIconSuffix = "/web/icons/icon.svg"

// loaderUsesHeaderIcon points go-app's loader image at the header's SVG icon, on pages with the
// header (not the embed's): the loader shows no image, but the browser would still fetch the
// 192-pixel PNG on every first visit.
func loaderUsesHeaderIcon(p *pageDoc) bool {
	var loader *html.Node
	headerIcon := ""
	for n := range elementsOf(p.doc, atom.Img) {
		if attr(n, "id") == loaderIconID {
			loader = n
		} else if src := attr(n, "src"); headerIcon == "" && strings.HasSuffix(src, headerIconSuffix) {
			headerIcon = src
		}
	}
	if loader != nil && headerIcon != "" {
		loader.Attr = []html.Attribute{{Key: "id", Val: loaderIconID}, {Key: "class", Val: "goapp-logo"}, {Key: "alt"}, {Key: "src", Val: headerIcon}}
	}
	return loader != nil
}

// embedAppScript makes an /embed/ page load embedAppJS, app.js without the service worker's
// registration, in place of go-app's /app.js.
func embedAppScript(p *pageDoc) bool {
	found := false
	for n := range elementsOf(p.doc, atom.Script) {
		if attr(n, "src") == "/app.js" {
			found = true
			if p.kind == model.PathEmbed {
				setAttr(n, "src", embedAppJS)
			}
		}
	}
	return found
}

// trimBodyLayout removes the newlines go-app's HTML writer adds for layout in the body
// (trimLayoutNewlines).
func trimBodyLayout(p *pageDoc) bool {
	return trimLayoutNewlines(p.body)
}

// trimLayoutNewlines removes from n's subtree the newlines go-app's HTML writer adds for layout, and
// reports whether it found any: it writes "\n" after the start tag of every element with more than
// one child, before each child, and before the end tag. In the browser each one is a space, where
// the DOM that app.wasm builds has none: “ Quote ” instead of “Quote” in every paragraph with a
// highlighted quotation, gaps between the toolbar's buttons, and, when app.wasm takes over, text
// and buttons that move (a layout shift).
//
// In the parsed body, every text node of an element with more than one child node starts with one
// of those newlines and ends with one, so exactly one is taken from each end. An element whose
// children are all text (two runs side by side) is one text node and is left as it is.
func trimLayoutNewlines(n *html.Node) bool {
	found := false
	several := n.FirstChild != nil && n.FirstChild.NextSibling != nil
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.TextNode && several:
			trimmed := strings.TrimSuffix(strings.TrimPrefix(c.Data, "\n"), "\n")
			found = found || trimmed != c.Data
			c.Data = trimmed
			if c.Data == "" {
				n.RemoveChild(c)
			}
		case c.Type == html.ElementNode:
			found = trimLayoutNewlines(c) || found
		}
		c = next
	}
	return found
}

// addToHead appends the server's part of the head, after go-app's:
//
//   - on the page of an article the library has (article or embed), a preload of its JSON:
//     app.wasm reads it as soon as it starts, and fetched now, beside app.wasm, it is in the memory
//     cache by then instead of a round trip after app.wasm's download;
//   - on an article page, the canonical link and the oEmbed discovery link;
//   - on an embed page, the partner list (for embed-frame.js), robots noindex and embed-frame.js.
//
// It needs only the head, which the parser always makes, so its marker is always found.
func addToHead(p *pageDoc) bool {
	if !p.found {
		return true
	}
	head := []*html.Node{element(atom.Link, "rel", "preload", "href", model.JSONPath(p.id), "as", "fetch", "crossorigin", "anonymous")}
	switch p.kind {
	case model.PathArticle:
		head = append(head,
			element(atom.Link, "rel", "canonical", "href", p.canonical),
			element(atom.Link, "rel", "alternate", "type", "application/json+oembed", "href", p.oembed, "title", p.title))
	case model.PathEmbed:
		head = append(head,
			element(atom.Meta, "name", "verbatim-partners", "content", strings.Join(p.partners, " ")),
			element(atom.Meta, "name", "robots", "content", "noindex"),
			element(atom.Script, "defer", "", "src", "/embed-frame.js"))
	}
	for _, n := range head {
		p.head.AppendChild(n)
	}
	return true
}

// element returns a new element of type a with the attributes keyValues (a key, then its value),
// given unescaped: html.Render escapes them.
func element(a atom.Atom, keyValues ...string) *html.Node {
	n := &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String()}
	for i := 0; i+1 < len(keyValues); i += 2 {
		n.Attr = append(n.Attr, html.Attribute{Key: keyValues[i], Val: keyValues[i+1]})
	}
	return n
}

// elements yields n and the elements below it, in document order.
func elements(n *html.Node) iter.Seq[*html.Node] {
	return func(yield func(*html.Node) bool) {
		for d := range n.Descendants() {
			if d.Type == html.ElementNode && !yield(d) {
				return
			}
		}
	}
}

// elementsOf yields the elements of type a below n, in document order.
func elementsOf(n *html.Node, a atom.Atom) iter.Seq[*html.Node] {
	return func(yield func(*html.Node) bool) {
		for d := range elements(n) {
			if d.DataAtom == a && !yield(d) {
				return
			}
		}
	}
}

// removeAll removes each node from its parent, and the newline go-app wrote after it.
func removeAll(nodes []*html.Node) {
	for _, n := range nodes {
		if next := n.NextSibling; next != nil && next.Type == html.TextNode {
			next.Data = strings.TrimPrefix(next.Data, "\n")
		}
		n.Parent.RemoveChild(n)
	}
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
