package main

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// trimLayoutNewlines removes the newlines go-app writes into a prerendered page's body for layout:
// its HTML writer puts "\n" after the start tag of every element with more than one child, before
// each child, and before the end tag. In the browser each one is a space, where the DOM that
// app.wasm builds has none: “ Quote ” instead of “Quote” in every paragraph with a highlighted
// quotation, gaps between the toolbar's buttons, and, when app.wasm takes over, text and buttons
// that move (a layout shift).
//
// In the parsed body, every text node of an element with more than one child node starts with one
// of those newlines and ends with one, so exactly one is taken from each end. An element whose
// children are all text (two runs side by side) is one text node and is left as it is.
//
// Trust boundary: page is the server's own prerendered HTML, whose article text go-app escaped; the
// page is parsed and written again with x/net/html, which escapes text and attributes itself. A page
// that does not parse is returned unchanged.
func trimLayoutNewlines(page []byte) []byte {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return page
	}
	var body *html.Node
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
			break
		}
	}
	if body == nil {
		return page
	}
	var trim func(*html.Node)
	trim = func(n *html.Node) {
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
				trim(c)
			}
			c = next
		}
	}
	trim(body)
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		return page
	}
	return b.Bytes()
}
