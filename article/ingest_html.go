package article

import (
	"net/url"
	"regexp"
	"strings"
	"time"
	"verbatim/article/model"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readability's scoring costs about 11 µs an element here (7.5 MB of nested divs, 500,000
// elements: 5.8 s), while Mozilla's 130 test pages have at most 9,892 elements and 1.6 MB. A page
// over either bound below skips extraction: its <body> goes straight to the sanitizer, as a
// fragment would (1.6 s for the same 7.5 MB), with the page's title and lang.
const (
	maxReadabilityBytes    = 6 << 20
	maxReadabilityElements = 50_000
)

var rxDir = regexp.MustCompile(`^(?i:ltr|rtl)$`)

// parsePage builds the Article of a full HTML page: readability finds the content and metadata in
// the untrusted page, then the content is serialized, sanitized and walked into blocks. A page that
// is not an article (see checkArticleLike) is refused with model.ErrNotArticle.
func parsePage(src string, base *url.URL, own bool) (*model.Article, error) {
	doc, err := parseHTML(src)
	if err != nil {
		return nil, err
	}
	a := &model.Article{}
	a.Dir = pageDir(doc)
	a.URL = canonicalURL(doc, base, own)
	var content *html.Node
	sig := pageSignals{readerable: true}
	if len(src) <= maxReadabilityBytes && countElements(doc, maxReadabilityElements+1) <= maxReadabilityElements {
		removeHiddenHeadings(doc)
		p := readability.NewParser()
		sig = pageSignals{readerable: p.CheckDocument(doc), password: hasPasswordInput(doc)}
		art, err := p.ParseAndMutate(doc, base)
		if err == nil {
			content = art.Node
			a.Title = art.Title()
			a.Byline = art.Byline()
			a.Excerpt = art.Excerpt()
			a.Site = art.SiteName()
			a.Lang = art.Language()
			if t, err := art.PublishedTime(); err == nil {
				a.Published = t.Format(time.RFC3339)
			}
		}
	}
	if content == nil {
		// No article found (or too big to look for one): take the whole body. The document is
		// parsed again because readability changed it.
		if doc, err = parseHTML(src); err != nil {
			return nil, err
		}
		content = findElement(doc, atom.Body)
		if a.Title == "" {
			if t := findElement(doc, atom.Title); t != nil {
				a.Title = textContent(t)
			}
		}
		if h := findElement(doc, atom.Html); h != nil && a.Lang == "" {
			a.Lang = htmlAttr(h, "lang")
		}
		if base != nil && content != nil {
			resolveURLs(content, base)
		}
	}
	if !rxLangAttr.MatchString(a.Lang) {
		a.Lang = ""
	}
	if content == nil {
		return a, nil
	}
	if err := checkArticleLike(content, sig); err != nil {
		return nil, err
	}
	removeCaptionsOfNothing(content)
	var sb strings.Builder
	if err := renderHTML(&sb, content); err != nil {
		return nil, err
	}
	blocks, err := sanitizedBlocks(sb.String())
	if err != nil {
		return nil, err
	}
	for i := range blocks {
		if blocks[i].Kind == model.KindHeadline {
			blocks[i].Kind = model.KindHeading2
		}
	}
	a.Blocks = blocks
	return a, nil
}

// parseFragment builds the Article of an HTML fragment: straight to the sanitizer, then walked.
// With a base URL, relative links and images are first resolved against it.
func parseFragment(src string, base *url.URL) (*model.Article, error) {
	if base != nil {
		nodes, err := parseHTMLFragment(src)
		if err != nil {
			return nil, err
		}
		var sb strings.Builder
		for _, n := range nodes {
			resolveURLs(n, base)
			if err := renderHTML(&sb, n); err != nil {
				return nil, err
			}
		}
		src = sb.String()
	}
	blocks, err := sanitizedBlocks(src)
	if err != nil {
		return nil, err
	}
	a := &model.Article{}
	a.Title, a.Blocks = promoteTitle(blocks)
	return a, nil
}

// voidElements are the elements html.Render refuses to write with children.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "keygen": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true}

// renderHTML writes n as HTML. A void element that holds children (the parser gives <keygen>
// children, and readability may move nodes into any element) would make html.Render fail, and
// the whole page with it: its children are moved out to follow it instead.
func renderHTML(w *strings.Builder, n *html.Node) error {
	var lift func(n *html.Node)
	lift = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			lift(c)
		}
		if n.Type != html.ElementNode || !voidElements[n.Data] || n.FirstChild == nil || n.Parent == nil {
			return
		}
		for c := n.LastChild; c != nil; c = n.LastChild {
			n.RemoveChild(c)
			n.Parent.InsertBefore(c, n.NextSibling)
		}
	}
	lift(n)
	if n.Type == html.ElementNode && voidElements[n.Data] && n.FirstChild != nil {
		for c := n.FirstChild; c != nil; c = c.NextSibling { // a void root: write its children alone
			if err := html.Render(w, c); err != nil {
				return err
			}
		}
		return nil
	}
	return html.Render(w, n)
}

// sanitizedBlocks sanitizes untrusted HTML and walks the result into blocks. It is the only way
// from HTML to blocks.
func sanitizedBlocks(untrusted string) ([]model.Block, error) {
	nodes, err := parseHTMLFragment(Sanitize(untrusted))
	if err != nil {
		return nil, err
	}
	return walkHTML(nodes), nil
}

// promoteTitle takes a leading h1 as the title of a fragment or Markdown document; other h1
// headings become h2, since KindHeadline is kept for the plain-text headline.
func promoteTitle(blocks []model.Block) (string, []model.Block) {
	title := ""
	if len(blocks) > 1 && blocks[0].Kind == model.KindHeadline {
		title, blocks = blocks[0].Text, blocks[1:]
	}
	for i := range blocks {
		if blocks[i].Kind == model.KindHeadline {
			blocks[i].Kind = model.KindHeading2
		}
	}
	return title, blocks
}

// pageDir returns the text direction an untrusted page declares for its content: on <main>, else
// on <body>, else on <html>.
func pageDir(doc *html.Node) string {
	for _, a := range []atom.Atom{atom.Main, atom.Body, atom.Html} {
		if n := findElement(doc, a); n != nil {
			if d := strings.TrimSpace(htmlAttr(n, "dir")); rxDir.MatchString(d) {
				return strings.ToLower(d)
			}
		}
	}
	return ""
}

// countElements counts the elements under n, stopping at limit.
func countElements(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil && count < limit; c = c.NextSibling {
			if c.Type == html.ElementNode {
				count++
			}
			walk(c)
		}
	}
	walk(n)
	return count
}

// findElement returns the first element a in document order, looking no deeper than needed.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
		if f := findElement(c, a); f != nil {
			return f
		}
	}
	return nil
}

// textContent returns the text of n with white space collapsed.
func textContent(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.TextNode {
			sb.WriteString(x.Data)
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return oneLine(sb.String())
}

// resolveURLs makes the href of links and src of images under n absolute against base. It runs
// on untrusted HTML before the sanitizer, which still decides what may stay.
func resolveURLs(n *html.Node, base *url.URL) {
	if n.Type == html.ElementNode {
		key := ""
		switch n.DataAtom {
		case atom.A:
			key = "href"
		case atom.Img:
			key = "src"
		}
		for i := range n.Attr {
			if a := &n.Attr[i]; key != "" && a.Key == key && a.Namespace == "" {
				v := strings.TrimSpace(a.Val)
				if strings.HasPrefix(strings.ToLower(v), "data:") {
					continue
				}
				if u, err := base.Parse(v); err == nil {
					a.Val = u.String()
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		resolveURLs(c, base)
	}
}

// screenReaderClasses are the class names sites give what is for screen readers only, shown to no
// one else.
var screenReaderClasses = map[string]bool{"visually-hidden": true, "visuallyhidden": true, "sr-only": true,
	"screen-reader-text": true, "screen-reader-only": true, "off-screen": true, "offscreen": true,
	"a11y-hidden": true, "element-invisible": true}

// removeHiddenHeadings takes out of an untrusted page the headings (h1 to h6) whose class says
// they are for screen readers only ("What's Next" over a box of links the page fills in later): the
// page shows no such heading, so a reader should not either. Other screen-reader text (a "Photo"
// or "Credit" label) is kept, as Readability keeps it.
func removeHiddenHeadings(n *html.Node) {
	removeElements(n, func(e *html.Node) bool { return isHeading(e) && screenReaderOnly(e) })
}

// removeElements removes from the tree under n each element for which drop is true, with what it
// holds, and looks no further into it.
func removeElements(n *html.Node, drop func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && drop(c) {
			n.RemoveChild(c)
		} else {
			removeElements(c, drop)
		}
		c = next
	}
}

// isHeading reports whether n is an h1 to h6 element.
func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// screenReaderOnly reports whether one of n's classes is in screenReaderClasses.
func screenReaderOnly(n *html.Node) bool {
	for _, c := range strings.Fields(htmlAttr(n, "class")) {
		if screenReaderClasses[strings.ToLower(c)] {
			return true
		}
	}
	return false
}

// removeCaptionsOfNothing takes out of readability's untrusted output each figure that holds no
// image and no text but its caption: its media was a video player or a frame that extraction took
// out, and a caption of nothing ("Media caption Mr Obama told the BBC…") would stand alone as a
// paragraph. A figure whose image the sanitizer refuses later (a data: URL) still has its <img>
// here, and keeps its caption.
func removeCaptionsOfNothing(n *html.Node) {
	removeElements(n, func(e *html.Node) bool { return e.DataAtom == atom.Figure && captionOfNothing(e) })
}

// captionOfNothing reports whether the figure fig has a figcaption, no img or picture, and no text
// outside its figcaption.
func captionOfNothing(fig *html.Node) bool {
	caption := false
	var other func(*html.Node) bool // whether x holds an image or text outside a caption
	other = func(x *html.Node) bool {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && letters(c.Data) > 0:
				return true
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.Img || c.DataAtom == atom.Picture:
				return true
			case c.DataAtom == atom.Figcaption:
				caption = true
			case other(c):
				return true
			}
		}
		return false
	}
	return !other(fig) && caption
}

// canonicalURL returns the address an untrusted page declares as its own (<link rel=canonical>,
// else og:url), resolved against base, the address it was read from, when it is on the same host
// (a leading "www." aside) over http or https: a page may name its clean address, without tracking
// parameters, but not send its reader's "original" link to another site. Without base, the
// declaration is taken only from the operator's own content (own; see Options.OwnContent), when it
// is absolute. Otherwise, or without such a declaration, it returns "".
func canonicalURL(doc *html.Node, base *url.URL, own bool) string {
	if base == nil && !own {
		return ""
	}
	var href string
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil && href == ""; c = c.NextSibling {
			if c.Type == html.ElementNode {
				switch {
				case c.DataAtom == atom.Link && hasToken(htmlAttr(c, "rel"), "canonical"):
					href = htmlAttr(c, "href")
				case c.DataAtom == atom.Body:
					return // declarations are in the head
				}
				find(c)
			}
		}
	}
	find(doc)
	if href == "" {
		if m := findMeta(doc, "og:url"); m != "" {
			href = m
		}
	}
	var u *url.URL
	var err error
	if base != nil {
		u, err = base.Parse(strings.TrimSpace(href))
	} else {
		u, err = url.Parse(strings.TrimSpace(href))
	}
	if href == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		base != nil && !strings.EqualFold(strings.TrimPrefix(u.Hostname(), "www."), strings.TrimPrefix(base.Hostname(), "www.")) {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// hasToken reports whether the space-separated list s holds tok, ignoring case.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// findMeta returns the content of the first <meta property=name> (or name=name) in the head.
func findMeta(doc *html.Node, name string) string {
	head := findElement(doc, atom.Head)
	if head == nil {
		return ""
	}
	for c := head.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Meta && (strings.EqualFold(htmlAttr(c, "property"), name) || strings.EqualFold(htmlAttr(c, "name"), name)) {
			return htmlAttr(c, "content")
		}
	}
	return ""
}
