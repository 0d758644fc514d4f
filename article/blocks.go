package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"verbatim/article/model"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The block walker turns sanitized HTML into blocks of plain text with inline runs. It only ever
// sees the output of Sanitize: the trust boundary is crossed before it runs. It still checks every
// href and src it keeps against the policy's URL rules, and it copies only text nodes and those
// two attributes (plus alt), so no markup can reach a Block.

// runStyle is the inline formatting of a run, without its text.
type runStyle struct {
	href             string
	em, strong, code bool
}

// runMark marks where a run starts in a buffer, and its style.
type runMark struct {
	at int
	st runStyle
}

// inlineBuf accumulates the inline text of one block.
type inlineBuf struct {
	text  []byte
	marks []runMark
	space bool // the text ends in collapsible white space (or is empty)
}

// blockWalker walks sanitized HTML into blocks.
type blockWalker struct {
	blocks  []model.Block
	buf     inlineBuf
	st      runStyle
	pre     int           // depth inside <pre>: white space is kept
	quote   int           // depth inside <blockquote>
	pending []model.Block // images met inside running text, added after the paragraph that holds them

	figImg, figCap *html.Node // the image of the figure being walked, and what places its block
}

func newWalker() *blockWalker { return &blockWalker{buf: inlineBuf{space: true}} }

// walkHTML returns the blocks of a sanitized HTML fragment.
func walkHTML(nodes []*html.Node) []model.Block {
	b := newWalker()
	for _, n := range nodes {
		b.walk(n)
	}
	b.flush(model.KindParagraph)
	return b.blocks
}

// add appends text in the current style. Outside <pre>, runs of HTML white space collapse to one
// space and white space at the start of a block is dropped.
func (b *blockWalker) add(s string) {
	if s == "" {
		return
	}
	if b.pre > 0 {
		b.write(s, b.st)
		b.buf.space = false
		return
	}
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			if !b.buf.space {
				out = append(out, ' ')
				b.buf.space = true
			}
			continue
		}
		out = append(out, c)
		b.buf.space = false
	}
	if len(out) > 0 {
		b.write(string(out), b.st)
	}
}

// write appends s to the inlineBuf in runStyle st, opening a new run when the runStyle changes.
func (b *blockWalker) write(s string, st runStyle) {
	if n := len(b.buf.marks); n == 0 || b.buf.marks[n-1].st != st {
		b.buf.marks = append(b.buf.marks, runMark{at: len(b.buf.text), st: st})
	}
	b.buf.text = append(b.buf.text, s...)
}

// lineBreak adds a line break (<br>): a "\n" that white-space collapsing keeps.
func (b *blockWalker) lineBreak() {
	if b.pre > 0 {
		b.write("\n", b.st)
		return
	}
	b.trimEnd()
	if len(b.buf.text) == 0 {
		return
	}
	b.write("\n", b.st)
	b.buf.space = true
}

// trimEnd drops trailing white space from the inlineBuf (outside <pre>).
func (b *blockWalker) trimEnd() {
	t := b.buf.text
	for len(t) > 0 && (t[len(t)-1] == ' ' || t[len(t)-1] == '\n') {
		t = t[:len(t)-1]
	}
	b.buf.text = t
	for n := len(b.buf.marks); n > 0 && b.buf.marks[n-1].at >= len(t); n-- {
		b.buf.marks = b.buf.marks[:n-1]
	}
}

// take returns the inlineBuf's text and runs and empties it.
func (b *blockWalker) take() (string, []model.Run) {
	if b.pre == 0 {
		b.trimEnd()
	}
	text := string(b.buf.text)
	var runs []model.Run
	for i, sp := range b.buf.marks {
		end := len(text)
		if i+1 < len(b.buf.marks) {
			end = b.buf.marks[i+1].at
		}
		if end > sp.at {
			runs = append(runs, model.Run{Text: text[sp.at:end], Href: sp.st.href, Em: sp.st.em, Strong: sp.st.strong, Code: sp.st.code})
		}
	}
	b.buf = inlineBuf{space: true}
	return text, runs
}

// flush ends the current block of inline text, if it holds any, as a block of the given kind (a
// paragraph inside a blockquote becomes a blockquote block).
func (b *blockWalker) flush(kind model.BlockKind) {
	text, runs := b.take()
	if strings.TrimSpace(text) != "" {
		if kind == model.KindParagraph && b.quote > 0 {
			kind = model.KindBlockquote
		}
		b.blocks = append(b.blocks, model.Block{Kind: kind, Text: text, Runs: runs})
	}
	b.blocks = append(b.blocks, b.pending...)
	b.pending = nil
}

func (b *blockWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c)
	}
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// walk adds one node and its children.
func (b *blockWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.add(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		b.children(n)
		return
	default:
		return
	}
	if b.figImg != nil && (n == b.figImg || n == b.figCap) {
		if n == b.figCap {
			b.figureBlock()
		}
		return
	}
	saved := b.st
	defer func() { b.st = saved }()
	switch n.DataAtom {
	case atom.A:
		if h := strings.TrimSpace(htmlAttr(n, "href")); safeHref(h) {
			b.st.href = h
		}
		b.children(n)
	case atom.Em, atom.I, atom.Cite, atom.Dfn, atom.Var:
		b.st.em = true
		b.children(n)
	case atom.Strong, atom.B:
		b.st.strong = true
		b.children(n)
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		b.st.code = true
		b.children(n)
	case atom.Br:
		b.lineBreak()
	case atom.Img:
		if img, ok := imageBlock(n); ok {
			// An image inside running text ends the paragraph before it, unless the paragraph
			// is still empty; then it goes after the paragraph's text.
			if strings.TrimSpace(string(b.buf.text)) != "" {
				b.pending = append(b.pending, img)
			} else {
				b.blocks = append(b.blocks, img)
			}
		}
	case atom.H1:
		b.block(n, model.KindHeadline) // see promoteTitle
	case atom.H2:
		b.block(n, model.KindHeading2)
	case atom.H3, atom.H4, atom.H5, atom.H6:
		b.block(n, model.KindHeading3)
	case atom.Blockquote:
		b.flush(model.KindParagraph)
		b.quote++
		b.children(n)
		b.flush(model.KindParagraph)
		b.quote--
	case atom.Pre:
		b.flush(model.KindParagraph)
		b.pre++
		b.children(n)
		text, runs := b.take()
		b.pre--
		text, runs = trimPre(text, runs)
		if strings.TrimSpace(text) != "" {
			b.blocks = append(b.blocks, model.Block{Kind: model.KindPre, Text: text, Runs: runs})
		}
	case atom.Hr:
		b.flush(model.KindParagraph)
		b.blocks = append(b.blocks, model.Block{Kind: model.KindRule})
	case atom.Ul, atom.Ol:
		b.flush(model.KindParagraph)
		b.list(n)
	case atom.Figure:
		b.flush(model.KindParagraph)
		b.figure(n)
	case atom.Table:
		b.flush(model.KindParagraph)
		b.table(n)
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Aside,
		atom.Nav, atom.Details, atom.Summary, atom.Hgroup, atom.Address, atom.Center, atom.Dl, atom.Dt,
		atom.Dd, atom.Caption, atom.Figcaption, atom.Li, atom.Tr, atom.Td, atom.Th, atom.Tbody,
		atom.Thead, atom.Tfoot, atom.Form, atom.Fieldset, atom.Legend, atom.Picture, atom.Video,
		atom.Audio, atom.Object, atom.Iframe, atom.Noscript, atom.Menu, atom.Dialog:
		b.block(n, model.KindParagraph)
	case atom.Script, atom.Style, atom.Template, atom.Title, atom.Head, atom.Svg, atom.Math, atom.Textarea, atom.Select:
		// Never reached after sanitizing; skipped whole in case a policy change lets one through.
	default:
		b.children(n)
	}
}

// block walks n as a block of its own.
func (b *blockWalker) block(n *html.Node, kind model.BlockKind) {
	b.flush(model.KindParagraph)
	b.children(n)
	b.flush(kind)
}

// imageBlock returns the img block of an <img>, when its src passed the policy.
func imageBlock(n *html.Node) (model.Block, bool) {
	src := strings.TrimSpace(htmlAttr(n, "src"))
	if src == "" || !safeSrc(src) {
		return model.Block{}, false
	}
	return model.Block{Kind: model.KindImage, Src: src, Alt: oneLine(htmlAttr(n, "alt"))}, true
}

// oneLine collapses white space to single spaces.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isOneLine reports whether oneLine would give s back: s has no white space but single spaces
// between other characters. Eight ASCII bytes are tested at once (see asciiSpaces8): an article's
// excerpt asks it of the first paragraph.
func isOneLine(s string) bool {
	space := uint64(1) // 1 when the character before is a space, or there is none
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load64(s[i : i+8]); x&highBits == 0 {
				// White space but ' ' fails, as does a space after a space (sp shifted a byte up,
				// with space in the first).
				sp := zeroBytes8(x ^ ' '*ones8)
				if inRange8(x, '\t', '\r') != 0 || sp&(sp<<8|space<<7) != 0 {
					return false
				}
				space = sp >> 63
				i += 8
				continue
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] != 0 && (c != ' ' || space != 0) {
				return false
			}
			space = 0
			if c == ' ' {
				space = 1
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		space = 0
		i += n
	}
	return space == 0 || s == ""
}

// trimPre drops the blank lines around preformatted text.
func trimPre(text string, runs []model.Run) (string, []model.Run) {
	lead := len(text) - len(strings.TrimLeft(text, "\r\n"))
	trail := len(text) - len(strings.TrimRight(text, " \t\r\n"))
	if lead == 0 && trail == 0 {
		return text, runs
	}
	if lead+trail >= len(text) {
		return "", nil
	}
	return text[lead : len(text)-trail], sliceRuns(runs, lead, len(text)-trail)
}

// sliceRuns returns the runs covering the byte range [from, to) of their text.
func sliceRuns(runs []model.Run, from, to int) []model.Run {
	var out []model.Run
	pos := 0
	for _, r := range runs {
		s, e := pos, pos+len(r.Text)
		pos = e
		if e <= from || s >= to {
			continue
		}
		lo, hi := max(s, from)-s, min(e, to)-s
		r.Text = r.Text[lo:hi]
		out = append(out, r)
	}
	return out
}

// inlineText walks the children of n in a walker of their own and returns all their text as
// one text with runs, the blocks inside joined by sep; images found inside are returned apart.
func inlineText(n *html.Node, sep string) (text string, runs []model.Run, images []model.Block) {
	sub := newWalker()
	sub.children(n)
	sub.flush(model.KindParagraph)
	return joinBlocks(sub.blocks, sep)
}

// mergeRuns joins neighbouring runs of the same style.
func mergeRuns(runs []model.Run) []model.Run {
	var out []model.Run
	for _, r := range runs {
		if r.Text == "" {
			continue
		}
		if n := len(out); n > 0 && sameStyle(out[n-1], r) {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

func sameStyle(a, b model.Run) bool {
	return a.Href == b.Href && a.Em == b.Em && a.Strong == b.Strong && a.Code == b.Code &&
		a.Quote == b.Quote && a.Speaker == b.Speaker
}

// list adds a ul or ol block. Each li becomes one item; the items of nested lists follow their
// parent item in the same list, and images inside items follow the list.
func (b *blockWalker) list(n *html.Node) {
	kind := model.KindList
	if n.DataAtom == atom.Ol {
		kind = model.KindOrdered
	}
	lst := model.Block{Kind: kind}
	var images []model.Block
	var loose []*html.Node // text and inline nodes directly inside the list
	addItem := func(text string, runs []model.Run) {
		if strings.TrimSpace(text) != "" {
			lst.Items = append(lst.Items, model.Block{Kind: model.KindItem, Text: text, Runs: runs})
		}
	}
	flushLoose := func() {
		if len(loose) == 0 {
			return
		}
		sub := newWalker()
		for _, c := range loose {
			sub.walk(c)
		}
		sub.flush(model.KindParagraph)
		loose = nil
		t, r, im := joinBlocks(sub.blocks, " ")
		addItem(t, r)
		images = append(images, im...)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li && c.DataAtom != atom.Ul && c.DataAtom != atom.Ol {
			loose = append(loose, c)
			continue
		}
		flushLoose()
		var nested []*html.Node
		if c.DataAtom == atom.Li {
			// The item's own text, without its nested lists, then the nested lists' items.
			sub := newWalker()
			for cc := c.FirstChild; cc != nil; cc = cc.NextSibling {
				if cc.Type == html.ElementNode && (cc.DataAtom == atom.Ul || cc.DataAtom == atom.Ol) {
					nested = append(nested, cc)
					continue
				}
				sub.walk(cc)
			}
			sub.flush(model.KindParagraph)
			t, r, im := joinBlocks(sub.blocks, "\n")
			addItem(t, r)
			images = append(images, im...)
		} else {
			nested = append(nested, c)
		}
		for _, nl := range nested {
			sub := newWalker()
			sub.list(nl)
			for _, blk := range sub.blocks {
				if blk.Kind == model.KindList || blk.Kind == model.KindOrdered {
					lst.Items = append(lst.Items, blk.Items...)
				} else {
					images = append(images, blk)
				}
			}
		}
	}
	flushLoose()
	if len(lst.Items) > 0 {
		texts := make([]string, len(lst.Items))
		for i, it := range lst.Items {
			texts[i] = it.Text
		}
		lst.Text = strings.Join(texts, "\n")
		b.blocks = append(b.blocks, lst)
	}
	b.blocks = append(b.blocks, images...)
}

// joinBlocks joins the text blocks of a sub-walk into one text with runs, blocks separated by
// sep; images are returned apart.
func joinBlocks(blocks []model.Block, sep string) (string, []model.Run, []model.Block) {
	var sb strings.Builder
	var runs, images = []model.Run(nil), []model.Block(nil)
	for _, blk := range blocks {
		if blk.Kind == model.KindImage || blk.Kind == model.KindFigure && blk.Src != "" {
			images = append(images, model.Block{Kind: model.KindImage, Src: blk.Src, Alt: blk.Alt})
			if blk.Kind == model.KindImage {
				continue
			}
		}
		parts := []model.Block{blk}
		if blk.Kind == model.KindList || blk.Kind == model.KindOrdered {
			parts = blk.Items
		}
		for _, p := range parts {
			if p.Text == "" {
				continue
			}
			if sb.Len() > 0 {
				sb.WriteString(sep)
				runs = append(runs, model.Run{Text: sep})
			}
			sb.WriteString(p.Text)
			runs = append(runs, p.Runs...)
		}
	}
	return sb.String(), mergeRuns(runs), images
}

// figure adds a figure block: its first image, with the figcaption as caption (and as text, so
// the caption is part of the text space). The block stands where the caption is (or the image,
// without a caption), so the text of the figure keeps its document order. A figure without an
// image is walked as blocks.
func (b *blockWalker) figure(n *html.Node) {
	var img, caption *html.Node
	var find func(*html.Node)
	find = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch {
			case c.DataAtom == atom.Img && img == nil:
				if _, ok := imageBlock(c); ok {
					img = c
				}
			case c.DataAtom == atom.Figcaption && caption == nil:
				caption = c
			default:
				find(c)
			}
		}
	}
	find(n)
	if img == nil {
		b.children(n)
		b.flush(model.KindParagraph)
		return
	}
	savedImg, savedCap := b.figImg, b.figCap
	b.figImg, b.figCap = img, caption
	if caption == nil {
		b.figCap = img
	}
	b.children(n)
	b.flush(model.KindParagraph)
	b.figImg, b.figCap = savedImg, savedCap
}

// figureBlock emits the figure block of the figure being walked, at the node that places it.
func (b *blockWalker) figureBlock() {
	b.flush(model.KindParagraph)
	fig, _ := imageBlock(b.figImg)
	fig.Kind = model.KindFigure
	var extra []model.Block
	if b.figCap != b.figImg {
		fig.Text, fig.Runs, extra = inlineText(b.figCap, " ")
		fig.Caption = fig.Text
	}
	b.blocks = append(b.blocks, fig)
	b.blocks = append(b.blocks, extra...)
}

// table adds each row of a table as a paragraph, its cells separated by tabs; a caption comes
// first.
func (b *blockWalker) table(n *html.Node) {
	var rows func(*html.Node)
	rows = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				if c.Type == html.TextNode {
					b.add(c.Data)
				}
				continue
			}
			switch c.DataAtom {
			case atom.Caption:
				b.block(c, model.KindParagraph)
			case atom.Tr:
				b.flush(model.KindParagraph)
				var cells []model.Block
				for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.Type == html.ElementNode && (cell.DataAtom == atom.Td || cell.DataAtom == atom.Th) {
						t, r, im := inlineText(cell, " ")
						cells = append(cells, model.Block{Text: t, Runs: r})
						b.pending = append(b.pending, im...)
					}
				}
				t, r, _ := joinBlocks(cells, "\t")
				if strings.TrimSpace(t) != "" {
					b.blocks = append(b.blocks, model.Block{Kind: model.KindParagraph, Text: t, Runs: r})
				}
				b.blocks = append(b.blocks, b.pending...)
				b.pending = nil
			case atom.Thead, atom.Tbody, atom.Tfoot:
				rows(c)
			default:
				b.walk(c)
			}
		}
	}
	rows(n)
	b.flush(model.KindParagraph)
}
