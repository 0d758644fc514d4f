package server

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"verbatim/article/model"
	"verbatim/internal/quotecard"
)

// exportShares renders what a's quotes need on a static site: the share page of every quote that
// has a share link (/article/{id}/q/{n}, written as article/{id}/q/{n}.html, byte for byte what
// serveShare sends for the export's base URL, which never compresses it), and the cards those pages
// and the article page name as og:image: each quote's landscape card (card/{id}/q{n}.png), and the
// title card (card/{id}/title.png) of an article whose page shows no quote's card. Each card is
// drawn as serveCard draws the card at that path. The square cards are not written: no page and no
// link of the reader names them (its card dialog draws its own, in the browser), and drawing them
// would double the export's drawing; `verbatim serve` still answers them.
//
// Trust boundary: the article is the library's; its text reaches the pages through html/template
// (sharePageOf) and the cards as glyphs only. The paths are model's, of a valid id.
func (s *Server) exportShares(ctx context.Context, w *exportWriter, a *model.Article, old map[string]fileEntry) ([]fileEntry, error) {
	base := s.cfg.BaseURL
	var out []fileEntry
	var cards []model.QuoteID // the quotes whose landscape cards the pages name
	for _, q := range a.Quotes {
		self, ok := model.SharePath(a.ID, q.ID)
		if !ok {
			continue
		}
		page, err := sharePageOf(base, a, q.ID)
		if err != nil {
			return nil, fmt.Errorf("making the share page of %s: %w", q.ID, err)
		}
		// Identity only, as serveShare sends it: compressing a page of 1–2 KB twice (brotli and
		// gzip) cost more than drawing its card, to save a few hundred bytes.
		e, err := w.putFile(self, page, old)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
		cards = append(cards, q.ID)
	}
	// The article page's og:image (app.ReaderPage.setPage): its most prominent quote's card, one of
	// the above, or its title card (the empty id).
	if prominent, _ := model.ProminentQuote(a); !slices.Contains(cards, prominent.ID) {
		cards = append(cards, prominent.ID)
	}
	bufp := cardBuffers.Get().(*[]byte)
	defer cardBuffers.Put(bufp)
	for _, q := range cards {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := model.CardPath(a.ID, q, false)
		card, ok := cardOf(base, a, q)
		if !ok {
			return nil, fmt.Errorf("%s: no such quote", p)
		}
		png, err := quotecard.AppendPNG((*bufp)[:0], card, quotecard.Landscape)
		*bufp = png[:0]
		if err != nil {
			return nil, fmt.Errorf("drawing %s: %w", p, err)
		}
		// put writes and hashes png and keeps neither: the buffer is the next card's.
		e, err := w.putFile(p, png, old)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// cardBuffers holds the buffers exportShares encodes its cards in, one card at a time: a card's PNG
// (some 14 KB) is written and hashed, then the buffer takes the next.
var cardBuffers = sync.Pool{New: func() any {
	var b []byte
	return &b
}}
