package server

import (
	"bytes"
	"iter"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"verbatim/app"
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
	prev      string      // on a library page, the absolute address of the page before it, or ""
	next      string      // on a library page, the absolute address of the page after it, or ""
	fetch     bool        // the server fetches links (-fetch): pages that boot app.wasm say so to it
	assets    *pageAssets // the build's inline style and script and page scripts
}

// bootsWasm reports whether the page loads go-app's app.js, and so app.wasm: the library, the import
// page, and the reader of an article the server does not have (404), which may be one imported into
// this browser's store that only app.wasm can show. The reader of an article the server has, and
// every embed, is read with no wasm at all (issue 13).
func (i pageInfo) bootsWasm() bool {
	return i.kind == "" || (i.kind == model.PathArticle && !i.found)
}

// scripts returns the page scripts of the page's kind, in the order they run: reader.js and
// offline.js on the reader's own pages, embed-frame.js alone in an embed (not in a frame on a
// partner's page, which installs nothing; embed-frame.js loads reader.js, beside it, when the frame
// is first used or idle, off the partner's main thread's load). A script the web folder lacks is
// left out.
func (i pageInfo) scripts() []string {
	out := []string{i.assets.reader, i.assets.offline}
	if i.kind == model.PathEmbed {
		out = []string{i.assets.embedFrame}
	}
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}

// pageDoc is a page being post-processed: its parsed tree, its head and body, its elements as
// parsed, and the server's pageInfo.
type pageDoc struct {
	doc, head, body *html.Node
	// all is every element of the parsed page in document order, and metas, links and scriptTags
	// its meta, link and script elements: the steps look in these, made in the one walk that also
	// sorts the attributes (sortAttributes), instead of walking the tree again each. A step that
	// removes an element leaves it here, out of the tree (inTree); the elements steps add are not.
	all, metas, links, scriptTags []*html.Node
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
	{"og:image", setOGImage},
	{"zoom viewport", dropZoomViewport},
	{"false booleans", dropFalseBooleans},
	{"bare ARIA states", restoreARIATrue},
	{"app.css", dropAppCSS},
	{"style sheet", inlineStyleSheet},
	{"settings script", inlineSettingsScript},
	{"manifest", dropEmbedManifest},
	{"page scripts", setPageScripts},
	{"loader", fitLoader},
	{"layout newlines", trimBodyLayout},
	{"head additions", addToHead},
	{"render after #main", expectMain},
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
	if info.assets == nil {
		info.assets = &pageAssets{}
	}
	p := &pageDoc{doc: doc, pageInfo: info}
	// html.Parse always makes the head and the body, whatever the page holds.
	for n := range elements(doc) {
		switch n.DataAtom {
		case atom.Head:
			if p.head == nil {
				p.head = n
			}
		case atom.Body:
			if p.body == nil {
				p.body = n
			}
		case atom.Meta:
			p.metas = append(p.metas, n)
		case atom.Link:
			p.links = append(p.links, n)
		case atom.Script:
			p.scriptTags = append(p.scriptTags, n)
		}
		p.all = append(p.all, n)
		sortAttributes(n)
	}
	for _, step := range pageSteps {
		if !step.edit(p) {
			missing = append(missing, step.name)
		}
	}
	var b bytes.Buffer
	// About the page's size: go-app's page and what the steps inline into it.
	b.Grow(len(src) + len(p.assets.style) + len(p.assets.settings) + len(p.assets.choices) + 1024)
	if err := html.Render(&b, doc); err != nil {
		return src, append(missing, "render")
	}
	return b.Bytes(), missing
}

// setOGURL gives the og:url meta the page's canonical address: go-app takes it from the request's
// Host.
func setOGURL(p *pageDoc) bool {
	found := false
	for _, n := range p.metas {
		if attr(n, "property") == "og:url" {
			found = true
			if p.canonical != "" {
				setAttr(n, "content", p.canonical)
			}
		}
	}
	return found
}

// setOGImage makes the og:image meta's address absolute, against the page's canonical address, as
// social previews need; an og:image with no address (a page that set none) is removed.
func setOGImage(p *pageDoc) bool {
	for _, n := range p.metas {
		if attr(n, "property") != "og:image" || !inTree(n, p.doc) {
			continue
		}
		img := attr(n, "content")
		base, err := url.Parse(p.canonical)
		switch {
		case img == "":
			n.Parent.RemoveChild(n)
		case err == nil && p.canonical != "":
			if ref, err := url.Parse(img); err == nil {
				setAttr(n, "content", base.ResolveReference(ref).String())
			}
		}
		return true
	}
	return false
}

// dropZoomViewport removes a viewport meta that forbids zooming: go-app writes one with
// maximum-scale=1 and user-scalable=0 before the app's own, and a reader must allow pinch zoom.
func dropZoomViewport(p *pageDoc) bool {
	var drop []*html.Node
	for _, n := range p.metas {
		if attr(n, "name") == "viewport" && blocksZoom(attr(n, "content")) && inTree(n, p.doc) {
			drop = append(drop, n)
		}
	}
	removeAll(drop)
	return len(drop) > 0
}

// sortAttributes puts the attributes of an element go-app rendered in name order (postProcess
// sorts every element's). go-app writes an element's attributes in the order of a Go map, which
// changes from one render to the next, so the same page would otherwise have other bytes (another
// ETag, another hash in the export's manifest) at each render. It runs before the steps: the
// elements and attributes they add keep their own order.
func sortAttributes(n *html.Node) {
	if len(n.Attr) > 1 {
		slices.SortStableFunc(n.Attr, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) })
	}
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
	for _, n := range p.all {
		n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool {
			drop := a.Val == "false" && slices.Contains(booleanAttrs, a.Key)
			found = found || drop
			return drop
		})
	}
	return found
}

// ariaStates are the ARIA attributes whose value is a "true"/"false" token. go-app writes the value
// "true" bare (aria-pressed, with no value), which the parser reads as "", and an empty ARIA state
// means undefined: a toggle button would be no toggle at all to a screen reader until reader.js
// runs, and for good when scripts are off.
var ariaStates = []string{"aria-atomic", "aria-busy", "aria-checked", "aria-disabled", "aria-expanded", "aria-hidden",
	"aria-modal", "aria-pressed", "aria-selected"}

// restoreARIATrue gives the ARIA states go-app wrote bare (ariaStates) their value "true" back.
// Only the reader's pages hold any (its pressed toggles).
func restoreARIATrue(p *pageDoc) bool {
	found := false
	for _, n := range p.all {
		for i, a := range n.Attr {
			if a.Namespace == "" && a.Val == "" && slices.Contains(ariaStates, a.Key) {
				n.Attr[i].Val = "true"
				found = true
			}
		}
	}
	return found
}

// dropAppCSS removes the links to go-app's /app.css (a preload and the stylesheet): its only rules
// make go-app's loader a full-screen cover over the prerendered article until app.wasm runs;
// verbatim.css styles the loader instead, and the page has one render-blocking stylesheet less.
func dropAppCSS(p *pageDoc) bool {
	var drop []*html.Node
	for _, n := range p.links {
		if attr(n, "href") == "/app.css" && inTree(n, p.doc) {
			drop = append(drop, n)
		}
	}
	removeAll(drop)
	return len(drop) > 0
}

// inlineStyleSheet puts the whole style sheet into the page as a <style> element, in place of
// go-app's link to verbatim.css (Handler.Styles), and removes go-app's preload of it: the page needs
// no request before its first paint. An /embed/ page gets the embeds' part of it (embedStyleSheet).
// Its url()s were made absolute (newPageAssets), and the CSP allows it by its hash. With no style
// sheet in the web folder the links go all the same.
func inlineStyleSheet(p *pageDoc) bool {
	var sheet, preload *html.Node
	for _, n := range p.links {
		if p.assets.styleHref == "" || attr(n, "href") != p.assets.styleHref || !inTree(n, p.head) {
			continue
		}
		switch attr(n, "rel") {
		case "stylesheet":
			sheet = n
		case "preload":
			preload = n
		}
	}
	if sheet != nil && p.assets.style != "" {
		style := p.assets.style
		if p.kind == model.PathEmbed {
			style = p.assets.embedStyle
		}
		sheet.Parent.InsertBefore(rawTextElement(atom.Style, style), sheet)
	}
	removeAll(slices.DeleteFunc([]*html.Node{sheet, preload}, func(n *html.Node) bool { return n == nil }))
	return sheet != nil && preload != nil
}

// inlineSettingsScript puts settings.js into the page as an inline <script>, in place of go-app's
// <script src> of it (Handler.Scripts, a blocking script in the head): it applies the reader's
// settings before the first paint, with no request. Before it goes the settings' choices, a JSON
// <script type="application/json" id="verbatim-settings-choices"> that it reads (a data block, which
// the browser never runs, so the CSP has nothing to allow). The CSP allows the script by its hash.
//
// On the reader's page of an article the server has, both go just before the main element
// (settingsBeforeMain), not in the head: that page renders no frame before its main element
// (expectMain), so the script still runs before the first paint.
func inlineSettingsScript(p *pageDoc) bool {
	var script *html.Node
	for _, n := range p.scriptTags {
		if p.assets.settingsSrc != "" && attr(n, "src") == p.assets.settingsSrc && inTree(n, p.head) {
			script = n
		}
	}
	if script == nil {
		return false
	}
	if p.assets.settings != "" {
		choices := rawTextElement(atom.Script, p.assets.choices)
		choices.Attr = []html.Attribute{{Key: "type", Val: "application/json"}, {Key: "id", Val: settingsChoicesID}}
		at := script
		if main := settingsBeforeMain(p); main != nil {
			at = main
		}
		at.Parent.InsertBefore(choices, at)
		at.Parent.InsertBefore(rawTextElement(atom.Script, p.assets.settings), at)
	}
	removeAll([]*html.Node{script})
	return true
}

// settingsBeforeMain returns the main element (id mainID) that the settings script goes before on
// the reader's page of an article the server has, or nil on every other page, where it stays in
// the head. On that page the head's parse is shorter, and the script's run (the page's first read
// of local storage waits on the browser) spends the parser's budget just before the main element:
// the parser yields as soon as it has reached it, and the first frame, which waited for it
// (expectMain), holds the site's header and nothing more to style and lay out (35 elements and 29
// layout objects in every traced load at 4× CPU, against 33–225 and 29–339 with the script in the
// head, where the parser went on into the article before it yielded). The other pages keep it in
// the head: app.wasm takes over the library's and the import page's body, and an embed's first
// paint is measured in the partner's page.
func settingsBeforeMain(p *pageDoc) *html.Node {
	if p.kind != model.PathArticle || !p.found {
		return nil
	}
	if n := p.mainElement(); n != nil && n.DataAtom == atom.Main {
		return n
	}
	return nil
}

// mainElement returns the page's first element with id mainID (the skip link's target) in its
// body, or nil: expectMain waits for it and settingsBeforeMain puts the settings before it.
func (p *pageDoc) mainElement() *html.Node {
	for _, n := range p.all {
		if attr(n, "id") == mainID && inTree(n, p.body) {
			return n
		}
	}
	return nil
}

// dropEmbedManifest removes the manifest link from /embed/ pages: a frame on a partner's page is
// not an app to install. The reader's own pages keep it.
func dropEmbedManifest(p *pageDoc) bool {
	var manifest *html.Node
	for _, n := range p.links {
		if attr(n, "rel") == "manifest" && inTree(n, p.head) {
			manifest = n
		}
	}
	if manifest != nil && p.kind == model.PathEmbed {
		removeAll([]*html.Node{manifest})
	}
	return manifest != nil
}

// The scripts go-app puts in every page's head (deferred) to boot app.wasm.
const (
	wasmExecJS = "/wasm_exec.js"
	appJS      = "/app.js"
)

// setPageScripts gives the page its scripts (pageInfo.scripts), deferred, before go-app's
// wasm_exec.js and app.js, so that they run first; and removes go-app's two scripts from the pages
// that do not boot app.wasm (pageInfo.bootsWasm). A page that boots app.wasm preloads it from the
// top of its head (as=fetch, crossorigin, as app.js's fetch asks for it, so that the fetch takes the
// preload's response): the download starts as soon as the head arrives instead of after the deferred
// scripts ran app.js, some 600 ms later on the library at 4× CPU and Fast 4G.
func setPageScripts(p *pageDoc) bool {
	var wasmExec, app *html.Node
	for _, n := range p.scriptTags {
		if !inTree(n, p.head) {
			continue
		}
		switch attr(n, "src") {
		case wasmExecJS:
			wasmExec = n
		case appJS:
			app = n
		}
	}
	if wasmExec == nil || app == nil {
		return false
	}
	for _, src := range p.scripts() {
		p.head.InsertBefore(element(atom.Script, "defer", "", "src", src), wasmExec)
	}
	switch {
	case !p.bootsWasm():
		removeAll([]*html.Node{wasmExec, app})
	case p.assets.wasm != "":
		p.head.InsertBefore(element(atom.Link, "rel", "preload", "href", p.assets.wasm, "as", "fetch", "crossorigin", "anonymous"), afterCharset(p.head))
	}
	return true
}

// The ids of go-app's loader (its status line while app.wasm loads) and of its image.
const (
	loaderID     = "app-wasm-loader"
	loaderIconID = "app-wasm-loader-icon"
)

// headerIconSuffix ends the src of the header's icon (its versioned URL).
const headerIconSuffix = "/web/icons/icon-192.png"

// fitLoader removes go-app's loader from the pages that do not boot app.wasm: nothing loads there.
// On the others it points the loader's image at the header's icon, the same 192-pixel PNG at its
// versioned (immutable) URL, so that the browser fetches it once. (The header's icon is a PNG, not
// the SVG: an SVG image is decoded on the main thread, in a document of its own, before the first
// paint: 12–76 ms at 4× CPU in the reader's traces.)
func fitLoader(p *pageDoc) bool {
	var loader, icon *html.Node
	headerIcon := ""
	for n := range elements(p.body) {
		switch {
		case attr(n, "id") == loaderID:
			loader = n
		case attr(n, "id") == loaderIconID:
			icon = n
		case n.DataAtom == atom.Img && headerIcon == "" && strings.HasSuffix(attr(n, "src"), headerIconSuffix):
			headerIcon = attr(n, "src")
		}
	}
	if loader == nil || icon == nil {
		return false
	}
	switch {
	case !p.bootsWasm():
		removeAll([]*html.Node{loader})
	case headerIcon != "":
		icon.Attr = []html.Attribute{{Key: "id", Val: loaderIconID}, {Key: "class", Val: "goapp-logo"}, {Key: "alt"}, {Key: "src", Val: headerIcon}}
	}
	return true
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
//   - on the page of an article the library has, the canonical link and the oEmbed discovery link;
//   - on an embed page, the partner list (for embed-frame.js) and robots noindex;
//   - on a library page, rel="prev" and rel="next" links to the pages before and after it;
//   - on a page that boots app.wasm, when the server runs with -fetch, <meta name="verbatim-fetch">
//     naming POST /api/fetch, which tells the import page to offer "Read from a link" (app.FetchMeta).
//
// No page preloads its article's JSON any more: only app.wasm read it, and the pages of an article
// the server has no longer load app.wasm. It needs only the head, which the parser always makes, so
// its marker is always found.
func addToHead(p *pageDoc) bool {
	var head []*html.Node
	switch {
	case p.kind == model.PathArticle && p.found:
		head = append(head,
			element(atom.Link, "rel", "canonical", "href", p.canonical),
			element(atom.Link, "rel", "alternate", "type", "application/json+oembed", "href", p.oembed, "title", p.title))
	case p.kind == model.PathEmbed:
		head = append(head,
			element(atom.Meta, "name", "verbatim-partners", "content", strings.Join(p.partners, " ")),
			element(atom.Meta, "name", "robots", "content", "noindex"))
	}
	if p.prev != "" {
		head = append(head, element(atom.Link, "rel", "prev", "href", p.prev))
	}
	if p.next != "" {
		head = append(head, element(atom.Link, "rel", "next", "href", p.next))
	}
	if p.fetch && p.bootsWasm() {
		head = append(head, element(atom.Meta, "name", app.FetchMeta, "content", app.FetchPath))
	}
	for _, n := range head {
		p.head.AppendChild(n)
	}
	return true
}

// mainID is the id of every page's main element, the skip link's target.
const mainID = "main"

// expectMain puts <link rel="expect" href="#main" blocking="render"> first in the head (after its
// meta charset) of a page that has an element with id "main": the browser renders no frame of the
// page before the parser has reached that element. Without it, Chromium yields its parser after the
// reader's head (the inline style sheet and settings script take longer than its parse budget at 4×
// CPU) and renders a frame of an empty body first: a style pass over the whole sheet and a paint with
// nothing in them, which the article's first contentful paint then waits behind, before the parser
// goes on. The main element follows the site's header a few hundred bytes into the body, so the
// first frame holds the header's and the page's first words. A browser without rel=expect ignores
// the link; with no such element nothing is added (rendering would wait for the whole parse).
func expectMain(p *pageDoc) bool {
	if p.mainElement() == nil {
		return false
	}
	p.head.InsertBefore(element(atom.Link, "rel", "expect", "href", "#"+mainID, "blocking", "render"), afterCharset(p.head))
	return true
}

// afterCharset returns the child of head after its meta charset (its first child when it has none),
// where an element goes that the browser should see first: nil means the end.
func afterCharset(head *html.Node) *html.Node {
	for n := head.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta && attr(n, "charset") != "" {
			return n.NextSibling
		}
	}
	return head.FirstChild
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

// rawTextElement returns a new style or script element holding text as it is: html.Render writes the
// content of these elements unescaped, as the browser reads it (checkRawText keeps their end tag out).
func rawTextElement(a atom.Atom, text string) *html.Node {
	n := element(a)
	n.AppendChild(&html.Node{Type: html.TextNode, Data: text})
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

// inTree reports whether n is root or below it: an element a step removed is in no tree.
func inTree(n, root *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == root {
			return true
		}
	}
	return false
}

// removeAll removes each node from its parent, and the newline go-app wrote after it.
func removeAll(nodes []*html.Node) {
	for _, n := range nodes {
		if n.Parent == nil {
			continue
		}
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
