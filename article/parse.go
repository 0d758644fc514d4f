package article

import (
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
	"verbatim/article/model"
)

// Options tune Parse.
type Options struct {
	Format model.Format    // FormatAuto when empty
	URL    string          // the article's address: resolves relative links and fills Article.URL (a page's canonical address on the same host takes its place there)
	ID     model.ArticleID // the id to give the article; derived from the title when empty
	// OwnContent says the input is the operator's own, such as a file of the server's content
	// directory, not a page a reader brought: without URL, a full page's declared canonical address
	// (absolute, http or https) becomes Article.URL, the reader's link to the original. A page a
	// reader brings may not name its own origin that way, which would let a forged page pass as
	// another site's.
	OwnContent bool
}

// Parse reads an untrusted article from r and returns it sanitized and structured.
//
// Trust boundary: r is untrusted, and may be anything up to MaxInputBytes. Plain text is never
// interpreted as markup. HTML (a full page after readability, a fragment, or Markdown after
// goldmark) reaches the block walker only through Sanitize, the one sanitizer policy. The Article
// holds plain text, offsets and URLs that passed that policy; nothing in it is HTML.
//
// Errors read "parsing article: …" and say what is wrong and what to do: an empty input, one over
// MaxInputBytes (*TooLargeError), binary data (ErrBinary), or no readable text (ErrNoText).
// Invalid UTF-8 is repaired, each bad byte becoming U+FFFD, except in a full HTML page, which is
// decoded from the legacy encoding it declares. A few stray NUL bytes (maxStrayNULs) become U+FFFD
// too, as browsers read them; more are binary data. Time and memory stay bounded for any input,
// deeply nested HTML included.
func Parse(r io.Reader, opts Options) (*model.Article, error) {
	a, err := parse(r, opts)
	if err != nil {
		return nil, fmt.Errorf("parsing article: %w", err)
	}
	return a, nil
}

func parse(r io.Reader, opts Options) (*model.Article, error) {
	format := opts.Format
	switch format {
	case "":
		format = model.FormatAuto
	case model.FormatAuto, model.FormatText, model.FormatHTML, model.FormatFragment, model.FormatMarkdown:
	default:
		return nil, fmt.Errorf("unknown format %q: use auto, text, html, fragment or markdown", format)
	}
	var base *url.URL
	if opts.URL != "" {
		u, err := url.Parse(opts.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("the article's URL %q is not an absolute http or https address; give one like https://example.com/news/1", opts.URL)
		}
		base = u
	}
	data, valid, ascii, err := readInput(r)
	if err != nil {
		return nil, err
	}
	src := data
	if !valid {
		src = repairText(data)
	}
	if format == model.FormatAuto {
		format = detectFormat(src)
	}
	if format == model.FormatHTML && !valid && !utf8.ValidString(data) {
		src = decodePage([]byte(data)) // a page in a legacy encoding; its text space is built from blocks
	}
	src = replaceNULs(src)
	var a *model.Article
	switch format {
	case model.FormatText:
		a = parseText(src, ascii)
	case model.FormatHTML:
		a, err = parsePage(src, base, opts.OwnContent)
	case model.FormatFragment:
		a, err = parseFragment(src, base)
	case model.FormatMarkdown:
		a, err = parseMarkdown(src, base)
	}
	if err != nil {
		return nil, err
	}
	if format != model.FormatText {
		liftByline(a)
		liftTail(a)
	}
	if len(a.Blocks) == 0 {
		return nil, model.ErrNoText
	}
	a.Format = format
	if base != nil && a.URL == "" {
		a.URL = base.String() // a page may have given its canonical address (see canonicalURL)
	}
	finish(a, opts.ID)
	return a, nil
}

// finish numbers the blocks, lays out the text space (for every format but plain text, whose
// offsets come from the input), finds quotes and marks them in the runs, and fills the derived
// metadata.
func finish(a *model.Article, id model.ArticleID) {
	if a.Format != model.FormatText {
		layout(a.Blocks)
	}
	n := 0
	for i := range a.Blocks {
		n++
		a.Blocks[i].ID = model.BlockID(numberedID('b', n))
		for j := range a.Blocks[i].Items {
			n++
			a.Blocks[i].Items[j].ID = model.BlockID(numberedID('b', n))
		}
	}
	// The text blocks, their paragraphs and the scratch of the engine and of the quote marker come from
	// one pooled scratch: none of them outlives the call.
	sc := scratches.Get().(*scratch)
	tbs := appendTextBlocks(sc.tbs[:0], a.Blocks)
	paras := slices.Grow(sc.paras[:0], len(tbs))
	for _, b := range tbs {
		paras = append(paras, Paragraph{Block: b.ID, Text: b.Text, Start: b.Start, Headline: b.Kind == model.KindHeadline})
	}
	sc.tbs, sc.paras = tbs, paras
	quotes, speakers, words := sc.findQuotes(paras, a.Lang)
	sc.marker.apply(tbs, sc.lens, quotes)
	if a.Format == model.FormatText {
		oneRuns(tbs)
	}
	sc.release()
	a.Quotes, a.Speakers = quotes, speakers
	if a.Quotes == nil {
		a.Quotes = []model.Quote{}
	}
	if a.Speakers == nil {
		a.Speakers = []model.Speaker{}
	}
	if a.Extras == nil {
		a.Extras = []model.Extra{}
	}
	a.Title = oneLine(a.Title)
	a.Byline = oneLine(a.Byline)
	a.Site = oneLine(a.Site)
	fillMeta(a, words)
	a.Excerpt = strings.TrimSpace(a.Excerpt)
	if id != "" {
		a.ID = id
	} else {
		a.ID = Slug(a.Title)
	}
}
